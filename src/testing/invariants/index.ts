import type fc from 'fast-check';
import type { Policy } from '../../policy/policy.js';
import type { DatedCase } from '../arbitraries/index.js';
import { propertyOf, type InvariantCheck } from '../invariant.js';
import { consentGatedBlockedCheck } from './consentGatedBlocked.js';
import { determinismCheck, type ShuffledCase } from './determinism.js';
import { dutiesHeldOpenCheck, type CaseOnTwoNights } from './dutiesHeldOpen.js';
import { everyStepHasBasisCheck } from './everyStepHasBasis.js';
import { lagkravKeptCheck, type LagkravKeptOptions } from './lagkravKept.js';
import { monotonicEscalationCheck, type CaseWithMoreAbsence } from './monotonicEscalation.js';
import { noGuardianStepForAdultsCheck } from './noGuardianStepForAdults.js';
import type { InvariantOptions } from './options.js';
import { orosanmalanNotGatedCheck, type CaseWithAlternatives } from './orosanmalanNotGated.js';

/** Ids of the ready-made invariants, in the order `checkInvariants` runs them. */
export type InvariantId =
  | 'determinism'
  | 'monotonic-escalation'
  | 'orosanmalan-not-gated'
  | 'no-guardian-step-for-adults'
  | 'consent-gated-blocked'
  | 'every-step-has-basis'
  | 'lagkrav-kept'
  | 'duties-held-open';

/**
 * Every ready-made invariant check of a policy, in a fixed order.
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`, and `reference` for `lagkrav-kept`
 * @returns the checks
 * @example invariantChecks(builtinPolicy('stockholm')).map((c) => c.id) // ['determinism', 'monotonic-escalation', …]
 */
export function invariantChecks(policy: Policy, options: LagkravKeptOptions = {}): ReadonlyArray<InvariantCheck<unknown> & { readonly id: InvariantId }> {
  const checks: ReadonlyArray<InvariantCheck<unknown>> = [
    determinismCheck(policy, options),
    monotonicEscalationCheck(policy, options),
    orosanmalanNotGatedCheck(policy, options),
    noGuardianStepForAdultsCheck(policy, options),
    consentGatedBlockedCheck(policy, options),
    everyStepHasBasisCheck(policy, options),
    lagkravKeptCheck(policy, options),
    dutiesHeldOpenCheck(policy, options),
  ];
  // The ids are the literal ones above; the array type cannot say so by itself.
  return checks as ReadonlyArray<InvariantCheck<unknown> & { readonly id: InvariantId }>;
}

/**
 * Each invariant as its own fast-check property, for `fc.assert` with your
 * own run options (or `test.prop` of @fast-check/vitest).
 *
 * @example fc.assert(invariants.orosanmalanNotGated(myPolicy, { asOf: '2026-11-23' }), { numRuns: 500 })
 */
export const invariants = {
  /** See `determinismCheck`. */
  determinism: (policy: Policy, options?: InvariantOptions): fc.IPropertyWithHooks<[ShuffledCase]> => propertyOf(determinismCheck(policy, options)),
  /** See `monotonicEscalationCheck`. */
  monotonicEscalation: (policy: Policy, options?: InvariantOptions): fc.IPropertyWithHooks<[CaseWithMoreAbsence]> =>
    propertyOf(monotonicEscalationCheck(policy, options)),
  /** See `orosanmalanNotGatedCheck`. */
  orosanmalanNotGated: (policy: Policy, options?: InvariantOptions): fc.IPropertyWithHooks<[CaseWithAlternatives]> =>
    propertyOf(orosanmalanNotGatedCheck(policy, options)),
  /** See `noGuardianStepForAdultsCheck`. */
  noGuardianStepForAdults: (policy: Policy, options?: InvariantOptions): fc.IPropertyWithHooks<[DatedCase]> => propertyOf(noGuardianStepForAdultsCheck(policy, options)),
  /** See `consentGatedBlockedCheck`. */
  consentGatedBlocked: (policy: Policy, options?: InvariantOptions): fc.IPropertyWithHooks<[DatedCase]> => propertyOf(consentGatedBlockedCheck(policy, options)),
  /** See `everyStepHasBasisCheck`. */
  everyStepHasBasis: (policy: Policy, options?: InvariantOptions): fc.IPropertyWithHooks<[DatedCase]> => propertyOf(everyStepHasBasisCheck(policy, options)),
  /** See `lagkravKeptCheck`. */
  lagkravKept: (policy: Policy, options?: LagkravKeptOptions): fc.IPropertyWithHooks<[DatedCase]> => propertyOf(lagkravKeptCheck(policy, options)),
  /** See `dutiesHeldOpenCheck`. */
  dutiesHeldOpen: (policy: Policy, options?: InvariantOptions): fc.IPropertyWithHooks<[CaseOnTwoNights]> => propertyOf(dutiesHeldOpenCheck(policy, options)),
} as const;
