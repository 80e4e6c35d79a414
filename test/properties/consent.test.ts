import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_CATALOG, type Decision, type StudentCaseInput } from '../../src/index.js';
import {
  arbitraryCase,
  arbitraryDatedCase,
  arbitrarySignals,
  arbitraryStudent,
  DEFAULT_TEST_AS_OF,
  type ConsentsInput,
  type DatedCase,
} from '../../src/testing/arbitraries.js';
import { decide } from '../helpers/cases.js';
import { ageOn, PROPERTY_POLICIES } from '../helpers/properties.js';

/** The consent-gated steps, from the catalog. */
const GATED = Object.values(STEP_CATALOG).filter((d) => d.consent !== undefined);

/**
 * Consent as the law needs it, computed from the input alone: under 18 every
 * party the step names (guardians and student, §3.3, §2.4); from 18 the
 * student alone.
 */
function consentGiven(input: StudentCaseInput, asOf: string, stepId: string): boolean {
  const definition = STEP_CATALOG[stepId as keyof typeof STEP_CATALOG];
  if (definition.consent === undefined) return true;
  const given = input.consents?.[definition.consent.purpose];
  const parties = ageOn(input, asOf) >= 18 ? (['student'] as const) : definition.consent.parties;
  return parties.every((p) => given?.[p] === 'given');
}

/** Consents leaning towards `given`, so that both blocked and unblocked steps occur. */
const status = fc.oneof({ weight: 3, arbitrary: fc.constant('given' as const) }, { weight: 1, arbitrary: fc.constantFrom('refused' as const, 'not-asked' as const) });
const likelyConsents = fc.record(
  {
    'skolsocialt-team': fc.record({ guardians: status, student: status }, { requiredKeys: [] }),
    sip: fc.record({ guardians: status, student: status }, { requiredKeys: [] }),
    'information-sharing': fc.record({ guardians: status, student: status }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ConsentsInput>;

/**
 * Cases where the gated steps are likely to fire: a Stockholm city grundskola
 * with a skolsocialt team (åk 4–9, §3.3) or any student with a need for both
 * health and social care (SIP, §2.4), ages 10–19, drawn alongside fully
 * random cases.
 */
const gatedCase: fc.Arbitrary<DatedCase> = fc.oneof(
  arbitraryDatedCase(),
  arbitraryCase({
    student: arbitraryStudent({ minAge: 10, maxAge: 15 }).map((s) => ({
      ...s,
      schoolForm: 'grundskola' as const,
      grade: Math.min(9, Math.max(4, s.grade)),
      school: { ...s.school, municipalityCode: '0180', huvudman: 'kommunal' as const, teams: ['skolsocialt-team' as const] },
    })),
    consents: likelyConsents,
    signals: arbitrarySignals({ maxLength: 2 }).map((signals) => signals.filter((s) => s.type !== 'harm-suspected' && s.type !== 'violence-disclosed' && s.type !== 'complex-problems')),
  }).map((input) => ({ asOf: DEFAULT_TEST_AS_OF, input })),
  arbitraryCase({
    minAge: 10,
    maxAge: 19,
    consents: likelyConsents,
    signals: arbitrarySignals().map((signals) => [...signals, { type: 'needs-health-and-social-care' as const, date: DEFAULT_TEST_AS_OF }]),
  }).map((input) => ({ asOf: DEFAULT_TEST_AS_OF, input })),
);

function gatedSteps(d: Decision): Decision['steps'] {
  return d.steps.filter((s) => s.forStep === undefined && GATED.some((g) => g.id === s.id));
}

describe.each(PROPERTY_POLICIES)('consent-gated steps (%s)', (policyId) => {
  it('are never recommended without consent: guardians and student under 18, the student alone from 18 (§3.3, §2.4, takeaway 6)', () => {
    const seen = { blocked: 0, open: 0 };
    fc.assert(
      fc.property(gatedCase, ({ asOf, input }) => {
        const d = decide(input, policyId, asOf);
        for (const s of gatedSteps(d)) {
          const given = consentGiven(input, asOf, s.id);
          expect(s.status === 'blocked').toBe(!given);
          expect(s.consent.required && s.consent.satisfied).toBe(given);
          seen[given ? 'open' : 'blocked'] += 1;
        }
      }),
      { numRuns: 200 },
    );
    // Not vacuous: both outcomes occurred.
    expect(seen.blocked).toBeGreaterThan(0);
    expect(seen.open).toBeGreaterThan(0);
  });

  it('come with a samtycke step naming them when blocked, and samtycke names only blocked steps', () => {
    fc.assert(
      fc.property(gatedCase, ({ asOf, input }) => {
        const d = decide(input, policyId, asOf);
        const blocked = d.steps.filter((s) => s.status === 'blocked' && s.forStep === undefined).map((s) => s.id).sort();
        const requested = d.steps.filter((s) => s.id === 'samtycke' && s.forStep !== undefined).map((s) => s.forStep).sort();
        expect(requested).toEqual(blocked);
        for (const s of d.steps) if (s.status === 'blocked') expect(GATED.map((g) => g.id)).toContain(s.id);
      }),
      { numRuns: 200 },
    );
  });
});
