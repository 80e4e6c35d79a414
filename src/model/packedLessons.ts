import type { AttendanceRecord } from './studentCase.js';
import { AbsenceReasonSchema, type AbsenceReason } from './vocabulary.js';

/**
 * One student's lessons as int32 words, three a lesson: the day number, then
 * start | scheduled | valid, then invalid | reported | guardianReported |
 * reason. This is the layout the batch's buckets hold (words 2–4 of each, see `LESSON_BODY`)
 * and the one `buildPackedLedger` folds, so a night's lessons are never turned
 * back into objects with date strings. Lessons are in strictly increasing
 * (day, start) order: one lesson per date and start, as
 * `resolveDuplicateLessons` leaves them.
 */
export interface PackedLessons {
  /** `PACKED_LESSON_WORDS` words a lesson. */
  readonly words: Int32Array;
}

/** Words per lesson in `PackedLessons`. */
export const PACKED_LESSON_WORDS = 3;

const REASONS = AbsenceReasonSchema.options;
/** The code of each absence reason in the packed words (its place in `AbsenceReasonSchema`). */
export const REASON_CODE: ReadonlyMap<string, number> = new Map(REASONS.map((r, i) => [r, i]));
/** The codes the ledger reads. */
export const SICK_CODE = REASON_CODE.get('sick') as number;
export const SCHOOL_INITIATED_CODE = REASON_CODE.get('school-initiated') as number;

/**
 * The one place the word layout is written: the words of a lesson at `at`
 * (`into[at]` the day, `into[at + 1]` and `into[at + 2]` the rest).
 * Lossless for every record `AttendanceRecordSchema` accepts (minutes ≤ 600,
 * an `HH:MM` start, a known reason). The second and third words hold
 * everything but the date, so two lessons of one day are the same lesson
 * exactly when those words are equal.
 *
 * @param into - the target
 * @param at - word offset of the day word
 * @param day - days since 1970-01-01
 * @param startMinutes - minutes after midnight
 * @example packLessonWords(words, 0, 20415, 490, 60, 0, 60, true, false, 0)
 */
export function packLessonWords(
  into: Int32Array,
  at: number,
  day: number,
  startMinutes: number,
  scheduled: number,
  valid: number,
  invalid: number,
  reported: boolean,
  guardianReported: boolean,
  reasonCode: number,
): void {
  into[at] = day;
  into[at + 1] = (startMinutes << 20) | (scheduled << 10) | valid;
  into[at + 2] = (invalid << 16) | ((reported ? 1 : 0) << 9) | ((guardianReported ? 1 : 0) << 8) | reasonCode;
}

/** Start, in minutes after midnight, from the second word. @example wordStart(words[1]) // 490 */
export const wordStart = (w1: number): number => w1 >>> 20;
/** Scheduled minutes from the second word. @example wordScheduled(words[1]) // 60 */
export const wordScheduled = (w1: number): number => (w1 >>> 10) & 0x3ff;
/** Valid absence minutes from the second word. @example wordValid(words[1]) // 0 */
export const wordValid = (w1: number): number => w1 & 0x3ff;
/** Invalid absence minutes from the third word. @example wordInvalid(words[2]) // 60 */
export const wordInvalid = (w2: number): number => w2 >>> 16;
/** Whether the lesson was reported, from the third word. @example wordReported(words[2]) // true */
export const wordReported = (w2: number): boolean => (w2 & 0x200) !== 0;
/** Whether the guardians reported the absence, from the third word. @example wordGuardianReported(words[2]) // false */
export const wordGuardianReported = (w2: number): boolean => (w2 & 0x100) !== 0;
/** The reason code, from the third word. @example wordReasonCode(words[2]) // 0 */
export const wordReasonCode = (w2: number): number => w2 & 0xff;
/** The reason, from the third word. @example wordReason(words[2]) // 'none' */
export const wordReason = (w2: number): AbsenceReason => REASONS[w2 & 0xff] ?? 'none';

/** Minutes after midnight of an `HH:MM` start. @example startMinutesOf('08:10') // 490 */
export function startMinutesOf(start: string): number {
  return Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5));
}

/**
 * Pack one validated record at `at` (three words).
 *
 * @param day - the record's date as a day number (`dayNumber(r.date)`)
 * @param r - the record
 * @param into - the target
 * @param at - word offset
 * @example packRecordWords(dayNumber(r.date), r, words, 0)
 */
export function packRecordWords(day: number, r: AttendanceRecord, into: Int32Array, at: number): void {
  packLessonWords(
    into,
    at,
    day,
    startMinutesOf(r.start),
    r.scheduledMinutes,
    r.validAbsenceMinutes,
    r.invalidAbsenceMinutes,
    r.reported,
    r.guardianReported,
    REASON_CODE.get(r.reason) ?? 0,
  );
}

/**
 * The (day, start) order key of the lesson at `at`: strictly increasing keys
 * are what `PackedLessons` requires.
 *
 * @example lessonKey(words, 0) // 20415 * 2048 + 490
 */
export function lessonKey(words: Int32Array, at: number): number {
  return (words[at] as number) * 2048 + wordStart(words[at + 1] as number);
}

/**
 * Whether packed words are in strictly increasing (day, start) order, i.e.
 * valid `PackedLessons` words.
 *
 * @param words - three words a lesson
 * @returns true when every lesson's key is above the one before
 * @example inLessonOrder(new Int32Array(0)) // true
 */
export function inLessonOrder(words: Int32Array): boolean {
  for (let at = PACKED_LESSON_WORDS; at < words.length; at += PACKED_LESSON_WORDS) {
    if (lessonKey(words, at) <= lessonKey(words, at - PACKED_LESSON_WORDS)) return false;
  }
  return true;
}

/**
 * Packed words in (day, start) order: the words themselves when they already
 * are, else a sorted copy (stable: lessons of one date and start keep their
 * order). Two lessons of one date and start stay side by side; `inLessonOrder`
 * of the result tells whether there were any.
 *
 * @param words - three words a lesson, in any order
 * @returns the words in (day, start) order
 * @example inLessonOrder(inDayOrder(words)) // false only when two lessons share a date and start
 */
export function inDayOrder(words: Int32Array): Int32Array {
  if (inLessonOrder(words)) return words;
  const count = words.length / PACKED_LESSON_WORDS;
  const order = Array.from({ length: count }, (_, k) => k).sort((a, b) => lessonKey(words, a * PACKED_LESSON_WORDS) - lessonKey(words, b * PACKED_LESSON_WORDS));
  const sorted = new Int32Array(words.length);
  order.forEach((k, to) => sorted.set(words.subarray(k * PACKED_LESSON_WORDS, (k + 1) * PACKED_LESSON_WORDS), to * PACKED_LESSON_WORDS));
  return sorted;
}

/**
 * The lessons up to and including day `lastDay` (a prefix: lessons are in day order).
 *
 * @param lessons - packed lessons
 * @param lastDay - a day number
 * @returns the lessons dated on or before it (a view, not a copy)
 * @example packedUpTo(lessons, dayNumber('2026-11-20')).words.length
 */
export function packedUpTo(lessons: PackedLessons, lastDay: number): PackedLessons {
  const { words } = lessons;
  let end = words.length;
  while (end > 0 && (words[end - PACKED_LESSON_WORDS] as number) > lastDay) end -= PACKED_LESSON_WORDS;
  return end === words.length ? lessons : { words: words.subarray(0, end) };
}
