import type { SchoolCalendar } from '../model/schoolCalendar.js';
import { indexCalendar } from './calendarIndex.js';

/**
 * School days after `since` up to and including `until`: how old data whose
 * newest day is `since` is on `until`, in the days a school would have
 * reported lessons. Weekends, holidays and breaks do not age it.
 *
 * @param calendar - the school calendar
 * @param since - day number of the newest data (exclusive)
 * @param until - day number of the evaluation (inclusive)
 * @returns the count, 0 when `since` ≥ `until`
 * @example schoolDaysSince(calendar, dayNumber('2026-11-20'), dayNumber('2026-11-23')) // 1 (Fri → Mon)
 */
export function schoolDaysSince(calendar: SchoolCalendar, since: number, until: number): number {
  const index = indexCalendar(calendar);
  let count = 0;
  for (let day = since + 1; day <= until; day += 1) if (index.isSchoolDay(day)) count += 1;
  return count;
}
