import type { CalendarIndex } from '../calendar/calendarIndex.js';
import { dayNumber, isoDate } from '../calendar/dayNumber.js';
import type { LedgerDay } from './ledger.js';
import { boundedMemo } from '../model/boundedMemo.js';

/**
 * The absence facts as they stood at the end of one day: term to date, the
 * rolling window, streaks and the school year. One walk computes them for
 * `asOf` (the facts rules see) and, when a step needs its date, for every
 * school day before it (the history its `arisesOn` is read from). Both come
 * from this one function, so a date can never disagree with the facts.
 */
export interface AbsenceState {
  day: number;
  /** Start of the term the day belongs to (the latest term started on or before it), or null before any term. */
  termStart: number | null;
  termScheduled: number;
  termValid: number;
  termInvalid: number;
  termDaysWithAbsence: number;
  termWholeDays: number;
  termPartialDays: number;
  termLessonLevelInvalid: number;
  termSchoolDaysElapsed: number;
  termReportedLessons: number;
  termAllLessons: number;
  windowScheduled: number;
  windowValid: number;
  windowInvalid: number;
  /** Longest whole-day streak that reaches into the day's term (a streak runs on across a break). */
  longestStreak: number;
  /** The streak running at the end of the day, counted from its first day even across a break. */
  currentStreak: number;
  /** First day of the current streak, or null. */
  currentStreakStart: number | null;
  /** Last whole day of the current streak, or null. */
  currentStreakEnd: number | null;
  schoolYearWholeDays: number;
  invalidToday: number;
  /** First day of the day's calendar month. */
  monthStart: number;
  /** Invalid absence minutes and days with invalid absence in the day's calendar month, up to the day. */
  monthInvalid: number;
  monthInvalidDays: number;
  /** First day with invalid absence in the day's calendar month, or null. */
  monthFirstInvalidDay: number | null;
  /** The same for the calendar month before (zero when the walk began after it). */
  previousMonthInvalid: number;
  previousMonthInvalidDays: number;
  previousMonthFirstInvalidDay: number | null;
  /**
   * Where the term's and the window's days are in the walk's ledger (index
   * ranges `[termFirst, ledgerEnd)` and `[windowFirst, ledgerEnd)`), so that
   * `shortIllnessMinutes` can read them when a fact asks.
   */
  ledger: readonly LedgerDay[];
  termFirst: number;
  windowFirst: number;
  ledgerEnd: number;
  /** How many school days of guardian-reported illness count as one short illness (see `shortIllnessMinutes`). */
  shortIllnessSchoolDays: number;
}

/** Where a walk starts and ends, and how wide the rolling window is. */
export interface WalkRange {
  /** First day counted (the day after an `obehovligt` decision closes an episode), or -Infinity. */
  readonly from: number;
  /** Last day (asOf). */
  readonly to: number;
  readonly windowSchoolDays: number;
  /** School days of guardian-reported illness a "beyond short illness" rate leaves out (default 0: none). */
  readonly shortIllnessSchoolDays?: number;
}

function emptyState(day: number, ledger: readonly LedgerDay[], shortIllnessSchoolDays: number): AbsenceState {
  return {
    day,
    termStart: null,
    termScheduled: 0,
    termValid: 0,
    termInvalid: 0,
    termDaysWithAbsence: 0,
    termWholeDays: 0,
    termPartialDays: 0,
    termLessonLevelInvalid: 0,
    termSchoolDaysElapsed: 0,
    termReportedLessons: 0,
    termAllLessons: 0,
    windowScheduled: 0,
    windowValid: 0,
    windowInvalid: 0,
    longestStreak: 0,
    currentStreak: 0,
    currentStreakStart: null,
    currentStreakEnd: null,
    schoolYearWholeDays: 0,
    invalidToday: 0,
    monthStart: monthStartOf(day),
    monthInvalid: 0,
    monthInvalidDays: 0,
    monthFirstInvalidDay: null,
    previousMonthInvalid: 0,
    previousMonthInvalidDays: 0,
    previousMonthFirstInvalidDay: null,
    ledger,
    termFirst: 0,
    windowFirst: 0,
    ledgerEnd: 0,
    shortIllnessSchoolDays,
  };
}

/** First day of the calendar month of `day`, as a day number (remembered: every walk asks for the same few months). */
const monthStartOf: (day: number) => number = boundedMemo((day: number): number => dayNumber(`${isoDate(day).slice(0, 7)}-01`));

/** First day of the calendar month before the month of `day`. */
function previousMonthStartOf(day: number): number {
  return monthStartOf(monthStartOf(day) - 1);
}

/** 1 July after the day (the start of the next school year, läsår), as a day number (remembered). */
const nextSchoolYearStart: (day: number) => number = boundedMemo((day: number): number => {
  const iso = isoDate(day);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return dayNumber(`${String(month >= 7 ? year + 1 : year).padStart(4, '0')}-07-01`);
});

