/**
 * The bucket's lessons without an object per lesson (issue 15): `gatherBucketLessons` +
 * `readyLessons` must hand each student exactly what the record path handed them (their own
 * records first, then each slice's in file order), packed when no two lessons share a date and
 * start, and as the same records with the same sources otherwise (so `resolveStudentLessons`
 * counts copies and names conflicting lines as before).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import { decodeLesson, encodeLesson, LESSON_WORDS } from '../../src/adapters/lessons/lessonCodec.js';
import { gatherBucketLessons, readyLessons, type BucketStudent } from '../../src/batch/bucketLessons.js';
import { packAttendance } from '../../src/metrics/packAttendance.js';
import type { AttendanceRecord } from '../../src/model/studentCase.js';
import { lesson, record } from '../helpers/studentCase.js';

const DAY0 = dayNumber('2026-11-02');
const STARTS = ['08:00', '09:10', '10:20', '13:00'];

/** A lesson of a student: a few dates and starts only, so copies and conflicts happen. */
const lessonArb = fc
  .record({ day: fc.integer({ min: 0, max: 4 }), start: fc.constantFrom(...STARTS), invalid: fc.constantFrom(0, 30), student: fc.integer({ min: 0, max: 5 }), part: fc.integer({ min: -1, max: 2 }) })
  .map(({ day, start, invalid, student, part }) => ({ student, part, r: record(lesson(isoDate(DAY0 + day), start, 30, { invalid })) }));

interface Source {
  readonly r: AttendanceRecord;
  readonly part: number;
  readonly line: number;
}

describe('gatherBucketLessons and readyLessons', () => {
  it('give every student of the bucket the lessons, order and sources the record path read, packed when no two share a date and start', () => {
    fc.assert(
      fc.property(fc.array(lessonArb, { maxLength: 60 }), fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (drawn, inBucket, byStudent) => {
        // Half the files hold each student's lessons together (runs, as an export sorted by student), half in any order.
        const lessons = byStudent ? [...drawn].sort((a, b) => a.student - b.student) : drawn;
        // Student numbers 0–5 in the run; the bucket holds `inBucket` (others' lessons are skipped).
        const parts = [0, 1, 2].map((part) => lessons.filter((l) => l.part === part));
        const words = parts.map((ls) => {
          const w = new Int32Array(ls.length * LESSON_WORDS);
          ls.forEach((l, i) => encodeLesson(l.student, l.r, w, i * LESSON_WORDS, 100 + i));
          return w;
        });
        const students: BucketStudent[] = inBucket.map((number) => {
          const own = lessons.filter((l) => l.part === -1 && l.student === number).map((l) => l.r);
          return { number, own, ownLines: own.map((_, k) => 10 * k) };
        });
        const gathered = gatherBucketLessons(students, words);
        // Memory that held another bucket's words (here: junk) gives the same lessons: every word is written.
        const junk = new Int32Array(gathered.words.length + 7).fill(-0x5a5a5a5a);
        const reused = gatherBucketLessons(students, words, (n) => junk.subarray(0, n));
        expect(reused.words.buffer).toBe(junk.buffer);
        expect([...reused.words]).toEqual([...gathered.words]);
        expect([...reused.from]).toEqual([...gathered.from]);
        students.forEach((s, i) => {
          const expected: Source[] = [
            ...s.own.map((r, k) => ({ r, part: -1, line: 10 * k })),
            ...parts.flatMap((ls, part) => ls.map((l, k) => ({ l, k })).filter(({ l }) => l.student === s.number).map(({ l, k }) => ({ r: l.r, part, line: 100 + k }))),
          ];
          const ready = readyLessons(gathered, i);
          const keys = expected.map((e) => `${e.r.date} ${e.r.start}`);
          if (new Set(keys).size === keys.length) {
            expect('packed' in ready).toBe(true);
            if ('packed' in ready) expect([...ready.packed.words]).toEqual([...packAttendance(expected.map((e) => e.r)).words]);
          } else {
            expect('records' in ready).toBe(true);
            if ('records' in ready) {
              expect(ready.records.attendance).toEqual(expected.map((e) => e.r));
              expect(ready.records.parts).toEqual(expected.map((e) => e.part));
              expect(ready.records.lines).toEqual(expected.map((e) => e.line));
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('skips the lessons of students outside the bucket and keeps none between buckets', () => {
    const w = new Int32Array(2 * LESSON_WORDS);
    encodeLesson(7, record(lesson('2026-11-02', '08:00', 30)), w, 0);
    encodeLesson(3, record(lesson('2026-11-02', '08:00', 30, { invalid: 30 })), w, LESSON_WORDS);
    const first = gatherBucketLessons([{ number: 3, own: [], ownLines: [] }], [w]);
    expect(Array.from(first.from)).toEqual([0, 1]);
    const ready = readyLessons(first, 0);
    expect('packed' in ready && decodeLesson(new Int32Array([0, 0, ...ready.packed.words]), 0).invalidAbsenceMinutes).toBe(30);
    // A later bucket without student 3 must not see its slot.
    expect(Array.from(gatherBucketLessons([{ number: 7, own: [], ownLines: [] }], [w]).from)).toEqual([0, 1]);
  });

  it('refuses memory of another size than the bucket needs', () => {
    const w = new Int32Array(LESSON_WORDS);
    encodeLesson(0, record(lesson('2026-11-02', '08:00', 30)), w, 0);
    expect(() => gatherBucketLessons([{ number: 0, own: [], ownLines: [] }], [w], () => new Int32Array(5))).toThrow(/memory gave 5 words, not 3/);
    // Too short would lose a lesson's last words (a typed array ignores writes past its end).
    expect(() => gatherBucketLessons([{ number: 0, own: [], ownLines: [] }], [w], () => new Int32Array(2))).toThrow(/memory gave 2 words, not 3/);
  });
});
