import { dayNumber, isoDate } from '../calendar/dayNumber.js';
import type { CsnReport } from '../model/decision.js';
import { CSN_SPECIAL_REASON_SIGNALS, type SignalType, type Studiehjalp } from '../model/vocabulary.js';
import type { Evidence } from '../policy/evaluateConditions.js';
import { factInfo } from '../model/factCatalog.js';

/** Calendar days from the first skolk day before a report is normally sent, and in exceptional cases (csn.se, domain.md §1.6). */
export const CSN_REPORT_DAYS = { normal: 30, exceptional: 15 } as const;

/** The first days with invalid absence of the two calendar months the CSN facts cover. */
export interface SkolkMonths {
  readonly previousMonthFirstInvalidDay: string | null;
  readonly monthFirstInvalidDay: string | null;
}

/**
 * The first skolk day a CSN report counts from: the first day with invalid
 * absence in a calendar month whose absence the fired rule found over CSN's
 * limit (its evidence names the month's facts). Of those months, the first
 * one whose skolk began after the latest recorded `csn-rapport`; when every
 * one began before it, the latest (which that report covers, so the measure
 * closes the duty). Null when the evidence names neither month.
 *
 * @param evidence - the fired rule's decisive leaves
 * @param months - first invalid days of last month and this month
 * @param latestReport - the date of the latest `csn-rapport` measure, if any
 * @returns the first skolk day, or null
 * @example firstSkolkDay([{ fact: 'previousMonthInvalidAbsenceMinutes', result: true, … }], { previousMonthFirstInvalidDay: '2026-11-03', monthFirstInvalidDay: null }, undefined) // '2026-11-03'
 */
export function firstSkolkDay(evidence: readonly Evidence[], months: SkolkMonths, latestReport: string | undefined): string | null {
  // The months whose facts decided the rule: the branch of `skolk-over-csn-grans` that fired, read from the fact catalog.
  const qualifies = (month: 'this' | 'previous'): boolean => evidence.some((e) => e.result && factInfo(e.fact)?.month === month);
  const candidates = [
    qualifies('previous') ? months.previousMonthFirstInvalidDay : null,
    qualifies('this') ? months.monthFirstInvalidDay : null,
  ].filter((d): d is string => d !== null);
  if (candidates.length === 0) return null;
  return candidates.find((d) => latestReport === undefined || d > latestReport) ?? (candidates.at(-1) as string);
}

/**
 * What the school needs to send skolk to CSN: the first skolk day, the
 * earliest dates a report may be sent (normally 30 days after it, in
 * exceptional cases 15), whether the student is known to have studiehjälp,
 * and the signals in force that may be särskilda skäl to refrain (illness,
 * bullying, other personal reasons: the school decides).
 *
 * @param first - the first skolk day
 * @param studiehjalp - the student's studiehjälp
 * @param active - signals in force on asOf
 * @returns the report's timing and checks
 * @example csnReport('2026-11-03', 'yes', ['bullying']) // { firstSkolkDay: '2026-11-03', earliestReportDate: '2026-12-03', earliestExceptionalReportDate: '2026-11-18', studiehjalp: 'yes', specialReasons: ['bullying'] }
 */
export function csnReport(first: string, studiehjalp: Exclude<Studiehjalp, 'no'>, active: readonly SignalType[]): CsnReport {
  const day = dayNumber(first);
  const present = new Set(active);
  return {
    firstSkolkDay: first,
    earliestReportDate: isoDate(day + CSN_REPORT_DAYS.normal),
    earliestExceptionalReportDate: isoDate(day + CSN_REPORT_DAYS.exceptional),
    studiehjalp,
    specialReasons: CSN_SPECIAL_REASON_SIGNALS.filter((s) => present.has(s)),
  };
}
