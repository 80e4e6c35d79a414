import { dayNumber, isoDateCached } from '../calendar/dayNumber.js';
import {
  inLessonOrder,
  PACKED_LESSON_WORDS,
  SCHOOL_INITIATED_CODE,
  SICK_CODE,
  wordGuardianReported,
  wordInvalid,
  wordReasonCode,
  wordReported,
  wordScheduled,
  wordValid,
  type PackedLessons,
} from '../model/packedLessons.js';
import type { AttendanceRecord } from '../model/studentCase.js';

/** One school day of one student, folded from its lessons. Minutes count reported lessons only. */
export interface LedgerDay {
  readonly day: number;
  readonly date: string;
  /** Reported scheduled minutes. */
  readonly scheduled: number;
  readonly valid: number;
  readonly invalid: number;
  /** Reported lessons. */
  readonly lessons: number;
  readonly unreportedLessons: number;
  /** Reported lessons with invalid absence. */
  readonly invalidLessons: number;
  /** Absence minutes (valid + invalid) on lessons the guardians reported. */
  readonly guardianReported: number;
  /** Invalid absence minutes on lessons the guardians reported. */
  readonly guardianReportedInvalid: number;
  /** Absence minutes with reason `sick`. */
  readonly sick: number;
  /** Absence minutes with reason `sick` on lessons the guardians reported (sjukanmäld). */
  readonly guardianReportedSick: number;
  /** Absence minutes with reason `school-initiated` (the school sent the student home). */
  readonly schoolInitiated: number;
  /** The first reported lesson of the day had invalid absence. */
  readonly firstLessonInvalid: boolean;
  /** The last reported lesson of the day had invalid absence. */
  readonly lastLessonInvalid: boolean;
  /** The first reported lesson of the day had absence (valid or invalid). */
  readonly firstLessonAbsent: boolean;
  /** The last reported lesson of the day had absence (valid or invalid). */
  readonly lastLessonAbsent: boolean;
  /** Runs of consecutive reported lessons with absence within the day (see `occasionsInDays`). */
  readonly absentRuns: number;
  /** Runs of consecutive reported lessons with invalid absence within the day. */
  readonly invalidRuns: number;
}

/**
 * A student's attendance folded per day. The lesson sequence itself is not
 * kept: each day keeps its runs of absent lessons and whether its first and
 * last lessons were absent, which is all occasion counting needs
 * (`occasionsInDays`; the list of some 300 lessons a student and its term
 * copy were 8 of the 64 KB evaluating one allocated).
 */
export interface Ledger {
  readonly days: readonly LedgerDay[];
  /** Records dated after `asOf`: not evaluated, reported as a warning. */
  readonly recordsAfterAsOf: number;
}

function byDateAndStart(a: AttendanceRecord, b: AttendanceRecord): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

interface MutableDay {
  day: number;
  date: string;
  scheduled: number;
  valid: number;
  invalid: number;
  lessons: number;
  unreportedLessons: number;
  invalidLessons: number;
  guardianReported: number;
  guardianReportedInvalid: number;
  sick: number;
  guardianReportedSick: number;
  schoolInitiated: number;
  firstLessonInvalid: boolean;
  lastLessonInvalid: boolean;
  firstLessonAbsent: boolean;
  lastLessonAbsent: boolean;
  absentRuns: number;
  invalidRuns: number;
}

function newDay(day: number, date: string): MutableDay {
  return {
    day,
    date,
    scheduled: 0,
    valid: 0,
    invalid: 0,
    lessons: 0,
    unreportedLessons: 0,
    invalidLessons: 0,
    guardianReported: 0,
    guardianReportedInvalid: 0,
    sick: 0,
    guardianReportedSick: 0,
    schoolInitiated: 0,
    firstLessonInvalid: false,
    lastLessonInvalid: false,
    firstLessonAbsent: false,
    lastLessonAbsent: false,
    absentRuns: 0,
    invalidRuns: 0,
  };
}

/**
 * Add one attended reported lesson (no minutes of absence) to its day: the
 * lesson and its minutes; the day's last lesson is now neither absent nor
 * invalid. No other field can change (the day's first-lesson flags start
 * false, and no run begins). With `addAbsent`, the fold both sources
 * (records and packed words) go through, so their ledgers cannot differ in
 * what they count; each source tells the two apart by the minutes alone,
 * before it reads anything else of the lesson (most lessons are attended:
 * the fold of the bench's students went a fifth faster, and the record
 * fold a tenth more without reading the reason of an attended lesson).
 */
function addAttended(current: MutableDay, scheduled: number): void {
  current.lessons += 1;
  current.scheduled += scheduled;
  current.lastLessonInvalid = false;
  current.lastLessonAbsent = false;
}

