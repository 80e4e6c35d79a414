/**
 * fast-check arbitraries for Trappa's input: valid `StudentCaseInput` objects
 * (what a caller writes before `parseStudentCase` applies defaults), built
 * from small parts that a policy author can override one at a time.
 *
 * Every generated case passes `parseStudentCase` with no rejected records.
 * Attendance lies on school days of the default calendar up to `asOf`;
 * signals and measures are dated on or before `asOf`. Case-level knobs
 * (share of absence, share of it invalid, lesson length) vary per case, so
 * runs cover both present students and students over every threshold.
 *
 * Part of the public `trappa/testing` kit (src/testing/index.ts), which the
 * project's own property tests (test/properties) use too.
 */
import fc, { type Arbitrary } from 'fast-check';
import { ageInYears } from '../calendar/age.js';
import { indexCalendar } from '../calendar/calendarIndex.js';
import { dayNumber, isoDate } from '../calendar/dayNumber.js';
import { defaultCalendarFor } from '../calendar/defaultCalendar.js';
import { isValidIsoDate } from '../model/isoDate.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import { schoolStructureOn } from '../model/schoolStructure.js';
import type { StudentCaseInput } from '../model/studentCase.js';
import {
  ConsentStatusSchema,
  HuvudmanSchema,
  StudiehjalpSchema,
  SignalTypeSchema,
  StepIdSchema,
  type AbsenceReason,
  type SchoolForm,
} from '../model/vocabulary.js';

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

/**
 * Municipality codes the kit draws from: Stockholm (0180, drawn most often so
 * that city policy applies), Göteborg (1480), Upplands Väsby (0114), Solna
 * (0184) and Malmö (1280).
 *
 * @example TEST_MUNICIPALITY_CODES.includes('1480') // true
 */
export const TEST_MUNICIPALITY_CODES: readonly string[] = ['0180', '1480', '0114', '0184', '1280'];

const DISTRICTS = ['Skarpnäck', 'Rinkeby-Kista', 'Södermalm', 'Hisingen', 'Centrum'] as const;
const LESSON_MINUTES = [40, 45, 50, 60, 80] as const;

// ---- dates ------------------------------------------------------------------------------------

/** The same month and day `years` earlier; 29 February becomes 28 February in a common year. */
function yearsBefore(iso: string, years: number): string {
  const year = String(Number(iso.slice(0, 4)) - years).padStart(4, '0');
  const candidate = `${year}${iso.slice(4)}`;
  return isValidIsoDate(candidate) ? candidate : `${year}-02-28`;
}

