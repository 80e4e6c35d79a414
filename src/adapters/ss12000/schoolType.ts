import type { SchoolForm } from '../../model/vocabulary.js';

/**
 * SS 12000 `Code_SchoolType` → Trappa's school form, for the forms Trappa
 * evaluates. Grundsärskola (`GRS`) and träningsskolan (`TR`, 2.1 only) are
 * today's anpassad grundskola, gymnasiesärskola (`GYS`) is anpassad
 * gymnasieskola (renamed from 2023-07-01). Förskola, fritidshem, adult
 * education and the rest are not covered by the absence rules Trappa encodes.
 */
export const SCHOOL_TYPE_TO_SCHOOL_FORM: Readonly<Record<string, SchoolForm>> = {
  FKLASS: 'forskoleklass',
  GR: 'grundskola',
  GRS: 'anpassad-grundskola',
  TR: 'anpassad-grundskola',
  SP: 'specialskola',
  SAM: 'sameskola',
  GY: 'gymnasieskola',
  GYS: 'anpassad-gymnasieskola',
};

/**
 * The school form for an SS 12000 school type.
 *
 * @param schoolType - `Enrolment.schoolType`, e.g. `GR`
 * @returns the school form, or undefined for a type Trappa does not evaluate (`FS`, `FTH`, `VUX`…)
 * @example schoolFormOf('GRS') // 'anpassad-grundskola'
 */
export function schoolFormOf(schoolType: string): SchoolForm | undefined {
  return Object.hasOwn(SCHOOL_TYPE_TO_SCHOOL_FORM, schoolType) ? SCHOOL_TYPE_TO_SCHOOL_FORM[schoolType] : undefined;
}
