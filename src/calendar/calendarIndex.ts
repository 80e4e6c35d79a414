import type { DateRange, SchoolCalendar } from '../model/schoolCalendar.js';
import { weakMemo } from '../model/weakMemo.js';
import { dayNumber, weekday } from './dayNumber.js';
import { isSwedishHoliday } from './publicHolidays.js';

/** A term with its day numbers. */
export interface IndexedTerm {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A calendar prepared for the hot path: school days as a sorted array of day
 * numbers, terms as day-number ranges. Built once per calendar object.
 */
export interface CalendarIndex {
  readonly schoolDays: readonly number[];
  readonly terms: readonly IndexedTerm[];
  isSchoolDay(day: number): boolean;
  /** The term containing `day`, else the latest term that started before it. */
  termAt(day: number): IndexedTerm | undefined;
  /** The last `count` school days on or before `day`, oldest first. */
  schoolDaysEndingAt(day: number, count: number): readonly number[];
  /** The first of the last `count` school days on or before `day` (no array built), or undefined when there is none. */
  firstOfSchoolDaysEndingAt(day: number, count: number): number | undefined;
  /** The place in `schoolDays` of the first school day on or after `day` (`schoolDays.length` when none is). */
  firstSchoolDayFrom(day: number): number;
}

function inRanges(day: number, ranges: ReadonlyArray<{ start: number; end: number }>): boolean {
  return ranges.some((r) => day >= r.start && day <= r.end);
}

function toDays(r: DateRange): { start: number; end: number } {
  return { start: dayNumber(r.start), end: dayNumber(r.end) };
}

/** Index of the last element ≤ `day` in a sorted array, or -1. */
function lastAtOrBefore(sorted: readonly number[], day: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Infinity) <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Prepare a calendar for evaluation. School days are weekdays inside a term,
 * outside every break, and not a Swedish public holiday or non-working eve.
 *
 * @param calendar - the school calendar
 * @returns a memoised index
 * @example indexCalendar(defaultCalendarFor('2026-11-23')).isSchoolDay(dayNumber('2026-11-23')) // true
 */
export function indexCalendar(calendar: SchoolCalendar): CalendarIndex {
  return indexes(calendar);
}

const indexes = weakMemo(buildIndex);

function buildIndex(calendar: SchoolCalendar): CalendarIndex {
  const terms = calendar.terms
    .map((t) => ({ id: t.id, ...toDays(t) }))
    .sort((a, b) => a.start - b.start);
  const breaks = calendar.breaks.map(toDays);
  const schoolDays: number[] = [];
  for (const term of terms) {
    for (let day = term.start; day <= term.end; day += 1) {
      if (weekday(day) > 5 || inRanges(day, breaks)) continue;
      if (isSwedishHoliday(new Date(day * 86_400_000).toISOString().slice(0, 10))) continue;
      schoolDays.push(day);
    }
  }
  schoolDays.sort((a, b) => a - b);
  const schoolDaySet = new Set(schoolDays);
  const index: CalendarIndex = {
    schoolDays,
    terms,
    isSchoolDay: (day) => schoolDaySet.has(day),
    termAt(day) {
      let best: IndexedTerm | undefined;
      for (const term of terms) if (term.start <= day) best = term;
      return best;
    },
    schoolDaysEndingAt(day, count) {
      const last = lastAtOrBefore(schoolDays, day);
      if (last < 0) return [];
      return schoolDays.slice(Math.max(0, last - count + 1), last + 1);
    },
    firstSchoolDayFrom(day) {
      return lastAtOrBefore(schoolDays, day - 1) + 1;
    },
    firstOfSchoolDaysEndingAt(day, count) {
      const last = lastAtOrBefore(schoolDays, day);
      if (last < 0 || count < 1) return undefined;
      return schoolDays[Math.max(0, last - count + 1)];
    },
  };
  return index;
}
