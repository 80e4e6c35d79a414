import { compilePolicy, type CompiledPolicy } from './compile.js';
import type { Policy } from './policy.js';
import { weakMemo } from '../model/weakMemo.js';

/**
 * The policy compiled once (memoised per policy object), as `evaluate` runs it.
 * Policies are immutable data: each is compiled once and reused for every student.
 *
 * @param policy - a loaded policy
 * @returns its compiled form, shared by every evaluation with this policy object
 * @example compiledFor(builtinPolicy('stockholm')) === compiledFor(builtinPolicy('stockholm')) // true
 */
export const compiledFor: (policy: Policy) => CompiledPolicy = weakMemo(compilePolicy);
