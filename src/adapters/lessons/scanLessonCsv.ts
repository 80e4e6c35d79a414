import { LESSON_BODY } from './lessonCodec.js';
import { packLessonWords } from '../../model/packedLessons.js';
import type { LessonCsvColumn } from './lessonCsvAliases.js';
import { asciiBytes, clockAt, csvIntegerIn, dayAt, isWellFormedUtf8, reasonIn } from './lessonBytes.js';
import type { CsvHeader } from './lessonRecord.js';
import { studentNumberOf, type StudentIdTable } from './studentIdTable.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const IGNORED = -1;
const STUDENT = 0;
const DATE = 1;
const START = 2;
const SCHEDULED = 3;
const VALID = 4;
const INVALID = 5;
const REPORTED = 6;
const GUARDIAN = 7;
const REASON = 8;
/** The scanner's number for each column (the required ones first, up to SCHEDULED). */
const CODE: { readonly [C in LessonCsvColumn]: number } = {
  studentId: STUDENT,
  date: DATE,
  start: START,
  scheduledMinutes: SCHEDULED,
  validAbsenceMinutes: VALID,
  invalidAbsenceMinutes: INVALID,
  reported: REPORTED,
  guardianReported: GUARDIAN,
  reason: REASON,
};

/** A lesson CSV header as the byte scanner reads it. */
export interface CsvLessonPlan {
  /** The delimiter's byte. */
  readonly delimiter: number;
  /** Per field, its column's number in the scanner, or -1 for an ignored column. */
  readonly columns: Int8Array;
}

/**
 * The byte scanner's view of a CSV header: the delimiter as a byte and each
 * field's column as a number.
 *
 * @param header - a validated header
 * @returns the plan, or undefined when the delimiter is not one ASCII byte the scanner can cut at
 * @example csvLessonPlan({ delimiter: ';', columns: ['studentId', 'date', 'start', 'scheduledMinutes', null], ignored: ['Lärare'] }) // { delimiter: 59, columns: Int8Array [0, 1, 2, 3, -1] }
 */
export function csvLessonPlan(header: CsvHeader): CsvLessonPlan | undefined {
  const delimiter = header.delimiter.length === 1 ? header.delimiter.charCodeAt(0) : -1;
  if (delimiter < 0 || delimiter > 0x7e || delimiter === QUOTE || delimiter === LF || delimiter === CR) return undefined;
  return { delimiter, columns: Int8Array.from(header.columns, (c) => (c === null ? IGNORED : CODE[c])) };
}

const JA = asciiBytes('ja');
const NEJ = asciiBytes('nej');
const TRUE = asciiBytes('true');
const FALSE = asciiBytes('false');

/** Whether bytes `from` to `to` are `word` (lower-case ASCII letters) in any case. */
function wordIn(bytes: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k += 1) {
    const c = bytes[from + k] ?? 0;
    // A–Z (65–90) to a–z; no other byte turns into a letter.
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== word[k]) return false;
  }
  return true;
}

/** 1 or 0 for a CSV boolean cell (`true`, `false`, `1`, `0`, `ja`, `nej`, in any case), -1 for anything else. */
function csvBooleanIn(bytes: Uint8Array, from: number, to: number): number {
  if (to - from === 1) return bytes[from] === 49 ? 1 : bytes[from] === 48 ? 0 : -1;
  if (wordIn(bytes, from, to, JA) || wordIn(bytes, from, to, TRUE)) return 1;
  if (wordIn(bytes, from, to, NEJ) || wordIn(bytes, from, to, FALSE)) return 0;
  return -1;
}

/**
 * The byte-level fast path of the batch's CSV lesson reader: one data line
 * cut into fields exactly as `splitCsvLine` cuts it (RFC 4180 quotes; a
 * quoted field must be closed and followed by the delimiter or the end), each
 * lesson cell converted as `parseLessonCsvLine` converts it (empty: the
 * default; minutes: digits; booleans: true/false/1/0/ja/nej in any case) and
 * checked as the schema checks it, and the lesson written straight into
 * words 2–4 of `encodeLesson` (`packLessonWords`), with no string per line.
 * Ignored columns are only cut, not read; a line with bytes outside ASCII
 * (a teacher's name) is accepted only when it is well-formed UTF-8.
 *
 * Anything else (a quote inside a field, `""` in a lesson cell, another
 * field count, an unknown student, a value the schema refuses) answers -1,
 * and the line takes the general path, which gives the located error. A
 * property test holds it to `parseLessonCsvLine` on generated lines.
 *
 * @param bytes - a buffer holding the line
 * @param from - the line's first byte
 * @param to - the byte after its last (without the line break or a CR before it)
 * @param plan - the file's header (`csvLessonPlan`)
 * @param students - the run's ids by their bytes
 * @param words - words 2–4 are written (words 0 and 1, student and line, are the caller's)
 * @returns the student number, or -1
 * @example scanLessonCsv(Buffer.from('e1;2026-11-23;08:10;60;"Berg; A"'), 0, 33, plan, studentIdTable(['e0', 'e1']), new Int32Array(5)) // 1, with the plan of 'elev;datum;starttid;schemalagda minuter;lärare'
 */
