import fc, { type Arbitrary } from 'fast-check';
import type { SchoolCalendar } from '../../model/schoolCalendar.js';
import type { AbsenceReason } from '../../model/vocabulary.js';
import { schoolDaysUpTo } from './dates.js';
import { DEFAULT_TEST_AS_OF, type LessonInput } from './inputs.js';

const LESSON_MINUTES = [40, 45, 50, 60, 80] as const;

/**
 * Shapes of absence over a term, for `arbitraryAttendance`'s `pattern` option:
 * - `mixed`: whole days and single lessons (full or late arrival), valid and invalid;
 * - `scattered`: one lesson missed here and there, never a whole day (lesson-level skolk, domain.md §6.1);
 * - `whole-days`: streaks of whole days away (längre frånvaro, §1.4), valid or invalid;
 * - `rising`: little absence early in the term, more towards `asOf` (a rising trend);
 * - `valid-only`: like `mixed`, every absent minute valid (sick, granted leave): §1.4 counts it too;
 * - `none`: present at every lesson.
 */
export type AttendancePattern = 'mixed' | 'scattered' | 'whole-days' | 'rising' | 'valid-only' | 'none';

/**
 * Every attendance pattern, in shrinking order (a counterexample shrinks towards the first).
 *
 * @example arbitraryAttendance({ pattern: ATTENDANCE_PATTERNS.filter((p) => p !== 'none') })
 */
export const ATTENDANCE_PATTERNS: readonly AttendancePattern[] = ['mixed', 'scattered', 'whole-days', 'rising', 'valid-only', 'none'];

/** Options for `arbitraryAttendance`. */
export interface AttendanceOptions {
  /** Evaluation date; no lesson is dated after it (default `DEFAULT_TEST_AS_OF`). */
  readonly asOf?: string;
  /** The school calendar lessons fall on (default `defaultCalendarFor(asOf)`). */
  readonly calendar?: SchoolCalendar;
  /** First date with lessons (default: start of the term at `asOf`). */
  readonly from?: string;
  /** Most lessons on one day (default 6; at least 1 on every day with records). */
  readonly maxLessonsPerDay?: number;
  /** The shape of absence, or the shapes each case draws one of (default: all of `ATTENDANCE_PATTERNS`). */
  readonly pattern?: AttendancePattern | readonly AttendancePattern[];
}

const REASONS_VALID: readonly AbsenceReason[] = ['sick', 'granted-leave', 'other'];
const REASONS_INVALID: readonly AbsenceReason[] = ['none', 'unknown', 'other'];

interface LessonDraw {
  readonly roll: number;
  readonly invalidRoll: number;
  readonly late: number;
  readonly reportedRoll: number;
  readonly reasonPick: number;
  readonly guardianReported: boolean;
  readonly writeDefaults: boolean;
}

interface DayDraw {
  readonly gapRoll: number;
  readonly roll: number;
  readonly wholeDay: boolean;
  readonly invalidRoll: number;
  readonly lessons: readonly LessonDraw[];
}

interface AttendancePlan {
  readonly pattern: AttendancePattern;
  readonly recordedDays: number;
  readonly gapPercent: number;
  readonly absencePercent: number;
  readonly invalidPercent: number;
  readonly unreportedPercent: number;
  readonly minutes: number;
  readonly streaks: ReadonlyArray<{ readonly endsBefore: number; readonly length: number; readonly invalid: boolean }>;
  readonly days: readonly DayDraw[];
}

function clockTime(minutesAfterMidnight: number): string {
  return `${String(Math.floor(minutesAfterMidnight / 60)).padStart(2, '0')}:${String(minutesAfterMidnight % 60).padStart(2, '0')}`;
}

