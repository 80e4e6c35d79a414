import { DateTime } from 'luxon';
import { dayNumber } from './dayNumber.js';
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
 * (Meeus/Jones/Butcher).
 *
 * @param year - a Gregorian year
 * @returns Easter Sunday as a UTC luxon date
 * @example easterSunday(2026).toISODate() // '2026-04-05'
 */
export function easterSunday(year: number): DateTime {
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
  return DateTime.utc(year, month, day);
}

/** The Saturday in [from, from + 6 days] (used for midsommardagen and alla helgons dag). */
function saturdayFrom(year: number, month: number, day: number): DateTime {
  const start = DateTime.utc(year, month, day);
  return start.plus({ days: (6 - start.weekday + 7) % 7 });
}

/**
 * Swedish public holidays of a year, computed (Lag (1989:253) om allmänna
 * helgdagar), plus midsommarafton, julafton and nyårsafton, which are not
 * working days in practice. Memoised per year; luxon is used here only.
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
  const easter = easterSunday(year);
  const midsommardagen = saturdayFrom(year, 6, 20);
  const entries: Array<[DateTime, string, string, string, Holiday['kind']]> = [
    [DateTime.utc(year, 1, 1), 'nyarsdagen', 'Nyårsdagen', "New Year's Day", 'helgdag'],
    [DateTime.utc(year, 1, 6), 'trettondedag-jul', 'Trettondedag jul', 'Epiphany', 'helgdag'],
    [easter.minus({ days: 2 }), 'langfredagen', 'Långfredagen', 'Good Friday', 'helgdag'],
    [easter, 'pasdagen', 'Påskdagen', 'Easter Sunday', 'helgdag'],
    [easter.plus({ days: 1 }), 'annandag-pask', 'Annandag påsk', 'Easter Monday', 'helgdag'],
    [DateTime.utc(year, 5, 1), 'forsta-maj', 'Första maj', 'May Day', 'helgdag'],
    [easter.plus({ days: 39 }), 'kristi-himmelsfardsdag', 'Kristi himmelsfärds dag', 'Ascension Day', 'helgdag'],
    [easter.plus({ days: 49 }), 'pingstdagen', 'Pingstdagen', 'Whit Sunday', 'helgdag'],
    [DateTime.utc(year, 6, 6), 'nationaldagen', 'Sveriges nationaldag', 'National Day of Sweden', 'helgdag'],
    [midsommardagen.minus({ days: 1 }), 'midsommarafton', 'Midsommarafton', 'Midsummer Eve', 'helgafton'],
    [midsommardagen, 'midsommardagen', 'Midsommardagen', 'Midsummer Day', 'helgdag'],
    [saturdayFrom(year, 10, 31), 'alla-helgons-dag', 'Alla helgons dag', "All Saints' Day", 'helgdag'],
    [DateTime.utc(year, 12, 24), 'julafton', 'Julafton', 'Christmas Eve', 'helgafton'],
    [DateTime.utc(year, 12, 25), 'juldagen', 'Juldagen', 'Christmas Day', 'helgdag'],
    [DateTime.utc(year, 12, 26), 'annandag-jul', 'Annandag jul', 'Boxing Day', 'helgdag'],
    [DateTime.utc(year, 12, 31), 'nyarsafton', 'Nyårsafton', "New Year's Eve", 'helgafton'],
  ];
  return entries
    .map(([dt, id, sv, en, kind]): Holiday => ({ date: dt.toISODate() ?? '', id, sv, en, kind }))
    .sort((x, y) => dayNumber(x.date) - dayNumber(y.date));
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
