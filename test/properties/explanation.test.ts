import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy } from '../../src/index.js';
import { arbitraryStudent, invariants } from '../../src/testing/index.js';

describe.each(BUILTIN_POLICY_IDS)('every step explains itself (%s)', (policyId) => {
  it('has a reason naming a rule of the policy and a basis with citation, source and url (architecture.md; kit invariant "every-step-has-basis")', () => {
    fc.assert(invariants.everyStepHasBasis(builtinPolicy(policyId)), { numRuns: 150 });
  });
});

describe.each(['stockholm', 'goteborg'] as const)('a municipal policy never removes a statutory step (%s, domain §0.1)', (policyId) => {
  // Students at schools of Stockholm, Göteborg and a third kommun, evenly, so that both cities' own rules fire often.
  const students = arbitraryStudent().chain((s) => fc.constantFrom('0180', '1480', '0114').map((code) => ({ ...s, school: { ...s.school, municipalityCode: code } })));

  it('recommends every lagkrav step of skollagen on the same case, as lagkrav (kit invariant "lagkrav-kept")', () => {
    fc.assert(invariants.lagkravKept(builtinPolicy(policyId), { asOf: '2026-11-23', cases: { student: students } }), { numRuns: 200 });
  });
});
