import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_CATALOG } from '../../src/index.js';
import { arbitraryConsents, arbitraryDatedCase, type ConsentsInput } from '../../src/testing/arbitraries.js';
import { decide } from '../helpers/cases.js';
import { PROPERTY_POLICIES } from '../helpers/properties.js';

/** Consents in which the student has not given consent to information sharing (guardian contact). */
const noStudentConsentToGuardianContact = arbitraryConsents().map((c): ConsentsInput => {
  const sharing = c['information-sharing'];
  if (sharing?.student !== 'given') return c;
  return { ...c, 'information-sharing': { ...sharing, student: 'refused' } };
});

/** Steps whose catalog entry routes them to the guardians. */
const GUARDIAN_STEPS = Object.values(STEP_CATALOG)
  .filter((d) => d.routing === 'vardnadshavare')
  .map((d) => d.id);

describe.each(PROPERTY_POLICIES)('no guardian contact for an adult student without consent (%s)', (policyId) => {
  it('recommends no step routed to vårdnadshavare for a student of 18 or more who has not consented (§1.6, takeaway 3)', () => {
    let invalidToday = 0;
    fc.assert(
      fc.property(arbitraryDatedCase({ minAge: 18, consents: noStudentConsentToGuardianContact }), ({ asOf, input }) => {
        const d = decide(input, policyId, asOf);
        expect(d.facts.ageYears).toBeGreaterThanOrEqual(18);
        for (const s of d.steps) {
          expect(GUARDIAN_STEPS).not.toContain(s.id);
          expect(s.routing?.target).not.toBe('vardnadshavare');
        }
        if (d.facts.invalidAbsenceMinutesToday > 0) invalidToday += 1;
      }),
      { numRuns: 150 },
    );
    // Not vacuous: some runs had invalid absence on the day, the trigger of the same-day notice.
    expect(invalidToday).toBeGreaterThan(0);
  });

  it('recommends the same-day notice to an adult student\'s guardians only with the student\'s consent (§1.2, §1.6)', () => {
    fc.assert(
      fc.property(arbitraryDatedCase({ minAge: 18 }), ({ asOf, input }) => {
        const d = decide(input, policyId, asOf);
        if (d.steps.some((s) => s.routing?.target === 'vardnadshavare')) {
          expect(input.consents?.['information-sharing']?.student).toBe('given');
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('step labels for an adult student (stockholm)', () => {
  // DECIDED (was a design question): `mentor-kontakt` (rule `sthlm-mentor-kontakt`) has no age condition and no routing,
  // but its label is "Mentor tar kontakt med eleven och vårdnadshavare" / "Mentor contacts the student and
  // guardians". For a student of 18 or more at a Stockholm city gymnasium who has not consented, the
  // decision therefore tells staff to contact the guardians, which §1.6 rules out ("När en elev fyllt 18 år
  // … kontaktar skolan inte hemmet"). Fix by an age-aware label or a consent condition; then drop `.fails`.
  it('no step tells staff to contact the guardians of a student of 18 or more without consent (§1.6, §7.5)', () => {
    fc.assert(
      fc.property(
        arbitraryDatedCase({ minAge: 18, maxAge: 19, consents: noStudentConsentToGuardianContact }).map(({ asOf, input }) => ({
          asOf,
          input: { ...input, student: { ...input.student, school: { ...input.student.school, municipalityCode: '0180', huvudman: 'kommunal' as const } } },
        })),
        ({ asOf, input }) => {
          for (const s of decide(input, 'stockholm', asOf).steps) {
            expect(s.label.sv).not.toMatch(/vårdnadshavar/i);
          }
        },
      ),
      { numRuns: 200, endOnFailure: true },
    );
  });
});
