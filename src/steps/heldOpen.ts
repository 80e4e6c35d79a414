import type { Decision, Step } from '../model/decision.js';
import type { Measure } from '../model/studentCase.js';
import type { StepId } from '../model/vocabulary.js';
import { sortSteps } from './buildSteps.js';
import { closingMeasure } from './closing.js';

/** What `evaluate` needs of an earlier night's decision to keep its duties open. */
export interface PreviousNight {
  readonly asOf: string;
  readonly steps: ReadonlyArray<Pick<Step, 'id' | 'kind' | 'status'> & Partial<Pick<Step, 'arisesOn' | 'forStep' | 'heldOpen'>>>;
}

type PreviousStep = PreviousNight['steps'][number];

function keyOf(s: { readonly id: StepId; readonly forStep?: StepId | undefined }): string {
  return s.forStep === undefined ? s.id : `${s.id}/${s.forStep}`;
}

function arisesOf(s: PreviousStep, previous: PreviousNight): string {
  return s.arisesOn ?? previous.asOf;
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
 * @returns step id → arisesOn
 * @example openSince({ asOf: '2026-11-20', steps: [{ id: 'eht', kind: 'lagkrav', status: 'recommended', arisesOn: '2026-11-02' }] }, [], '2026-11-23').get('eht') // '2026-11-02'
 */
export function openSince(previous: PreviousNight | undefined, measures: readonly Measure[], asOf: string): Map<StepId, string> {
  const open = new Map<StepId, string>();
  if (previous === undefined || previous.asOf > asOf) return open;
  for (const s of previous.steps) {
    if (s.id === 'samtycke' || s.id === 'uppfoljning' || s.forStep !== undefined) continue;
    const arisesOn = arisesOf(s, previous);
    if (closingMeasure(s.id, arisesOn, measures, asOf) !== undefined) continue;
    const known = open.get(s.id);
    if (known === undefined || arisesOn < known) open.set(s.id, arisesOn);
  }
  return open;
}

/**
 * Keep tonight every statutory (`lagkrav`) duty of an earlier night that no
 * recorded measure has closed, when its trigger still held on the date it was
 * last seen with tonight's data (`evaluateOn(verifiedOn)`): a day passing, a
 * term ending, a signal lapsing or new lessons after that date never end a
 * duty. A duty whose trigger no longer holds on that date (the data for it
 * was corrected, or the policy changed) is not kept.
 *
 * @param decision - tonight's decision
 * @param previous - the earlier night's
 * @param measures - tonight's measures
 * @param evaluateOn - the same case and policy evaluated on an earlier date
 * @returns tonight's decision with the kept duties (`heldOpen`)
 * @example holdOpen(tonight, lastNight, c.measures, (d) => evaluate(c, policy, { asOf: d })).steps.filter((s) => s.heldOpen)
 */
export function holdOpen(
  decision: Decision,
  previous: PreviousNight,
  measures: readonly Measure[],
  evaluateOn: (asOf: string) => Decision,
): Decision {
  const asOf = decision.asOf;
  if (previous.asOf > asOf) return decision;
  const present = new Set(decision.steps.map(keyOf));
  const kept: Step[] = [];
  const earlier = new Map<string, Decision>();
  for (const s of previous.steps) {
    if (s.kind !== 'lagkrav' || s.id === 'samtycke' || s.id === 'uppfoljning' || present.has(keyOf(s))) continue;
    const arisesOn = arisesOf(s, previous);
    if (closingMeasure(s.id, arisesOn, measures, asOf) !== undefined) continue;
    const verifiedOn = s.heldOpen?.verifiedOn ?? previous.asOf;
    if (verifiedOn > asOf) continue;
    let then = earlier.get(verifiedOn);
    if (then === undefined) {
      then = evaluateOn(verifiedOn);
      earlier.set(verifiedOn, then);
    }
    const found = then.steps.find((t) => keyOf(t) === keyOf(s) && t.kind === 'lagkrav');
    if (found === undefined) continue;
    const since = found.arisesOn < arisesOn ? found.arisesOn : arisesOn;
    const status: Step['status'] = found.status === 'blocked' ? 'blocked' : found.dueDate !== null && found.dueDate < asOf ? 'overdue' : 'recommended';
    kept.push({ ...found, arisesOn: since, status, heldOpen: { verifiedOn } });
    present.add(keyOf(s));
  }
  if (kept.length === 0) return decision;
  const keptIds = new Set(kept.map((s) => s.id));
  return {
    ...decision,
    steps: sortSteps([...decision.steps, ...kept]),
    notRecommended: decision.notRecommended.filter((n) => !keptIds.has(n.step)),
  };
}
