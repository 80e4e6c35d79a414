import { builtinPolicy, isBuiltinPolicyId } from '../policy/builtinPolicies.js';
import type { Policy } from '../policy/policy.js';
import type { CompactDecision } from './compactDecision.js';

/**
 * The policy a decision names (id, version and hash, as every decision line
 * and a decisions file's trailer carry it), when the report has it: one of
 * the policies given (`trappa report --policy`) or a bundled one, matched by
 * hash, so a decision is never drawn against other rules than it was made
 * under (a bundled policy of another trappa version has another hash).
 *
 * @param ref - the decision's `policy` block
 * @param given - policies the caller loaded (e.g. a custom policy file)
 * @returns the policy, or undefined when none here has that hash
 * @example resolveReportPolicy(decision.policy, [])?.id // 'stockholm' (a decision made under the bundled policy)
 * @example resolveReportPolicy({ id: 'min-kommun', version: '1', hash: 'ab…' }, []) // undefined
 */
export function resolveReportPolicy(ref: CompactDecision['policy'], given: readonly Policy[] = []): Policy | undefined {
  const match = given.find((p) => p.hash === ref.hash);
  if (match !== undefined) return match;
  if (!isBuiltinPolicyId(ref.id)) return undefined;
  const bundled = builtinPolicy(ref.id);
  return bundled.hash === ref.hash ? bundled : undefined;
}
