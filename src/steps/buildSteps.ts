import type { CalendarIndex } from '../calendar/calendarIndex.js';
import { dayNumber, isoDate, isoDateCached } from '../calendar/dayNumber.js';
import { schoolDaysBetween } from '../calendar/schoolDaysSince.js';
import type { DateSource, Escalation, NotRecommended, Reason, Step } from '../model/decision.js';
import type { DatedValue } from '../model/datedParameter.js';
import type { Facts } from '../model/facts.js';
import { latestMeasure } from '../model/measures.js';
import type { Deadline } from '../model/policyFile.js';
import type { StudentCase } from '../model/studentCase.js';
import type { StepId, StepKind } from '../model/vocabulary.js';
import { rateAbove } from '../policy/operators.js';
import type { PolicyParameters } from '../policy/policy.js';
import type { NoticeDay } from '../metrics/computeFacts.js';
import { STEP_CATALOG } from './catalog.js';
import { closingMeasure } from './closing.js';
import { consentState } from './consent.js';
import { withChildConsentPath } from './childConsentPath.js';
import { triggerDate, type DatingContext } from './dating.js';
import type { OpenDuty } from './heldOpen.js';
import { dueFrom } from './dueDates.js';
import { episodeDates } from './episodes.js';
import { strictest } from './deadline.js';
import { routeStep } from './routing.js';
import { csnReport, type SkolkMonths } from './csnReport.js';
import { sortSteps } from './stepOrder.js';
import { consentRequestFor } from './consentRequest.js';
import type { EvaluatedRule, EvaluatedStep } from './evaluateRules.js';

/** Everything step building reads. */
export interface StepContext {
  readonly input: StudentCase;
  readonly facts: Facts;
  readonly asOf: string;
  readonly index: CalendarIndex;
  readonly parameters: PolicyParameters;
  readonly dating: DatingContext;
  readonly noticeDays: readonly NoticeDay[];
  /** First day of the current whole-day streak (for `absence-start` deadlines). */
  readonly absenceStart: string | null;
  /** First days with invalid absence of last month and this month (the CSN report's first skolk day). */
  readonly skolkMonths?: SkolkMonths;
  /** The child-consent age in force on asOf. */
  readonly consentAge: DatedValue | undefined;
  /**
   * Steps open on an earlier night, by step id: their duty arose then, so
   * tonight's step keeps that date unless a measure has closed it since.
   */
  readonly openSince?: ReadonlyMap<StepId, OpenDuty> | undefined;
  /** false: a step none of whose rules fired gets no `conditions-not-met` entry (its rules carry no evidence; see `evaluate`'s `whyNot`). Default true. */
  readonly whyNot?: boolean;
}

const KIND_STRENGTH: Readonly<Record<StepKind, number>> = { lagkrav: 0, riktlinje: 1, stod: 2 };

/**
 * The first day of the follow-up interval ending on asOf (the school day `days` school days before it),
 * or '0000-01-01' when the calendar has fewer school days: a measure after it was taken within the interval.
 * Read from the index's own search and the remembered dates, with no array and no string built a student.
 */
function followUpIntervalStart(index: CalendarIndex, asOfDay: number, days: number): string {
  // School days on or before asOf: the place of the first one after it.
  const upToAsOf = index.firstSchoolDayFrom(asOfDay + 1);
  return upToAsOf > days ? isoDateCached(index.schoolDays[upToAsOf - days - 1] as number) : '0000-01-01';
}

function toReason(e: EvaluatedRule): Reason {
  return { ruleId: e.rule.id, ruleVersion: e.rule.version, policyId: e.rule.policyId, kind: e.rule.kind, basis: e.rule.basis, evidence: e.evidence };
}

/** One fired rule's duty: when it arose, from what, and its deadlines' anchors. */
interface Duty {
  readonly evaluated: EvaluatedRule;
  readonly arisesOn: string;
  /** A measure dated on or after this closes the duty (the start of its episode). */
  readonly closableFrom: string;
  readonly source: DateSource;
  readonly deadlines: ReadonlyArray<{ readonly deadline: Deadline; readonly anchor: string | null }>;
  /** For `csn-rapport`: the first skolk day the report counts from. */
  readonly skolkFrom?: string;
}

