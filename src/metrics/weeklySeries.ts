import type { CalendarIndex } from '../calendar/calendarIndex.js';
import { dayNumber, isoDate, isoDateCached, mondayOf } from '../calendar/dayNumber.js';
import { boundedMemo } from '../model/boundedMemo.js';
import { MAX_SERIES_WEEKS, type WeeklySeries } from '../model/decision.js';
import type { LedgerDay } from './ledger.js';

/**
 * The term's reported minutes per ISO week (Monday to Sunday), from the week
 * of the term's first day to the week of asOf (or of the term's last day
 * when asOf is after it), for a plot of absence over the term. Weeks with no
 * lessons (a break, missing data) are zeros, so week `i` always starts on
 * `firstWeek` + 7·i. Whole term, whatever the episode: the plot shows what
 * happened, the facts count what the rules need. Unreported lessons count in
 * no column, as in the facts.
 *
 * @param days - the ledger's days, in date order
 * @param index - the calendar index
 * @param asOf - the evaluation date
 * @returns the series, or null when no term has started on or before asOf
 * @example weeklySeries(buildLedger(lessonsOn('2026-08-17', '2026-08-18'), '2026-08-24').days, indexCalendar(defaultCalendarFor('2026-08-24')), '2026-08-24')
 * //=> { firstWeek: '2026-08-17', scheduled: [600, 0], valid: [0, 0], invalid: [60, 0] }
 */
export function weeklySeries(days: readonly LedgerDay[], index: CalendarIndex, asOf: string): WeeklySeries | null {
  const asOfDay = dayNumber(asOf);
  const term = index.termAt(asOfDay);
  if (term === undefined) return null;
  const to = Math.min(asOfDay, term.end);
  const lastWeek = mondayOf(to);
  const firstWeek = Math.max(mondayOf(term.start), lastWeek - 7 * (MAX_SERIES_WEEKS - 1));
  const from = Math.max(term.start, firstWeek);
  const weeks = (lastWeek - firstWeek) / 7 + 1;
  const scheduled = new Array<number>(weeks).fill(0);
  const valid = new Array<number>(weeks).fill(0);
  const invalid = new Array<number>(weeks).fill(0);
  for (const d of days) {
    if (d.day < from || d.day > to) continue;
    const i = (mondayOf(d.day) - firstWeek) / 7;
    scheduled[i] = (scheduled[i] ?? 0) + d.scheduled;
    valid[i] = (valid[i] ?? 0) + d.valid;
    invalid[i] = (invalid[i] ?? 0) + d.invalid;
  }
  return { firstWeek: isoDateCached(firstWeek), scheduled, valid, invalid };
}

/**
 * The ISO 8601 week of a date, as `YYYY-Www` (the year is the ISO week-year:
 * the year of the week's Thursday).
 *
 * @param date - an ISO date
 * @returns the week label
 * @example isoWeek('2026-11-23') // '2026-W48'
 * @example isoWeek('2027-01-01') // '2026-W53'
 */
export function isoWeek(date: string): string {
  return isoWeekOf(date);
}

/** `isoWeek`, remembered per date: a school's report labels every student's weeks, and a term has some twenty. */
const isoWeekOf = boundedMemo((date: string): string => {
  const thursday = mondayOf(dayNumber(date)) + 3;
  const year = isoDate(thursday).slice(0, 4);
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
});

/**
 * The Monday starting week `i` of a series.
 *
 * @param series - a weekly series
 * @param i - the week's position
 * @returns the Monday, as an ISO date
 * @example weekStart({ firstWeek: '2026-08-17', scheduled: [], valid: [], invalid: [] }, 2) // '2026-08-31'
 */
export function weekStart(series: WeeklySeries, i: number): string {
  return isoDateCached(dayNumber(series.firstWeek) + 7 * i);
}
