import goteborgJson from '../../rules/goteborg.json';
import skollagenJson from '../../rules/skollagen.json';
import stockholmJson from '../../rules/stockholm.json';
import { boundedMemo } from '../model/boundedMemo.js';
import { loadPolicy } from './loadPolicy.js';
import type { Policy } from './policy.js';

/** Ids of the policies shipped in `rules/`. */
export type BuiltinPolicyId = 'skollagen' | 'stockholm' | 'goteborg';

/** The ids of the bundled policies. */
export const BUILTIN_POLICY_IDS: readonly BuiltinPolicyId[] = ['skollagen', 'stockholm', 'goteborg'];

const SOURCES: Readonly<Record<BuiltinPolicyId, unknown>> = {
  skollagen: skollagenJson,
  stockholm: stockholmJson,
  goteborg: goteborgJson,
};

const loaded = boundedMemo((id: BuiltinPolicyId) => loadPolicy(SOURCES[id], resolveBuiltinPolicy));

/**
 * Whether a name is a bundled policy's id.
 *
 * @param id - any string
 * @returns true for `skollagen`, `stockholm`, `goteborg`
 * @example isBuiltinPolicyId('oslo') // false
 */
export function isBuiltinPolicyId(id: string): id is BuiltinPolicyId {
  return (BUILTIN_POLICY_IDS as readonly string[]).includes(id);
}

/**
 * A bundled policy's file as written in `rules/` (for `trappa check stockholm`).
 *
 * @param id - a bundled id
 * @returns the JSON value of `rules/<id>.json`
 * @example (builtinPolicySource('stockholm') as { id: string }).id // 'stockholm'
 */
export function builtinPolicySource(id: BuiltinPolicyId): unknown {
  return SOURCES[id];
}

/**
 * A bundled policy, validated on first use.
 *
 * @param id - `skollagen` (national law only), `stockholm` (law + Stockholm stad) or `goteborg` (law + Göteborgs Stad)
 * @returns the loaded policy
 * @example builtinPolicy('stockholm').chain // ['stockholm', 'skollagen']
 */
export function builtinPolicy(id: BuiltinPolicyId): Policy {
  return loaded(id);
}

/**
 * Resolver for `extends`, so that a custom policy can build on a bundled one.
 *
 * @param id - the id in `extends`
 * @returns the bundled policy, or undefined
 * @example loadPolicy(myJson, resolveBuiltinPolicy)
 */
export function resolveBuiltinPolicy(id: string): Policy | undefined {
  return isBuiltinPolicyId(id) ? builtinPolicy(id) : undefined;
}
