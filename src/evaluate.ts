import { indexCalendar } from './calendar/calendarIndex.js';
import { defaultCalendarFor } from './calendar/defaultCalendar.js';
import { dayNumber, isoDate } from './calendar/dayNumber.js';
import type { Decision, Escalation, NotRecommended, Reason, Step, Warning } from './model/decision.js';
import { isValidIsoDate } from './model/isoDate.js';
import type { SchoolCalendar } from './model/schoolCalendar.js';
import type { StudentCase } from './model/studentCase.js';
import type { Facts } from './model/facts.js';
import type { Typology } from './model/typology.js';
import { StepIdSchema, type StepId, type StepKind } from './model/vocabulary.js';
import { computeFacts, type FactsResult } from './metrics/computeFacts.js';
import { addTypology } from './typology/addTypology.js';
import { rateAbove } from './policy/operators.js';
import { compilePolicy, explainCompiled, runCompiled, type CompiledPolicy } from './policy/compile.js';
import type { Evidence } from './policy/evaluateConditions.js';
import type { Policy, PolicyParameters, PolicyRule } from './policy/policy.js';
import { STEP_CATALOG } from './steps/catalog.js';
import { consentState } from './steps/consent.js';
import { withChildConsentPath } from './steps/childConsentPath.js';
import { datedValueInForce, type DatedValue } from './model/datedParameter.js';
import { contentHash } from './policy/canonicalJson.js';
import { dueDate, strictest, URGENCY_ORDER } from './steps/deadline.js';
import { latestMeasure, takenBy, type RenewalContext } from './steps/renewal.js';
import { routeStep } from './steps/routing.js';

/** Options for `evaluate`. Context is always an argument: nothing is read from the clock. */
export interface EvaluateOptions {
  /** The evaluation date, `YYYY-MM-DD` (Europe/Stockholm civil date). */
  readonly asOf: string;
  /** The school calendar; defaults to `defaultCalendarFor(asOf)`. */
  readonly calendar?: SchoolCalendar;
  /** Extra warnings to attach, e.g. rejected records from the adapter. */
  readonly warnings?: readonly Warning[];
}

const KIND_STRENGTH: Readonly<Record<StepKind, number>> = { lagkrav: 0, riktlinje: 1, stod: 2 };
const STEP_ORDER = StepIdSchema.options;

/**
 * Rules whose effective range contains the date: of the versions of one rule
 * id, the one in force on `asOf` (versions never overlap, see `checkPolicy`).
 *
 * @param policy - a loaded policy
 * @param asOf - ISO date
 * @returns the rules in force, in policy order
 * @example rulesInForce(builtinPolicy('skollagen'), '2025-06-30').some((r) => r.id === 'sol-2001-14-1-orosanmalan') // true
 */
export function rulesInForce(policy: Policy, asOf: string): readonly PolicyRule[] {
  return policy.rules.filter((r) => inForce(r, asOf));
}

/** `id@version` of the rules in force, per policy and date: the same short list for every student of a run. */
const inForceLabels = new WeakMap<Policy, Map<string, readonly string[]>>();

function rulesInForceLabels(policy: Policy, asOf: string): readonly string[] {
  let byDate = inForceLabels.get(policy);
  if (byDate === undefined) {
    byDate = new Map();
    inForceLabels.set(policy, byDate);
  }
  let labels = byDate.get(asOf);
  if (labels === undefined) {
    labels = Object.freeze(rulesInForce(policy, asOf).map((r) => `${r.id}@${r.version}`));
    byDate.set(asOf, labels);
  }
  return labels;
}

/** Calendars are immutable data (the default ones are frozen and shared): hash each once. */
const calendarHashes = new WeakMap<SchoolCalendar, string>();

function calendarHash(calendar: SchoolCalendar): string {
  let hash = calendarHashes.get(calendar);
  if (hash === undefined) {
    hash = contentHash(calendar);
    calendarHashes.set(calendar, hash);
  }
  return hash;
}

interface Evaluated {
  readonly rule: PolicyRule;
  readonly fired: boolean;
  /** The decisive leaves (see `decisiveEvidence`). */
  readonly evidence: readonly Evidence[];
}

