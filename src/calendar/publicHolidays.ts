import { dayOf, isoDate, weekday } from './dayNumber.js';
import { boundedMemo } from '../model/boundedMemo.js';

/** A Swedish public holiday (helgdag) or a de facto non-working eve. */
export interface Holiday {
  readonly date: string;
  readonly id: string;
  readonly sv: string;
  readonly en: string;
  /** `helgdag` = allmän helgdag (Lag 1989:253); `helgafton` = eve that is not a working day in practice. */
  readonly kind: 'helgdag' | 'helgafton';
}

/**
 * Easter Sunday (Gregorian) by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher), as a day number. The calendar computes with day
 * numbers, not luxon: luxon's first date in a thread looks up the system's
 * locale, 24 ms of ICU set-up that no date here needs.
 *
 * @param year - a Gregorian year
 * @returns days since 1970-01-01
 * @example isoDate(easterSundayDay(2026)) // '2026-04-05'
 */
export function easterSundayDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, day);
}

/** The Saturday in [from, from + 6 days] (used for midsommardagen and alla helgons dag), as a day number. */
function saturdayFrom(year: number, month: number, day: number): number {
  const start = dayOf(year, month, day);
  return start + ((6 - weekday(start) + 7) % 7);
}

/**
 * Swedish public holidays of a year, computed (Lag (1989:253) om allmänna
 * helgdagar), plus midsommarafton, julafton and nyårsafton, which are not
 * working days in practice. Memoised per year; computed with day numbers.
 *
 * @param year - a Gregorian year
 * @returns the holidays, sorted by date
 * @example swedishPublicHolidays(2026).find((h) => h.id === 'langfredagen')?.date // '2026-04-03'
 */
export function swedishPublicHolidays(year: number): readonly Holiday[] {
  return holidaysOf(year);
}

const holidaysOf = boundedMemo(holidaysIn);

function holidaysIn(year: number): readonly Holiday[] {
  const easter = easterSundayDay(year);
  const midsommardagen = saturdayFrom(year, 6, 20);
  const entries: Array<[number, string, string, string, Holiday['kind']]> = [
    [dayOf(year, 1, 1), 'nyarsdagen', 'Nyårsdagen', "New Year's Day", 'helgdag'],
    [dayOf(year, 1, 6), 'trettondedag-jul', 'Trettondedag jul', 'Epiphany', 'helgdag'],
    [easter - 2, 'langfredagen', 'Långfredagen', 'Good Friday', 'helgdag'],
    [easter, 'pasdagen', 'Påskdagen', 'Easter Sunday', 'helgdag'],
    [easter + 1, 'annandag-pask', 'Annandag påsk', 'Easter Monday', 'helgdag'],
    [dayOf(year, 5, 1), 'forsta-maj', 'Första maj', 'May Day', 'helgdag'],
    [easter + 39, 'kristi-himmelsfardsdag', 'Kristi himmelsfärds dag', 'Ascension Day', 'helgdag'],
    [easter + 49, 'pingstdagen', 'Pingstdagen', 'Whit Sunday', 'helgdag'],
    [dayOf(year, 6, 6), 'nationaldagen', 'Sveriges nationaldag', 'National Day of Sweden', 'helgdag'],
    [midsommardagen - 1, 'midsommarafton', 'Midsommarafton', 'Midsummer Eve', 'helgafton'],
    [midsommardagen, 'midsommardagen', 'Midsommardagen', 'Midsummer Day', 'helgdag'],
    [saturdayFrom(year, 10, 31), 'alla-helgons-dag', 'Alla helgons dag', "All Saints' Day", 'helgdag'],
    [dayOf(year, 12, 24), 'julafton', 'Julafton', 'Christmas Eve', 'helgafton'],
    [dayOf(year, 12, 25), 'juldagen', 'Juldagen', 'Christmas Day', 'helgdag'],
    [dayOf(year, 12, 26), 'annandag-jul', 'Annandag jul', 'Boxing Day', 'helgdag'],
    [dayOf(year, 12, 31), 'nyarsafton', 'Nyårsafton', "New Year's Eve", 'helgafton'],
  ];
  return entries.sort((x, y) => x[0] - y[0]).map(([day, id, sv, en, kind]): Holiday => ({ date: isoDate(day), id, sv, en, kind }));
}

/**
 * True when the date is a Swedish public holiday or non-working eve.
 *
 * @param iso - ISO date
 * @returns whether the date is a holiday
 * @example isSwedishHoliday('2026-06-19') // true (midsommarafton)
 */
export function isSwedishHoliday(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return swedishPublicHolidays(year).some((h) => h.date === iso);
}
