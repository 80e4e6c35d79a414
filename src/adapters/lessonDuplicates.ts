import type { AttendanceRecord } from '../model/studentCase.js';

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

/** Records per student above which `byDateAndStart` sorts with a comparator (the packed key would lose precision). */
const PACKED_LIMIT = 1 << 21;

/**
 * The indices of `records` in date and start order, records of one date and
 * start in input order (so "first" and "later copy" follow the input). A
 * numeric sort of packed keys (rank of the date, minute of the start, index):
 * several times faster than a comparator on strings.
 */
function byDateAndStart(records: readonly AttendanceRecord[]): number[] {
  if (records.length >= PACKED_LIMIT) {
    return records.map((_, i) => i).sort((i, j) => compareKeys(records[i] as AttendanceRecord, records[j] as AttendanceRecord) || i - j);
  }
  const dates = [...new Set(records.map((r) => r.date))].sort();
  const rank = new Map(dates.map((d, i) => [d, i]));
  const packed = new Float64Array(records.length);
  records.forEach((r, i) => {
    // `HH:MM`, validated: hours and minutes from the character codes.
    const minute = (r.start.charCodeAt(0) * 10 + r.start.charCodeAt(1) - 528) * 60 + r.start.charCodeAt(3) * 10 + r.start.charCodeAt(4) - 528;
    packed[i] = ((rank.get(r.date) ?? 0) * 1440 + minute) * PACKED_LIMIT + i;
  });
  packed.sort();
  return Array.from(packed, (p) => p % PACKED_LIMIT);
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
 * counts. Linear for records in date and start order (an export's usual
 * order); otherwise one sort.
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
  const order = byDateAndStart(records);
  const dropped = new Uint8Array(records.length);
  const duplicates: number[] = [];
  const conflicts: LessonConflict[] = [];
  for (let from = 0; from < order.length; ) {
    const first = records[order[from] as number] as AttendanceRecord;
    let to = from + 1;
    while (to < order.length && compareKeys(first, records[order[to] as number] as AttendanceRecord) === 0) to += 1;
    if (to - from > 1) {
      const versions: number[] = [];
      for (const i of order.slice(from, to)) {
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
    from = to;
  }
  if (duplicates.length === 0 && conflicts.length === 0) return { accepted: records, duplicates, conflicts };
  return { accepted: records.filter((_, i) => dropped[i] === 0), duplicates: duplicates.sort((a, b) => a - b), conflicts };
}

/**
 * The message for one rejected record of a conflict: where the other
 * versions are and which fields differ, never a value.
 *
 * @param others - locations of the other versions (lines, or `attendance[i]`)
 * @param fields - the fields that differ
 * @returns the message
 * @example conflictMessage(['lessons.csv:9'], ['invalidAbsenceMinutes']) // 'Same student, date and start as lessons.csv:9, with a different invalidAbsenceMinutes; none of them is used'
 */
export function conflictMessage(others: readonly string[], fields: readonly LessonContentField[]): string {
  return `Same student, date and start as ${others.join(', ')}, with a different ${fields.join(', ')}; none of them is used`;
}