/** Policies are immutable data: compile each once and reuse it for every student. */
const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();

/**
 * The policy compiled once (memoised per policy object), as `evaluate` runs it.
 *
 * @param policy - a loaded policy
 * @returns its compiled form, shared by every evaluation with this policy object
 * @example runCompiled(compiledFor(builtinPolicy('stockholm')), facts)
 */
export function compiledFor(policy: Policy): CompiledPolicy {
  let compiled = compiledPolicies.get(policy);
  if (compiled === undefined) {
    compiled = compilePolicy(policy);
    compiledPolicies.set(policy, compiled);
  }
  return compiled;
}

/**
 * Whether a rule is in force on a date (its effective range contains it).
 *
 * @param rule - a policy rule
 * @param asOf - ISO date
 * @returns true when `effectiveFrom <= asOf <= effectiveTo`
 * @example inForce(builtinPolicy('skollagen').rules[0], '2026-11-23') // true
 */
export function inForce(rule: PolicyRule, asOf: string): boolean {
  return rule.effectiveFrom <= asOf && (rule.effectiveTo === undefined || asOf <= rule.effectiveTo);
}

function toReason(e: Evaluated): Reason {
  return {
    ruleId: e.rule.id,
    ruleVersion: e.rule.version,
    policyId: e.rule.policyId,
    kind: e.rule.kind,
    basis: e.rule.basis,
    evidence: e.evidence,
  };
}

function schoolDaysBetween(schoolDays: readonly number[], after: number, upTo: number): number {
  let n = 0;
  for (const d of schoolDays) if (d > after && d <= upTo) n += 1;
  return n;
}

/**
 * Evaluate one student under a policy: the pure core of Trappa. Computes the
 * facts, runs every rule in force on `asOf`, and returns the recommended
 * steps, each explained by the rules, evidence and legal basis that made it
 * fire, plus the steps considered and not recommended.
 *
 * @param input - a validated case (see `parseStudentCase`)
 * @param policy - a loaded policy (see `builtinPolicy`, `loadPolicy`)
 * @param options - `asOf` and optionally the calendar
 * @returns the decision
 * @throws {RangeError} when `asOf` is not a valid date
 * @example
 * const decision = evaluate(parseStudentCase(json).case, builtinPolicy('stockholm'), { asOf: '2026-11-23' });
 * decision.steps.map((s) => s.id); // e.g. ['orosanmalan', 'rektor-utredning', 'eht', ...]
 */