function dateBetween(from: string, to: string): Arbitrary<string> {
  return fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(isoDate);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** `defaultCalendarFor` gives one frozen calendar object per school year, so `indexCalendar`'s memo is hit across runs. */
function calendarFor(asOf: string, calendar: SchoolCalendar | undefined): SchoolCalendar {
  return calendar ?? defaultCalendarFor(asOf);
}

/**
 * School days from `from` (default: the start of the term containing `asOf`)
 * up to and including `asOf`, as ISO dates.
 *
 * @param asOf - ISO evaluation date
 * @param calendar - the school calendar (default: `defaultCalendarFor(asOf)`)
 * @param from - first date to include (default: start of the term at `asOf`)
 * @returns the school days, oldest first
 * @example schoolDaysUpTo('2026-08-19') // ['2026-08-17', '2026-08-18', '2026-08-19']
 */
export function schoolDaysUpTo(asOf: string, calendar?: SchoolCalendar, from?: string): string[] {
  const index = indexCalendar(calendarFor(asOf, calendar));
  const hi = dayNumber(asOf);
  const lo = from === undefined ? (index.termAt(hi)?.start ?? hi + 1) : dayNumber(from);
  return index.schoolDays.filter((d) => d >= lo && d <= hi).map(isoDate);
}

/** Options for `arbitraryAsOf`. */
export interface AsOfOptions {
  /** First possible date (default `2026-08-17`, the start of HT2026). */
  readonly from?: string;
  /** Last possible date (default `2026-12-18`, the end of HT2026). */
  readonly to?: string;
  /** Only school days of the default calendar (default `false`: weekends and lov too). */
  readonly schoolDaysOnly?: boolean;
}

/**
 * An evaluation date. By default any day of HT2026, weekends and höstlov
 * included, because a nightly run does not skip them. With `schoolDaysOnly`,
 * `from` must lie in the school year of `to` or the one before (the reach of
 * `defaultCalendarFor(to)`).
 *
 * @param options - range and whether only school days are drawn
 * @returns an arbitrary ISO date
 * @example fc.sample(arbitraryAsOf({ schoolDaysOnly: true }), 1) // e.g. ['2026-10-07']
 */
export function arbitraryAsOf(options: AsOfOptions = {}): Arbitrary<string> {
  const from = options.from ?? '2026-08-17';
  const to = options.to ?? '2026-12-18';
  if (options.schoolDaysOnly !== true) return dateBetween(from, to);
  const days = schoolDaysUpTo(to, undefined, from);
  if (days.length === 0) throw new RangeError(`no school day between ${from} and ${to}`);
  return fc.constantFrom(...days);
}

// ---- student ----------------------------------------------------------------------------------

/** Options for `arbitraryStudent`. */
export interface StudentOptions {
  /** The evaluation date ages are counted on (default `DEFAULT_TEST_AS_OF`). */
  readonly asOf?: string;
  /** Youngest age in completed years on `asOf` (default 6). */
  readonly minAge?: number;
  /** Oldest age in completed years on `asOf` (default 20). */
  readonly maxAge?: number;
  /** Force protected identity on or off (default: about one student in eight has it). */
  readonly protectedIdentity?: boolean;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/**
 * A school form and grade that fit the age on `asOf`, most of the time (`pick` 0–99 chooses among
 * the fitting forms). For education after 2028-06-30 the ten-year grundskola applies
 * (`SCHOOL_STRUCTURES`): no förskoleklass, and a child of six is in åk 1.
 */
function formAndGrade(age: number, pick: number, behind: number, asOf: string): { schoolForm: SchoolForm; grade: number } {
  const tenYear = schoolStructureOn(asOf).id === 'ten-year';
  const shift = tenYear ? 1 : 0;
  if (age <= 6 && !tenYear) return { schoolForm: 'forskoleklass', grade: 0 };
  if (age <= 15 || (age === 16 && pick < 20)) {
    const grade = clamp(age - 6 + shift - behind, 1, 9 + shift);
    if (pick < 70) return { schoolForm: 'grundskola', grade };
    if (pick < 82) return { schoolForm: 'anpassad-grundskola', grade };
    if (pick < 92) return { schoolForm: 'specialskola', grade: clamp(age - 6 + shift - behind, 1, 10 + shift) };
    return grade <= 6 + shift ? { schoolForm: 'sameskola', grade } : { schoolForm: 'grundskola', grade };
  }
  if (pick < 85) return { schoolForm: 'gymnasieskola', grade: clamp(age - 15 - behind, 1, 3) };
  return { schoolForm: 'anpassad-gymnasieskola', grade: clamp(age - 15 - behind, 1, 4) };
}

/**
 * A valid student: opaque id `elev-<n>`, a birth date giving the requested
 * ages on `asOf` (birthdays on or the day after `asOf` are drawn on purpose,
 * to hit age limits such as 18), a school form and grade that fit the age, a
 * school (huvudman, municipality, optional district and team) and either a
 * residence or protected identity (sometimes with a residence as well).
 *
 * @param options - evaluation date, age range, protected identity
 * @returns an arbitrary student input
 * @example fc.sample(arbitraryStudent({ minAge: 18, maxAge: 19 }), 1)[0]?.schoolForm // e.g. 'gymnasieskola'
 */
export function arbitraryStudent(options: StudentOptions = {}): Arbitrary<StudentInput> {
  const asOf = options.asOf ?? DEFAULT_TEST_AS_OF;
  const minAge = options.minAge ?? 6;
  const maxAge = options.maxAge ?? 20;
  if (minAge > maxAge) throw new RangeError(`minAge ${minAge} is above maxAge ${maxAge}`);
  const earliest = dayNumber(yearsBefore(asOf, maxAge + 1)) + 1;
  const latest = dayNumber(yearsBefore(asOf, minAge));
  const birthDate = fc.oneof(
    // Unbiased: fast-check's integer bias would pile ages up at minAge and maxAge; the branch below covers limits.
    { weight: 4, arbitrary: fc.noBias(fc.integer({ min: earliest, max: latest })).map(isoDate) },
    {
      // Birthday today (just turned `age`) or tomorrow (turns `age + 1` tomorrow): both are `age` on asOf.
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: minAge, max: maxAge }), fc.boolean())
        .map(([age, today]) => (today ? yearsBefore(asOf, age) : isoDate(dayNumber(yearsBefore(asOf, age + 1)) + 1))),
    },
  );
  const municipality = fc.oneof({ weight: 3, arbitrary: fc.constant('0180') }, { weight: 2, arbitrary: fc.constantFrom(...TEST_MUNICIPALITY_CODES) });
  const school = fc.record(
    {
      id: fc.integer({ min: 1, max: 999 }).map((n) => `skola-${n}`),
      huvudman: fc.oneof({ weight: 3, arbitrary: fc.constant('kommunal' as const) }, { weight: 2, arbitrary: fc.constantFrom(...HuvudmanSchema.options) }),
      municipalityCode: municipality,
      district: fc.constantFrom(...DISTRICTS),
      teams: fc.boolean().map((has): Array<'skolsocialt-team'> => (has ? ['skolsocialt-team'] : [])),
    },
    { requiredKeys: ['id', 'huvudman', 'municipalityCode'] },
  );
  const residence = fc.record({
    sameMunicipality: fc.boolean(),
    municipalityCode: fc.constantFrom(...TEST_MUNICIPALITY_CODES),
    district: fc.option(fc.constantFrom(...DISTRICTS), { nil: undefined }),
  });
  const identity =
    options.protectedIdentity === undefined
      ? fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
      : fc.constant(options.protectedIdentity);
  return fc
    .record({
      id: fc.integer({ min: 1, max: 99_999 }).map((n) => `elev-${n}`),
      birthDate,
      pick: fc.integer({ min: 0, max: 99 }),
      behind: fc.constantFrom(0, 0, 0, 1),
      school,
      residence,
      protectedIdentity: identity,
      // With protected identity: keep the residence anyway (a caller may still send it) or leave it out.
      keepResidence: fc.boolean(),
      writeFlag: fc.boolean(),
      // Left out (the default, `unknown`) or given: only gymnasium students have it, but any form may say so.
      studiehjalp: fc.option(fc.constantFrom(...StudiehjalpSchema.options), { nil: undefined }),
    })
    .map((d) => {
      const student: StudentInput = {
        id: d.id,
        birthDate: d.birthDate,
        ...formAndGrade(ageInYears(d.birthDate, asOf), d.pick, d.behind, asOf),
        school: d.school,
      };
      if (!d.protectedIdentity || d.keepResidence) {
        const municipalityCode = d.residence.sameMunicipality ? d.school.municipalityCode : d.residence.municipalityCode;
        student.residence = d.residence.district === undefined ? { municipalityCode } : { municipalityCode, district: d.residence.district };
      }
      if (d.protectedIdentity || d.writeFlag) student.protectedIdentity = d.protectedIdentity;
      if (d.studiehjalp !== undefined) student.studiehjalp = d.studiehjalp;
      return student;
    });
}

