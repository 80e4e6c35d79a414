/**
 * Compact attendance for example tables: a lesson schedule per weekday and
 * absence patterns by date range, expanded into one record per lesson, the
 * way a school's system would export them. Pure: the school days come from
 * the calendar passed in (default: `defaultCalendarFor(asOf)`).
 */
import { z } from 'zod';
import { indexCalendar } from '../calendar/calendarIndex.js';
import { dayNumber, isoDate, weekday } from '../calendar/dayNumber.js';
import { defaultCalendarFor } from '../calendar/defaultCalendar.js';
import { ClockTimeSchema, IsoDateSchema } from '../model/isoDate.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import { AttendanceRecordSchema } from '../model/studentCase.js';
import { AbsenceReasonSchema } from '../model/vocabulary.js';
import { compareCodePoints } from '../model/compareCodePoints.js';

/** One lesson as a caller writes it (`StudentCaseInput['attendance'][number]`). */
export type LessonRecordInput = z.input<typeof AttendanceRecordSchema>;

/** A lesson slot written `HH:MM-HH:MM` (start and end, 24 h), e.g. `08:10-09:00`. */
export const LessonSlotSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'Expected a lesson written HH:MM-HH:MM, e.g. "08:10-09:00"' })
  .refine((s) => minutesOf(s.slice(6)) > minutesOf(s.slice(0, 5)), { message: 'A lesson must end after it starts' });

/** Weekday keys of a schedule and of an absence's `weekdays` filter. */
export const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri']);
export type Weekday = z.infer<typeof WeekdaySchema>;
const WEEKDAYS: readonly Weekday[] = WeekdaySchema.options;

/**
 * The lessons of a school day: one list for every day, or per weekday with a
 * `default` for the days not named.
 */
export const ScheduleSchema = z.union([
  z.array(LessonSlotSchema).min(1),
  z.strictObject({
    default: z.array(LessonSlotSchema).optional(),
    mon: z.array(LessonSlotSchema).optional(),
    tue: z.array(LessonSlotSchema).optional(),
    wed: z.array(LessonSlotSchema).optional(),
    thu: z.array(LessonSlotSchema).optional(),
    fri: z.array(LessonSlotSchema).optional(),
  }),
]);

/**
 * What kind of absence: `invalid` (ogiltig, reason `none`), `sick` (valid,
 * reason `sick`, reported by the guardian), `valid` (giltig, reason
 * `granted-leave` unless given), `unreported` (the teacher has not reported the lesson).
 */
export const AbsenceKindSchema = z.enum(['invalid', 'sick', 'valid', 'unreported']);

/**
 * One absence pattern: which days (a range `from`–`to`, or `dates`, optionally
 * only some `weekdays`), which lessons of those days (`lessons`: start times
 * or 1-based positions; default every lesson), and how many minutes of each
 * (default the whole lesson).
 */
export const AbsencePatternSchema = z
  .strictObject({
    kind: AbsenceKindSchema,
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    dates: z.array(IsoDateSchema).min(1).optional(),
    weekdays: z.array(WeekdaySchema).min(1).optional(),
    lessons: z.array(z.union([ClockTimeSchema, z.int().min(1)])).min(1).optional(),
    minutes: z.int().min(1).max(600).optional(),
    reason: AbsenceReasonSchema.optional(),
    guardianReported: z.boolean().optional(),
  })
  .refine((a) => (a.dates === undefined ? a.from !== undefined : a.from === undefined && a.to === undefined), {
    message: 'Give either dates or a range from–to (to defaults to from)',
  });

/** Compact attendance: the schedule of the period, absence patterns on it, and extra lessons as records. */
export const CompactAttendanceSchema = z.strictObject({
  /** First day with lessons (default: the first day of the term of `asOf`, or `enrolledFrom` when later). */
  from: IsoDateSchema.optional(),
  /** Last day with lessons (default: `asOf`). */
  to: IsoDateSchema.optional(),
  schedule: ScheduleSchema.optional(),
  absences: z.array(AbsencePatternSchema).default([]),
  /** Lessons written out, added to the schedule's (e.g. a lesson on a day outside it). */
  lessons: z.array(AttendanceRecordSchema).default([]),
});

export type CompactAttendance = z.output<typeof CompactAttendanceSchema>;
export type CompactAttendanceInput = z.input<typeof CompactAttendanceSchema>;
export type AbsencePattern = z.output<typeof AbsencePatternSchema>;

