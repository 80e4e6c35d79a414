import type { Decision, Step } from '../model/decision.js';
import type { Measure } from '../model/studentCase.js';
import type { StepId } from '../model/vocabulary.js';
import { boundedMemo } from '../model/boundedMemo.js';
import { consentRequestFor } from './consentRequest.js';
import { sortSteps } from './stepOrder.js';
import { closingMeasure } from './closing.js';
import { stepKey as keyOf } from './stepKey.js';

/** What `evaluate` needs of an earlier night's decision to keep its duties open. */
export interface PreviousNight {
  readonly asOf: string;
  readonly steps: ReadonlyArray<Pick<Step, 'id' | 'kind' | 'status'> & Partial<Pick<Step, 'arisesOn' | 'closableFrom' | 'forStep' | 'heldOpen'>>>;
}

/** The dates of a duty still open from an earlier night. */
export interface OpenDuty {
  readonly arisesOn: string;
  readonly closableFrom: string;
}

type PreviousStep = PreviousNight['steps'][number];

function earliest(first: string, ...rest: ReadonlyArray<string | undefined>): string {
  return rest.reduce<string>((a, b) => (b !== undefined && b < a ? b : a), first);
}

function earliestOrNull(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b < a ? b : a;
}


function arisesOf(s: PreviousStep, previous: PreviousNight): string {
  return s.arisesOn ?? previous.asOf;
}

/** From when a measure closes an earlier night's step (older decision files have no `closableFrom`). */
function closableOf(s: PreviousStep, previous: PreviousNight): string {
  return s.closableFrom ?? arisesOf(s, previous);
}

/**
 * The steps of an earlier night still open tonight, by step id, with the date
 * their duty arose: not closed since by a measure dated on or after that
 * date. Tonight's step keeps that date (a duty open without a break keeps its
 * first date). Consent requests and follow-ups are left out: they are
 * derived from other steps.
 *
 * @param previous - the earlier night's decision, or undefined
 * @param measures - tonight's measures
 * @param asOf - tonight's date
 * @returns step id → its dates
 * @example openSince({ asOf: '2026-11-20', steps: [{ id: 'eht', kind: 'lagkrav', status: 'recommended', arisesOn: '2026-11-02' }] }, [], '2026-11-23').get('eht') // { arisesOn: '2026-11-02', closableFrom: '2026-11-02' }
 */
export function openSince(previous: PreviousNight | undefined, measures: readonly Measure[], asOf: string): Map<StepId, OpenDuty> {
  const open = new Map<StepId, OpenDuty>();
  if (previous === undefined || previous.asOf > asOf) return open;
  for (const s of previous.steps) {
    if (s.id === 'samtycke' || s.forStep !== undefined) continue;
    const closableFrom = closableOf(s, previous);
    if (closingMeasure(s.id, closableFrom, measures, asOf) !== undefined) continue;
    const arisesOn = arisesOf(s, previous);
    const known = open.get(s.id);
    open.set(s.id, {
      arisesOn: known === undefined || arisesOn < known.arisesOn ? arisesOn : known.arisesOn,
      closableFrom: known === undefined || closableFrom < known.closableFrom ? closableFrom : known.closableFrom,
    });
  }
  return open;
}

/** How `holdOpen` re-evaluates the same case and policy. */
export interface Reevaluate {
  /** Tonight's case on an earlier date (records after it are left out, as always). */
  readonly on: (asOf: string) => Decision;
  /** Tonight's date, with only the lesson records up to the previous night (no new data). */
  readonly withoutNewLessons: (asOf: string, upTo: string) => Decision;
}