/** Add one reported lesson with absence (valid or invalid minutes) to its day: see `addAttended`. */
function addAbsent(
  current: MutableDay,
  scheduled: number,
  valid: number,
  invalidMinutes: number,
  guardianReported: boolean,
  sick: boolean,
  schoolInitiated: boolean,
): void {
  current.lessons += 1;
  current.scheduled += scheduled;
  current.valid += valid;
  current.invalid += invalidMinutes;
  const invalid = invalidMinutes > 0;
  const absentMinutes = valid + invalidMinutes;
  const absent = absentMinutes > 0;
  if (invalid) current.invalidLessons += 1;
  if (current.lessons === 1) {
    current.firstLessonInvalid = invalid;
    current.firstLessonAbsent = absent;
  }
  // A run begins where the lesson before it in the day (none for the first: both start false) had none.
  if (absent && !current.lastLessonAbsent) current.absentRuns += 1;
  if (invalid && !current.lastLessonInvalid) current.invalidRuns += 1;
  current.lastLessonInvalid = invalid;
  current.lastLessonAbsent = absent;
  if (guardianReported) {
    current.guardianReported += absentMinutes;
    current.guardianReportedInvalid += invalidMinutes;
  }
  if (sick) {
    current.sick += absentMinutes;
    if (guardianReported) current.guardianReportedSick += absentMinutes;
  } else if (schoolInitiated) current.schoolInitiated += absentMinutes;
}

/**
 * Fold lesson records into per-day minutes. Records after `asOf` are counted
 * and left out. Unreported lessons add to `unreportedLessons` only: an
 * unreported lesson is missing data, not presence and not absence. Besides
 * the minutes, each day keeps what the typology's patterns need: who reported
 * the absence, its reason (sick, school-initiated) and whether the first and
 * last lessons were invalid absence.
 *
 * @param records - the student's lessons, in any order
 * @param asOf - ISO evaluation date
 * @returns the ledger, days in date order
 * @example buildLedger([{ date: '2026-11-23', start: '08:00', scheduledMinutes: 60, validAbsenceMinutes: 0, invalidAbsenceMinutes: 60, reported: true, guardianReported: false, reason: 'unknown' }], '2026-11-23').days[0]?.invalid // 60
 */
export function buildLedger(records: readonly AttendanceRecord[], asOf: string): Ledger {
  // Records almost always come in order: fold them as they are, and sort a copy only when the fold finds one out of order.
  return foldInOrder(records, asOf) ?? (foldInOrder([...records].sort(byDateAndStart), asOf) as Ledger);
}

/**
 * The fold of `buildLedger` over records in (date, start) order, or undefined
 * when a record is out of that order before the first record after `asOf`, or
 * a record on or before `asOf` comes after it. Records after `asOf` are only
 * counted, so their order among themselves does not matter. Checking the
 * order in the fold itself compares each date once, not twice.
 */
function foldInOrder(records: readonly AttendanceRecord[], asOf: string): Ledger | undefined {
  const days: MutableDay[] = [];
  let current: MutableDay | undefined;
  let start = '';
  for (let i = 0; i < records.length; i += 1) {
    const r = records[i] as AttendanceRecord;
    // Dates are compared once a day: records in order, the first after asOf ends the fold.
    if (current === undefined || current.date !== r.date) {
      if (current !== undefined && r.date < current.date) return undefined;
      if (r.date > asOf) {
        for (let j = i + 1; j < records.length; j += 1) if ((records[j] as AttendanceRecord).date <= asOf) return undefined;
        return { days, recordsAfterAsOf: records.length - i };
      }
      current = newDay(dayNumber(r.date), r.date);
      days.push(current);
    } else if (r.start < start) return undefined;
    start = r.start;
    if (!r.reported) current.unreportedLessons += 1;
    else if (r.validAbsenceMinutes === 0 && r.invalidAbsenceMinutes === 0) addAttended(current, r.scheduledMinutes);
    else addAbsent(current, r.scheduledMinutes, r.validAbsenceMinutes, r.invalidAbsenceMinutes, r.guardianReported, r.reason === 'sick', r.reason === 'school-initiated');
  }
  return { days, recordsAfterAsOf: 0 };
}

/**
 * Fold packed lessons into per-day minutes: the same ledger `buildLedger`
 * gives for the records they encode, with no record objects and no date
 * strings but one per day. The batch's path: its lessons arrive as words.
 *
 * @param packed - one student's lessons in (day, start) order
 * @param asOfDay - the evaluation date's day number
 * @returns the ledger, days in date order
 * @throws {RangeError} when the lessons are not in strictly increasing (day, start) order
 * @example buildPackedLedger(packAttendance(records), dayNumber('2026-11-23')).days
 */
export function buildPackedLedger(packed: PackedLessons, asOfDay: number): Ledger {
  const { words } = packed;
  if (!inLessonOrder(words)) throw new RangeError('packed lessons must be in strictly increasing (day, start) order');
  const days: MutableDay[] = [];
  let current: MutableDay | undefined;
  let at = 0;
  for (; at < words.length; at += PACKED_LESSON_WORDS) {
    const day = words[at] as number;
    if (day > asOfDay) break;
    if (current === undefined || current.day !== day) {
      current = newDay(day, isoDateCached(day));
      days.push(current);
    }
    const w1 = words[at + 1] as number;
    const w2 = words[at + 2] as number;
    if (!wordReported(w2)) current.unreportedLessons += 1;
    else if (wordValid(w1) === 0 && wordInvalid(w2) === 0) addAttended(current, wordScheduled(w1));
    else {
      const reason = wordReasonCode(w2);
      addAbsent(current, wordScheduled(w1), wordValid(w1), wordInvalid(w2), wordGuardianReported(w2), reason === SICK_CODE, reason === SCHOOL_INITIATED_CODE);
    }
  }
  return { days, recordsAfterAsOf: (words.length - at) / PACKED_LESSON_WORDS };
}
