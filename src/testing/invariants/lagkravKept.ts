import type { DatedCase } from '../arbitraries/index.js';
import type { Policy } from '../../policy/policy.js';
import { builtinPolicy } from '../../policy/builtinPolicies.js';
import { decideCase, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { datedCases, type InvariantOptions } from './options.js';

/** Options for `lagkravKeptCheck`. */
export interface LagkravKeptOptions extends InvariantOptions {
  /** The national law to compare with (default `builtinPolicy('skollagen')`). */
  readonly reference?: Policy;
}

/**
 * The national law's `lagkrav` steps are never removed: on the same case,
 * every step the law alone recommends as `lagkrav` is recommended by the
 * policy too, and as `lagkrav`. A municipal policy adds to the law, it never
 * takes away from it (domain.md §0.1: law binds every huvudman; municipal
 * policy only adds). A policy that does not extend skollagen is compared the
 * same way: it must still not drop a duty.
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`, `reference`
 * @returns the invariant check
 * @example findViolation(lagkravKeptCheck(builtinPolicy('goteborg'))) // undefined
 */
export function lagkravKeptCheck(policy: Policy, options: LagkravKeptOptions = {}): InvariantCheck<DatedCase> {
  const reference = options.reference ?? builtinPolicy('skollagen');
  return {
    id: 'lagkrav-kept',
    policy: policyRef(policy),
    description: `Every lagkrav step of ${reference.id} on the same case is recommended by the policy, as lagkrav.`,
    basis: 'The law binds every huvudman; municipal policy only adds to it (Skollagen, SoL: docs/sources.md)',
    arbitrary: datedCases(options),
    check: ({ asOf, input }) => {
      const law = decideCase(input, reference, asOf, options.calendar);
      const d = decideCase(input, policy, asOf, options.calendar);
      for (const required of law.steps) {
        if (required.kind !== 'lagkrav' || required.forStep !== undefined) continue;
        const same = d.steps.find((s) => s.id === required.id && s.forStep === undefined);
        if (same === undefined) return { message: `${reference.id}'s lagkrav step ${required.id} is missing`, steps: stepKeys(d), compared: stepKeys(law) };
        if (same.kind !== 'lagkrav') return { message: `${required.id} is ${same.kind}, not lagkrav as in ${reference.id}`, steps: stepKeys(d), compared: stepKeys(law) };
      }
      return undefined;
    },
  };
}
