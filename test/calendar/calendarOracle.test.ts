/**
 * The default calendar and the public holidays are computed with day numbers, not luxon (luxon's
 * first date in a thread looks up the system's locale: 24 ms of ICU set-up at every start). The
 * oracle here is luxon, as the code was before: ISO weeks from `DateTime.fromObject({ weekYear,
 * weekNumber })`, weekdays and day arithmetic from luxon dates. Any year, the same terms, breaks
 * and holidays. Easter Sunday itself is the same arithmetic as before (Meeus/Jones/Butcher), held
 * to published dates in `publicHolidays.test.ts`.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultSwedishSchoolCalendar } from '../../src/calendar/defaultCalendar.js';
import { easterSunday, swedishPublicHolidays } from '../../src/calendar/publicHolidays.js';
import type { DateRange, SchoolCalendar } from '../../src/model/schoolCalendar.js';

const iso = (dt: DateTime): string => dt.toISODate() ?? '';
const monday = (year: number, week: number): DateTime => DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: 'utc' });
const week = (id: string, first: DateTime): DateRange => ({ id, start: iso(first), end: iso(first.plus({ days: 4 })) });

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
    breaks.push(week(`pasklov-${spring}`, easterSunday(spring).plus({ days: 1 })));
  }
  return { terms, breaks };
}

/** The Saturday from a date on, as luxon computed it. */
function saturdayFrom(year: number, month: number, day: number): DateTime {
  const start = DateTime.utc(year, month, day);
  return start.plus({ days: (6 - start.weekday + 7) % 7 });
}

describe('the calendar in day numbers, against luxon', () => {
  it('gives any school year the terms and breaks luxon gives (ISO weeks 34, 44, 24 and any sportlov week)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2600 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 6, max: 10 }), (fromYear, span, sportlov) => {
        expect(defaultSwedishSchoolCalendar({ fromYear, toYear: fromYear + span, sportlovWeek: sportlov })).toEqual(luxonCalendar(fromYear, fromYear + span, sportlov));
      }),
      { numRuns: 300 },
    );
  });

  it('puts the moving holidays where luxon does: Easter and the days counted from it, midsommar, alla helgons dag', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2600 }), (year) => {
        const easter = easterSunday(year);
        const expected: Record<string, string> = {
          langfredagen: iso(easter.minus({ days: 2 })),
          pasdagen: iso(easter),
          'annandag-pask': iso(easter.plus({ days: 1 })),
          'kristi-himmelsfardsdag': iso(easter.plus({ days: 39 })),
          pingstdagen: iso(easter.plus({ days: 49 })),
          midsommarafton: iso(saturdayFrom(year, 6, 20).minus({ days: 1 })),
          midsommardagen: iso(saturdayFrom(year, 6, 20)),
          'alla-helgons-dag': iso(saturdayFrom(year, 10, 31)),
        };
        const holidays = swedishPublicHolidays(year);
        for (const [id, date] of Object.entries(expected)) expect(holidays.find((h) => h.id === id)?.date, `${id} ${year}`).toBe(date);
        // Sorted by date, 16 days a year, each a date of that year.
        expect(holidays).toHaveLength(16);
        expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
        for (const h of holidays) expect(h.date.slice(0, 4)).toBe(String(year));
      }),
      { numRuns: 300 },
    );
  });
});
