import type { AttendanceEntry } from './readAttendanceList.js';

/** How valid Attendance records repeat one another, by id. */
export interface AttendanceRepeats {
  /** How many different records share this id (1 when it is unique or its repeats are copies). */
  differentRecords(id: string): number;
  /** Whether an earlier valid record has the same id and content as the record at `index` (a copy, counted once). */
  isLaterCopy(index: number): boolean;
  /** Whether the record at `index` is the first valid record with this id. */
  isFirstOfId(id: string, index: number): boolean;
}

/**
 * Find repeated Attendance ids over the whole list, so that each record is
 * judged without regard to its order in the export: copies of one record
 * (same id and content) count once; records that share an id but differ are
 * all rejected, since nothing says which one is right. Only records that
 * pass the schema count; the content of an id that occurs once is never
 * serialised.
 *
 * @param attendances - every Attendance entry, in export order
 * @returns lookups by id and position
 * @example attendanceRepeats(entries).differentRecords('a1') // 2 when two different records have id a1
 */
export function attendanceRepeats(attendances: readonly AttendanceEntry[]): AttendanceRepeats {
  const timesById = new Map<string, number>();
  const firstIndexById = new Map<string, number>();
  attendances.forEach(({ parsed }, index) => {
    if (!parsed.success) return;
    const { id } = parsed.data;
    timesById.set(id, (timesById.get(id) ?? 0) + 1);
    if (!firstIndexById.has(id)) firstIndexById.set(id, index);
  });
  // Only for ids that occur more than once: each different content, and the later copies of one.
  const contentsById = new Map<string, Set<string>>();
  const laterCopies = new Set<number>();
  attendances.forEach(({ raw, parsed }, index) => {
    if (!parsed.success || (timesById.get(parsed.data.id) ?? 0) < 2) return;
    const contents = contentsById.get(parsed.data.id) ?? new Set<string>();
    const text = JSON.stringify(raw);
    if (contents.has(text)) laterCopies.add(index);
    contentsById.set(parsed.data.id, contents.add(text));
  });
  return {
    differentRecords: (id) => contentsById.get(id)?.size ?? 1,
    isLaterCopy: (index) => laterCopies.has(index),
    isFirstOfId: (id, index) => firstIndexById.get(id) === index,
  };
}