/** Which lessons of a recorded day are absent, and whether the absence is invalid, by the case's pattern. */
function dayAbsence(
  plan: AttendancePlan,
  day: DayDraw,
  position: number,
  streakDay: { readonly invalid: boolean } | undefined,
): { readonly absentLesson: (l: LessonDraw, i: number) => boolean; readonly whole: boolean; readonly invalid: (l: LessonDraw) => boolean } {
  const byDraw = (l: LessonDraw): boolean => (day.wholeDay ? day.invalidRoll : l.invalidRoll) < plan.invalidPercent;
  switch (plan.pattern) {
    case 'none':
      return { absentLesson: () => false, whole: false, invalid: () => false };
    case 'whole-days':
      return { absentLesson: () => streakDay !== undefined, whole: true, invalid: () => streakDay?.invalid === true };
    case 'scattered': {
      const missed = day.roll < plan.absencePercent ? day.invalidRoll % day.lessons.length : -1;
      return { absentLesson: (_l, i) => i === missed, whole: false, invalid: (l) => l.invalidRoll < plan.invalidPercent };
    }
    case 'rising': {
      // Share of absent days grows linearly from 0 at the first recorded day to twice `absencePercent` at asOf.
      const dayAbsent = day.roll < Math.min(100, 2 * plan.absencePercent * position);
      return { absentLesson: (l) => dayAbsent && (day.wholeDay || l.roll < plan.absencePercent), whole: day.wholeDay, invalid: byDraw };
    }
    case 'valid-only':
    case 'mixed': {
      const dayAbsent = day.roll < plan.absencePercent;
      const invalid = plan.pattern === 'valid-only' ? () => false : byDraw;
      return { absentLesson: (l) => dayAbsent && (day.wholeDay || l.roll < plan.absencePercent), whole: day.wholeDay, invalid };
    }
  }
}

function lessonsOf(plan: AttendancePlan, days: readonly string[]): LessonInput[] {
  const out: LessonInput[] = [];
  const first = days.length - plan.recordedDays;
  // Whole-day streaks, each ending `endsBefore` school days before the last one (0: an ongoing streak). Placed
  // from the end, not inside the recorded days, so that fewer recorded days (shrinking) never move a streak.
  const streakAt = new Map<number, { invalid: boolean }>();
  for (const streak of plan.streaks) {
    const end = days.length - 1 - streak.endsBefore;
    for (let d = Math.max(first, end - streak.length + 1); d <= end; d += 1) streakAt.set(d, { invalid: streak.invalid });
  }
  plan.days.forEach((day, d) => {
    const date = days[d];
    if (date === undefined || d < first || day.gapRoll < plan.gapPercent) return;
    const position = plan.recordedDays <= 1 ? 1 : (d - first) / (plan.recordedDays - 1);
    // Scattered single lessons need a day of at least two lessons, else the one lesson is the whole day.
    const drawn = plan.pattern === 'scattered' && day.lessons.length === 1 ? [day.lessons[0], day.lessons[0]] : day.lessons;
    const shape = dayAbsence(plan, { ...day, lessons: drawn as LessonDraw[] }, position, streakAt.get(d));
    drawn.forEach((l, i) => {
      if (l === undefined) return;
      const absent = shape.absentLesson(l, i);
      const invalid = absent && shape.invalid(l);
      const minutes = !absent ? 0 : shape.whole || l.late === 0 ? plan.minutes : Math.min(l.late, plan.minutes - 1);
      const lesson: LessonInput = { date, start: clockTime(8 * 60 + i * (plan.minutes + 10)), scheduledMinutes: plan.minutes };
      if (minutes > 0 || l.writeDefaults) {
        lesson.validAbsenceMinutes = invalid ? 0 : minutes;
        lesson.invalidAbsenceMinutes = invalid ? minutes : 0;
      }
      if (l.reportedRoll < plan.unreportedPercent) lesson.reported = false;
      else if (l.writeDefaults) lesson.reported = true;
      if (minutes > 0) {
        lesson.reason = (invalid ? REASONS_INVALID : REASONS_VALID)[l.reasonPick] ?? 'other';
        if (!invalid && l.guardianReported) lesson.guardianReported = true;
      }
      out.push(lesson);
    });
  });
  return out;
}