/**
 * Keep tonight the duties of an earlier night that no recorded measure has
 * closed, when their trigger still held on the date they were last seen,
 * with tonight's data (`on(verifiedOn)`):
 * - a statutory (`lagkrav`) duty always: a day passing, a term ending, a
 *   signal lapsing or new lessons never end it (shown tonight only as a city
 *   guideline, it is kept as the law's duty);
 * - any other step when time alone removed it: tonight's date with no new
 *   lessons does not show it either (a rolling window moving on, a signal
 *   ending). When new lessons removed it (the student is back at school), it
 *   goes, and the change feed says `no-longer-indicated`.
 * A duty whose trigger no longer holds on its date (the data for it was
 * corrected, or the policy changed) is not kept. A kept step that waits for
 * consent brings its `samtycke` step again.
 *
 * @param decision - tonight's decision
 * @param previous - the earlier night's
 * @param measures - tonight's measures
 * @param reevaluate - the same case and policy, evaluated again
 * @returns tonight's decision with the kept duties (`heldOpen`)
 * @example holdOpen(tonight, lastNight, c.measures, { on: (d) => evaluate(c, p, { asOf: d }), withoutNewLessons }).steps.filter((s) => s.heldOpen)
 */
export function holdOpen(decision: Decision, previous: PreviousNight, measures: readonly Measure[], reevaluate: Reevaluate): Decision {
  const asOf = decision.asOf;
  if (previous.asOf > asOf) return decision;
  const tonight = new Map(decision.steps.map((t) => [keyOf(t), t]));
  const kept = new Map<string, Step>();
  // Tonight's duties held open since one earlier night are checked against one re-evaluation of it.
  const earlier = boundedMemo((date: string) => reevaluate.on(date));
  let frozen: Decision | undefined;
  for (const s of previous.steps) {
    if (s.id === 'samtycke' || s.forStep !== undefined) continue;
    const shown = tonight.get(keyOf(s));
    // Shown tonight as strong a duty as last night: nothing to keep. A law's duty shown only as a city guideline is kept as the law's.
    if (shown !== undefined && (s.kind !== 'lagkrav' || shown.kind === 'lagkrav')) continue;
    if (closingMeasure(s.id, closableOf(s, previous), measures, asOf) !== undefined) continue;
    const verifiedOn = s.heldOpen?.verifiedOn ?? previous.asOf;
    if (verifiedOn > asOf) continue;
    const then = earlier(verifiedOn);
    const found = then.steps.find((t) => keyOf(t) === keyOf(s) && t.kind === s.kind);
    if (found === undefined) continue;
    if (s.kind !== 'lagkrav') {
      frozen ??= reevaluate.withoutNewLessons(asOf, previous.asOf);
      if (frozen.steps.some((t) => keyOf(t) === keyOf(s))) continue;
    }
    const arisesOn = earliest(found.arisesOn, arisesOf(s, previous), shown?.arisesOn);
    const closableFrom = earliest(found.closableFrom, closableOf(s, previous), shown?.closableFrom);
    const dueDate = earliestOrNull(found.dueDate, shown?.dueDate ?? null);
    const status: Step['status'] = (shown ?? found).status === 'blocked' ? 'blocked' : dueDate !== null && dueDate < asOf ? 'overdue' : 'recommended';
    const reasons = shown === undefined ? found.reasons : [...found.reasons, ...shown.reasons.filter((r) => !found.reasons.some((f) => f.ruleId === r.ruleId))];
    kept.set(keyOf(s), { ...(shown ?? found), kind: found.kind, arisesOn, closableFrom, dueDate, status, reasons, heldOpen: { verifiedOn } });
  }
  if (kept.size === 0) return decision;
  const keptIds = new Set([...kept.values()].map((s) => s.id));
  const steps = [...decision.steps.filter((t) => !kept.has(keyOf(t))), ...kept.values()];
  for (const step of kept.values()) {
    const request = consentRequestFor(step);
    if (request !== undefined && !steps.some((t) => t.id === 'samtycke' && t.forStep === step.id)) steps.push(request);
  }
  return {
    ...decision,
    steps: sortSteps(steps),
    notRecommended: decision.notRecommended.filter((n) => !keptIds.has(n.step)),
  };
}
