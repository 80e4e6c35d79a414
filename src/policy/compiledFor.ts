import { compilePolicy, type CompiledPolicy } from './compile.js';
import type { Policy } from './policy.js';

/** Policies are immutable data: compile each once and reuse it for every student. */
const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();

/**
 * The policy compiled once (memoised per policy object), as `evaluate` runs it.
 *
 * @param policy - a loaded policy
 * @returns its compiled form, shared by every evaluation with this policy object
 * @example compiledFor(builtinPolicy('stockholm')) === compiledFor(builtinPolicy('stockholm')) // true
 */
export function compiledFor(policy: Policy): CompiledPolicy {
  let compiled = compiledPolicies.get(policy);
  if (compiled === undefined) {
    compiled = compilePolicy(policy);
    compiledPolicies.set(policy, compiled);
  }
  return compiled;
}