/**
 * Lessons on school days up to `asOf`, sorted by date and start, shaped by an
 * absence `pattern` (see `AttendancePattern`). Each case draws how many of
 * the most recent school days have records (often all of them), gaps, share
 * of absence, share of it invalid, lesson length and share of unreported
 * lessons. Defaults are sometimes left out (`reported`, `reason`, …) to
 * exercise the schema.
 *
 * Shrinking goes towards fewer recorded days (the latest ones are kept), one
 * lesson a day, no gaps and no absence, so a counterexample shows only the
 * absence it needs.
 *
 * @param options - evaluation date, calendar, first date, lessons per day, pattern
 * @returns an arbitrary array of valid lesson inputs
 * @example fc.sample(arbitraryAttendance({ asOf: '2026-08-18', pattern: 'none' }), 1)[0]?.[0]?.date // '2026-08-17' or '2026-08-18'
 */
export function arbitraryAttendance(options: AttendanceOptions = {}): Arbitrary<LessonInput[]> {
  const asOf = options.asOf ?? DEFAULT_TEST_AS_OF;
  const maxPerDay = options.maxLessonsPerDay ?? 6;
  if (maxPerDay < 1) throw new RangeError('maxLessonsPerDay must be at least 1');
  const patterns = options.pattern === undefined ? ATTENDANCE_PATTERNS : typeof options.pattern === 'string' ? [options.pattern] : options.pattern;
  if (patterns.length === 0) throw new RangeError('pattern must name at least one AttendancePattern');
  const days = schoolDaysUpTo(asOf, options.calendar, options.from);
  if (days.length === 0) return fc.constant([]);
  const percent = fc.integer({ min: 0, max: 100 });
  const lessonDraw: Arbitrary<LessonDraw> = fc.record({
    roll: fc.integer({ min: 0, max: 99 }),
    invalidRoll: fc.integer({ min: 0, max: 99 }),
    late: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 35 }) }),
    reportedRoll: fc.integer({ min: 0, max: 99 }),
    reasonPick: fc.integer({ min: 0, max: 2 }),
    guardianReported: fc.boolean(),
    writeDefaults: fc.boolean(),
  });
  const dayDraw: Arbitrary<DayDraw> = fc.record({
    gapRoll: fc.integer({ min: 0, max: 99 }).map((n) => 99 - n), // shrinks to 99: no gap
    roll: fc.integer({ min: 0, max: 99 }),
    wholeDay: fc.boolean(),
    invalidRoll: fc.integer({ min: 0, max: 99 }),
    lessons: fc.array(lessonDraw, { minLength: 1, maxLength: maxPerDay }),
  });
  return fc
    .record({
      pattern: fc.constantFrom(...patterns),
      // Records on the latest `min(n, days)` school days: about half the cases have a full term, the others
      // the latest few. One integer rather than `oneof`, so that a full term still shrinks to one day (or none).
      recordedDays: fc.integer({ min: 0, max: 2 * days.length }).map((n) => Math.min(n, days.length)),
      gapPercent: fc.constantFrom(0, 0, 0, 10, 30),
      absencePercent: percent,
      invalidPercent: percent,
      unreportedPercent: fc.constantFrom(0, 0, 0, 3, 15),
      minutes: fc.constantFrom(...LESSON_MINUTES),
      streaks: fc.array(fc.record({ endsBefore: fc.integer({ min: 0, max: days.length - 1 }), length: fc.integer({ min: 1, max: 15 }), invalid: fc.boolean() }), {
        maxLength: 3,
      }),
      days: fc.array(dayDraw, { minLength: days.length, maxLength: days.length }),
    })
    .map((plan) => lessonsOf(plan, days));
}