/** Context for `expandAttendance`. */
export interface ExpandOptions {
  readonly asOf: string;
  /** The student's first day at the school, when later than the term's start. */
  readonly enrolledFrom?: string;
  readonly calendar?: SchoolCalendar;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function slotsOn(schedule: CompactAttendance['schedule'], day: Weekday): readonly string[] {
  if (schedule === undefined) return [];
  if (Array.isArray(schedule)) return schedule;
  return schedule[day] ?? schedule.default ?? [];
}

function patternCovers(a: AbsencePattern, date: string, day: Weekday): boolean {
  if (a.weekdays !== undefined && !a.weekdays.includes(day)) return false;
  if (a.dates !== undefined) return a.dates.includes(date);
  const from = a.from as string;
  return date >= from && date <= (a.to ?? from);
}

function lessonMatches(a: AbsencePattern, start: string, position: number): boolean {
  return a.lessons === undefined || a.lessons.some((l) => (typeof l === 'number' ? l === position : l === start));
}

function applyAbsence(lesson: LessonRecordInput, a: AbsencePattern): void {
  const minutes = Math.min(a.minutes ?? lesson.scheduledMinutes, lesson.scheduledMinutes);
  switch (a.kind) {
    case 'unreported':
      lesson.reported = false;
      return;
    case 'invalid':
      lesson.invalidAbsenceMinutes = minutes;
      lesson.validAbsenceMinutes = 0;
      lesson.reason = a.reason ?? 'none';
      break;
    case 'sick':
      lesson.validAbsenceMinutes = minutes;
      lesson.invalidAbsenceMinutes = 0;
      lesson.reason = a.reason ?? 'sick';
      lesson.guardianReported = a.guardianReported ?? true;
      return;
    case 'valid':
      lesson.validAbsenceMinutes = minutes;
      lesson.invalidAbsenceMinutes = 0;
      lesson.reason = a.reason ?? 'granted-leave';
      break;
  }
  if (a.guardianReported !== undefined) lesson.guardianReported = a.guardianReported;
}

/**
 * Expand compact attendance into lesson records: every school day of the
 * calendar from `from` to `to` gets its scheduled lessons, the absence
 * patterns are applied in order (a later pattern overrides an earlier one on
 * the same lesson), and the written-out `lessons` are appended.
 *
 * @param attendance - parsed compact attendance (`CompactAttendanceSchema`)
 * @param options - `asOf`, and optionally `enrolledFrom` and the calendar
 * @returns lesson records in date and start order, as `StudentCaseInput['attendance']`
 * @example
 * expandAttendance(CompactAttendanceSchema.parse({ from: '2026-11-16', schedule: ['08:10-09:00'],
 *   absences: [{ kind: 'invalid', from: '2026-11-16', to: '2026-11-20', weekdays: ['mon'] }] }), { asOf: '2026-11-20' })[0]
 * //=> { date: '2026-11-16', start: '08:10', scheduledMinutes: 50, validAbsenceMinutes: 0, invalidAbsenceMinutes: 50, reason: 'none' }
 */
export function expandAttendance(attendance: CompactAttendance, options: ExpandOptions): LessonRecordInput[] {
  const calendar = options.calendar ?? defaultCalendarFor(options.asOf);
  const index = indexCalendar(calendar);
  const hi = dayNumber(attendance.to ?? options.asOf);
  const termStart = index.termAt(dayNumber(options.asOf))?.start;
  let lo = attendance.from === undefined ? (termStart ?? hi + 1) : dayNumber(attendance.from);
  if (attendance.from === undefined && options.enrolledFrom !== undefined) lo = Math.max(lo, dayNumber(options.enrolledFrom));
  const out: LessonRecordInput[] = [];
  for (const day of index.schoolDays) {
    if (day < lo || day > hi) continue;
    const date = isoDate(day);
    const wd = WEEKDAYS[weekday(day) - 1];
    if (wd === undefined) continue;
    slotsOn(attendance.schedule, wd).forEach((slot, i) => {
      const start = slot.slice(0, 5);
      const lesson: LessonRecordInput = {
        date,
        start,
        scheduledMinutes: minutesOf(slot.slice(6)) - minutesOf(start),
        validAbsenceMinutes: 0,
        invalidAbsenceMinutes: 0,
      };
      for (const a of attendance.absences) {
        if (patternCovers(a, date, wd) && lessonMatches(a, start, i + 1)) applyAbsence(lesson, a);
      }
      out.push(lesson);
    });
  }
  out.push(...attendance.lessons.map((l) => ({ ...l })));
  return out.sort((a, b) => compareCodePoints(a.date, b.date) || compareCodePoints(a.start, b.start));
}
