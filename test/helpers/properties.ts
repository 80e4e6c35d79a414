/**
 * Shared pieces of the property tests in test/properties: the policies every
 * invariant is checked under, and small views of a decision. The arbitraries
 * themselves live in src/testing/arbitraries.ts (the future `trappa/testing`).
 */
import { ageInYears } from '../../src/calendar/age.js';
import type { BuiltinPolicyId, Decision, StudentCaseInput } from '../../src/index.js';

/** Every invariant holds under national law alone and under Stockholm's policy on top of it. */
export const PROPERTY_POLICIES = ['skollagen', 'stockholm', 'goteborg'] as const satisfies readonly BuiltinPolicyId[];

/** The steps of a decision as sorted keys; a consent request is keyed by the step it asks for (`samtycke>sip`). */
export function stepKeys(decision: Decision): string[] {
  return [...new Set(decision.steps.map((s) => (s.forStep === undefined ? s.id : `${s.id}>${s.forStep}`)))].sort();
}

/** Whether the decision recommends `id` itself (not a consent request for it). */
export function hasStep(decision: Decision, id: string): boolean {
  return decision.steps.some((s) => s.id === id && s.forStep === undefined);
}

/** Age in completed years on `asOf`, computed from the input. */
export function ageOn(input: StudentCaseInput, asOf: string): number {
  return ageInYears(input.student.birthDate, asOf);
}
