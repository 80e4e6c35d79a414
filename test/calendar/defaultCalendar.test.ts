import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexCalendar } from '../../src/calendar/calendarIndex.js';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import { defaultCalendarFor, defaultSwedishSchoolCalendar } from '../../src/calendar/defaultCalendar.js';
import { SchoolCalendarSchema } from '../../src/model/schoolCalendar.js';
import { datesBetween, isoWeekdayOf, isoWeekMonday, plusDays, weekdaysBetween } from '../helpers/studentCase.js';

const SCHOOL_YEAR_2026 = defaultSwedishSchoolCalendar({ fromYear: 2026, toYear: 2026 });

describe('defaultSwedishSchoolCalendar', () => {
  it('HT2026 runs from Monday of ISO week 34 (2026-08-17) to Friday 2026-12-18', () => {
    expect(SCHOOL_YEAR_2026.terms[0]).toEqual({ id: 'HT2026', start: '2026-08-17', end: '2026-12-18' });
  });

  it('VT2027 runs from the first weekday on or after 8 January to the Friday of ISO week 24', () => {
    expect(SCHOOL_YEAR_2026.terms[1]).toEqual({ id: 'VT2027', start: '2027-01-08', end: '2027-06-18' });
  });

  it('has höstlov in week 44, Stockholm’s sportlov in week 9 and påsklov in the week of annandag påsk', () => {
    expect(SCHOOL_YEAR_2026.breaks).toEqual([
      { id: 'hostlov-2026', start: '2026-10-26', end: '2026-10-30' },
      { id: 'sportlov-2027', start: '2027-03-01', end: '2027-03-05' },
      { id: 'pasklov-2027', start: '2027-03-29', end: '2027-04-02' }, // annandag påsk 2027 is 29 March
    ]);
  });

  it('moves sportlov to the requested week (Göteborg: week 7)', () => {
    const gbg = defaultSwedishSchoolCalendar({ fromYear: 2026, toYear: 2026, sportlovWeek: 7 });
    expect(gbg.breaks.find((b) => b.id === 'sportlov-2027')).toEqual({ id: 'sportlov-2027', start: '2027-02-15', end: '2027-02-19' });
  });

  it('is a valid SchoolCalendar (schema) with two terms per school year', () => {
    const cal = defaultSwedishSchoolCalendar({ fromYear: 2020, toYear: 2030 });
    expect(SchoolCalendarSchema.safeParse(cal).success).toBe(true);
    expect(cal.terms).toHaveLength(22);
  });

  it('follows its documented rules for any school year 1990–2150 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2150 }), (year) => {
        const cal = defaultSwedishSchoolCalendar({ fromYear: year, toYear: year });
        const [ht, vt] = cal.terms;
        expect(ht?.id).toBe(`HT${year}`);
        expect(ht?.start).toBe(isoWeekMonday(year, 34));
        // Last weekday on or before 20 December: a weekday, and no weekday after it up to the 20th.
        const htEnd = ht?.end ?? '';
        expect(isoWeekdayOf(htEnd)).toBeLessThanOrEqual(5);
        expect(weekdaysBetween(plusDays(htEnd, 1), `${year}-12-20`)).toEqual([]);
        expect(htEnd <= `${year}-12-20`).toBe(true);
        expect(vt?.id).toBe(`VT${year + 1}`);
        const vtStart = vt?.start ?? '';
        expect(isoWeekdayOf(vtStart)).toBeLessThanOrEqual(5);
        expect(weekdaysBetween(`${year + 1}-01-08`, plusDays(vtStart, -1))).toEqual([]);
        expect(vt?.end).toBe(plusDays(isoWeekMonday(year + 1, 24), 4));
        expect(cal.breaks.find((b) => b.id === `hostlov-${year}`)?.start).toBe(isoWeekMonday(year, 44));
      }),
      { numRuns: 60 },
    );
  });
});

describe('default calendar as school days', () => {
  const index = indexCalendar(SCHOOL_YEAR_2026);
  const isSchool = (iso: string): boolean => index.isSchoolDay(dayNumber(iso));

  it('höstlov 2026-10-26..30 has no school days, and the weeks around it do', () => {
    expect(datesBetween('2026-10-26', '2026-10-30').filter(isSchool)).toEqual([]);
    expect(isSchool('2026-10-23')).toBe(true);
    expect(isSchool('2026-11-02')).toBe(true);
  });

  it('HT2026 has 85 school days: 18 weeks Monday–Friday minus höstlov (no weekday helgdag falls in it)', () => {
    const ht = index.schoolDays.filter((d) => d <= dayNumber('2026-12-18'));
    expect(ht).toHaveLength(85);
    expect(isoDate(ht[0] ?? 0)).toBe('2026-08-17');
    expect(isoDate(ht[ht.length - 1] ?? 0)).toBe('2026-12-18');
  });

  it('VT2027 has 104 school days: no sportlov, påsklov, långfredagen or Kristi himmelsfärds dag', () => {
    const vtDays = index.schoolDays.filter((d) => d >= dayNumber('2027-01-01')).map(isoDate);
    expect(vtDays).toHaveLength(104);
    for (const closed of ['2027-03-01', '2027-03-05', '2027-03-26', '2027-03-29', '2027-04-02', '2027-05-06']) {
      expect(vtDays).not.toContain(closed);
    }
    expect(vtDays).toContain('2027-05-07'); // klämdag after Kristi himmelsfärd is an ordinary school day
  });

  it('never makes a Saturday or Sunday a school day', () => {
    for (const d of index.schoolDays) expect(isoWeekdayOf(isoDate(d))).toBeLessThanOrEqual(5);
  });
});

describe('defaultCalendarFor', () => {
  it('covers the school year of asOf and the one before', () => {
    expect(defaultCalendarFor('2026-11-23').terms.map((t) => t.id)).toEqual(['HT2025', 'VT2026', 'HT2026', 'VT2027']);
    expect(defaultCalendarFor('2026-03-15').terms.map((t) => t.id)).toEqual(['HT2024', 'VT2025', 'HT2025', 'VT2026']);
  });

  it('switches school year in August', () => {
    expect(defaultCalendarFor('2026-07-31').terms.map((t) => t.id).at(-1)).toBe('VT2026');
    expect(defaultCalendarFor('2026-08-01').terms.map((t) => t.id).at(-1)).toBe('VT2027');
  });

  it('lets a 20-school-day window reach back across New Year (§7.2 rolling window)', () => {
    const index = indexCalendar(defaultCalendarFor('2027-01-15'));
    const window = index.schoolDaysEndingAt(dayNumber('2027-01-15'), 20).map(isoDate);
    expect(window).toHaveLength(20);
    // 6 days of VT2027 (8, 11–15 January) + 14 of HT2026 (1–4, 7–11, 14–18 December)
    expect(window[0]).toBe('2026-12-01');
    expect(window.slice(-7)).toEqual(['2026-12-18', '2027-01-08', '2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15']);
  });
});
