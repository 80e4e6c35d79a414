import fc, { type Arbitrary } from 'fast-check';
import { indexCalendar } from '../../calendar/calendarIndex.js';
import { dayNumber, isoDate } from '../../calendar/dayNumber.js';
import { defaultCalendarFor } from '../../calendar/defaultCalendar.js';
import { isValidIsoDate } from '../../model/isoDate.js';
import type { SchoolCalendar } from '../../model/schoolCalendar.js';

/**
 * The same month and day `years` earlier; 29 February becomes 28 February in a common year.
 *
 * @param iso - ISO date
 * @param years - whole years back
 * @returns the ISO date `years` earlier
 * @example yearsBefore('2028-02-29', 1) // '2027-02-28'
 */
export function yearsBefore(iso: string, years: number): string {
  const year = String(Number(iso.slice(0, 4)) - years).padStart(4, '0');
  const candidate = `${year}${iso.slice(4)}`;
  return isValidIsoDate(candidate) ? candidate : `${year}-02-28`;
}

/**
 * A date between two ISO dates, both included.
 *
 * @param from - first date
 * @param to - last date
 * @returns an arbitrary ISO date
 * @example fc.sample(dateBetween('2026-11-01', '2026-11-30'), 1) // e.g. ['2026-11-17']
 */
export function dateBetween(from: string, to: string): Arbitrary<string> {
  return fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(isoDate);
}

/** `defaultCalendarFor` gives one frozen calendar object per school year, so `indexCalendar`'s memo is hit across runs. */
function calendarFor(asOf: string, calendar: SchoolCalendar | undefined): SchoolCalendar {
  return calendar ?? defaultCalendarFor(asOf);
}

/**
 * School days from `from` (default: the start of the term containing `asOf`)
 * up to and including `asOf`, as ISO dates.
 *
 * @param asOf - ISO evaluation date
 * @param calendar - the school calendar (default: `defaultCalendarFor(asOf)`)
 * @param from - first date to include (default: start of the term at `asOf`)
 * @returns the school days, oldest first
 * @example schoolDaysUpTo('2026-08-19') // ['2026-08-17', '2026-08-18', '2026-08-19']
 */
export function schoolDaysUpTo(asOf: string, calendar?: SchoolCalendar, from?: string): string[] {
  const index = indexCalendar(calendarFor(asOf, calendar));
  const hi = dayNumber(asOf);
  const lo = from === undefined ? (index.termAt(hi)?.start ?? hi + 1) : dayNumber(from);
  return index.schoolDays.filter((d) => d >= lo && d <= hi).map(isoDate);
}

/** Options for `arbitraryAsOf`. */
export interface AsOfOptions {
  /** First possible date (default `2026-08-17`, the start of HT2026). */
  readonly from?: string;
  /** Last possible date (default `2026-12-18`, the end of HT2026). */
  readonly to?: string;
  /** Only school days of the default calendar (default `false`: weekends and lov too). */
  readonly schoolDaysOnly?: boolean;
}

/**
 * An evaluation date. By default any day of HT2026, weekends and höstlov
 * included, because a nightly run does not skip them. With `schoolDaysOnly`,
 * `from` must lie in the school year of `to` or the one before (the reach of
 * `defaultCalendarFor(to)`).
 *
 * @param options - range and whether only school days are drawn
 * @returns an arbitrary ISO date
 * @example fc.sample(arbitraryAsOf({ schoolDaysOnly: true }), 1) // e.g. ['2026-10-07']
 */
export function arbitraryAsOf(options: AsOfOptions = {}): Arbitrary<string> {
  const from = options.from ?? '2026-08-17';
  const to = options.to ?? '2026-12-18';
  if (options.schoolDaysOnly !== true) return dateBetween(from, to);
  const days = schoolDaysUpTo(to, undefined, from);
  if (days.length === 0) throw new RangeError(`no school day between ${from} and ${to}`);
  return fc.constantFrom(...days);
}
