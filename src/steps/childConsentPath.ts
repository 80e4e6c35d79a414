import type { ChildConsentPath, ConsentState } from '../model/decision.js';
import type { DatedValue } from '../model/datedParameter.js';

/**
 * Adds the child's own consent route to a blocked consent state: when the
 * guardians refuse and the student (under 18) consents, socialnämnden may
 * decide öppna insatser on the child's consent if the child has reached the
 * age in force on asOf (SoL 3 kap. 6 a §; domain.md §2.5, §7.4
 * CHILD_CONSENT_PATH). The step itself stays blocked: the route is
 * socialtjänstens decision, not the school's.
 *
 * @param consent - the step's consent state
 * @param ageYears - completed years on asOf
 * @param age - the dated consent age in force on asOf, if the policy has one
 * @returns the consent state, with `childConsentPath` when it applies
 * @example withChildConsentPath(blockedByGuardians, 13, { value: 12, effectiveFrom: '2023-07-01', basis }).childConsentPath?.available // true
 */
export function withChildConsentPath(consent: ConsentState, ageYears: number, age: DatedValue | undefined): ConsentState {
  if (!consent.required || consent.satisfied || age === undefined || ageYears >= 18) return consent;
  const status = (party: 'guardians' | 'student') => consent.parties.find((p) => p.party === party)?.status;
  if (status('guardians') !== 'refused' || status('student') !== 'given') return consent;
  const path: ChildConsentPath = {
    available: ageYears >= age.value,
    ageYears,
    minimumAge: age.value,
    inForceFrom: age.effectiveFrom ?? null,
    basis: age.basis,
  };
  return { ...consent, childConsentPath: path };
}
