import type { Huvudman } from '../../model/vocabulary.js';
import type { Ss12000Organisation } from './entities.js';

/**
 * The kind of huvudman told by a Swedish organisation number
 * (organisationsnummer, 10 digits, optionally with the "16" century prefix):
 * municipalities have numbers 212000-xxxx, state agencies 202100-xxxx, and
 * companies, economic associations, foundations and non-profit associations
 * (the legal forms of fristående huvudmän) start with 5, 7, 8 or 9. The third
 * digit of an organisation number is at least 2, which tells it from a
 * personnummer. Regions (2321…) and municipal federations (2220…) are left
 * undecided: say it in the side file.
 *
 * @param organisationNumber - `Organisation.organisationNumber` of the huvudman
 * @returns the kind, or undefined when the number does not tell
 * @example huvudmanFromOrganisationNumber('212000-0142') // 'kommunal'
 * @example huvudmanFromOrganisationNumber('556677-8899') // 'fristaende'
 */
export function huvudmanFromOrganisationNumber(organisationNumber: string): Huvudman | undefined {
  let digits = organisationNumber.replace(/[\s-]/g, '');
  if (/^16\d{10}$/.test(digits)) digits = digits.slice(2);
  if (!/^\d{10}$/.test(digits) || Number(digits[2]) < 2) return undefined;
  if (digits.startsWith('2120')) return 'kommunal';
  if (digits.startsWith('2021')) return 'statlig';
  if ('5789'.includes(digits[0] as string)) return 'fristaende';
  return undefined;
}

/**
 * The organisation of type `Huvudman` above a school unit, following
 * `parentOrganisation` (or the unit itself if it is marked as one).
 *
 * @param unit - the school unit
 * @param byId - every organisation in the export
 * @returns the huvudman organisation, or undefined when the chain does not reach one
 * @example findHuvudman(unit, organisations)?.organisationType // 'Huvudman'
 */
export function findHuvudman(unit: Ss12000Organisation, byId: ReadonlyMap<string, Ss12000Organisation>): Ss12000Organisation | undefined {
  let current: Ss12000Organisation | undefined = unit;
  for (let depth = 0; current !== undefined && depth < 16; depth += 1) {
    if (current.organisationType === 'Huvudman') return current;
    const parent: string | undefined = current.parentOrganisation?.id;
    current = parent === undefined ? undefined : byId.get(parent);
  }
  return undefined;
}
