import type { CalendarIndex } from '../calendar/calendarIndex.js';
import { isoDateCached } from '../calendar/dayNumber.js';
import type { Rate } from '../model/facts.js';
import type { LedgerDay } from './ledger.js';

/** How much of a period's school days the input has lessons for. */
export interface Coverage {
  /** First and last school day of the period (null when it has none). */
  readonly from: string | null;
  readonly to: string | null;
  /** School days with at least one lesson record (reported or not) of all school days in the period. */
  readonly days: Rate;
  /** Of the uncovered days: before the student's first lesson in the period, and after the last (stale input). */
  readonly beforeFirstLesson: number;
  readonly afterLastLesson: number;
}

/**
 * The coverage of a period: the school days in `[from, to]` that have at least
 * one lesson record, of all its school days. Days with no lessons at all,
 * days before the first lesson (a late enrolment nobody recorded, or an
 * export that starts late) and days after the last lesson (stale input) are
 * uncovered; the last two are counted apart so a warning can say which.
 *
 * @param days - the ledger's days, in date order
 * @param index - the calendar index
 * @param from - first day of the period (day number)
 * @param to - last day of the period (asOf, day number)
 * @returns the coverage
 * @example periodCoverage(ledger.days, index, dayNumber('2026-08-17'), dayNumber('2026-11-23')).days // { part: 66, whole: 66 } with a lesson every school day
 */
export function periodCoverage(days: readonly LedgerDay[], index: CalendarIndex, from: number, to: number): Coverage {
  // One pass over the period's school days beside the ledger's days (both in day order).
  const school = index.schoolDays;
  let whole = 0;
  let part = 0;
  let first: number | null = null;
  let last: number | null = null;
  // Places of the first and last covered day among the period's school days (-1: none).
  let firstLesson = -1;
  let lastLesson = -1;
  let d = 0;
  for (let k = index.firstSchoolDayFrom(from); k < school.length; k += 1) {
    const day = school[k] as number;
    if (day > to) break;
    first ??= day;
    last = day;
    while (d < days.length && (days[d] as LedgerDay).day < day) d += 1;
    const ledgerDay = days[d];
    if (ledgerDay !== undefined && ledgerDay.day === day && ledgerDay.lessons + ledgerDay.unreportedLessons > 0) {
      part += 1;
      if (firstLesson < 0) firstLesson = whole;
      lastLesson = whole;
    }
    whole += 1;
  }
  return {
    from: first === null ? null : isoDateCached(first),
    to: last === null ? null : isoDateCached(last),
    days: { part, whole },
    // The uncovered days before the first covered one, and after the last (none when no day is covered).
    beforeFirstLesson: firstLesson < 0 ? 0 : firstLesson,
    afterLastLesson: lastLesson < 0 ? 0 : whole - 1 - lastLesson,
  };
}
