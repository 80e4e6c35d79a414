import fc from 'fast-check';
import { ageInYears } from '../../calendar/age.js';
import { STEP_CATALOG } from '../../steps/catalog.js';
import type { StepId } from '../../model/vocabulary.js';
import type { Policy } from '../../policy/policy.js';
import { arbitraryConsents, type ConsentsInput, type DatedCase } from '../arbitraries/index.js';
import { decideCase, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { datedCases, type InvariantOptions } from './options.js';

/** Steps the catalog sends to the guardians. */
const GUARDIAN_STEPS: readonly StepId[] = Object.values(STEP_CATALOG)
  .filter((d) => d.routing === 'vardnadshavare')
  .map((d) => d.id);

/**
 * Consents as drawn, but with the student's consent to contact with the parents given in about a
 * quarter of the cases and otherwise not: both sides of the rule are drawn.
 */
function adultConsents(): fc.Arbitrary<ConsentsInput> {
  // Not asked first: a counterexample shrinks towards no consent at all.
  return fc.tuple(arbitraryConsents(), fc.constantFrom(undefined, 'not-asked', 'refused', 'given')).map(([c, parents]) => {
    const { 'contact-with-parents': _drawn, ...rest } = c;
    return parents === undefined ? rest : { ...rest, 'contact-with-parents': { student: parents } };
  });
}

/**
 * No guardian step for a student of 18 or more unless the student has consented to contact with
 * the parents (`contact-with-parents`; consent to information sharing with social services is not
 * that), and never while a violence-disclosed or harm-suspected signal is in force, whatever the
 * consents: no step routed to vårdnadshavare (nor one the catalog routes there), e.g. the same-day
 * notice of SL 7:17 / 15:16, which applies to gymnasium pupils only under 18 (domain.md §1.2,
 * §1.6, takeaway 3, §2.7, §7.5).
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
    description: 'No step goes to the parents of a student of 18 or more who has not consented to contact with them, nor while violence or harm is in force.',
    basis: 'SL 7 kap. 17 §, 15 kap. 16 §; Skolverket vägledning: no guardian contact for pupils of 18 without consent (docs/sources.md)',
    arbitrary: datedCases(options, { minAge: 18, consents: adultConsents() }),
    check: ({ asOf, input }) => {
      const d = decideCase(input, policy, asOf, options.calendar);
      // With a `student` override in `options.cases` younger students may come through: they are not this invariant's concern.
      if (ageInYears(input.student.birthDate, asOf) < 18) return undefined;
      const consented = input.consents?.['contact-with-parents']?.student === 'given';
      const danger = d.facts.signalViolenceDisclosed || d.facts.signalHarmSuspected;
      if (consented && !danger) return undefined;
      const wrong = d.steps.filter((s) => GUARDIAN_STEPS.includes(s.id) || s.routing?.target === 'vardnadshavare');
      if (wrong.length === 0) return undefined;
      const why = consented ? 'with violence or harm in force' : 'without consent to contact with the parents';
      return { message: `${wrong.map((s) => s.id).join(', ')} goes to the parents of a student of ${d.facts.ageYears} ${why}`, steps: stepKeys(d) };
    },
  };
}
