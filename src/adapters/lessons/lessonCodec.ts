import { dayNumber, isoDateCached } from '../../calendar/dayNumber.js';
import type { AttendanceRecord } from '../../model/studentCase.js';
import {
  packRecordWords,
  wordGuardianReported,
  wordInvalid,
  wordReason,
  wordReported,
  wordScheduled,
  wordStart,
  wordValid,
} from '../../model/packedLessons.js';

/**
 * Int32 words per encoded lesson: student, line, day, start|scheduled|valid,
 * invalid|flags|reason. The line (where the lesson was read, counted from the
 * start of its slice) lets a conflict between two lines name both.
 */
export const LESSON_WORDS = 5;

const clockCache: string[] = [];

function clockOf(minutes: number): string {
  let clock = clockCache[minutes];
  if (clock === undefined) {
    clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    clockCache[minutes] = clock;
  }
  return clock;
}

/**
 * Write one validated lesson as five int32 words, so the batch's buckets
 * hold 20 bytes a lesson instead of a JSON line that would be parsed twice.
 * Lossless for every record `AttendanceRecordSchema` accepts (minutes ≤ 600,
 * `HH:MM` start, a known reason); `decodeLesson` gives back an equal record.
 *
 * @param student - the student's number in the run
 * @param r - a validated record
 * @param into - the target
 * @param at - word offset
 * @param line - where it was read (`lessonLine` gives it back; default 0)
 * @example encodeLesson(0, record, new Int32Array(5), 0, 12)
 */
export function encodeLesson(student: number, r: AttendanceRecord, into: Int32Array, at: number, line = 0): void {
  into[at] = student;
  into[at + 1] = line;
  packRecord(r, into, at + LESSON_BODY);
}

/**
 * Pack one validated record as the three words of `PackedLessons` at `at`
 * (`packRecordWords` with its day number, memoised: a school has some hundred dates).
 *
 * @example packRecord(record, words, 0)
 */
export function packRecord(r: AttendanceRecord, into: Int32Array, at: number): void {
  packRecordWords(dayNumber(r.date), r, into, at);
}

/**
 * Where a bucket lesson's own words start: words 0 and 1 are the student
 * number and the line, words 2–4 the lesson in the layout of `PackedLessons`
 * (`packLessonWords(into, at + LESSON_BODY, ...)`), so a student's lessons are
 * their words 2–4 copied. Words 3 and 4 hold everything but the date, so two
 * lessons of one day are the same lesson exactly when their words 2–4 are equal.
 */
export const LESSON_BODY = 2;

/**
 * Read one lesson written by `encodeLesson`.
 *
 * @param from - the words
 * @param at - word offset
 * @returns the record (the student number is `from[at]`)
 * @example decodeLesson(words, 0).date // '2026-11-23'
 */
export function decodeLesson(from: Int32Array, at: number): AttendanceRecord {
  return decodeWords(from, at + LESSON_BODY);
}

/**
 * Read one lesson in the layout of `PackedLessons` (three words at `at`).
 *
 * @param from - the words
 * @param at - word offset of the lesson's day word
 * @returns the record
 * @example decodeWords(packAttendance([r]).words, 0) // equal to r
 */
export function decodeWords(from: Int32Array, at: number): AttendanceRecord {
  const w1 = from[at + 1] ?? 0;
  const w2 = from[at + 2] ?? 0;
  return {
    date: isoDateCached(from[at] ?? 0),
    start: clockOf(wordStart(w1)),
    scheduledMinutes: wordScheduled(w1),
    validAbsenceMinutes: wordValid(w1),
    invalidAbsenceMinutes: wordInvalid(w2),
    reported: wordReported(w2),
    guardianReported: wordGuardianReported(w2),
    reason: wordReason(w2),
  };
}

/**
 * The day number of a lesson, as `packLessonWords` wrote it.
 *
 * @param from - the words
 * @param at - word offset
 * @returns days since 1970-01-01
 * @example lessonDay(words, 0) // 20415 (2025-11-23)
 */
export function lessonDay(from: Int32Array, at: number): number {
  return from[at + 2] ?? -1;
}

/**
 * The line a lesson was read from, as `encodeLesson` wrote it.
 *
 * @param from - the words
 * @param at - word offset
 * @returns the line, counted from the start of the slice that read it
 * @example lessonLine(words, 0) // 12
 */
export function lessonLine(from: Int32Array, at: number): number {
  return from[at + 1] ?? 0;
}