// ---- attendance -------------------------------------------------------------------------------

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

/**
 * Values that `AttendanceRecordSchema` rejects, one kind of mistake each:
 * absence over the scheduled minutes, impossible or badly written dates and
 * times, out-of-range or fractional minutes, an unknown key, or not an object.
 * For testing the adapter's per-record rejection.
 *
 * @param options - `asOf` for the otherwise plausible dates (default `DEFAULT_TEST_AS_OF`)
 * @returns an arbitrary invalid lesson (typed `unknown`: it is not a lesson)
 * @example fc.sample(arbitraryInvalidLesson(), 1) // e.g. [{ date: '2026-02-30', start: '08:00', scheduledMinutes: 60 }]
 */
export function arbitraryInvalidLesson(options: { readonly asOf?: string } = {}): Arbitrary<unknown> {
  const asOf = options.asOf ?? DEFAULT_TEST_AS_OF;
  const date = dateBetween(yearsBefore(asOf, 1), asOf);
  const minutes = fc.integer({ min: 1, max: 600 });
  const base = fc.record({ date, start: fc.constantFrom('08:00', '10:15', '13:30'), scheduledMinutes: minutes });
  return fc.oneof(
    base.chain((b) =>
      fc
        .integer({ min: 1, max: b.scheduledMinutes })
        .map((valid) => ({ ...b, validAbsenceMinutes: valid, invalidAbsenceMinutes: b.scheduledMinutes - valid + 1 })),
    ),
    base.chain((b) => fc.constantFrom('2026-02-30', '2026-13-01', '26-11-23', '2026/11/23', '', '2026-11-23T08:00').map((d) => ({ ...b, date: d }))),
    base.chain((b) => fc.constantFrom('24:00', '8:00', '08:60', '0800', '').map((s) => ({ ...b, start: s }))),
    base.chain((b) => fc.constantFrom(0, -45, 601, 45.5).map((m) => ({ ...b, scheduledMinutes: m }))),
    base.map((b) => ({ ...b, invalidAbsenceMinutes: -1 })),
    base.map((b) => ({ ...b, comment: 'sjuk' })),
    base.map(({ scheduledMinutes: _omitted, ...b }) => b),
    fc.constantFrom<unknown>(null, 'lektion', 42, [], true),
  );
}

