import skollagenJson from '../../rules/skollagen.json';
import stockholmJson from '../../rules/stockholm.json';
import { loadPolicy } from './loadPolicy.js';
import type { Policy } from './policy.js';

let cache: Readonly<Record<BuiltinPolicyId, Policy>> | undefined;

/** Ids of the policies shipped in `rules/`. */
export type BuiltinPolicyId = 'skollagen' | 'stockholm';

/** The ids of the bundled policies. */
export const BUILTIN_POLICY_IDS: readonly BuiltinPolicyId[] = ['skollagen', 'stockholm'];

function loadAll(): Readonly<Record<BuiltinPolicyId, Policy>> {
  const skollagen = loadPolicy(skollagenJson);
  const stockholm = loadPolicy(stockholmJson, (id) => (id === 'skollagen' ? skollagen : undefined));
  return { skollagen, stockholm };
}

/**
 * A bundled policy, validated on first use.
 *
 * @param id - `skollagen` (national law only) or `stockholm` (law + Stockholm stad)
 * @returns the loaded policy
 * @example builtinPolicy('stockholm').chain // ['stockholm', 'skollagen']
 */
export function builtinPolicy(id: BuiltinPolicyId): Policy {
  cache ??= loadAll();
  return cache[id];
}

/**
 * Resolver for `extends`, so that a custom policy can build on a bundled one.
 *
 * @param id - the id in `extends`
 * @returns the bundled policy, or undefined
 * @example loadPolicy(myJson, resolveBuiltinPolicy)
 */
export function resolveBuiltinPolicy(id: string): Policy | undefined {
  return (BUILTIN_POLICY_IDS as readonly string[]).includes(id) ? builtinPolicy(id as BuiltinPolicyId) : undefined;
}
