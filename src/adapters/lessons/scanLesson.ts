import { LESSON_BODY } from './lessonCodec.js';
import { packLessonWords } from '../../model/packedLessons.js';
import { asciiBytes, clockAt, dayAt, hasBytes, jsonMinutesAt, reasonIn, tokenTest, viewOf, type TokenTest } from './lessonBytes.js';
import { idHash, studentNumberOf, type StudentIdTable } from './studentIdTable.js';

const QUOTE = 34;
const CLOSE = 125;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
/** A key of the canonical line with its quotes: its length, and the test of whether it is written at a place. */
function key(text: string): { readonly length: number; readonly at: TokenTest } {
  return { length: text.length, at: tokenTest(text) };
}

const OPEN = key('{"studentId":"');
const DATE = key('","date":"');
const START = key('","start":"');
const SCHEDULED = key('","scheduledMinutes":');
const VALID = key(',"validAbsenceMinutes":');
const INVALID = key(',"invalidAbsenceMinutes":');
const REPORTED = key(',"reported":');
const GUARDIAN = key(',"guardianReported":');
const REASON = key(',"reason":"');
const TRUE = asciiBytes('true');
const FALSE = asciiBytes('false');

/**
 * A `true` or `false` at `i`: 1 or 0, each plus its length shifted left by one; -1 for anything else.
 * @example booleanAt(Buffer.from('true}'), 0, 5) // 9
 */
function booleanAt(bytes: Uint8Array, i: number, to: number): number {
  if (hasBytes(bytes, i, to, TRUE)) return (4 << 1) | 1;
  if (hasBytes(bytes, i, to, FALSE)) return 5 << 1;
  return -1;
}

/** The length of the last id found (see `scanLessonJson`). */
let lastIdLength = 0;

/** What `scanOptional` read: one object, reused for every line. */
const optional = { valid: 0, invalid: 0, reported: true, guardian: false, reason: 0 };

/** The optional keys' defaults, for a line that has none of them. */
const NO_OPTIONAL: Readonly<typeof optional> = Object.freeze({ ...optional });

/**
 * The optional keys of a canonical lesson line, in their order, from `i`
 * (just after the scheduled minutes) into `optional`.
 *
 * @returns the index of the last byte read plus one (where `}` must be), or -1
 */
function scanOptional(v: DataView<ArrayBufferLike>, bytes: Uint8Array, at: number, to: number): number {
  let i = at;
  let m = 0;
  optional.valid = 0;
  optional.invalid = 0;
  optional.reported = true;
  optional.guardian = false;
  optional.reason = 0;
  if (VALID.at(v, i, to)) {
    m = jsonMinutesAt(bytes, i + VALID.length, to);
    if (m < 0) return -1;
    optional.valid = m >> 2;
    i += VALID.length + (m & 3) + 1;
  }
  if (INVALID.at(v, i, to)) {
    m = jsonMinutesAt(bytes, i + INVALID.length, to);
    if (m < 0) return -1;
    optional.invalid = m >> 2;
    i += INVALID.length + (m & 3) + 1;
  }
  if (REPORTED.at(v, i, to)) {
    const b = booleanAt(bytes, i + REPORTED.length, to);
    if (b < 0) return -1;
    optional.reported = (b & 1) === 1;
    i += REPORTED.length + (b >> 1);
  }
  if (GUARDIAN.at(v, i, to)) {
    const b = booleanAt(bytes, i + GUARDIAN.length, to);
    if (b < 0) return -1;
    optional.guardian = (b & 1) === 1;
    i += GUARDIAN.length + (b >> 1);
  }
  if (REASON.at(v, i, to)) {
    const open = i + REASON.length;
    let close = open;
    while (close < to && bytes[close] !== QUOTE) close += 1;
    optional.reason = reasonIn(bytes, open, close);
    if (optional.reason < 0) return -1;
    i = close + 1;
  }
  return i;
}

/**
 * The canonical lesson at `from` (see `scanLessonJson`), read no further
 * than `to`: the index just after its closing brace, with the student number
 * in word 0 and the lesson in words 2–4; -1 when the bytes there are not one.
 * What follows the brace is the caller's to check.
 */
