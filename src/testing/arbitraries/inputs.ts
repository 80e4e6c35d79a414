import type { StudentCaseInput } from '../../model/studentCase.js';

/** The student as a caller writes it (defaults not yet applied). */
export type StudentInput = StudentCaseInput['student'];
/** One lesson as a caller writes it. */
export type LessonInput = NonNullable<StudentCaseInput['attendance']>[number];
/** Consents as a caller writes them. */
export type ConsentsInput = NonNullable<StudentCaseInput['consents']>;
/** One signal as a caller writes it. */
export type SignalInput = NonNullable<StudentCaseInput['signals']>[number];
/** One measure as a caller writes it. */
export type MeasureInput = NonNullable<StudentCaseInput['measures']>[number];

/**
 * Monday of ISO week 48, 2026, in HT2026: the default evaluation date of the kit.
 *
 * @example arbitraryCase({ asOf: DEFAULT_TEST_AS_OF })
 */
export const DEFAULT_TEST_AS_OF = '2026-11-23';