/**
 * Walk the ledger forward from `range.from` to `range.to`, keeping the
 * absence facts of each day. `onSchoolDay` (optional) sees the state at the
 * end of every school day in the range, in date order; the state object is
 * reused, so copy what you keep. Days without reported lessons neither break
 * nor extend a streak, and a term break does not end one.
 *
 * @param days - the ledger's days, in date order
 * @param index - the calendar index
 * @param range - first and last day and the window width
 * @param onSchoolDay - optional observer of each school day's state
 * @returns the state at the end of `range.to`
 * @example walkAbsence(ledger.days, indexCalendar(calendar), { from: -Infinity, to: dayNumber('2026-11-23'), windowSchoolDays: 20 }).termScheduled
 */
export function walkAbsence(
  days: readonly LedgerDay[],
  index: CalendarIndex,
  range: WalkRange,
  onSchoolDay?: (state: Readonly<AbsenceState>) => void,
): AbsenceState {
  const schoolDays = index.schoolDays;
  const firstAt = lowerBoundDay(days, range.from);
  const firstLedgerDay = days[firstAt]?.day;
  const windowOfTo = index.firstOfSchoolDaysEndingAt(range.to, range.windowSchoolDays) ?? range.to + 1;
  // Start early enough for the term of `to`, the window and every ledger day in range.
  const termOfTo = index.termAt(range.to);
  // …and early enough for the calendar month before `to` (CSN's skolk months).
  let start = Math.max(
    range.from,
    Math.min(termOfTo?.start ?? range.to, windowOfTo, firstLedgerDay ?? range.to, previousMonthStartOf(range.to)),
  );
  if (!Number.isFinite(start)) start = range.to;
  const s = emptyState(start, days, range.shortIllnessSchoolDays ?? 0);
  let nextMonth = monthStartOf(monthStartOf(start) + 31);
  let nextYear = nextSchoolYearStart(start);
  let schoolAt = lowerBound(schoolDays, start);
  let ledgerAt = lowerBoundDay(days, start);
  // Window: school days [windowFirst, day]; ledger days in it are added at `ledgerAt` and removed at `windowOut`.
  let windowOut = ledgerAt;
  // Terms change rarely: look the term up again only when a term starts or ends.
  const terms = index.terms;
  let term = index.termAt(start);
  let nextTermStart = terms.find((t) => t.start > start)?.start ?? Infinity;
  for (let day = start; day <= range.to; day += 1) {
    if (day >= nextTermStart) {
      term = index.termAt(day);
      nextTermStart = terms.find((t) => t.start > day)?.start ?? Infinity;
    }
    const termStart = term === undefined ? null : Math.max(term.start, range.from);
    if (termStart !== s.termStart) {
      s.termStart = termStart;
      s.termScheduled = s.termValid = s.termInvalid = 0;
      s.termDaysWithAbsence = s.termWholeDays = s.termPartialDays = s.termLessonLevelInvalid = 0;
      s.termSchoolDaysElapsed = s.termReportedLessons = s.termAllLessons = 0;
      s.termFirst = ledgerAt;
      // A streak still running goes on into the new term; it counts there once it continues.
      s.longestStreak = 0;
    }
    if (day >= nextMonth) {
      // Walking day by day, the month that ends is always the calendar month before the new one.
      s.previousMonthInvalid = s.monthInvalid;
      s.previousMonthInvalidDays = s.monthInvalidDays;
      s.previousMonthFirstInvalidDay = s.monthFirstInvalidDay;
      s.monthInvalid = s.monthInvalidDays = 0;
      s.monthFirstInvalidDay = null;
      s.monthStart = day;
      nextMonth = monthStartOf(day + 31);
    }
    if (day >= nextYear) {
      nextYear = nextSchoolYearStart(day);
      s.schoolYearWholeDays = 0;
    }
    const isSchoolDay = schoolDays[schoolAt] === day;
    if (isSchoolDay) {
      schoolAt += 1;
      if (termStart !== null && term !== undefined && day <= term.end && day >= termStart) s.termSchoolDaysElapsed += 1;
    }
    s.day = day;
    s.invalidToday = 0;
    const d = days[ledgerAt];
    if (d !== undefined && d.day === day) {
      ledgerAt += 1;
      s.invalidToday = d.invalid;
      if (d.invalid > 0) {
        s.monthInvalid += d.invalid;
        s.monthInvalidDays += 1;
        s.monthFirstInvalidDay ??= day;
      }
      if (termStart !== null) {
        s.termScheduled += d.scheduled;
        s.termValid += d.valid;
        s.termInvalid += d.invalid;
        s.termReportedLessons += d.lessons;
        s.termAllLessons += d.lessons + d.unreportedLessons;
      }
      s.windowScheduled += d.scheduled;
      s.windowValid += d.valid;
      s.windowInvalid += d.invalid;
      if (d.lessons > 0) {
        const absent = d.valid + d.invalid;
        if (termStart !== null && absent > 0) s.termDaysWithAbsence += 1;
        if (absent === d.scheduled) {
          if (termStart !== null) s.termWholeDays += 1;
          s.schoolYearWholeDays += 1;
          if (s.currentStreak === 0) s.currentStreakStart = day;
          s.currentStreak += 1;
          s.currentStreakEnd = day;
          if (s.currentStreak > s.longestStreak) s.longestStreak = s.currentStreak;
        } else {
          s.currentStreak = 0;
          s.currentStreakStart = null;
          s.currentStreakEnd = null;
          if (termStart !== null) {
            if (absent > 0) s.termPartialDays += 1;
            s.termLessonLevelInvalid += d.invalidLessons;
          }
        }
      }
    }
    // Slide the window: drop ledger days before the first of the last N school days ending today.
    const windowFirst = schoolAt >= range.windowSchoolDays ? (schoolDays[schoolAt - range.windowSchoolDays] ?? day + 1) : (schoolDays[0] ?? day + 1);
    while (windowOut < ledgerAt && (days[windowOut]?.day ?? Infinity) < windowFirst) {
      const out = days[windowOut] as LedgerDay;
      s.windowScheduled -= out.scheduled;
      s.windowValid -= out.valid;
      s.windowInvalid -= out.invalid;
      windowOut += 1;
    }
    s.windowFirst = windowOut;
    s.ledgerEnd = ledgerAt;
    if (isSchoolDay && onSchoolDay !== undefined) onSchoolDay(s);
  }
  return s;
}

