// Property-test a policy before it reaches real children. Copy this file next to your policy,
// point POLICY_FILE at it, and run it with vitest (fast-check 4 must be installed: it is an
// optional peer dependency of trappa). Here it tests the bundled Stockholm policy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, resolveBuiltinPolicy } from 'trappa';
import { arbitraryStudent, checkInvariants, findViolation, thresholdBoundary } from 'trappa/testing';

const POLICY_FILE = new URL(import.meta.resolve('trappa/rules/stockholm.json')); // your file, e.g. 'my-policy.json'; it may "extends": "stockholm" or "skollagen"
const policy = loadPolicy(JSON.parse(readFileSync(POLICY_FILE, 'utf8')), resolveBuiltinPolicy);

describe(`policy ${policy.id} ${policy.version}`, () => {
  it('keeps every invariant: determinism, monotonic escalation, orosanmälan never gated, no guardian step for adults, consent, basis, the law\'s lagkrav steps', () => {
    // Throws with the invariant, the seed and path to replay, the steps and the shrunk case as JSON.
    checkInvariants(policy, { numRuns: 100 });
  }, 60_000); // room to shrink a counterexample

  it('keeps them for the students it is about: kommunal schools in Stockholm, on the date it goes live', () => {
    const cityStudents = arbitraryStudent({ asOf: '2026-11-23' }).map((s) => ({
      ...s,
      school: { ...s.school, municipalityCode: '0180', huvudman: 'kommunal' as const },
    }));
    checkInvariants(policy, { asOf: '2026-11-23', cases: { student: cityStudents }, only: ['monotonic-escalation', 'lagkrav-kept', 'consent-gated-blocked'] });
  });

  it('"över 20 procent" means over: no kartläggning at exactly 20.00 %, kartläggning one minute over it', () => {
    expect(findViolation(thresholdBoundary(policy, { step: 'kartlaggning', fact: 'termAbsenceBeyondShortIllness', value: 20, minTermSchoolDays: 20 }))).toBeUndefined();
  });
});
