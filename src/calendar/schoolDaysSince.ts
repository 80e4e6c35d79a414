import type { SchoolCalendar } from '../model/schoolCalendar.js';
import { indexCalendar, type CalendarIndex } from './calendarIndex.js';

/**
 * School days after `after` up to and including `upTo`, in an indexed
 * calendar: weekends, holidays and breaks do not count.
 *
 * @param index - the indexed calendar
 * @param after - day number (exclusive)
 * @param upTo - day number (inclusive)
 * @returns the count, 0 when `after` ≥ `upTo`
 * @example schoolDaysBetween(indexCalendar(calendar), dayNumber('2026-11-20'), dayNumber('2026-11-23')) // 1 (Fri → Mon)
 */
export function schoolDaysBetween(index: CalendarIndex, after: number, upTo: number): number {
  let n = 0;
  for (const d of index.schoolDays) if (d > after && d <= upTo) n += 1;
  return n;
}

/**
 * School days after `since` up to and including `until`: how old data whose
 * newest day is `since` is on `until`, in the days a school would have
 * reported lessons (`--max-input-age`).
 *
 * @param calendar - the school calendar
 * @param since - day number of the newest data (exclusive)
 * @param until - day number of the evaluation (inclusive)
 * @returns the count, 0 when `since` ≥ `until`
 * @example schoolDaysSince(calendar, dayNumber('2026-11-20'), dayNumber('2026-11-23')) // 1 (Fri → Mon)
 */
export function schoolDaysSince(calendar: SchoolCalendar, since: number, until: number): number {
  return schoolDaysBetween(indexCalendar(calendar), since, until);
}
