import type { CalendarIndex } from '../calendar/calendarIndex.js';
import { isoDate } from '../calendar/dayNumber.js';
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
  const withLessons = new Set<number>();
  for (const d of days) if (d.day >= from && d.day <= to && d.lessons + d.unreportedLessons > 0) withLessons.add(d.day);
  let whole = 0;
  let part = 0;
  let first: number | null = null;
  let last: number | null = null;
  let firstLesson: number | null = null;
  let lastLesson: number | null = null;
  for (const day of index.schoolDays) {
    if (day < from) continue;
    if (day > to) break;
    whole += 1;
    first ??= day;
    last = day;
    if (withLessons.has(day)) {
      part += 1;
      firstLesson ??= day;
      lastLesson = day;
    }
  }
  let before = 0;
  let after = 0;
  for (const day of index.schoolDays) {
    if (day < from) continue;
    if (day > to) break;
    if (firstLesson === null || day < firstLesson) before += 1;
    else if (lastLesson !== null && day > lastLesson) after += 1;
  }
  return {
    from: first === null ? null : isoDate(first),
    to: last === null ? null : isoDate(last),
    days: { part, whole },
    beforeFirstLesson: firstLesson === null ? 0 : before,
    afterLastLesson: after,
  };
}
