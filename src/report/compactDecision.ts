import type { Decision } from '../model/decision.js';

/**
 * A decision without its why-not evidence and without the policy block that
 * is the same for every student of a run: what a night's decisions file keeps
 * (`--decisions-out`, `--json compact`). Every field is the full decision's
 * own, unchanged: the student, school and date; the facts the rules read and
 * the weekly series; the typology; the steps whole (with their reasons: rule
 * id and version, basis, the evidence that decided each); warnings, episode
 * and expired signals. Left out: `notRecommended` (`trappa explain`
 * regenerates it) and, of `policy`, `rulesInForce` and `calendarHash` (the
 * decisions file's trailer carries them once a run). The policy's id, version
 * and hash stay: they name the rules every reason refers to.
 */
export type CompactDecision = Omit<Decision, 'notRecommended' | 'policy'> & {
  readonly policy: Pick<Decision['policy'], 'id' | 'version' | 'hash'>;
};

/**
 * The compact form of a decision: a projection, every field kept is the full
 * decision's own value (the same object, not a copy), in the same key order,
 * so `JSON.stringify` writes the same bytes for each.
 *
 * @param decision - a full decision (`evaluate`)
 * @returns the compact decision
 * @example
 * const d = evaluate(parsed.case, builtinPolicy('stockholm'), { asOf: '2026-11-23' });
 * compactDecision(d).policy // { id: 'stockholm', version: '2026.1', hash: '3f34…' }
 * 'notRecommended' in compactDecision(d) // false
 * compactDecision(d).steps === d.steps // true
 */
export function compactDecision(decision: Decision): CompactDecision {
  const compact: Record<string, unknown> = {};
  // Key by key, in the decision's own order: the compact line reads as the full one with parts left out.
  for (const [key, value] of Object.entries(decision)) {
    if (key === 'notRecommended') continue;
    compact[key] = key === 'policy' ? policyReference(value as Decision['policy']) : value;
  }
  return compact as CompactDecision;
}

/**
 * The policy as a compact decision names it: id, version and hash.
 *
 * @param policy - a decision's policy block
 * @returns its id, version and hash
 * @example policyReference(decision.policy) // { id: 'stockholm', version: '2026.1', hash: '3f34…' }
 */
export function policyReference(policy: Pick<Decision['policy'], 'id' | 'version' | 'hash'>): CompactDecision['policy'] {
  return { id: policy.id, version: policy.version, hash: policy.hash };
}

/**
 * A decision as a night's file holds it, compact or full: what `trappa report`
 * and `--previous` read. A full `Decision` is one (with `notRecommended`).
 */
export type DecisionRecord = CompactDecision & { readonly notRecommended?: Decision['notRecommended'] };