function startedInvestigation(input: StudentCase, asOf: string, notBefore: string): string | null {
  let date: string | null = null;
  for (const m of input.measures) {
    if (m.step !== 'rektor-utredning' || m.outcome === 'obehovligt' || m.date > asOf || m.date < notBefore) continue;
    if (date === null || m.date > date) date = m.date;
  }
  return date;
}

/** Whether one of the deadlines counts from `from`. */
function countsFrom(deadlines: readonly Deadline[], from: Deadline['from']): boolean {
  for (const d of deadlines) if (d.from === from) return true;
  return false;
}

function dutyOf(stepId: StepId, e: EvaluatedRule, ctx: StepContext): Duty {
  const definition = STEP_CATALOG[stepId];
  const after = latestMeasure(ctx.input.measures, stepId, ctx.asOf)?.date;
  const trigger = triggerDate(e.rule.id, e.rule.conditions, ctx.dating, after);
  const episode = episodeDates(
    definition.episode,
    { arisesOn: trigger.date, closableFrom: trigger.from, source: trigger.source },
    { noticeDays: ctx.noticeDays, index: ctx.index, skolkMonths: ctx.skolkMonths, evidence: e.evidence, after },
  );
  let { arisesOn, closableFrom, source } = episode;
  const { skolkFrom } = episode;
  // A duty open last night keeps its dates (the notice keeps its days instead: see `noticeFrom`).
  const open = source.kind === 'absence-days' ? undefined : ctx.openSince?.get(stepId);
  if (open !== undefined && open.arisesOn < arisesOn) arisesOn = open.arisesOn;
  if (open !== undefined && open.closableFrom < closableFrom) closableFrom = open.closableFrom;
  const all = e.rule.deadline === undefined ? [definition.deadline] : [definition.deadline, e.rule.deadline];
  // A duty that follows a recorded measure arises on the measure's date.
  const investigation = countsFrom(all, 'utredning-inledd') ? startedInvestigation(ctx.input, ctx.asOf, arisesOn) : null;
  const orosanmalan = countsFrom(all, 'orosanmalan') ? (latestMeasure(ctx.input.measures, 'orosanmalan', ctx.asOf)?.date ?? null) : null;
  if (investigation !== null) {
    arisesOn = investigation;
    source = { kind: 'measure', ruleId: e.rule.id, step: 'rektor-utredning' };
  } else if (orosanmalan !== null && source.kind !== 'measure') {
    arisesOn = orosanmalan;
    source = { kind: 'measure', ruleId: e.rule.id, step: 'orosanmalan' };
  }
  if (closableFrom > arisesOn) closableFrom = arisesOn;
  const deadlines = all.map((deadline) => {
    const anchor =
      deadline.from === 'utredning-inledd'
        ? investigation
        : deadline.from === 'orosanmalan'
          ? orosanmalan
          : deadline.from === 'absence-start'
            ? (ctx.absenceStart ?? arisesOn)
            : arisesOn;
    return { deadline, anchor };
  });
  return { evaluated: e, arisesOn, closableFrom, source, deadlines, ...(skolkFrom === undefined ? {} : { skolkFrom }) };
}

/**
 * Build the explained steps of one student from the rules run on the facts:
 * for each step the policy considered, either a step (when a fired rule's duty
 * is open) or a not-recommended entry (conditions not met, or every duty
 * closed by a measure dated on or after the day it arose). Then follow-up
 * escalations and consent requests, most urgent first.
 *
 * @param evaluated - every rule in force, fired or not, by step (`evaluateRules`)
 * @param ctx - the case, facts, dates and calendar
 * @returns steps and not-recommended entries
 * @example buildSteps(evaluated, ctx).steps.map((s) => [s.id, s.arisesOn, s.dueDate, s.status])
 */
