import type { LedgerDay } from './ledger.js';

/** One reported lesson, in schedule order, as occasion counting sees it. */
export interface LedgerLesson {
  readonly absent: boolean;
  readonly invalid: boolean;
}

/**
 * Absence occasions (frånvarotillfällen): maximal runs of consecutive absent
 * lessons in schedule order, across days. Two absent lessons with a present
 * lesson between them are two occasions; a week away is one.
 *
 * Not monotone in absence (filling the gap between two occasions merges them),
 * so the bundled policies threshold on days with absence instead.
 *
 * The definition, over a lesson sequence; `occasionsInDays` counts the same
 * from a ledger's days, and a property test holds the two equal.
 *
 * @param lessons - reported lessons in schedule order
 * @param pick - which absence counts (any, or invalid only)
 * @returns the number of occasions
 * @example countOccasions([{ absent: true, invalid: false }, { absent: false, invalid: false }, { absent: true, invalid: true }], 'any') // 2
 */
export function countOccasions(lessons: readonly LedgerLesson[], pick: 'any' | 'invalid'): number {
  let count = 0;
  let inRun = false;
  for (const lesson of lessons) {
    const hit = pick === 'any' ? lesson.absent : lesson.invalid;
    if (hit && !inRun) count += 1;
    inRun = hit;
  }
  return count;
}

/**
 * `countOccasions` of the reported lessons of `days[from]` onwards, from the
 * days alone: each day's runs, less one where a day begins with absence and
 * the last day before it with reported lessons ended with absence (the run
 * goes on across the night, and across days with only unreported lessons).
 *
 * @param days - a ledger's days, in date order
 * @param from - the first day to count (e.g. the term's first)
 * @param pick - which absence counts (any, or invalid only)
 * @returns the number of occasions
 * @example occasionsInDays(buildLedger(records, asOf).days, 0, 'any') // countOccasions of the same lessons
 */
export function occasionsInDays(days: readonly LedgerDay[], from: number, pick: 'any' | 'invalid'): number {
  const any = pick === 'any';
  let count = 0;
  let endedInRun = false;
  for (let i = from; i < days.length; i += 1) {
    const d = days[i] as LedgerDay;
    if (d.lessons === 0) continue;
    const startsInRun = any ? d.firstLessonAbsent : d.firstLessonInvalid;
    count += (any ? d.absentRuns : d.invalidRuns) - (endedInRun && startsInRun ? 1 : 0);
    endedInRun = any ? d.lastLessonAbsent : d.lastLessonInvalid;
  }
  return count;
}
