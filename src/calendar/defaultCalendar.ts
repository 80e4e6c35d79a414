import { easterSundayDay } from './publicHolidays.js';
import { dayOf, isoDate, mondayOf, weekday } from './dayNumber.js';
import type { DateRange, SchoolCalendar } from '../model/schoolCalendar.js';
import { boundedMemo } from '../model/boundedMemo.js';

/** Options for the default Swedish school calendar. */
export interface DefaultCalendarOptions {
  /** First school year (autumn year). */
  readonly fromYear: number;
  /** Last school year (autumn year), inclusive. */
  readonly toYear: number;
  /** ISO week of sportlov; Stockholm uses week 9, Göteborg week 7. */
  readonly sportlovWeek?: number;
}

/**
 * The day number of the Monday of an ISO week: week 1 is the week with 4 January in it.
 * Day numbers, not luxon: luxon's first date in a thread looks up the system's locale
 * (24 ms of ICU set-up, measured in a one-student night), which no date here needs.
 */
function isoWeekMonday(year: number, week: number): number {
  return mondayOf(dayOf(year, 1, 4)) + 7 * (week - 1);
}

/** The number of ISO weeks in a week-year: 53 when 28 December (always in the last week) is in week 53. */
function isoWeeksIn(year: number): number {
  const december28 = dayOf(year, 12, 28);
  return (december28 - isoWeekMonday(year, 1)) / 7 + 1;
}

function weekRange(id: string, monday: number): DateRange {
  return { id, start: isoDate(monday), end: isoDate(monday + 4) };
}

function lastWeekdayOnOrBefore(day: number): number {
  const w = weekday(day);
  return w <= 5 ? day : day - (w - 5);
}

function firstWeekdayOnOrAfter(day: number): number {
  const w = weekday(day);
  return w <= 5 ? day : day + (8 - w);
}

/**
 * A typical Swedish compulsory-school calendar [DEFAULT]: höstterminen from the
 * Monday of ISO week 34 to the last weekday on or before 20 December, höstlov
 * in ISO week 44; vårterminen from the first weekday on or after 8 January to
 * the Friday of ISO week 24, sportlov in ISO week 9 (Stockholm) and påsklov in
 * the week of annandag påsk. Real calendars differ by municipality and year:
 * pass your own `SchoolCalendar` to `evaluate` for production use.
 *
 * @param options - school years to cover and the sportlov week
 * @returns a calendar with terms `HT<year>`/`VT<year>` and their breaks
 * @throws {RangeError} for a sportlov week that is not an ISO week of the spring's year (luxon, used before, gave empty dates)
 * @example defaultSwedishSchoolCalendar({ fromYear: 2026, toYear: 2026 }).terms[0]
 * // { id: 'HT2026', start: '2026-08-17', end: '2026-12-18' }
 */
export function defaultSwedishSchoolCalendar(options: DefaultCalendarOptions): SchoolCalendar {
  const terms: DateRange[] = [];
  const breaks: DateRange[] = [];
  const sportlov = options.sportlovWeek ?? 9;
  for (let year = options.fromYear; year <= options.toYear; year += 1) {
    const weeks = isoWeeksIn(year + 1);
    if (!Number.isInteger(sportlov) || sportlov < 1 || sportlov > weeks) {
      throw new RangeError(`sportlovWeek must be an ISO week of ${year + 1}, an integer from 1 to ${weeks}; got ${sportlov}`);
    }
    terms.push({
      id: `HT${year}`,
      start: isoDate(isoWeekMonday(year, 34)),
      end: isoDate(lastWeekdayOnOrBefore(dayOf(year, 12, 20))),
    });
    breaks.push(weekRange(`hostlov-${year}`, isoWeekMonday(year, 44)));
    const spring = year + 1;
    terms.push({
      id: `VT${spring}`,
      start: isoDate(firstWeekdayOnOrAfter(dayOf(spring, 1, 8))),
      end: isoDate(isoWeekMonday(spring, 24) + 4),
    });
    breaks.push(weekRange(`sportlov-${spring}`, isoWeekMonday(spring, sportlov)));
    breaks.push(weekRange(`pasklov-${spring}`, easterSundayDay(spring) + 1));
  }
  return { terms, breaks };
}

/**
 * The default calendar around a date: the school year containing it and the
 * one before, so that windows reaching back across New Year still work.
 *
 * @param asOf - ISO date of the evaluation
 * @returns the default calendar covering asOf (the same frozen object for every date of a school year)
 * @example defaultCalendarFor('2026-11-23').terms.map((t) => t.id) // ['HT2025', 'VT2026', 'HT2026', 'VT2027']
 */
export function defaultCalendarFor(asOf: string): SchoolCalendar {
  const year = Number(asOf.slice(0, 4));
  const autumnYear = Number(asOf.slice(5, 7)) >= 8 ? year : year - 1;
  // One frozen object per school year, so the calendar index (memoised per
  // calendar object) is built once per batch run, not once per student.
  return byAutumnYear(autumnYear);
}

const byAutumnYear = boundedMemo((autumnYear: number) => deepFreeze(defaultSwedishSchoolCalendar({ fromYear: autumnYear - 1, toYear: autumnYear })), 16);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
