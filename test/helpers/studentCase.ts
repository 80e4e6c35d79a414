/**
 * Shared builders for calendar and metrics tests: hand-written student cases,
 * validated with the public `parseStudentCase`, and small date utilities that
 * are deliberately independent of `src/calendar` (plain `Date` in UTC), so
 * they can serve as oracles.
 */
import { parseStudentCase, type StudentCase, type StudentCaseInput } from '../../src/index.js';
import { AttendanceRecordSchema, type AttendanceRecord } from '../../src/model/studentCase.js';

/** What a caller may write for one lesson (defaults not yet applied): the kit's type. */
export type { LessonInput } from '../../src/testing/index.js';
import type { LessonInput, StudentInput } from '../../src/testing/index.js';

/** One lesson input. Defaults: reported, present. */
export function lesson(
  date: string,
  start: string,
  scheduledMinutes: number,
  absence: { valid?: number; invalid?: number; reported?: boolean } = {},
): LessonInput {
  return {
    date,
    start,
    scheduledMinutes,
    validAbsenceMinutes: absence.valid ?? 0,
    invalidAbsenceMinutes: absence.invalid ?? 0,
    reported: absence.reported ?? true,
  };
}

/** A validated attendance record (defaults applied), for ledger tests. */
export function record(input: LessonInput): AttendanceRecord {
  return AttendanceRecordSchema.parse(input);
}

/** A Stockholm grundskola student at a kommunal Stockholm school, living in Stockholm. */
export const BASE_STUDENT: StudentInput = {
  id: 'elev-1',
  birthDate: '2012-05-10',
  schoolForm: 'grundskola',
  grade: 8,
  school: { id: 'skola-1', huvudman: 'kommunal', municipalityCode: '0180' },
  residence: { municipalityCode: '0180' },
};

/**
 * A validated case built by hand. Throws when the case or any lesson is
 * rejected: a test fixture that the schema refuses is a broken fixture.
 */
export function studentCase(input: Partial<StudentCaseInput> & { student?: StudentInput } = {}): StudentCase {
  const parsed = parseStudentCase({ student: BASE_STUDENT, ...input });
  if (!parsed.ok) throw new Error(`fixture rejected: ${JSON.stringify(parsed.issues)}`);
  if (parsed.rejectedRecords.length > 0) throw new Error(`fixture lessons rejected: ${JSON.stringify(parsed.rejectedRecords)}`);
  return parsed.case;
}

// ---- independent date utilities (plain Date, UTC) -------------------------------------------

/** ISO date `n` days after `iso` (n may be negative). */
export function plusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(iso: string): number {
  const js = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return js === 0 ? 7 : js;
}

/** Every date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) out.push(d);
  return out;
}

/** Monday–Friday dates from `from` to `to` inclusive, minus `except`. */
export function weekdaysBetween(from: string, to: string, except: readonly string[] = []): string[] {
  const skip = new Set(except);
  return datesBetween(from, to).filter((d) => isoWeekdayOf(d) <= 5 && !skip.has(d));
}

/** Monday of ISO week `week` of ISO week-year `year` (week 1 contains 4 January). */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  const mondayOfWeek1 = plusDays(jan4, 1 - isoWeekdayOf(jan4));
  return plusDays(mondayOfWeek1, 7 * (week - 1));
}
