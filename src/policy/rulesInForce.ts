import { boundedMemo } from '../model/boundedMemo.js';
import { weakMemo } from '../model/weakMemo.js';
import type { Policy, PolicyRule } from './policy.js';

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
const inForceLabels = weakMemo((policy: Policy) =>
  boundedMemo((asOf: string): readonly string[] => Object.freeze(rulesInForce(policy, asOf).map((r) => `${r.id}@${r.version}`))),
);

/**
 * `id@version` of the rules in force on a date, in policy order, as a
 * decision names them; one frozen array per policy object and date.
 *
 * @param policy - a loaded policy
 * @param asOf - ISO date
 * @returns the labels, shared by every decision of that policy and date
 * @example rulesInForceLabels(builtinPolicy('stockholm'), '2026-11-23')[0] // 'sl-7-17-vardnadshavare-samma-dag@3'
 */
export function rulesInForceLabels(policy: Policy, asOf: string): readonly string[] {
  return inForceLabels(policy)(asOf);
}
