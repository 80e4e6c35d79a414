import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexCalendar } from '../../src/calendar/calendarIndex.js';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import type { SchoolCalendar } from '../../src/model/schoolCalendar.js';
import { datesBetween, isoWeekdayOf } from '../helpers/studentCase.js';

const days = (list: readonly number[]): string[] => list.map(isoDate);

describe('indexCalendar: which days are school days', () => {
  it('leaves out weekends, jul, nyår and trettondedag jul inside a term that spans New Year', () => {
    const index = indexCalendar({ terms: [{ id: 'X', start: '2025-12-15', end: '2026-01-16' }], breaks: [] });
    expect(days(index.schoolDays)).toEqual([
      '2025-12-15', '2025-12-16', '2025-12-17', '2025-12-18', '2025-12-19',
      '2025-12-22', '2025-12-23', // 24 julafton, 25 juldagen, 26 annandag jul
      '2025-12-29', '2025-12-30', // 31 nyårsafton, 1 nyårsdagen
      '2026-01-02',
      '2026-01-05', '2026-01-07', '2026-01-08', '2026-01-09', // 6 trettondedag jul
      '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16',
    ]);
  });

  it('leaves out breaks and days outside every term', () => {
    const index = indexCalendar({
      terms: [{ id: 'T', start: '2026-11-02', end: '2026-11-20' }],
      breaks: [{ id: 'lov', start: '2026-11-09', end: '2026-11-13' }],
    });
    expect(index.isSchoolDay(dayNumber('2026-11-06'))).toBe(true);
    expect(index.isSchoolDay(dayNumber('2026-11-09'))).toBe(false);
    expect(index.isSchoolDay(dayNumber('2026-11-13'))).toBe(false);
    expect(index.isSchoolDay(dayNumber('2026-11-16'))).toBe(true);
    expect(index.isSchoolDay(dayNumber('2026-10-30'))).toBe(false);
    expect(index.isSchoolDay(dayNumber('2026-11-23'))).toBe(false);
    expect(index.schoolDays).toHaveLength(10);
  });

  it('is memoised per calendar object', () => {
    const cal: SchoolCalendar = { terms: [{ id: 'T', start: '2026-11-02', end: '2026-11-20' }], breaks: [] };
    expect(indexCalendar(cal)).toBe(indexCalendar(cal));
  });
});

// Two terms given out of order, with a break in the second.
const TWO_TERMS: SchoolCalendar = {
  terms: [
    { id: 'B', start: '2026-11-02', end: '2026-11-27' },
    { id: 'A', start: '2026-10-05', end: '2026-10-23' },
  ],
  breaks: [{ id: 'lov', start: '2026-11-09', end: '2026-11-13' }],
};

describe('indexCalendar: termAt', () => {
  const index = indexCalendar(TWO_TERMS);
  const termAt = (iso: string): string | undefined => index.termAt(dayNumber(iso))?.id;

  it('returns undefined before the first term', () => {
    expect(termAt('2026-10-04')).toBeUndefined();
  });

  it('returns the term on its first and last day and on a weekend inside it', () => {
    expect(termAt('2026-10-05')).toBe('A');
    expect(termAt('2026-10-10')).toBe('A');
    expect(termAt('2026-10-23')).toBe('A');
    expect(termAt('2026-11-02')).toBe('B');
  });

  it('returns the term during a break inside it', () => {
    expect(termAt('2026-11-11')).toBe('B');
  });

  it('returns the latest term that started before a day between or after terms', () => {
    expect(termAt('2026-10-28')).toBe('A');
    expect(termAt('2026-12-15')).toBe('B');
  });

  it('exposes terms sorted by start, as day numbers', () => {
    expect(index.terms.map((t) => [t.id, isoDate(t.start), isoDate(t.end)])).toEqual([
      ['A', '2026-10-05', '2026-10-23'],
      ['B', '2026-11-02', '2026-11-27'],
    ]);
  });
});

describe('indexCalendar: schoolDaysEndingAt', () => {
  const index = indexCalendar(TWO_TERMS);
  const ending = (iso: string, n: number): string[] => days(index.schoolDaysEndingAt(dayNumber(iso), n));

  it('returns the last N school days up to and including the day, oldest first', () => {
    expect(ending('2026-11-20', 3)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
  });

  it('ends at the last school day before a non-school day', () => {
    expect(ending('2026-11-21', 3)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
  });

  it('skips a break and reaches back into the previous term', () => {
    expect(ending('2026-11-16', 3)).toEqual(['2026-11-05', '2026-11-06', '2026-11-16']);
    expect(ending('2026-11-03', 4)).toEqual(['2026-10-22', '2026-10-23', '2026-11-02', '2026-11-03']);
  });

  it('returns what exists when fewer than N school days precede the day, and [] before the first', () => {
    expect(ending('2026-10-07', 20)).toEqual(['2026-10-05', '2026-10-06', '2026-10-07']);
    expect(ending('2026-10-04', 5)).toEqual([]);
    expect(ending('2026-11-20', 0)).toEqual([]);
  });

  it('equals the last N school days on or before the day, for any day and N (property)', () => {
    // Independent oracle: school days listed by hand from the calendar's definition.
    const breakDays = new Set(datesBetween('2026-11-09', '2026-11-13'));
    const oracle = [...datesBetween('2026-10-05', '2026-10-23'), ...datesBetween('2026-11-02', '2026-11-27')].filter(
      (d) => isoWeekdayOf(d) <= 5 && !breakDays.has(d),
    );
    expect(days(index.schoolDays)).toEqual(oracle);
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2026-09-20'), max: dayNumber('2026-12-31') }), fc.integer({ min: 0, max: 40 }), (day, n) => {
        const upTo = oracle.filter((d) => d <= isoDate(day));
        expect(days(index.schoolDaysEndingAt(day, n))).toEqual(n === 0 ? [] : upTo.slice(-n));
      }),
      { numRuns: 300 },
    );
  });
});
