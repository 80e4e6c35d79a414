import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy } from '../../src/index.js';
import { decideCase, invariants, monotonicEscalationCheck, stepKeys } from '../../src/testing/index.js';

describe.each(BUILTIN_POLICY_IDS)('more absence never removes a step (%s)', (policyId) => {
  const policy = builtinPolicy(policyId);

  it('keeps every recommended, blocked or overdue step when present minutes turn into valid or invalid absence (§1.4 "oavsett om det är fråga om giltig eller ogiltig frånvaro"; kit invariant "monotonic-escalation")', () => {
    fc.assert(invariants.monotonicEscalation(policy), { numRuns: 150 });
  });

  // A statement about the kit's coverage, so a fixed seed: the properties above draw fresh cases every run.
  it('is not vacuous: the added absence crosses thresholds in some of the kit\'s cases', () => {
    const samples = fc.sample(monotonicEscalationCheck(policy).arbitrary, { numRuns: 150, seed: 1 });
    const grew = samples.filter(({ asOf, input, more }) => stepKeys(decideCase(more, policy, asOf)).length > stepKeys(decideCase(input, policy, asOf)).length);
    expect(grew.length).toBeGreaterThan(0);
  });
});
