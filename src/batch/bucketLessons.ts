import { decodeWords, lessonLine, LESSON_BODY, LESSON_WORDS, packRecord } from '../adapters/lessons/lessonCodec.js';
import { inDayOrder, inLessonOrder, PACKED_LESSON_WORDS, type PackedLessons } from '../model/packedLessons.js';
import type { AttendanceRecord } from '../model/studentCase.js';
import type { StudentLessons } from './studentLessons.js';

/** One student of a bucket, as `gatherBucketLessons` reads them: their number in the run and their own `attendance` (with its indices in the students line). */
export interface BucketStudent {
  readonly number: number;
  readonly own: readonly AttendanceRecord[];
  readonly ownLines: readonly number[];
}

/**
 * A bucket's lessons gathered per student, without one object per lesson:
 * the packed words (`PackedLessons`' layout, three a lesson) and where each
 * lesson came from (`parts`: the lesson-file slice, -1 for the student's own
 * `attendance`; `lines`: the line in the slice, or the attendance index).
 * Student `i` of the input has lessons `from[i]` up to `from[i + 1]`: first
 * their own, then each slice's in file order (the order the record path used).
 */
export interface BucketLessons {
  readonly words: Int32Array;
  readonly parts: Int32Array;
  readonly lines: Int32Array;
  readonly from: Int32Array;
}

/** Student number → place in the bucket (or -1), kept between buckets: a city has hundreds of them. */
let slots = new Int32Array(0);

function slotsFor(students: readonly BucketStudent[]): Int32Array {
  let max = -1;
  for (const s of students) max = Math.max(max, s.number);
  if (slots.length <= max) {
    slots = new Int32Array(Math.max(max + 1, slots.length * 2));
    slots.fill(-1);
  }
  students.forEach((s, i) => {
    slots[s.number] = i;
  });
  return slots;
}

/**
 * Gather a bucket's lessons per student from the students' own records and
 * the partition's binary lesson parts (`encodeLesson`'s five words a lesson).
 * Two passes over the words: count per student, then copy; lessons of
 * students not in `students` are skipped, as the record path skipped them.
 *
 * @param students - the bucket's students
 * @param lessonParts - the bucket's lesson words, one array per slice
 * @returns every student's lessons and their sources
 * @example gatherBucketLessons([{ number: 0, own: [], ownLines: [] }], [words]).from // Int32Array [0, n]
 */
export function gatherBucketLessons(students: readonly BucketStudent[], lessonParts: readonly Int32Array[]): BucketLessons {
  const slot = slotsFor(students);
  const slotOf = (number: number): number => (number >= 0 && number < slot.length ? (slot[number] as number) : -1);
  try {
    const count = new Int32Array(students.length + 1);
    students.forEach((s, i) => {
      count[i + 1] = s.own.length;
    });
    for (const words of lessonParts) {
      for (let at = 0; at < words.length; at += LESSON_WORDS) {
        const i = slotOf(words[at] as number);
        if (i >= 0) count[i + 1] = (count[i + 1] as number) + 1;
      }
    }
    const from = new Int32Array(students.length + 1);
    for (let i = 1; i <= students.length; i += 1) from[i] = (from[i - 1] as number) + (count[i] as number);
    const total = from[students.length] as number;
    const out = { words: new Int32Array(total * PACKED_LESSON_WORDS), parts: new Int32Array(total), lines: new Int32Array(total), from };
    const next = from.slice(0, students.length);
    students.forEach((s, i) => {
      s.own.forEach((r, k) => {
        const n = next[i] as number;
        packRecord(r, out.words, n * PACKED_LESSON_WORDS);
        out.parts[n] = -1;
        out.lines[n] = s.ownLines[k] ?? k;
        next[i] = n + 1;
      });
    });
    const packed = out.words;
    lessonParts.forEach((words, part) => {
      for (let at = 0; at < words.length; at += LESSON_WORDS) {
        const i = slotOf(words[at] as number);
        if (i < 0) continue;
        const n = next[i] as number;
        // Words 2–4 of a bucket lesson are the packed lesson (`LESSON_BODY`); copied word by word, no view per lesson.
        const to = n * PACKED_LESSON_WORDS;
        packed[to] = words[at + LESSON_BODY] as number;
        packed[to + 1] = words[at + LESSON_BODY + 1] as number;
        packed[to + 2] = words[at + LESSON_BODY + 2] as number;
        out.parts[n] = part;
        out.lines[n] = lessonLine(words, at);
        next[i] = n + 1;
      }
    });
    return out;
  } finally {
    for (const s of students) slots[s.number] = -1;
  }
}

/** One student's lessons ready to evaluate: packed, or (when two share a date and start) as records for `resolveStudentLessons`. */
export type ReadyLessons = { readonly packed: PackedLessons } | { readonly records: StudentLessons };

/**
 * Student `i`'s lessons as `evaluate` takes them. In (day, start) order with
 * one lesson per date and start (the usual case) they are the packed words
 * themselves, sorted when the files had them in another order. When two
 * lessons share a date and start they are decoded to records, with where
 * each came from, for `resolveStudentLessons` (copies count once, conflicts
 * are rejected and logged): the same records, in the same order, the record
 * path read.
 *
 * @param lessons - the bucket's lessons
 * @param i - the student's place in the bucket
 * @returns packed lessons, or records to resolve
 * @example readyLessons(gathered, 0) // { packed: { words } }
 */
export function readyLessons(lessons: BucketLessons, i: number): ReadyLessons {
  const first = lessons.from[i] as number;
  const end = lessons.from[i + 1] as number;
  const words = lessons.words.subarray(first * PACKED_LESSON_WORDS, end * PACKED_LESSON_WORDS);
  const sorted = inDayOrder(words);
  if (inLessonOrder(sorted)) return { packed: { words: sorted } };
  // Two lessons of one date and start: decode them in input order, as the record path read them.
  const records: StudentLessons = { attendance: [], parts: [], lines: [] };
  for (let n = first; n < end; n += 1) {
    records.attendance.push(decodeWords(lessons.words, n * PACKED_LESSON_WORDS));
    records.parts.push(lessons.parts[n] as number);
    records.lines.push(lessons.lines[n] as number);
  }
  return { records };
}
