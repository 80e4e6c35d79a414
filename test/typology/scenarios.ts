/**
 * Term-long scenarios for the typology tests: HT2026 up to DEFAULT_AS_OF,
 * six 50-minute lessons a day, absence placed on chosen school days.
 */
import { DEFAULT_AS_OF, lessons, schoolDays, type LessonAbsence, type LessonInput } from '../helpers/cases.js';

/** The school days of HT2026 up to DEFAULT_AS_OF (66: 14 weeks and a Monday, minus höstlov). */
export const TERM = schoolDays('2026-08-17', DEFAULT_AS_OF);

/** Lessons per day and minutes per lesson in every scenario. */
export const PER_DAY = 6;
export const MINUTES = 50;

/** The school days at the given indexes of TERM. */
export function termDays(...indexes: number[]): string[] {
  return indexes.map((i) => {
    const d = TERM[i];
    if (d === undefined) throw new RangeError(`no school day ${i}`);
    return d;
  });
}

/** A whole term of lessons; `absent(date, i)` places absence on lesson i of a date. */
export function term(absent: (date: string, i: number) => LessonAbsence | undefined = () => undefined): LessonInput[] {
  return lessons(TERM, { perDay: PER_DAY, minutes: MINUTES, absent });
}

/** Whole days absent on `days` with the given kind of absence, present otherwise. */
export function wholeDays(days: readonly string[], kind: Omit<LessonAbsence, 'valid' | 'invalid'> & { readonly invalid?: true }): LessonInput[] {
  const set = new Set(days);
  const { invalid, ...rest } = kind;
  return term((date) => (set.has(date) ? { ...rest, ...(invalid === true ? { invalid: MINUTES } : { valid: MINUTES }) } : undefined));
}

/** One invalid lesson (number `lesson`, 0-based) on each of `days`, present otherwise. */
export function singleLessons(days: readonly string[], lesson: number, extra: Omit<LessonAbsence, 'valid' | 'invalid'> = {}): LessonInput[] {
  const set = new Set(days);
  return term((date, i) => (set.has(date) && i === lesson ? { ...extra, invalid: MINUTES } : undefined));
}
