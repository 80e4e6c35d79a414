import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy, STEP_CATALOG } from '../../src/index.js';
import { consentGatedBlockedCheck, decideCase, invariants } from '../../src/testing/index.js';

describe.each(BUILTIN_POLICY_IDS)('consent-gated steps (%s)', (policyId) => {
  const policy = builtinPolicy(policyId);

  it('are blocked, with a samtycke step naming them, exactly when consent is missing: guardians and student under 18, the student alone from 18 (§3.3, §2.4, takeaway 6; kit invariant "consent-gated-blocked")', () => {
    fc.assert(invariants.consentGatedBlocked(policy), { numRuns: 200 });
  });

  // The gated steps each policy can recommend: SIP from the law; the cities' skolsociala team (§3.3, §4).
  const gated = { skollagen: ['sip'], stockholm: ['sip', 'skolsocialt-team'], goteborg: ['sip', 'skolsocialt-team'] }[policyId];

  // A statement about the kit's coverage, so a fixed seed: the properties above draw fresh cases every run.
  it.each(gated)('is not vacuous: the kit\'s cases give %s both blocked and open', (stepId) => {
    const seen = { blocked: 0, open: 0 };
    for (const { asOf, input } of fc.sample(consentGatedBlockedCheck(policy).arbitrary, { numRuns: 300, seed: 1 })) {
      for (const s of decideCase(input, policy, asOf).steps) {
        if (s.forStep === undefined && s.id === stepId) seen[s.status === 'blocked' ? 'blocked' : 'open'] += 1;
      }
    }
    expect(STEP_CATALOG[stepId as keyof typeof STEP_CATALOG].consent).toBeDefined();
    expect(seen.blocked).toBeGreaterThan(0);
    expect(seen.open).toBeGreaterThan(0);
  });
});
