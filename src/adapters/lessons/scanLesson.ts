import { dayNumber } from '../../calendar/dayNumber.js';
import { boundedMemo } from '../../model/boundedMemo.js';
import { isValidIsoDate } from '../../model/isoDate.js';
import { packLesson, REASON_CODE } from './lessonCodec.js';

const COLON = 58;
const CLOSE = 125;

const INVALID_DAY = 0x7fffffff;
/** Day number of a date string, or INVALID_DAY. */
const dayOfDate = boundedMemo((iso: string): number => (isValidIsoDate(iso) ? dayNumber(iso) : INVALID_DAY));
/** The same keyed by the date's digits, so canonical lines need no date string. */
const dayOfKey = new Map<number, number>();

function digit(line: string, i: number): number {
  const d = line.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Day number of the date digits at `i` (`YYYY-MM-DD`), or INVALID_DAY; memoised per date. */
function dayAt(line: string, i: number): number {
  const y0 = digit(line, i);
  const y1 = digit(line, i + 1);
  const y2 = digit(line, i + 2);
  const y3 = digit(line, i + 3);
  const m0 = digit(line, i + 5);
  const m1 = digit(line, i + 6);
  const d0 = digit(line, i + 8);
  const d1 = digit(line, i + 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || line.charCodeAt(i + 4) !== 45 || line.charCodeAt(i + 7) !== 45) return INVALID_DAY;
  const key = ((y0 * 10 + y1) * 10 + y2) * 10000000 + y3 * 1000000 + (m0 * 10 + m1) * 100 + d0 * 10 + d1;
  let day = dayOfKey.get(key);
  if (day === undefined) {
    day = dayOfDate(line.slice(i, i + 10));
    if (dayOfKey.size >= 8192) dayOfKey.clear();
    dayOfKey.set(key, day);
  }
  return day;
}

/** An unsigned integer without leading zeros at `i`, up to 3 digits (minutes ≤ 600): [value, end] or undefined. */
function minutesAt(line: string, i: number): number {
  const a = digit(line, i);
  if (a < 0) return -1;
  const b = digit(line, i + 1);
  if (b < 0) return a * 4 + 0; // one digit: value a, length 1 (encoded below)
  if (a === 0) return -1;
  const c = digit(line, i + 2);
  if (c < 0) return (a * 10 + b) * 4 + 1;
  if (digit(line, i + 3) >= 0) return -1;
  return (a * 100 + b * 10 + c) * 4 + 2;
}

/**
 * The fastest path of the batch: a lesson line in the canonical key order
 * (`studentId, date, start, scheduledMinutes[, validAbsenceMinutes]
 * [, invalidAbsenceMinutes][, reported][, guardianReported][, reason]`, no
 * whitespace, no escapes), validated and written straight into the five words
 * of `encodeLesson` (word 0, the student number, is left to the caller)
 * without building a record or parsing JSON. Anything else, valid or not,
 * returns undefined and takes the full path (`JSON.parse` and the schema),
 * which gives the located error; a property test holds the words to
 * `encodeLesson` of the full path's record on every line it accepts.
 *
 * @param line - one NDJSON line, or a text holding it
 * @param words - five int32 words to fill (offset 0)
 * @param start - where the line starts in `line` (default 0)
 * @param end - where it ends, exclusive, without its line break (default `line.length`)
 * @returns the student id, or undefined
 * @example scanLessonWords('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}', new Int32Array(5)) // 'e1'
 */
export function scanLessonWords(line: string, words: Int32Array, start = 0, end = line.length): string | undefined {
  if (!line.startsWith('{"studentId":"', start)) return undefined;
  const idEnd = line.indexOf('"', start + 14);
  if (idEnd <= start + 14 || idEnd >= end || !line.startsWith('","date":"', idEnd)) return undefined;
  const studentId = line.slice(start + 14, idEnd);
  if (studentId.includes('\\')) return undefined;
  let i = idEnd + 10;
  const day = dayAt(line, i);
  if (day === INVALID_DAY || !line.startsWith('","start":"', i + 10)) return undefined;
  i += 21;
  const h0 = digit(line, i);
  const h1 = digit(line, i + 1);
  const n0 = digit(line, i + 3);
  const n1 = digit(line, i + 4);
  if ((h0 | h1 | n0 | n1) < 0 || line.charCodeAt(i + 2) !== COLON || h0 * 10 + h1 > 23 || n0 > 5) return undefined;
  if (!line.startsWith('","scheduledMinutes":', i + 5)) return undefined;
  i += 26;
  let m = minutesAt(line, i);
  if (m < 0) return undefined;
  const scheduled = m >> 2;
  i += (m & 3) + 1;
  let valid = 0;
  let invalid = 0;
  let reported = true;
  let guardian = false;
  let reason = 0;
  if (line.startsWith(',"validAbsenceMinutes":', i)) {
    m = minutesAt(line, i + 23);
    if (m < 0) return undefined;
    valid = m >> 2;
    i += 23 + (m & 3) + 1;
  }
  if (line.startsWith(',"invalidAbsenceMinutes":', i)) {
    m = minutesAt(line, i + 25);
    if (m < 0) return undefined;
    invalid = m >> 2;
    i += 25 + (m & 3) + 1;
  }
  if (line.startsWith(',"reported":', i)) {
    if (line.startsWith('true', i + 12)) i += 16;
    else if (line.startsWith('false', i + 12)) {
      reported = false;
      i += 17;
    } else return undefined;
  }
  if (line.startsWith(',"guardianReported":', i)) {
    if (line.startsWith('true', i + 20)) {
      guardian = true;
      i += 24;
    } else if (line.startsWith('false', i + 20)) i += 25;
    else return undefined;
  }
  if (line.startsWith(',"reason":"', i)) {
    const close = line.indexOf('"', i + 11);
    if (close === -1 || close >= end) return undefined;
    const code = REASON_CODE.get(line.slice(i + 11, close));
    if (code === undefined) return undefined;
    reason = code;
    i = close + 1;
  }
  // Every read moved forward; ending exactly on the line's last character
  // means no read strayed past `end` into the next line.
  if (i !== end - 1 || line.charCodeAt(i) !== CLOSE) return undefined;
  if (scheduled < 1 || scheduled > 600 || valid > 600 || invalid > 600 || valid + invalid > scheduled) return undefined;
  packLesson(words, 0, day, (h0 * 10 + h1) * 60 + n0 * 10 + n1, scheduled, valid, invalid, reported, guardian, reason);
  return studentId;
}
