import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS } from '../../src/index.js';
import { arbitraryDatedCase, arbitrarySignals, DEFAULT_TEST_AS_OF } from '../../src/testing/index.js';
import { decide } from '../helpers/cases.js';

/** Signals that often carry a harm concern, so that steps routed to socialtjänsten occur. */
const concernSignals = fc.oneof(
  arbitrarySignals(),
  arbitrarySignals().map((signals) => [...signals, { type: 'harm-suspected' as const, date: DEFAULT_TEST_AS_OF }]),
);

describe.each(BUILTIN_POLICY_IDS)('protected identity (%s)', (policyId) => {
  it('routes nothing by address: steps for hemkommun or socialtjänst go to manual handling (§2.1 "där barnet bor", Routing docs)', () => {
    let manual = 0;
    fc.assert(
      fc.property(arbitraryDatedCase({ protectedIdentity: true, signals: concernSignals }), ({ asOf, input }) => {
        const d = decide(input, policyId, asOf);
        for (const s of d.steps) {
          if (s.routing === null) continue;
          expect(['vardnadshavare', 'huvudman', 'csn', 'manual']).toContain(s.routing.target);
          expect(s.routing).not.toHaveProperty('municipalityCode');
          expect(s.routing).not.toHaveProperty('district');
          if (s.routing.target === 'manual') {
            expect(s.routing.reason).toBe('protected-identity');
            manual += 1;
          }
        }
      }),
      { numRuns: 150 },
    );
    // Not vacuous: address-routed steps did come up and were turned into manual handling.
    expect(manual).toBeGreaterThan(0);
  });
});

// Issue 12, D9: huvudmanIsHemkommun (and so the information-hemkommun step) was computed from the
// address given for a protected student: one bit of the protected address in every decision.
describe.each(BUILTIN_POLICY_IDS)('protected identity: the residence given changes nothing (%s)', (policyId) => {
  const residence = fc.option(
    fc.record({ municipalityCode: fc.constantFrom('0180', '1480', '0114', '1280'), district: fc.option(fc.constantFrom('Skarpnäck', 'Nordost'), { nil: undefined }) }),
    { nil: undefined },
  );
  it('no fact or step depends on it: any two residences (or none) give the same decision', () => {
    let differentMunicipality = 0;
    fc.assert(
      fc.property(arbitraryDatedCase({ protectedIdentity: true, signals: concernSignals }), residence, residence, ({ asOf, input }, a, b) => {
        const withResidence = (r: typeof a) => {
          const { residence: _, ...student } = input.student;
          const given = r === undefined ? undefined : r.district === undefined ? { municipalityCode: r.municipalityCode } : { municipalityCode: r.municipalityCode, district: r.district };
          return { ...input, student: given === undefined ? student : { ...student, residence: given } };
        };
        if (a?.municipalityCode !== b?.municipalityCode) differentMunicipality += 1;
        expect(decide(withResidence(a), policyId, asOf)).toEqual(decide(withResidence(b), policyId, asOf));
      }),
      { numRuns: 100 },
    );
    expect(differentMunicipality).toBeGreaterThan(0);
  });
});
