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
 * the packed words (`PackedLessons`' layout, three a lesson). Student `i` of
 * the input has lessons `from[i]` up to `from[i + 1]`: first their own, then
 * each slice's in file order (the order the record path used).
 * Where each lesson came from is only needed to name the lines of a conflict
 * (`sources`): it is gathered on the first call, for the whole bucket.
 */
export interface BucketLessons {
  readonly words: Int32Array;
  readonly from: Int32Array;
  /**
   * Where each lesson came from, in the order of `words`: `parts`, the
   * lesson-file slice (-1 for the student's own `attendance`); `lines`, the
   * line in the slice or the attendance index. Gathered on the first call
   * (a second pass over the bucket's words), then kept.
   */
  readonly sources: () => LessonSources;
}

/** Where a bucket's lessons came from (`BucketLessons.sources`). */
export interface LessonSources {
  readonly parts: Int32Array;
  readonly lines: Int32Array;
}

/** Student number → place in the bucket (or -1), kept between buckets: a city has hundreds of them. */
let slots = new Int32Array(0);

/** Fill `slots` for the bucket's students, run `body` with it, and clear it again (the next bucket has other students). */
function withSlots<T>(students: readonly BucketStudent[], body: (slot: Int32Array) => T): T {
  let max = -1;
  for (const s of students) max = Math.max(max, s.number);
  if (slots.length <= max) {
    slots = new Int32Array(Math.max(max + 1, slots.length * 2));
    slots.fill(-1);
  }
  students.forEach((s, i) => {
    slots[s.number] = i;
  });
  try {
    return body(slots);
  } finally {
    for (const s of students) slots[s.number] = -1;
  }
}

/** A student number's place in the bucket, or -1 (not in the bucket, or out of range). */
function slotOf(slot: Int32Array, number: number): number {
  return number >= 0 && number < slot.length ? (slot[number] as number) : -1;
}

/**
 * Gather a bucket's lessons per student from the students' own records and
 * the partition's binary lesson parts (`encodeLesson`'s five words a lesson).
 * Two passes over the words: count per student, then copy the packed words;
 * lessons of students not in `students` are skipped, as the record path
 * skipped them. Their sources (slice and line) are not copied: `sources`
 * gathers them when a conflict must be named, which a clean night never does
 * (they were 8 of the 20 bytes written a lesson).
 *
 * The packed words go where `memory` says: a thread that evaluates one bucket
 * at a time gives the same memory to every bucket (`evaluateBucket`), since
 * new memory costs a page fault a page on its first write. Every word of it is
 * written, so what the memory held before never shows.
 *
 * @param students - the bucket's students
 * @param lessonParts - the bucket's lesson words, one array per slice
 * @param memory - gives an array of exactly `words` words to write into (default: a new one)
 * @returns every student's lessons, and their sources on demand
 * @example gatherBucketLessons([{ number: 0, own: [], ownLines: [] }], [words]).from // Int32Array [0, n]
 */
export function gatherBucketLessons(
  students: readonly BucketStudent[],
  lessonParts: readonly Int32Array[],
  memory: (words: number) => Int32Array = newWords,
): BucketLessons {
  const { words, from } = withSlots(students, (slot) => {
    const count = new Int32Array(students.length + 1);
    students.forEach((s, i) => {
      count[i + 1] = s.own.length;
    });
    for (const part of lessonParts) {
      for (let at = 0; at < part.length; at += LESSON_WORDS) {
        const i = slotOf(slot, part[at] as number);
        if (i >= 0) count[i + 1] = (count[i + 1] as number) + 1;
      }
    }
    const starts = new Int32Array(students.length + 1);
    for (let i = 1; i <= students.length; i += 1) starts[i] = (starts[i - 1] as number) + (count[i] as number);
    const size = (starts[students.length] as number) * PACKED_LESSON_WORDS;
    const packed = memory(size);
    if (packed.length !== size) throw new RangeError(`gatherBucketLessons: memory gave ${packed.length} words, not ${size}`);
    const next = starts.slice(0, students.length);
    students.forEach((s, i) => {
      for (const r of s.own) {
        packRecord(r, packed, (next[i] as number) * PACKED_LESSON_WORDS);
        next[i] = (next[i] as number) + 1;
      }
    });
    for (const part of lessonParts) {
      for (let at = 0; at < part.length; at += LESSON_WORDS) {
        const i = slotOf(slot, part[at] as number);
        if (i < 0) continue;
        const n = next[i] as number;
        // Words 2–4 of a bucket lesson are the packed lesson (`LESSON_BODY`); copied word by word, no view per lesson.
        const to = n * PACKED_LESSON_WORDS;
        packed[to] = part[at + LESSON_BODY] as number;
        packed[to + 1] = part[at + LESSON_BODY + 1] as number;
        packed[to + 2] = part[at + LESSON_BODY + 2] as number;
        next[i] = n + 1;
      }
    }
    return { words: packed, from: starts };
  });
  let sources: LessonSources | undefined;
  return { words, from, sources: () => (sources ??= gatherSources(students, lessonParts, from)) };
}

/** `gatherBucketLessons`' default memory: a new array. */
function newWords(words: number): Int32Array {
  return new Int32Array(words);
}

/** The sources of a bucket's lessons, in the order `gatherBucketLessons` put the words. */
function gatherSources(students: readonly BucketStudent[], lessonParts: readonly Int32Array[], from: Int32Array): LessonSources {
  const total = from[students.length] as number;
  const out = { parts: new Int32Array(total), lines: new Int32Array(total) };
  const next = from.slice(0, students.length);
  students.forEach((s, i) => {
    s.own.forEach((_, k) => {
      const n = next[i] as number;
      out.parts[n] = -1;
      out.lines[n] = s.ownLines[k] ?? k;
      next[i] = n + 1;
    });
  });
  withSlots(students, (slot) => {
    lessonParts.forEach((part, p) => {
      for (let at = 0; at < part.length; at += LESSON_WORDS) {
        const i = slotOf(slot, part[at] as number);
        if (i < 0) continue;
        const n = next[i] as number;
        out.parts[n] = p;
        out.lines[n] = lessonLine(part, at);
        next[i] = n + 1;
      }
    });
  });
  return out;
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
  // Checked once: lessons already in order are the usual night (`inDayOrder` would check again).
  if (inLessonOrder(words)) return { packed: { words } };
  const sorted = inDayOrder(words);
  if (inLessonOrder(sorted)) return { packed: { words: sorted } };
  // Two lessons of one date and start: decode them in input order, as the record path read them.
  const { parts, lines } = lessons.sources();
  const records: StudentLessons = { attendance: [], parts: [], lines: [] };
  for (let n = first; n < end; n += 1) {
    records.attendance.push(decodeWords(lessons.words, n * PACKED_LESSON_WORDS));
    records.parts.push(parts[n] as number);
    records.lines.push(lines[n] as number);
  }
  return { records };
}