export function evaluate(input: StudentCase, policy: Policy, options: EvaluateOptions): Decision {
  const { asOf } = options;
  if (!isValidIsoDate(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, got "${asOf}"`);
  const calendar = options.calendar ?? defaultCalendarFor(asOf);
  return decideOn(input, measureCase(input, asOf, calendar, policy.parameters), policy, { ...options, calendar });
}

/**
 * What `evaluate` computes before it looks at any rule: facts, typology,
 * warnings and deadline anchors. It depends on the policy only through its
 * `parameters`, so two policies with equal parameters can share it (what-if
 * runs, `diffPolicies`).
 */
export interface MeasuredCase {
  readonly facts: Facts;
  readonly typology: Typology;
  readonly warnings: readonly Warning[];
  readonly anchors: FactsResult['anchors'];
}

/**
 * The rule-independent half of `evaluate`: facts and typology of one case.
 *
 * @param input - a validated case
 * @param asOf - the evaluation date (already validated)
 * @param calendar - the school calendar
 * @param parameters - the policy's fact parameters
 * @returns facts, typology, warnings and anchors
 * @example measureCase(c, '2026-11-23', defaultCalendarFor('2026-11-23'), builtinPolicy('stockholm').parameters).facts.termAbsence
 */
export function measureCase(input: StudentCase, asOf: string, calendar: SchoolCalendar, parameters: PolicyParameters): MeasuredCase {
  const { facts: measured, warnings, anchors, patterns } = computeFacts(input, asOf, calendar, parameters);
  // The typology is computed under every policy; rules may read it, lagkrav rules may not (policyFile.ts).
  const { facts, typology } = addTypology(measured, patterns);
  return { facts, typology, warnings, anchors };
}

/**
 * The rule half of `evaluate`: run the policy on facts measured with its
 * parameters (`measureCase`) and build the explained decision.
 * `evaluate(c, p, o)` equals `decideOn(c, measureCase(c, o.asOf, calendar, p.parameters), p, { ...o, calendar })`.
 *
 * @param input - the validated case the facts were measured on
 * @param measured - from `measureCase` with `policy.parameters`
 * @param policy - the policy
 * @param options - `asOf`, the calendar used for `measured`, extra warnings
 * @returns the decision
 * @example decideOn(c, measureCase(c, asOf, calendar, policy.parameters), policy, { asOf, calendar })
 */
export function decideOn(
  input: StudentCase,
  measured: MeasuredCase,
  policy: Policy,
  options: EvaluateOptions & { readonly calendar: SchoolCalendar },
): Decision {
  const { asOf, calendar } = options;
  const { facts, typology, warnings, anchors } = measured;

  // Compiled ahead from the validated JSON; same events and explanations as the
  // interpreter and json-rules-engine (test/policy/jreDifferential.test.ts, compiled.test.ts).
  const compiled = compiledFor(policy);
  const run = runCompiled(compiled, facts);
  const evaluated: Evaluated[] = [];
  compiled.rules.forEach((r, i) => {
    if (!inForce(r.rule, asOf)) return;
    evaluated.push({ rule: r.rule, fired: run.rules[i] === 1, evidence: explainCompiled(compiled, r, run, facts) });
  });

  const index = indexCalendar(calendar);
  const asOfDay = dayNumber(asOf);
  const term = index.termAt(asOfDay);
  const intervalDays = index.schoolDaysEndingAt(asOfDay, policy.parameters.followUpIntervalSchoolDays + 1);
  const orosanmalanDate = latestMeasure(input.measures, 'orosanmalan', asOf)?.date;
  const renewal: RenewalContext = {
    asOf,
    termStart: term === undefined ? null : isoDate(term.start),
    intervalStart: intervalDays.length > policy.parameters.followUpIntervalSchoolDays ? isoDate(intervalDays[0] ?? 0) : '0000-01-01',
    measures: input.measures,
    signals: input.signals,
    orosanmalanDate,
  };

  const consentAge = datedValueInForce(policy.parameters.childConsentAgeOppnaInsatser, asOf);
  const steps: Step[] = [];
  const notRecommended: NotRecommended[] = [];
  const escalations: Escalation[] = [];
  const escalationReasons: Reason[] = [];
  const absencePersists = rateAbove(facts.windowAbsence, policy.parameters.followUpPersistsPercent);

  for (const stepId of STEP_ORDER) {
    const forStep = evaluated.filter((e) => e.rule.step === stepId);
    if (forStep.length === 0) continue;
    const fired = forStep.filter((e) => e.fired);
    if (fired.length === 0) {
      notRecommended.push({
        step: stepId,
        reason: 'conditions-not-met',
        rules: forStep.map((e) => ({ ruleId: e.rule.id, failed: e.evidence })),
      });
      continue;
    }
    const definition = STEP_CATALOG[stepId];
    const taken = takenBy(stepId, definition.renewal, renewal);
    if (taken !== undefined) {
      notRecommended.push({ step: stepId, reason: 'already-taken', measureDate: taken.date, ruleIds: fired.map((e) => e.rule.id) });
      if (definition.followUp === true) {
        const since = schoolDaysBetween(index.schoolDays, dayNumber(taken.date), asOfDay);
        if (absencePersists && since >= policy.parameters.followUpIntervalSchoolDays) {
          escalations.push({ step: stepId, measureDate: taken.date, schoolDaysSince: since });
          escalationReasons.push(...fired.map(toReason));
        }
      }
      continue;
    }
    steps.push(
      buildStep(stepId, fired, input, facts.ageYears, asOf, { orosanmalanDate, absenceStart: anchors.currentAbsenceStart }, consentAge),
    );
  }

  applyEscalations(steps, notRecommended, escalations, escalationReasons, renewal, asOf);
  addConsentRequests(steps);
  steps.sort(
    (a, b) =>
      URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency) ||
      STEP_ORDER.indexOf(a.id) - STEP_ORDER.indexOf(b.id) ||
      (a.forStep ?? '').localeCompare(b.forStep ?? ''),
  );

  return {
    studentId: input.student.id,
    asOf,
    policy: {
      id: policy.id,
      version: policy.version,
      hash: policy.hash,
      rulesInForce: rulesInForceLabels(policy, asOf),
      calendarHash: calendarHash(calendar),
    },
    facts,
    typology,
    steps,
    notRecommended,
    warnings: [...warnings, ...(options.warnings ?? [])],
  };
}

function buildStep(
  stepId: StepId,
  fired: readonly Evaluated[],
  input: StudentCase,
  ageYears: number,
  asOf: string,
  from: { readonly orosanmalanDate: string | undefined; readonly absenceStart: string | null },
  consentAge: DatedValue | undefined,
): Step {
  const definition = STEP_CATALOG[stepId];
  const deadlines = [definition.deadline, ...fired.flatMap((e) => (e.rule.deadline === undefined ? [] : [e.rule.deadline]))];
  const { urgency, due } = strictest(deadlines.map((d) => ({ urgency: d.urgency, due: dueDate(d, asOf, from.orosanmalanDate, from.absenceStart) })));
  const kind = fired.map((e) => e.rule.kind).reduce((a, b) => (KIND_STRENGTH[b] < KIND_STRENGTH[a] ? b : a));
  const consent = withChildConsentPath(consentState(definition, input.consents, ageYears), ageYears, consentAge);
  const blocked = consent.required && !consent.satisfied;
  return {
    id: stepId,
    label: { sv: definition.sv, en: definition.en },
    kind,
    responsible: definition.responsible,
    urgency,
    dueDate: due,
    status: blocked ? 'blocked' : due !== null && due < asOf ? 'overdue' : 'recommended',
    routing: definition.routing === undefined ? null : routeStep(definition.routing, input.student),
    consent,
    reasons: fired.map(toReason),
    escalations: [],
  };
}

/**
 * A taken step whose rule still fires, with absence still over the policy's
 * `followUpPersistsPercent` in the rolling window, escalates after the
 * follow-up interval to an overdue `uppfoljning` (explained by the rules that
 * still fire), unless a follow-up was recorded within the interval.
 */
function applyEscalations(
  steps: Step[],
  notRecommended: NotRecommended[],
  escalations: readonly Escalation[],
  reasons: readonly Reason[],
  renewal: RenewalContext,
  asOf: string,
): void {
  if (escalations.length === 0) return;
  const recentFollowUp = takenBy('uppfoljning', STEP_CATALOG.uppfoljning.renewal, renewal);
  if (recentFollowUp !== undefined) return;
  const existing = steps.findIndex((s) => s.id === 'uppfoljning');
  if (existing >= 0) {
    const step = steps[existing] as Step;
    steps[existing] = { ...step, urgency: 'snarast', dueDate: asOf, status: 'overdue', escalations };
    return;
  }
  const alreadyListed = notRecommended.findIndex((n) => n.step === 'uppfoljning');
  if (alreadyListed >= 0) notRecommended.splice(alreadyListed, 1);
  const definition = STEP_CATALOG.uppfoljning;
  steps.push({
    id: 'uppfoljning',
    label: { sv: definition.sv, en: definition.en },
    kind: 'stod',
    responsible: definition.responsible,
    urgency: 'snarast',
    dueDate: asOf,
    status: 'overdue',
    routing: null,
    consent: { required: false },
    reasons,
    escalations,
  });
}

/** A consent-gated step without consent brings a `samtycke` step that names it. */
function addConsentRequests(steps: Step[]): void {
  for (const step of [...steps]) {
    if (!step.consent.required || step.consent.satisfied) continue;
    const definition = STEP_CATALOG.samtycke;
    steps.push({
      id: 'samtycke',
      label: { sv: definition.sv, en: definition.en },
      kind: step.kind,
      responsible: definition.responsible,
      urgency: definition.deadline.urgency,
      dueDate: null,
      status: 'recommended',
      routing: null,
      consent: step.consent,
      forStep: step.id,
      reasons: step.reasons,
      escalations: [],
    });
  }
}