export function buildSteps(evaluated: readonly EvaluatedStep[], ctx: StepContext): { steps: Step[]; notRecommended: NotRecommended[] } {
  const { asOf, parameters } = ctx;
  const asOfDay = dayNumber(asOf);
  const steps: Step[] = [];
  const notRecommended: NotRecommended[] = [];
  const escalations: Escalation[] = [];
  const escalationReasons: Reason[] = [];
  const absencePersists = rateAbove(ctx.facts.windowAbsence, parameters.followUpPersistsPercent);
  const intervalStart = followUpIntervalStart(ctx.index, asOfDay, parameters.followUpIntervalSchoolDays);

  for (const { step: stepId, rules: forStep } of evaluated) {
    let firedCount = 0;
    for (const e of forStep) if (e.fired) firedCount += 1;
    if (firedCount === 0) {
      if (ctx.whyNot !== false) notRecommended.push({ step: stepId, reason: 'conditions-not-met', rules: forStep.map((e) => ({ ruleId: e.rule.id, failed: e.evidence })) });
      continue;
    }
    const fired = firedCount === forStep.length ? forStep : forStep.filter((e) => e.fired);
    const definition = STEP_CATALOG[stepId];
    if (definition.closing === 'interval') {
      const recent = latestMeasure(ctx.input.measures, stepId, asOf);
      if (recent !== undefined && recent.date > intervalStart) {
        notRecommended.push({ step: stepId, reason: 'already-taken', measureDate: recent.date, ruleIds: fired.map((e) => e.rule.id) });
        continue;
      }
    }
    const duties = fired.map((e) => dutyOf(stepId, e, ctx));
    const open = definition.closing === 'interval' ? duties : duties.filter((d) => closingMeasure(stepId, d.closableFrom, ctx.input.measures, asOf) === undefined);
    if (open.length === 0) {
      const taken = duties
        .map((d) => closingMeasure(stepId, d.closableFrom, ctx.input.measures, asOf))
        .reduce((a, b) => (b !== undefined && (a === undefined || b.date > a.date) ? b : a));
      const measureDate = taken?.date ?? asOf;
      notRecommended.push({ step: stepId, reason: 'already-taken', measureDate, ruleIds: fired.map((e) => e.rule.id) });
      if (definition.followUp === true && taken !== undefined && taken.step === stepId) {
        const since = schoolDaysBetween(ctx.index, dayNumber(taken.date), asOfDay);
        if (absencePersists && since >= parameters.followUpIntervalSchoolDays) {
          escalations.push({ step: stepId, measureDate: taken.date, schoolDaysSince: since });
          escalationReasons.push(...fired.map(toReason));
        }
      }
      continue;
    }
    steps.push(stepFrom(stepId, open, ctx));
  }

  addEscalation(steps, notRecommended, escalations, escalationReasons, ctx, intervalStart);
  addConsentRequests(steps);
  return { steps: sortSteps(steps), notRecommended };
}

function stepFrom(stepId: StepId, open: readonly Duty[], ctx: StepContext): Step {
  const definition = STEP_CATALOG[stepId];
  const first = open.reduce((a, b) => (b.arisesOn < a.arisesOn ? b : a));
  const closableFrom = open.reduce((a, b) => (b.closableFrom < a ? b.closableFrom : a), first.closableFrom);
  const candidates: Array<{ urgency: Deadline['urgency']; due: string | null }> = [];
  // The earliest result due date (a deadline's `result`: when the investigation's outcome is due), if any.
  let resultDueDate: string | undefined;
  for (const d of open) {
    for (const x of d.deadlines) {
      candidates.push({ urgency: x.deadline.urgency, due: dueFrom(x.deadline, x.anchor) });
      if (x.deadline.result === undefined || x.anchor === null) continue;
      const result = dueFrom({ ...x.deadline, ...x.deadline.result }, x.anchor) as string;
      if (resultDueDate === undefined || result < resultDueDate) resultDueDate = result;
    }
  }
  const { urgency, due: counted } = strictest(candidates);
  // The notice's days carry their own due dates (the last-lesson deferral), not one counted from the first day.
  const days = first.source.kind === 'absence-days' ? first.source.days : undefined;
  const due = days === undefined ? counted : days.reduce<string | null>((a, d) => (a === null || d.dueDate < a ? d.dueDate : a), null);
  const kind = open.map((d) => d.evaluated.rule.kind).reduce((a, b) => (KIND_STRENGTH[b] < KIND_STRENGTH[a] ? b : a));
  const consent = withChildConsentPath(consentState(definition, ctx.input.consents, ctx.facts.ageYears), ctx.facts.ageYears, ctx.consentAge);
  const blocked = consent.required && !consent.satisfied;
  const skolkFrom = open.map((d) => d.skolkFrom).find((d) => d !== undefined);
  const studiehjalp = ctx.input.student.studiehjalp;
  const csn =
    skolkFrom === undefined || studiehjalp === 'no' ? undefined : csnReport(skolkFrom, studiehjalp, ctx.dating.signals.map((s) => s.type));
  return {
    id: stepId,
    label: { sv: definition.sv, en: definition.en },
    kind,
    responsible: definition.responsible,
    urgency,
    arisesOn: first.arisesOn,
    arisesFrom: first.source,
    closableFrom,
    dueDate: due,
    ...(resultDueDate === undefined ? {} : { resultDueDate }),
    status: blocked ? 'blocked' : due !== null && due < ctx.asOf ? 'overdue' : 'recommended',
    routing: definition.routing === undefined ? null : routeStep(definition.routing, ctx.input.student),
    consent,
    ...(csn === undefined ? {} : { csnReport: csn }),
    reasons: open.map((d) => toReason(d.evaluated)),
    escalations: [],
  };
}

