import type { ConsentState } from '../model/decision.js';
import type { Consents } from '../model/studentCase.js';
import type { StepDefinition } from './catalog.js';

/**
 * Consent state of a step. From 18 the student alone consents; under 18 every
 * party the step names must have given consent (Stockholm's skolsociala team:
 * guardians **and** student, domain.md §3.3).
 *
 * @param definition - the step's catalog entry
 * @param consents - the case's consents
 * @param ageYears - completed years on asOf
 * @returns the consent state
 * @example consentState(STEP_CATALOG.sip, {}, 14).satisfied // false
 */
export function consentState(definition: StepDefinition, consents: Consents, ageYears: number): ConsentState {
  const need = definition.consent;
  if (need === undefined) return { required: false };
  const given = consents[need.purpose];
  const parties = (ageYears >= 18 ? (['student'] as const) : need.parties).map((party) => ({
    party,
    status: given?.[party] ?? ('not-asked' as const),
  }));
  return { required: true, purpose: need.purpose, parties, satisfied: parties.every((p) => p.status === 'given') };
}