// ---- consents, signals, measures --------------------------------------------------------------

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

/** Options for `arbitrarySignals` and `arbitraryMeasures`. */
export interface TimelineOptions {
  /** Latest date (default `DEFAULT_TEST_AS_OF`): nothing is dated after it. */
  readonly asOf?: string;
  /** Earliest date (default 120 days before `asOf`, reaching into the previous term). */
  readonly from?: string;
  /** Most entries (default 4 signals, 3 measures). */
  readonly maxLength?: number;
}

function timelineRange(options: TimelineOptions): { from: string; to: string } {
  const to = options.asOf ?? DEFAULT_TEST_AS_OF;
  return { from: minDate(options.from ?? isoDate(dayNumber(to) - 120), to), to };
}

/**
 * Signals of any type, dated on or before `asOf`; about one in four ends
 * (`until`, 0–90 days after its date, so it may have ended by `asOf`).
 *
 * @param options - date range and length
 * @returns an arbitrary array of signal inputs
 * @example fc.sample(arbitrarySignals(), 1) // e.g. [[{ type: 'harm-suspected', date: '2026-10-02' }]]
 */
export function arbitrarySignals(options: TimelineOptions = {}): Arbitrary<SignalInput[]> {
  const { from, to } = timelineRange(options);
  const signal = fc
    .record({ type: fc.constantFrom(...SignalTypeSchema.options), date: dateBetween(from, to), ends: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 90 }), weight: 1 }) })
    .map(({ type, date, ends }): SignalInput => (ends === undefined ? { type, date } : { type, date, until: isoDate(dayNumber(date) + ends) }));
  return fc.array(signal, { maxLength: options.maxLength ?? 4 });
}

/**
 * Measures already taken, dated on or before `asOf`. `obehovligt` is drawn
 * only for `rektor-utredning`, the one step it means something for.
 *
 * @param options - date range and length
 * @returns an arbitrary array of measure inputs
 * @example fc.sample(arbitraryMeasures(), 1) // e.g. [[{ step: 'eht', date: '2026-09-14', outcome: 'done' }]]
 */