export function scanLessonCsv(bytes: Uint8Array, from: number, to: number, plan: CsvLessonPlan, students: StudentIdTable, words: Int32Array): number {
  const { delimiter, columns } = plan;
  const last = columns.length - 1;
  let student = -1;
  let day = -1;
  let start = -1;
  let scheduled = -1;
  let valid = 0;
  let invalid = 0;
  let reported = 1;
  let guardian = 0;
  let reason = 0;
  let high = 0;
  let i = from;
  for (let f = 0; f <= last; f += 1) {
    const column = columns[f] ?? IGNORED;
    let cellFrom: number;
    let cellTo: number;
    if (i < to && bytes[i] === QUOTE) {
      // A quoted field: `""` stands for a quote; it must close before the end of the line.
      cellFrom = i + 1;
      let k = cellFrom;
      let escaped = false;
      for (;;) {
        while (k < to && bytes[k] !== QUOTE) high |= bytes[k++] ?? 0;
        if (k >= to) return -1;
        if (k + 1 < to && bytes[k + 1] === QUOTE) {
          escaped = true;
          k += 2;
          continue;
        }
        break;
      }
      if (escaped && column !== IGNORED) return -1;
      cellTo = k;
      i = k + 1;
      if (i < to && bytes[i] !== delimiter) return -1;
    } else {
      cellFrom = i;
      while (i < to) {
        const b = bytes[i] ?? 0;
        if (b === delimiter) break;
        if (b === QUOTE) return -1;
        high |= b;
        i += 1;
      }
      cellTo = i;
    }
    // Now at the delimiter or the end: the last field must end the line, the others a field.
    if (f < last) {
      if (i >= to) return -1;
      i += 1;
    } else if (i !== to) return -1;
    if (column === IGNORED) continue;
    if (cellTo === cellFrom) {
      if (column <= SCHEDULED) return -1;
      continue;
    }
    switch (column) {
      case STUDENT:
        student = studentNumberOf(students, bytes, cellFrom, cellTo);
        if (student < 0) return -1;
        break;
      case DATE:
        day = cellTo - cellFrom === 10 ? dayAt(bytes, cellFrom) : -1;
        if (day < 0) return -1;
        break;
      case START:
        start = cellTo - cellFrom === 5 ? clockAt(bytes, cellFrom) : -1;
        if (start < 0) return -1;
        break;
      case SCHEDULED:
        scheduled = csvIntegerIn(bytes, cellFrom, cellTo);
        if (scheduled < 1) return -1;
        break;
      case VALID:
        valid = csvIntegerIn(bytes, cellFrom, cellTo);
        if (valid < 0) return -1;
        break;
      case INVALID:
        invalid = csvIntegerIn(bytes, cellFrom, cellTo);
        if (invalid < 0) return -1;
        break;
      case REPORTED:
        reported = csvBooleanIn(bytes, cellFrom, cellTo);
        if (reported < 0) return -1;
        break;
      case GUARDIAN:
        guardian = csvBooleanIn(bytes, cellFrom, cellTo);
        if (guardian < 0) return -1;
        break;
      case REASON:
        reason = reasonIn(bytes, cellFrom, cellTo);
        if (reason < 0) return -1;
        break;
      default:
        return -1;
    }
  }
  if (student < 0 || day < 0 || start < 0 || scheduled > 600 || valid > 600 || invalid > 600 || valid + invalid > scheduled) return -1;
  if (high >= 0x80 && !isWellFormedUtf8(bytes, from, to)) return -1;
  packLessonWords(words, LESSON_BODY, day, start, scheduled, valid, invalid, reported === 1, guardian === 1, reason);
  return student;
}
