import type { CalendarIndex } from '../calendar/calendarIndex.js';
import type { DateSource } from '../model/decision.js';
import type { NoticeDay } from '../metrics/computeFacts.js';
import type { Evidence } from '../policy/evaluateConditions.js';
import { firstSkolkDay, type SkolkMonths } from './csnReport.js';
import { noticeOccasions } from './dueDates.js';

/**
 * Where a step's duty takes its episode from when not from the fired rule's
 * conditions (`STEP_CATALOG[step].episode`):
 * - `absence-days`: the same-day notice arises on each unnotified day with
 *   invalid absence, each with its own due date (SL 7:17);
 * - `skolk-month`: a CSN report counts from the first skolk day of the month
 *   that reached the limit; a report on or after it covers that month.
 */
export type EpisodeSource = 'absence-days' | 'skolk-month';

/** A duty's dates as the rule's conditions give them, or as an episode source changes them. */
export interface EpisodeDates {
  readonly arisesOn: string;
  readonly closableFrom: string;
  readonly source: DateSource;
  /** `skolk-month`: the first skolk day the report counts from. */
  readonly skolkFrom?: string;
}

/** What an episode source reads: tonight's notice days and skolk months, the fired rule's evidence, the step's latest measure. */
export interface EpisodeInput {
  readonly noticeDays: readonly NoticeDay[];
  readonly index: CalendarIndex;
  readonly skolkMonths: SkolkMonths | undefined;
  readonly evidence: readonly Evidence[];
  /** Date of the step's latest measure on or before asOf, if any. */
  readonly after: string | undefined;
}

const EPISODES: Readonly<Record<EpisodeSource, (dates: EpisodeDates, input: EpisodeInput) => EpisodeDates>> = {
  'absence-days': (dates, { noticeDays, index }) => {
    if (noticeDays.length === 0) return dates;
    const days = noticeOccasions(noticeDays, index);
    const arisesOn = days[0]?.date ?? dates.arisesOn;
    return { arisesOn, closableFrom: arisesOn, source: { kind: 'absence-days', days } };
  },
  'skolk-month': (dates, { skolkMonths, evidence, after }) => {
    const skolkFrom = skolkMonths === undefined ? null : firstSkolkDay(evidence, skolkMonths, after);
    if (skolkFrom === null) return dates;
    return { ...dates, closableFrom: skolkFrom < dates.closableFrom ? skolkFrom : dates.closableFrom, skolkFrom };
  },
};

/**
 * A duty's dates from its step's episode source, or unchanged when the step
 * has none (the rule's conditions date it).
 *
 * @param source - `STEP_CATALOG[step].episode`
 * @param dates - the dates the fired rule's conditions give
 * @param input - what the sources read
 * @returns the duty's dates
 * @example episodeDates('absence-days', dates, input).source.kind // 'absence-days' when a day is unnotified
 */
export function episodeDates(source: EpisodeSource | undefined, dates: EpisodeDates, input: EpisodeInput): EpisodeDates {
  return source === undefined ? dates : EPISODES[source](dates, input);
}
