import type { Decision, Step } from '../model/decision.js';
import type { StepId } from '../model/vocabulary.js';
import { compareCodePoints } from '../model/compareCodePoints.js';

/**
 * How a step is named in a diff: its id, or `samtycke>sip` for the consent
 * request that asks for another step (a decision has at most one step per key).
 */
export type StepKey = StepId | `samtycke>${StepId}`;

/**
 * The attributes of a step whose change counts as `changed`.
 *
 * @example STEP_FIELDS.includes('status') // true
 */
export const STEP_FIELDS = ['status', 'urgency', 'dueDate', 'kind', 'responsible', 'routing', 'consent'] as const;
/** One of `STEP_FIELDS`. */
export type StepField = (typeof STEP_FIELDS)[number];

/** One attribute of a step that differs between the two decisions. */
export type FieldChange = { [F in StepField]: { readonly field: F; readonly from: Step[F]; readonly to: Step[F] } }[StepField];

/** A rule behind a step, as named in its reasons. */
export interface RuleRef {
  readonly ruleId: string;
  readonly ruleVersion: number;
}

/**
 * What happened to one step of one student between the `from` and the `to`
 * decision:
 * - `added`: recommended under `to` only; `removed`: under `from` only;
 * - `changed`: recommended under both, with other status, urgency, due date,
 *   kind, responsible role, routing or consent (`rules` is set when the rules
 *   behind it differ too);
 * - `reexplained`: the same step with the same attributes, fired by other
 *   rules (e.g. a city rule now fires beside the law's).
 */
export type StepChange =
  | { readonly change: 'added'; readonly step: StepKey }
  | { readonly change: 'removed'; readonly step: StepKey }
  | {
      readonly change: 'changed';
      readonly step: StepKey;
      readonly fields: readonly FieldChange[];
      readonly rules: { readonly from: readonly RuleRef[]; readonly to: readonly RuleRef[] } | null;
    }
  | { readonly change: 'reexplained'; readonly step: StepKey; readonly rules: { readonly from: readonly RuleRef[]; readonly to: readonly RuleRef[] } };

/**
 * The key of a step in a diff.
 *
 * @param step - a recommended step
 * @returns `step.id`, or `samtycke>${forStep}` for a consent request
 * @example stepKey({ ...step, id: 'samtycke', forStep: 'sip' }) // 'samtycke>sip'
 */
export function stepKey(step: Step): StepKey {
  return step.forStep === undefined ? step.id : `samtycke>${step.forStep}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Routing and consent are small plain objects built by the same code for both decisions.
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

function rulesOf(step: Step): RuleRef[] {
  return step.reasons.map((r) => ({ ruleId: r.ruleId, ruleVersion: r.ruleVersion })).sort((a, b) => compareCodePoints(a.ruleId, b.ruleId) || a.ruleVersion - b.ruleVersion);
}

function sameRules(a: readonly RuleRef[], b: readonly RuleRef[]): boolean {
  return a.length === b.length && a.every((r, i) => r.ruleId === b[i]?.ruleId && r.ruleVersion === b[i]?.ruleVersion);
}

function byKey(steps: readonly Step[]): Map<StepKey, Step> {
  const map = new Map<StepKey, Step>();
  for (const s of steps) map.set(stepKey(s), s);
  return map;
}

/**
 * Compare the steps of two decisions for the same student (typically the
 * same case under two policies). Evidence values and not-recommended steps
 * are not compared: the diff is about what the school is told to do.
 *
 * @param from - the decision under the current policy
 * @param to - the decision under the proposed policy
 * @returns the step changes, sorted by step key; empty when the steps are the same
 * @example
 * diffDecisions(evaluate(c, builtinPolicy('skollagen'), { asOf }), evaluate(c, builtinPolicy('stockholm'), { asOf }));
 * // e.g. [{ change: 'added', step: 'kartlaggning' }, { change: 'reexplained', step: 'rektor-utredning', rules: { from: [...], to: [...] } }]
 */
export function diffDecisions(from: Decision, to: Decision): StepChange[] {
  const before = byKey(from.steps);
  const after = byKey(to.steps);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: StepChange[] = [];
  for (const step of keys) {
    const a = before.get(step);
    const b = after.get(step);
    if (a === undefined) {
      changes.push({ change: 'added', step });
      continue;
    }
    if (b === undefined) {
      changes.push({ change: 'removed', step });
      continue;
    }
    const fields: FieldChange[] = [];
    for (const field of STEP_FIELDS) {
      if (!sameValue(a[field], b[field])) fields.push({ field, from: a[field], to: b[field] } as FieldChange);
    }
    const rulesFrom = rulesOf(a);
    const rulesTo = rulesOf(b);
    const rules = sameRules(rulesFrom, rulesTo) ? null : { from: rulesFrom, to: rulesTo };
    if (fields.length > 0) changes.push({ change: 'changed', step, fields, rules });
    else if (rules !== null) changes.push({ change: 'reexplained', step, rules });
  }
  return changes;
}
