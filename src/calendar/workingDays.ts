import { dayNumber, isoDate, weekday } from './dayNumber.js';
import { isSwedishHoliday } from './publicHolidays.js';
import { boundedMemo } from '../model/boundedMemo.js';

/**
 * True for a Swedish working day (arbetsdag): Monday–Friday, not a public
 * holiday, not midsommarafton, julafton or nyårsafton.
 *
 * @param iso - ISO date
 * @returns whether it is a working day
 * @example isWorkingDay('2026-12-24') // false
 */
export function isWorkingDay(iso: string): boolean {
  return weekday(dayNumber(iso)) <= 5 && !isSwedishHoliday(iso);
}

/**
 * The date `count` working days after `iso` (the start day itself not counted).
 * Used for deadlines such as Stockholm's "inom 5 arbetsdagar".
 *
 * @param iso - ISO start date
 * @param count - working days to add (≥ 0)
 * @returns the ISO due date
 * @example addWorkingDays('2026-12-22', 5) // '2027-01-04'
 */
export function addWorkingDays(iso: string, count: number): string {
  return workingDaysAfter(count)(iso);
}

/** `addWorkingDays` by count, then by date, remembered: every student's deadline counts the same few days from the same few dates. */
const workingDaysAfter: (count: number) => (iso: string) => string = boundedMemo((count: number) =>
  boundedMemo((iso: string) => countWorkingDays(iso, count)),
);

function countWorkingDays(iso: string, count: number): string {
  let day = dayNumber(iso);
  let left = count;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(isoDate(day))) left -= 1;
  }
  return isoDate(day);
}

/**
 * The date `count` calendar days after `iso`.
 *
 * @param iso - ISO start date
 * @param count - days to add
 * @returns the ISO date
 * @example addCalendarDays('2026-11-23', 14) // '2026-12-07'
 */
export function addCalendarDays(iso: string, count: number): string {
  return isoDate(dayNumber(iso) + count);
}
