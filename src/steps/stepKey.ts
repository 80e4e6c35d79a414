import type { StepId } from '../model/vocabulary.js';

/**
 * A step's identity across nights: its id, or for a consent request the id
 * and the step it asks consent for.
 *
 * @param s - a step or step state
 * @returns the key
 * @example stepKey({ id: 'samtycke', forStep: 'sip' }) // 'samtycke/sip'
 */
export function stepKey(s: { readonly id: StepId; readonly forStep?: StepId | undefined }): string {
  return s.forStep === undefined ? s.id : `${s.id}/${s.forStep}`;
}
