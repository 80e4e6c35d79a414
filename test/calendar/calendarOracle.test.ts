/**
 * The default calendar and the public holidays are computed with day numbers, not luxon (luxon's
 * first date in a thread looks up the system's locale: 24 ms of ICU set-up at every start). The
 * oracle here is luxon, as the code was before: ISO weeks from `DateTime.fromObject({ weekYear,
 * weekNumber })`, weekdays and day arithmetic from luxon dates, the holidays listed and sorted as
 * before. Any year from 1 to 9998, the same terms, breaks and holidays, in the same order. Easter
 * Sunday itself is the same arithmetic as before (Meeus/Jones/Butcher), held to published dates
 * and to Gauss's algorithm in `publicHolidays.test.ts`.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultSwedishSchoolCalendar } from '../../src/calendar/defaultCalendar.js';
import { isoDate } from '../../src/calendar/dayNumber.js';
import { easterSundayDay, swedishPublicHolidays, type Holiday } from '../../src/calendar/publicHolidays.js';
import type { DateRange, SchoolCalendar } from '../../src/model/schoolCalendar.js';

const iso = (dt: DateTime): string => dt.toISODate() ?? '';
const monday = (year: number, week: number): DateTime => DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: 'utc' });
const week = (id: string, first: DateTime): DateRange => ({ id, start: iso(first), end: iso(first.plus({ days: 4 })) });
const easter = (year: number): DateTime => DateTime.fromISO(isoDate(easterSundayDay(year)), { zone: 'utc' });

/** The calendar as luxon computed it (the code before). */
function luxonCalendar(fromYear: number, toYear: number, sportlov: number): SchoolCalendar {
  const terms: DateRange[] = [];
  const breaks: DateRange[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const december20 = DateTime.utc(year, 12, 20);
    terms.push({ id: `HT${year}`, start: iso(monday(year, 34)), end: iso(december20.weekday <= 5 ? december20 : december20.minus({ days: december20.weekday - 5 })) });
    breaks.push(week(`hostlov-${year}`, monday(year, 44)));
    const spring = year + 1;
    const january8 = DateTime.utc(spring, 1, 8);
    terms.push({ id: `VT${spring}`, start: iso(january8.weekday <= 5 ? january8 : january8.plus({ days: 8 - january8.weekday })), end: iso(monday(spring, 24).plus({ days: 4 })) });
    breaks.push(week(`sportlov-${spring}`, monday(spring, sportlov)));
    breaks.push(week(`pasklov-${spring}`, easter(spring).plus({ days: 1 })));
  }
  return { terms, breaks };
}

/** The Saturday from a date on, as luxon computed it. */
function saturdayFrom(year: number, month: number, day: number): DateTime {
  const start = DateTime.utc(year, month, day);
  return start.plus({ days: (6 - start.weekday + 7) % 7 });
}

/** The year's holidays as luxon computed them: the same list, mapped, then sorted (stable) by date. */
function luxonHolidays(year: number): Holiday[] {
  const e = easter(year);
  const midsommardagen = saturdayFrom(year, 6, 20);
  const entries: Array<[DateTime, string, Holiday['kind']]> = [
    [DateTime.utc(year, 1, 1), 'nyarsdagen', 'helgdag'],
    [DateTime.utc(year, 1, 6), 'trettondedag-jul', 'helgdag'],
    [e.minus({ days: 2 }), 'langfredagen', 'helgdag'],
    [e, 'pasdagen', 'helgdag'],
    [e.plus({ days: 1 }), 'annandag-pask', 'helgdag'],
    [DateTime.utc(year, 5, 1), 'forsta-maj', 'helgdag'],
    [e.plus({ days: 39 }), 'kristi-himmelsfardsdag', 'helgdag'],
    [e.plus({ days: 49 }), 'pingstdagen', 'helgdag'],
    [DateTime.utc(year, 6, 6), 'nationaldagen', 'helgdag'],
    [midsommardagen.minus({ days: 1 }), 'midsommarafton', 'helgafton'],
    [midsommardagen, 'midsommardagen', 'helgdag'],
    [saturdayFrom(year, 10, 31), 'alla-helgons-dag', 'helgdag'],
    [DateTime.utc(year, 12, 24), 'julafton', 'helgafton'],
    [DateTime.utc(year, 12, 25), 'juldagen', 'helgdag'],
    [DateTime.utc(year, 12, 26), 'annandag-jul', 'helgdag'],
    [DateTime.utc(year, 12, 31), 'nyarsafton', 'helgafton'],
  ];
  return entries.map(([dt, id, kind]) => ({ date: iso(dt), id, kind }) as Holiday).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

describe('the calendar in day numbers, against luxon', () => {
  it('gives any school year the terms and breaks luxon gives (ISO weeks 34, 44, 24 and any sportlov week)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9996 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 52 }), (fromYear, span, sportlov) => {
        expect(defaultSwedishSchoolCalendar({ fromYear, toYear: fromYear + span, sportlovWeek: sportlov })).toEqual(luxonCalendar(fromYear, fromYear + span, sportlov));
      }),
      { numRuns: 300 },
    );
  });

  it('gives sportlov in week 53 of a year that has one, and refuses a week the year has not (luxon gave empty dates)', () => {
    // Sportlov is a week of the spring's year; 2026 has 53 ISO weeks (28 December 2026 is in week 53).
    expect(defaultSwedishSchoolCalendar({ fromYear: 2025, toYear: 2025, sportlovWeek: 53 }).breaks.find((b) => b.id === 'sportlov-2026')).toEqual(week('sportlov-2026', monday(2026, 53)));
    for (const bad of [0, -1, 9.5, Number.NaN]) expect(() => defaultSwedishSchoolCalendar({ fromYear: 2026, toYear: 2026, sportlovWeek: bad })).toThrow(RangeError);
    // 2027 has 52 ISO weeks.
    expect(() => defaultSwedishSchoolCalendar({ fromYear: 2026, toYear: 2026, sportlovWeek: 53 })).toThrow('an integer from 1 to 52');
  });

  it('lists any year\'s holidays as luxon did: the same dates, ids and kinds, in the same order (ties too)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (year) => {
        expect(swedishPublicHolidays(year).map(({ date, id, kind }) => ({ date, id, kind }))).toEqual(luxonHolidays(year));
      }),
      { numRuns: 300 },
    );
    // A year where two holidays share a date: Kristi himmelsfärds dag on Första maj (2008).
    const ids2008 = swedishPublicHolidays(2008).filter((h) => h.date === '2008-05-01').map((h) => h.id);
    expect(ids2008).toEqual(['forsta-maj', 'kristi-himmelsfardsdag']);
    expect(swedishPublicHolidays(2008).map(({ date, id, kind }) => ({ date, id, kind }))).toEqual(luxonHolidays(2008));
  });

  it('reaches past year 9999 as luxon did, and refuses a year that is not an integer', () => {
    expect(swedishPublicHolidays(10000)[0]?.date).toBe('+010000-01-01');
    expect(() => swedishPublicHolidays(2026.5)).toThrow(RangeError);
  });
});