/**
 * The streak running at the end of the state's day as the term sees it: its
 * length when it has reached into the term (its last whole day is in it),
 * else 0 (a streak from last term counts once it goes on this term).
 *
 * @param s - a walk state
 * @returns the current streak's length, or 0
 * @example currentStreakInTerm(walkAbsence(days, index, range))
 */
export function currentStreakInTerm(s: Readonly<AbsenceState>): number {
  return s.currentStreakEnd !== null && s.termStart !== null && s.currentStreakEnd >= s.termStart ? s.currentStreak : 0;
}

/**
 * Guardian-reported illness (reason `sick`, reported by the guardians) that
 * a "beyond short illness" rate leaves out: the sick minutes of the
 * `shortIllnessSchoolDays` days with the most of them, in the term or in the
 * window. One flu week is then not by itself "serious" absence, while longer
 * or repeated illness still counts (every sick day beyond those). Taking the
 * days with the most minutes, rather than one run of consecutive days, keeps
 * the rate monotone: more absence never lowers it (it removes at most the
 * minutes it adds).
 *
 * @param s - a walk state
 * @param over - the term to date or the rolling window
 * @returns minutes to leave out
 * @example shortIllnessMinutes(state, 'window') // 1500 for a flu week of five 300-minute days
 */
export function shortIllnessMinutes(s: Readonly<AbsenceState>, over: 'term' | 'window'): number {
  const n = s.shortIllnessSchoolDays;
  if (n <= 0) return 0;
  const top: number[] = [];
  for (let i = over === 'term' ? s.termFirst : s.windowFirst; i < s.ledgerEnd; i += 1) {
    const m = (s.ledger[i] as LedgerDay).guardianReportedSick;
    if (m === 0 || (top.length === n && m <= (top[n - 1] as number))) continue;
    let at = top.length < n ? top.length : n - 1;
    while (at > 0 && (top[at - 1] as number) < m) {
      top[at] = top[at - 1] as number;
      at -= 1;
    }
    top[at] = m;
  }
  let sum = 0;
  for (const m of top) sum += m;
  return sum;
}

/** Index of the first ledger day on or after `day`. */
function lowerBoundDay(days: readonly LedgerDay[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid]?.day ?? Infinity) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element ≥ `value` in a sorted array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The walk's state at the end of every school day, oldest first. `at(i)`
 * returns day `i`'s state.
 */
export interface AbsenceHistory {
  readonly length: number;
  /** The state at the end of the i-th school day (oldest first). */
  at(i: number): Readonly<AbsenceState>;
}

/**
 * Walk the ledger (see `walkAbsence`) and keep the state of every school day.
 *
 * @param days - the ledger's days, in date order
 * @param index - the calendar index
 * @param range - first and last day and the window width
 * @returns the history
 * @example absenceHistory(ledger.days, index, range).at(0).termScheduled
 */
export function absenceHistory(days: readonly LedgerDay[], index: CalendarIndex, range: WalkRange): AbsenceHistory {
  const states: AbsenceState[] = [];
  walkAbsence(days, index, range, (s) => {
    states.push({ ...s });
  });
  return { length: states.length, at: (i) => states[i] as AbsenceState };
}
