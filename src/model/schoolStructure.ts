import type { SchoolForm } from './vocabulary.js';

/** The grades a school form has, first to last. */
export interface GradeRange {
  readonly first: number;
  readonly last: number;
}

/**
 * The school forms and their grades for education on a range of dates. The
 * ten-year grundskola (prop. 2024/25:143, passed in 2025: the skollagen
 * changes take effect 2026-07-01 and apply to education after 2028-06-30)
 * ends förskoleklass and makes grade 10 the last year of grundskolan: from
 * the autumn term 2028 every grade number of a compulsory school form is one
 * higher for a child of the same age. Policies that read `grade` keep one
 * rule version per structure (Stockholm's skolsocialt team: åk 4–9, then åk
 * 5–10 for the same children).
 */
export interface SchoolStructure {
  readonly id: 'nine-year' | 'ten-year';
  /** First day of education it applies to; absent: since before any date Trappa knows. */
  readonly effectiveFrom?: string;
  /** Last day; absent: still in force. */
  readonly effectiveTo?: string;
  /** The school forms that exist, with their grades. A form left out does not exist then. */
  readonly grades: Readonly<Partial<Record<SchoolForm, GradeRange>>>;
  readonly basis: { readonly citation: string; readonly url: string };
}

/**
 * The structures in date order, covering every date exactly once.
 * Unverified grade ranges (anpassad grundskola's voluntary tenth year, the
 * specialskola and sameskola in the ten-year structure) are kept wide: a grade
 * outside a range only gives a warning, never a different step.
 */
export const SCHOOL_STRUCTURES: readonly SchoolStructure[] = [
  {
    id: 'nine-year',
    effectiveTo: '2028-06-30',
    grades: {
      forskoleklass: { first: 0, last: 0 },
      grundskola: { first: 1, last: 9 },
      'anpassad-grundskola': { first: 1, last: 10 },
      specialskola: { first: 1, last: 10 },
      sameskola: { first: 1, last: 6 },
      gymnasieskola: { first: 1, last: 4 },
      'anpassad-gymnasieskola': { first: 1, last: 4 },
    },
    basis: { citation: 'Skollagen (2010:800) 9–13 kap. (lydelse före prop. 2024/25:143)', url: 'https://lagen.nu/2010:800' },
  },
  {
    id: 'ten-year',
    effectiveFrom: '2028-07-01',
    grades: {
      grundskola: { first: 1, last: 10 },
      'anpassad-grundskola': { first: 1, last: 11 },
      specialskola: { first: 1, last: 11 },
      sameskola: { first: 1, last: 7 },
      gymnasieskola: { first: 1, last: 4 },
      'anpassad-gymnasieskola': { first: 1, last: 4 },
    },
    basis: { citation: 'Prop. 2024/25:143, en tioårig grundskola (utbildning efter 2028-06-30)', url: 'https://lagen.nu/prop/2024/25:143' },
  },
];

/**
 * The school structure for education on `date`.
 *
 * @param date - ISO date
 * @returns the structure in force
 * @example schoolStructureOn('2028-08-20').grades.grundskola // { first: 1, last: 10 }
 */
export function schoolStructureOn(date: string): SchoolStructure {
  return SCHOOL_STRUCTURES.find((s) => (s.effectiveFrom === undefined || s.effectiveFrom <= date) && (s.effectiveTo === undefined || date <= s.effectiveTo)) as SchoolStructure;
}

/**
 * Whether a school form and grade exist for education on `date`: `form` when
 * the school form does not exist then (förskoleklass after 2028-06-30),
 * `grade` when the grade is outside the form's range, else null.
 *
 * @param form - the student's school form
 * @param grade - the student's grade
 * @param date - ISO date (asOf)
 * @returns what does not fit, or null
 * @example structureMismatch('grundskola', 10, '2027-11-23') // 'grade'
 */
export function structureMismatch(form: SchoolForm, grade: number, date: string): 'form' | 'grade' | null {
  const range = schoolStructureOn(date).grades[form];
  if (range === undefined) return 'form';
  return grade < range.first || grade > range.last ? 'grade' : null;
}
