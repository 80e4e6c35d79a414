import type { Warning } from '../model/decision.js';

/** What became of a student's lesson records, as far as the decision should say so. */
export interface RecordTally {
  /** Records rejected, for any reason (conflicts included). */
  readonly rejected: number;
  /** Of those, records rejected because another record of the same date and start differs. */
  readonly conflicting: number;
  /** The dates and starts those conflicts were at. */
  readonly conflictingLessons: number;
}

/**
 * The data-quality warnings a student's rejected records give, for
 * `evaluate`'s `warnings`: `rejected-records` (every rejected record) and
 * `conflicting-lessons` (those rejected because they contradict another
 * record of the same date and start). Counts only, no free text.
 *
 * @param tally - the student's counts
 * @returns the warnings, possibly none
 * @example recordWarnings({ rejected: 3, conflicting: 2, conflictingLessons: 1 })
 * // [{ kind: 'rejected-records', count: 3 }, { kind: 'conflicting-lessons', count: 2, lessons: 1 }]
 */
export function recordWarnings(tally: RecordTally): Warning[] {
  const warnings: Warning[] = [];
  if (tally.rejected > 0) warnings.push({ kind: 'rejected-records', count: tally.rejected });
  if (tally.conflicting > 0) warnings.push({ kind: 'conflicting-lessons', count: tally.conflicting, lessons: tally.conflictingLessons });
  return warnings;
}

/**
 * The tally of one parsed case (`parseStudentCase`'s rejected records and conflicts).
 *
 * @param parsed - the accepted case's rejected records and conflicts
 * @returns the tally for `recordWarnings`
 * @example caseTally({ rejectedRecords: [{ index: 0, issues }, { index: 2, issues }], conflicts: [{ date, start, records: [0, 2], fields }] })
 * // { rejected: 2, conflicting: 2, conflictingLessons: 1 }
 */
export function caseTally(parsed: { readonly rejectedRecords: readonly unknown[]; readonly conflicts: readonly { readonly records: readonly number[] }[] }): RecordTally {
  return {
    rejected: parsed.rejectedRecords.length,
    conflicting: parsed.conflicts.reduce((n, c) => n + c.records.length, 0),
    conflictingLessons: parsed.conflicts.length,
  };
}
