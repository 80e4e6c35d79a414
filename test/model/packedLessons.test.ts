import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import { packAttendance } from '../../src/metrics/packAttendance.js';
import { inLessonOrder, packedUpTo, PACKED_LESSON_WORDS, wordStart } from '../../src/model/packedLessons.js';
import { lesson, record } from '../helpers/studentCase.js';

const DAY0 = dayNumber('2026-11-02');
const slots = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 23 * 60 + 59 })), { maxLength: 25, selector: ([d, m]) => d * 2048 + m });
const clock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const recordsOf = (s: ReadonlyArray<[number, number]>) => s.map(([d, m]) => record(lesson(isoDate(DAY0 + d), clock(m), 30)));

describe('packed lessons', () => {
  it('packAttendance orders lessons by date, then start, whatever the input order', () => {
    fc.assert(
      fc.property(slots, (s) => {
        const { words } = packAttendance(recordsOf(s));
        expect(inLessonOrder(words)).toBe(true);
        const got: Array<[number, number]> = [];
        for (let at = 0; at < words.length; at += PACKED_LESSON_WORDS) got.push([(words[at] as number) - DAY0, wordStart(words[at + 1] as number)]);
        expect(got).toEqual([...s].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
      }),
    );
  });

  it('packedUpTo keeps exactly the lessons dated on or before the day', () => {
    fc.assert(
      fc.property(slots, fc.integer({ min: -1, max: 21 }), (s, last) => {
        const records = recordsOf(s);
        const kept = packedUpTo(packAttendance(records), DAY0 + last);
        expect([...kept.words]).toEqual([...packAttendance(records.filter((r) => r.date <= isoDate(DAY0 + last))).words]);
      }),
    );
  });

  it('inLessonOrder refuses two lessons of one date and start (not strictly increasing)', () => {
    const one = packAttendance([record(lesson('2026-11-02', '08:00', 30))]).words;
    const twice = new Int32Array([...one, ...one]);
    expect(inLessonOrder(twice)).toBe(false);
  });
});
