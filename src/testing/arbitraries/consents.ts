import fc, { type Arbitrary } from 'fast-check';
import { ConsentStatusSchema } from '../../model/vocabulary.js';
import type { ConsentsInput } from './inputs.js';

/**
 * Consents for any subset of purposes, each party `given`, `refused` or
 * `not-asked`, sometimes left out (meaning not asked).
 *
 * @returns an arbitrary consents input
 * @example fc.sample(arbitraryConsents(), 1) // e.g. [{ sip: { guardians: 'given', student: 'refused' } }]
 */
export function arbitraryConsents(): Arbitrary<ConsentsInput> {
  const status = fc.constantFrom(...ConsentStatusSchema.options);
  const party = fc.record({ guardians: status, student: status }, { requiredKeys: [] });
  return fc.record({ 'skolsocialt-team': party, sip: party, 'information-sharing': party, 'contact-with-parents': party }, { requiredKeys: [] });
}
