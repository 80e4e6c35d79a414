import type { AttendanceRecord } from '../model/studentCase.js';
import { both, type Template } from '../model/template.js';
import { INPUT_ISSUE_TEXT } from './issueText.js';

/** The fields that must agree for two records of one student, date and start to be copies of one lesson. */
export const LESSON_CONTENT_FIELDS = ['scheduledMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'reported', 'guardianReported', 'reason'] as const;

/** A field of a lesson record besides its date and start. */
export type LessonContentField = (typeof LESSON_CONTENT_FIELDS)[number];

/** Records of one student, date and start that say different things: all rejected, none used. */
export interface LessonConflict {
  readonly date: string;
  readonly start: string;
  /** The rejected records, by index: the first of each different version, ascending. Later copies of a version are in `duplicates`. */
  readonly records: readonly number[];
  /** The fields in which the versions differ (names only: never their values). */
  readonly fields: readonly LessonContentField[];
}

/** How a student's lesson records were resolved: every index is kept, a duplicate, or in a conflict. */
export interface LessonResolution {
  /** The records to use, in input order (the input array itself when nothing was left out). */
  readonly accepted: readonly AttendanceRecord[];
  /** Indices of identical copies of an earlier record (same student, date, start and content), ascending: counted, not used. */
  readonly duplicates: readonly number[];
  /** Conflicting versions, in date and start order. */
  readonly conflicts: readonly LessonConflict[];
}

function compareKeys(a: AttendanceRecord, b: AttendanceRecord): number {
  // Decoded records share their date and start strings: identity first.
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return 0;
}

/**
 * The records that share a date and start, as groups of indices in input
 * order (groups of one left out), for records that are not in date and start
 * order: grouped by date (a map over the few distinct date strings), then by
 * start within the day (a handful of lessons: compared pairwise; a map for a
 * day with more). Linear in the records; no sort.
 */
function sameLessonGroups(records: readonly AttendanceRecord[]): number[][] {
  const byDate = new Map<string, number[]>();
  records.forEach((r, i) => {
    const day = byDate.get(r.date);
    if (day === undefined) byDate.set(r.date, [i]);
    else day.push(i);
  });
  const groups: number[][] = [];
  for (const day of byDate.values()) {
    if (day.length < 2) continue;
    if (day.length > PAIRWISE_LIMIT) {
      groups.push(...byStart(records, day));
      continue;
    }
    const grouped = new Uint8Array(day.length);
    for (let a = 0; a < day.length; a += 1) {
      if (grouped[a] === 1) continue;
      const start = (records[day[a] as number] as AttendanceRecord).start;
      let group: number[] | undefined;
      for (let b = a + 1; b < day.length; b += 1) {
        if (grouped[b] === 1 || (records[day[b] as number] as AttendanceRecord).start !== start) continue;
        grouped[b] = 1;
        (group ??= [day[a] as number]).push(day[b] as number);
      }
      if (group !== undefined) groups.push(group);
    }
  }
  return groups;
}

/** Records of one day above which they are grouped by a map, not pairwise (a day has a handful of lessons; a file may have anything). */
const PAIRWISE_LIMIT = 32;

/** One day's records grouped by start (groups of one left out), each in input order. */
function byStart(records: readonly AttendanceRecord[], day: readonly number[]): number[][] {
  const starts = new Map<string, number[]>();
  for (const i of day) {
    const start = (records[i] as AttendanceRecord).start;
    const group = starts.get(start);
    if (group === undefined) starts.set(start, [i]);
    else group.push(i);
  }
  return [...starts.values()].filter((g) => g.length > 1);
}

function recordAt(records: readonly AttendanceRecord[], conflict: LessonConflict): AttendanceRecord {
  return records[conflict.records[0] as number] as AttendanceRecord;
}

function differingFields(a: AttendanceRecord, b: AttendanceRecord): LessonContentField[] {
  return LESSON_CONTENT_FIELDS.filter((f) => a[f] !== b[f]);
}

/**
 * Resolve one student's lesson records that share a date and start. Copies
 * (every field equal) count once: the first is used and the rest are
 * `duplicates`. Versions that differ are a conflict: nothing says which one
 * is right, so the first of each version is rejected (`conflicts`) and the
 * later copies of a version are still `duplicates`. The outcome depends on
 * the set of records, never on their order: any permutation or repetition of
 * the input gives the same `accepted` records (as a multiset) and the same
 * counts. One pass for records in date and start order (an export's usual
 * order); otherwise records are grouped by date, then by start (still linear).
 *
 * @param records - one student's validated records
 * @returns what to use, and the indices of duplicates and conflicts
 * @example
 * const absent = { date: '2026-11-23', start: '08:10', scheduledMinutes: 60, validAbsenceMinutes: 0, invalidAbsenceMinutes: 60, reported: true, guardianReported: false, reason: 'unknown' } as const;
 * resolveDuplicateLessons([absent, absent, { ...absent, invalidAbsenceMinutes: 0, reason: 'none' }])
 * // { accepted: [], duplicates: [1], conflicts: [{ date: '2026-11-23', start: '08:10', records: [0, 2], fields: ['invalidAbsenceMinutes', 'reason'] }] }
 */
export function resolveDuplicateLessons(records: readonly AttendanceRecord[]): LessonResolution {
  let ordered = true;
  for (let i = 1; i < records.length && ordered; i += 1) ordered = compareKeys(records[i - 1] as AttendanceRecord, records[i] as AttendanceRecord) < 0;
  if (ordered) return { accepted: records, duplicates: [], conflicts: [] };
  const dropped = new Uint8Array(records.length);
  const duplicates: number[] = [];
  const conflicts: LessonConflict[] = [];
  for (const group of sameLessonGroups(records)) {
    const first = records[group[0] as number] as AttendanceRecord;
    const versions: number[] = [];
    for (const i of group) {
      const r = records[i] as AttendanceRecord;
      if (versions.some((v) => differingFields(records[v] as AttendanceRecord, r).length === 0)) {
        duplicates.push(i);
        dropped[i] = 1;
      } else versions.push(i);
    }
    if (versions.length > 1) {
      const fields = new Set(versions.slice(1).flatMap((v) => differingFields(first, records[v] as AttendanceRecord)));
      conflicts.push({ date: first.date, start: first.start, records: versions, fields: LESSON_CONTENT_FIELDS.filter((f) => fields.has(f)) });
      for (const v of versions) dropped[v] = 1;
    }
  }
  conflicts.sort((a, b) => compareKeys(recordAt(records, a), recordAt(records, b)));
  if (duplicates.length === 0 && conflicts.length === 0) return { accepted: records, duplicates, conflicts };
  return { accepted: records.filter((_, i) => dropped[i] === 0), duplicates: duplicates.sort((a, b) => a - b), conflicts };
}


/**
 * The message for one rejected record of a conflict, sv and en: where the other
 * versions are and which fields differ, never a value.
 *
 * @param others - locations of the other versions (lines, or `attendance[i]`)
 * @param fields - the fields that differ
 * @returns the texts
 * @example conflictText(['lessons.csv:9'], ['invalidAbsenceMinutes']).sv // 'Samma elev, datum och start som lessons.csv:9, med annat värde på invalidAbsenceMinutes; ingen av dem används'
 */
export function conflictText(others: readonly string[], fields: readonly LessonContentField[]): Template {
  return both(INPUT_ISSUE_TEXT.conflict, { others: others.join(', '), fields: fields.join(', ') });
}
