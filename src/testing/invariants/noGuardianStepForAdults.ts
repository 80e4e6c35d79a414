import { ageInYears } from '../../calendar/age.js';
import { STEP_CATALOG } from '../../steps/catalog.js';
import type { StepId } from '../../model/vocabulary.js';
import type { Policy } from '../../policy/policy.js';
import { arbitraryConsents, type ConsentsInput, type DatedCase } from '../arbitraries.js';
import { decideCase, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { datedCases, type InvariantOptions } from './options.js';

/** Steps the catalog sends to the guardians. */
const GUARDIAN_STEPS: readonly StepId[] = Object.values(STEP_CATALOG)
  .filter((d) => d.routing === 'vardnadshavare')
  .map((d) => d.id);

/** Consents in which the student has not consented to information sharing (guardian contact). */
function withoutStudentConsent(c: ConsentsInput): ConsentsInput {
  const sharing = c['information-sharing'];
  if (sharing?.student !== 'given') return c;
  return { ...c, 'information-sharing': { ...sharing, student: 'refused' } };
}

/**
 * No guardian step for a student of 18 or more without the student's consent:
 * no step routed to vårdnadshavare (nor one the catalog routes there), e.g.
 * the same-day notice of SL 7:17 / 15:16, which applies to gymnasium pupils
 * only under 18 (domain.md §1.2, §1.6, takeaway 3, §7.5).
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`
 * @returns the invariant check
 * @example findViolation(noGuardianStepForAdultsCheck(builtinPolicy('skollagen'))) // undefined
 */
export function noGuardianStepForAdultsCheck(policy: Policy, options: InvariantOptions = {}): InvariantCheck<DatedCase> {
  return {
    id: 'no-guardian-step-for-adults',
    policy: policyRef(policy),
    description: 'No step goes to the guardians of a student of 18 or more who has not consented.',
    basis: 'SL 7 kap. 17 §, 15 kap. 16 §; Skolverket vägledning: no guardian contact for pupils of 18 without consent (domain.md §1.2, §1.6, §7.5)',
    arbitrary: datedCases(options, { minAge: 18, consents: arbitraryConsents().map(withoutStudentConsent) }),
    check: ({ asOf, input }) => {
      const d = decideCase(input, policy, asOf, options.calendar);
      // With a `student` override in `options.cases` younger students may come through: they are not this invariant's concern.
      if (ageInYears(input.student.birthDate, asOf) < 18 || input.consents?.['information-sharing']?.student === 'given') return undefined;
      const wrong = d.steps.filter((s) => GUARDIAN_STEPS.includes(s.id) || s.routing?.target === 'vardnadshavare');
      if (wrong.length === 0) return undefined;
      return { message: `${wrong.map((s) => s.id).join(', ')} goes to the guardians of a student of ${d.facts.ageYears} without consent`, steps: stepKeys(d) };
    },
  };
}
