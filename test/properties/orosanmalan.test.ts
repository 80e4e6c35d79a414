import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy } from '../../src/index.js';
import { arbitraryAttendance, arbitraryCase, arbitraryConsents, arbitraryStudent, DEFAULT_TEST_AS_OF, hasStep, invariants } from '../../src/testing/index.js';
import { decide } from '../helpers/cases.js';

const AS_OF = DEFAULT_TEST_AS_OF;

/** A case, plus other consents and other attendance for the same student, signals and measures. */
const caseWithOtherConsentsAndAttendance = arbitraryCase({ asOf: AS_OF }).chain((input) =>
  fc.record({
    input: fc.constant(input),
    consents: arbitraryConsents(),
    attendance: arbitraryAttendance({ asOf: AS_OF }),
  }),
);

describe.each(BUILTIN_POLICY_IDS)('orosanmälan (%s)', (policyId) => {
  it('is recommended genast for a child under 18 with suspected harm or disclosed violence, whatever the consents and attendance, and never waits for consent (§2.1: knowledge or suspicion, genast; kit invariant "orosanmalan-not-gated")', () => {
    fc.assert(invariants.orosanmalanNotGated(builtinPolicy(policyId)), { numRuns: 150 });
  });

  it('is never recommended, nor its follow-ups, for a student of 18 or more ("barn" = under 18, §2.1)', () => {
    fc.assert(
      fc.property(arbitraryCase({ asOf: AS_OF, minAge: 18 }), (input) => {
        const d = decide(input, policyId, AS_OF);
        expect(d.steps.map((s) => s.id)).not.toContain('orosanmalan');
        expect(d.steps.map((s) => s.id)).not.toContain('anmalningsmote');
        expect(d.steps.map((s) => s.id)).not.toContain('forhandsbedomning-bevakning');
      }),
      { numRuns: 100 },
    );
  });
});

describe('orosanmälan never depends on the absence level (§2.1)', () => {
  it('under national law (skollagen): other attendance never changes whether orosanmälan is recommended', () => {
    fc.assert(
      fc.property(caseWithOtherConsentsAndAttendance, ({ input, attendance }) => {
        const other = { ...input, attendance };
        expect(hasStep(decide(other, 'skollagen', AS_OF), 'orosanmalan')).toBe(hasStep(decide(input, 'skollagen', AS_OF), 'orosanmalan'));
      }),
      { numRuns: 150 },
    );
  });

  it('under Stockholm: other attendance never changes it, for cases without a complex-problems signal', () => {
    fc.assert(
      fc.property(caseWithOtherConsentsAndAttendance, ({ input, attendance }) => {
        fc.pre(!(input.signals ?? []).some((s) => s.type === 'complex-problems'));
        const other = { ...input, attendance };
        expect(hasStep(decide(other, 'stockholm', AS_OF), 'orosanmalan')).toBe(hasStep(decide(input, 'stockholm', AS_OF), 'orosanmalan'));
      }),
      { numRuns: 150 },
    );
  });

  // DECIDED (was a design question): rule `sthlm-komplex-problematik-orosanmalan` (rules/stockholm.json, §3.3)
  // recommends orosanmälan for `complex-problems` only together with upprepad/allvarlig frånvaro, so at a
  // Stockholm city school the same child with the same concern gets an orosanmälan or not depending on
  // attendance. §3.3 words the exit to orosanmälan without an absence condition ("om elevens problematik är
  // av en omfattning att det krävs utredning …"). If the policy owners decide the absence condition should
  // go, this property holds and `.fails` must be removed.
  it('under Stockholm: other attendance never changes it, with a complex-problems signal at a city school (§3.3: the exit to orosanmälan has no absence condition)', () => {
    const cityStudent = arbitraryStudent({ asOf: AS_OF, minAge: 7, maxAge: 17, protectedIdentity: false }).map((s) => ({
      ...s,
      school: { ...s.school, municipalityCode: '0180', huvudman: 'kommunal' as const },
    }));
    fc.assert(
      fc.property(
        arbitraryCase({ asOf: AS_OF, student: cityStudent, signals: fc.constant([{ type: 'complex-problems' as const, date: AS_OF }]) }).chain((input) =>
          fc.record({ input: fc.constant(input), attendance: arbitraryAttendance({ asOf: AS_OF }) }),
        ),
        ({ input, attendance }) => {
          const other = { ...input, attendance };
          expect(hasStep(decide(other, 'stockholm', AS_OF), 'orosanmalan')).toBe(hasStep(decide(input, 'stockholm', AS_OF), 'orosanmalan'));
        },
      ),
      // A counterexample is expected; skip shrinking it.
      { numRuns: 200, endOnFailure: true },
    );
  });
});