export function arbitraryMeasures(options: TimelineOptions = {}): Arbitrary<MeasureInput[]> {
  const { from, to } = timelineRange(options);
  const measure = fc
    .record({ step: fc.constantFrom(...StepIdSchema.options), date: dateBetween(from, to), outcome: fc.constantFrom('default', 'done', 'started', 'obehovligt') })
    .map(({ step, date, outcome }): MeasureInput => {
      if (outcome === 'default' || (outcome === 'obehovligt' && step !== 'rektor-utredning')) return { step, date };
      return { step, date, outcome };
    });
  return fc.array(measure, { maxLength: options.maxLength ?? 3 });
}

// ---- whole cases ------------------------------------------------------------------------------

/**
 * Options for `arbitraryCase`. Each part can be replaced by your own
 * arbitrary (use `fc.constant(x)` for a fixed value); the others are drawn.
 * `minAge`, `maxAge` and `protectedIdentity` shape the drawn student only,
 * not a `student` override; an override is used as given, dates included.
 */
export interface CaseOptions extends Omit<StudentOptions, 'asOf'> {
  /** Evaluation date every part is drawn for (default `DEFAULT_TEST_AS_OF`). */
  readonly asOf?: string;
  /** Calendar for the lessons (default `defaultCalendarFor(asOf)`). */
  readonly calendar?: SchoolCalendar;
  readonly student?: Arbitrary<StudentInput>;
  readonly attendance?: Arbitrary<LessonInput[]>;
  readonly consents?: Arbitrary<ConsentsInput>;
  readonly signals?: Arbitrary<SignalInput[]>;
  readonly measures?: Arbitrary<MeasureInput[]>;
}

/**
 * A valid student case for evaluation on `asOf`: student, attendance,
 * consents, signals and measures, each from the arbitraries above unless
 * overridden.
 *
 * @param options - evaluation date, age range, and per-part overrides
 * @returns an arbitrary `StudentCaseInput` that `parseStudentCase` accepts whole
 * @example
 * fc.assert(fc.property(arbitraryCase({ minAge: 18, signals: fc.constant([]) }), (input) => {
 *   const decision = evaluate(parseStudentCase(input).case, builtinPolicy('skollagen'), { asOf: DEFAULT_TEST_AS_OF });
 *   return !decision.steps.some((s) => s.id === 'orosanmalan');
 * }));
 */
export function arbitraryCase(options: CaseOptions = {}): Arbitrary<StudentCaseInput> {
  const asOf = options.asOf ?? DEFAULT_TEST_AS_OF;
  const studentOptions: StudentOptions = {
    asOf,
    ...(options.minAge === undefined ? {} : { minAge: options.minAge }),
    ...(options.maxAge === undefined ? {} : { maxAge: options.maxAge }),
    ...(options.protectedIdentity === undefined ? {} : { protectedIdentity: options.protectedIdentity }),
  };
  return fc.record({
    student: options.student ?? arbitraryStudent(studentOptions),
    attendance: options.attendance ?? arbitraryAttendance(options.calendar === undefined ? { asOf } : { asOf, calendar: options.calendar }),
    consents: options.consents ?? arbitraryConsents(),
    signals: options.signals ?? arbitrarySignals({ asOf }),
    measures: options.measures ?? arbitraryMeasures({ asOf }),
  });
}

/** A case together with the date it is evaluated on. */
export interface DatedCase {
  readonly asOf: string;
  readonly input: StudentCaseInput;
}

/**
 * A case and its evaluation date, the date drawn first (see `arbitraryAsOf`)
 * and every dated part drawn for it.
 *
 * @param options - case options (without `asOf`) and the date range
 * @returns an arbitrary `{ asOf, input }`
 * @example fc.sample(arbitraryDatedCase({ asOfRange: { schoolDaysOnly: true } }), 1)[0]?.asOf // e.g. '2026-09-30'
 */
export function arbitraryDatedCase(options: Omit<CaseOptions, 'asOf'> & { readonly asOfRange?: AsOfOptions } = {}): Arbitrary<DatedCase> {
  const { asOfRange, ...rest } = options;
  return arbitraryAsOf(asOfRange).chain((asOf) => arbitraryCase({ ...rest, asOf }).map((input) => ({ asOf, input })));
}
