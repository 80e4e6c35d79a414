/**
 * Normalise a Swedish municipality code (kommunkod) to the four-digit string
 * Trappa uses everywhere. SS 12000 types `Person.addresses[].municipalityCode`
 * as an integer, so Stockholm's "0180" arrives as `180`, while
 * `Organisation.municipalityCode` is a string; both must compare equal. The
 * first two digits are the county (län, 01–25).
 *
 * @param value - an integer or a string of one to four digits
 * @returns the four-digit code, or undefined when it is not a municipality code
 * @example normaliseMunicipalityCode(180) // '0180'
 * @example normaliseMunicipalityCode('0126') // '0126'
 */
export function normaliseMunicipalityCode(value: unknown): string | undefined {
  let digits: string;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return undefined;
    digits = String(value);
  } else if (typeof value === 'string' && /^\d{1,4}$/.test(value)) {
    digits = value;
  } else {
    return undefined;
  }
  if (digits.length > 4) return undefined;
  const code = digits.padStart(4, '0');
  const county = Number(code.slice(0, 2));
  return county >= 1 && county <= 25 ? code : undefined;
}