/**
 * A taken step whose rule still fires, with absence still over the policy's
 * `followUpPersistsPercent` in the rolling window, escalates after the
 * follow-up interval to `uppfoljning`: it arises on the school day the
 * interval ran out and is due then (overdue after it), explained by the rules
 * that still fire, unless a follow-up was recorded within the interval.
 */
function addEscalation(
  steps: Step[],
  notRecommended: NotRecommended[],
  escalations: readonly Escalation[],
  reasons: readonly Reason[],
  ctx: StepContext,
  intervalStart: string,
): void {
  if (escalations.length === 0) return;
  const recent = latestMeasure(ctx.input.measures, 'uppfoljning', ctx.asOf);
  if (recent !== undefined && recent.date > intervalStart) return;
  const interval = ctx.parameters.followUpIntervalSchoolDays;
  const dueDays = escalations.map((e) => {
    const measured = dayNumber(e.measureDate);
    const after = ctx.index.schoolDays.filter((d) => d > measured);
    return isoDate(after[interval - 1] ?? dayNumber(ctx.asOf));
  });
  const due = dueDays.reduce((a, b) => (b < a ? b : a));
  const status: Step['status'] = due < ctx.asOf ? 'overdue' : 'recommended';
  const existing = steps.findIndex((s) => s.id === 'uppfoljning');
  if (existing >= 0) {
    const step = steps[existing] as Step;
    const arisesOn = step.arisesOn < due ? step.arisesOn : due;
    steps[existing] = { ...step, urgency: 'snarast', arisesOn, closableFrom: step.closableFrom < arisesOn ? step.closableFrom : arisesOn, dueDate: due, status, escalations };
    return;
  }
  const listed = notRecommended.findIndex((n) => n.step === 'uppfoljning');
  if (listed >= 0) notRecommended.splice(listed, 1);
  const definition = STEP_CATALOG.uppfoljning;
  const first = reasons[0]?.ruleId ?? 'uppfoljning';
  steps.push({
    id: 'uppfoljning',
    label: { sv: definition.sv, en: definition.en },
    kind: 'stod',
    responsible: definition.responsible,
    urgency: 'snarast',
    arisesOn: due,
    arisesFrom: { kind: 'measure', ruleId: first, step: escalations[0]?.step ?? 'rektor-utredning' },
    closableFrom: due,
    dueDate: due,
    status,
    routing: null,
    consent: { required: false },
    reasons,
    escalations,
  });
}

/** A consent-gated step without consent brings a `samtycke` step that names it; it arises with the step. */
function addConsentRequests(steps: Step[]): void {
  for (const step of [...steps]) {
    const request = consentRequestFor(step);
    if (request !== undefined) steps.push(request);
  }
}
