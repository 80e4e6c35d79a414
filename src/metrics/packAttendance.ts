import { dayNumber } from '../calendar/dayNumber.js';
import type { AttendanceRecord } from '../model/studentCase.js';
import { lessonKey, packRecordWords, PACKED_LESSON_WORDS, type PackedLessons } from '../model/packedLessons.js';

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
  const unsorted = new Int32Array(records.length * PACKED_LESSON_WORDS);
  records.forEach((r, i) => packRecordWords(dayNumber(r.date), r, unsorted, i * PACKED_LESSON_WORDS));
  const order = records.map((_, i) => i).sort((a, b) => lessonKey(unsorted, a * PACKED_LESSON_WORDS) - lessonKey(unsorted, b * PACKED_LESSON_WORDS));
  const words = new Int32Array(unsorted.length);
  order.forEach((from, to) => {
    words.set(unsorted.subarray(from * PACKED_LESSON_WORDS, from * PACKED_LESSON_WORDS + PACKED_LESSON_WORDS), to * PACKED_LESSON_WORDS);
    if (to > 0 && lessonKey(words, to * PACKED_LESSON_WORDS) === lessonKey(words, (to - 1) * PACKED_LESSON_WORDS)) {
      throw new RangeError(`records ${order[to - 1]} and ${from} share a date and start: resolve them first (resolveDuplicateLessons)`);
    }
  });
  return { words };
}