function scanCanonical(bytes: Uint8Array, from: number, to: number, students: StudentIdTable, words: Int32Array): number {
  const v = viewOf(bytes);
  if (!OPEN.at(v, from, to)) return -1;
  const idFrom = from + OPEN.length;
  // The id ends at its first quote. Ids of one export mostly have one length: try the last line's first
  // (a table id has no quote or backslash, so when its bytes are found there the quote after them is that first quote).
  let i = idFrom + lastIdLength;
  let student = lastIdLength > 0 && i < to && bytes[i] === QUOTE ? studentNumberOf(students, bytes, idFrom, i, idHash(bytes, idFrom, i)) : -1;
  if (student < 0) {
    i = idFrom;
    while (i < to && bytes[i] !== QUOTE) i += 1;
    if (i === idFrom) return -1;
    student = studentNumberOf(students, bytes, idFrom, i, idHash(bytes, idFrom, i));
    if (student < 0) return -1;
    lastIdLength = i - idFrom;
  }
  if (!DATE.at(v, i, to)) return -1;
  i += DATE.length;
  const day = i + 10 <= to ? dayAt(bytes, i) : -1;
  if (day < 0 || !START.at(v, i + 10, to)) return -1;
  i += 10 + START.length;
  const start = i + 5 <= to ? clockAt(bytes, i) : -1;
  if (start < 0 || !SCHEDULED.at(v, i + 5, to)) return -1;
  i += 5 + SCHEDULED.length;
  const m = jsonMinutesAt(bytes, i, to);
  if (m < 0) return -1;
  const scheduled = m >> 2;
  i += (m & 3) + 1;
  // The usual short line ends after the minutes; the optional keys are read apart (`scanOptional`), which
  // keeps this function small enough for the engine to inline its helpers (measured: 13 % faster).
  let o = NO_OPTIONAL;
  if (bytes[i] !== CLOSE) {
    i = scanOptional(v, bytes, i, to);
    if (i < 0) return -1;
    o = optional;
  }
  const { valid, invalid, reported, guardian, reason } = o;
  // Every read stayed before `to`.
  if (i >= to || bytes[i] !== CLOSE) return -1;
  if (scheduled < 1 || scheduled > 600 || valid > 600 || invalid > 600 || valid + invalid > scheduled) return -1;
  words[0] = student;
  packLessonWords(words, LESSON_BODY, day, start, scheduled, valid, invalid, reported, guardian, reason);
  return i + 1;
}

/**
 * The byte-level fast path of the batch's NDJSON lesson reader: a lesson
 * line in the canonical key order (`studentId, date, start, scheduledMinutes
 * [, validAbsenceMinutes][, invalidAbsenceMinutes][, reported]
 * [, guardianReported][, reason]`, no whitespace, no escapes) of a student
 * in `students`, read from its UTF-8 bytes and written straight into words
 * 2–4 of `encodeLesson` (`packLessonWords`) without a string, a record or
 * `JSON.parse`. The whole line is ASCII when it is accepted (the id is one
 * of the table's), so it needs no UTF-8 decoding.
 *
 * Anything else (another order, spacing, an escape, an unknown key or
 * student, a value the schema refuses) answers -1, and the line takes the
 * general path (`parseLessonJsonLine`), which gives the located error. A
 * property test holds every accepted line to the general path's verdict.
 *
 * @param bytes - a buffer holding the line
 * @param from - the line's first byte
 * @param to - the byte after its last (without the line break)
 * @param students - the run's ids by their bytes
 * @param words - word 0 gets the student number and words 2–4 the lesson (word 1, the line, is the caller's)
 * @returns the student number, or -1
 * @example scanLessonJson(Buffer.from('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}'), 0, 78, studentIdTable(['e0', 'e1']), new Int32Array(5)) // 1
 */
export function scanLessonJson(bytes: Uint8Array, from: number, to: number, students: StudentIdTable, words: Int32Array): number {
  // Ending exactly on the line's last byte means nothing follows.
  return scanCanonical(bytes, from, to, students, words) === to ? (words[0] as number) : -1;
}

/**
 * `scanLessonJson` for a line whose end is not known yet: the canonical
 * lesson line that starts at `from` and ends at a line feed (or CR LF) before `limit`
 * (the end of the bytes at hand), read without looking for the line feed
 * first. The line reader offers it each line before it cuts one
 * (`ByteLineTaker`): measured on the bench city's NDJSON, cutting and
 * scanning took a fifth less time (0.65–0.88 of it, median 0.81) than `indexOf` for the line feed followed
 * by `scanLessonJson`.
 *
 * A line it takes holds no line feed before its last byte: every byte it
 * accepts is a fixed token, a digit, a known reason or a table id, and none
 * of those is a line feed. So the line is the same one `scanLessonJson`
 * takes between `from` and the line feed, with the same words.
 *
 * @param bytes - a buffer holding the line
 * @param from - the line's first byte
 * @param limit - the end of the bytes that may be read
 * @param students - the run's ids by their bytes
 * @param words - word 0 gets the student number, words 2–4 the lesson (word 1, the line, is the caller's)
 * @returns the index of the line feed that ends the line, or -1 (the line is then cut and read as usual)
 * @example scanLessonJsonLine(Buffer.from('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}\n{'), 0, 80, studentIdTable(['e0', 'e1']), new Int32Array(5)) // 78
 */
export function scanLessonJsonLine(bytes: Uint8Array, from: number, limit: number, students: StudentIdTable, words: Int32Array): number {
  const end = scanCanonical(bytes, from, limit, students, words);
  if (end < 0 || end >= limit) return -1;
  if (bytes[end] === LINE_FEED) return end;
  // A Windows line break: the CR is the break's, as for every line.
  return bytes[end] === CARRIAGE_RETURN && end + 1 < limit && bytes[end + 1] === LINE_FEED ? end + 1 : -1;
}
