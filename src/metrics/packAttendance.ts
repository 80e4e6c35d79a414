import { dayNumber } from '../calendar/dayNumber.js';
import type { AttendanceRecord } from '../model/studentCase.js';
import { inDayOrder, inLessonOrder, packRecordWords, PACKED_LESSON_WORDS, type PackedLessons } from '../model/packedLessons.js';

/**
 * Pack one student's validated records as `PackedLessons`, in (day, start)
 * order. For a caller that holds records and wants the packed entry of
 * `evaluate` (its `packed` option), and for the tests that hold the two
 * entries equal.
 *
 * @param records - validated records, in any order, at most one per date and start (see `resolveDuplicateLessons`)
 * @returns the packed lessons
 * @throws {RangeError} when two records share a date and start (resolve them first)
 * @example packAttendance(parseStudentCase(json).case.attendance).words.length // 3 a lesson
 */
export function packAttendance(records: readonly AttendanceRecord[]): PackedLessons {
  const words = new Int32Array(records.length * PACKED_LESSON_WORDS);
  records.forEach((r, i) => packRecordWords(dayNumber(r.date), r, words, i * PACKED_LESSON_WORDS));
  const sorted = inDayOrder(words);
  if (!inLessonOrder(sorted)) throw new RangeError('two records share a date and start: resolve them first (resolveDuplicateLessons)');
  return { words: sorted };
}
