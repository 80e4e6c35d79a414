import { isValidIsoDate } from '../model/isoDate.js';
import type { AttendanceRecord } from '../model/studentCase.js';
import { AbsenceReasonSchema } from '../model/vocabulary.js';

/** A lesson line read by the scanner: the student id and the validated record. */
export interface ScannedLesson {
  readonly studentId: string;
  readonly record: AttendanceRecord;
}

const REASONS: ReadonlySet<string> = new Set(AbsenceReasonSchema.options);
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const dateVerdicts = new Map<string, boolean>();

function validDate(value: string): boolean {
  let verdict = dateVerdicts.get(value);
  if (verdict === undefined) {
    verdict = isValidIsoDate(value);
    if (dateVerdicts.size >= 4096) dateVerdicts.clear();
    dateVerdicts.set(value, verdict);
  }
  return verdict;
}

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN = 123;
const CLOSE = 125;

/**
 * The hot path of the batch: read a compact NDJSON lesson line
 * (`{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}`)
 * without `JSON.parse`, validating as it goes. It accepts only the plain
 * shape (no whitespace, no escapes, each known key once, unsigned integers
 * without leading zeros, `true`/`false`) and returns `undefined` for anything
 * else, valid or not; the caller then takes the full path (`JSON.parse` and
 * the schema), which gives the located error. A property test holds the two
 * paths to the same result on every line the scanner accepts.
 *
 * @param line - one NDJSON line
 * @returns the lesson, or undefined to take the full path
 * @example scanLessonLine('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}')?.record.reason // 'none'
 */
export function scanLessonLine(line: string): ScannedLesson | undefined {
  const n = line.length;
  if (n < 2 || line.charCodeAt(0) !== OPEN || line.charCodeAt(n - 1) !== CLOSE) return undefined;
  let studentId: string | undefined;
  let date: string | undefined;
  let start: string | undefined;
  let scheduled: number | undefined;
  let valid: number | undefined;
  let invalid: number | undefined;
  let reported: boolean | undefined;
  let guardianReported: boolean | undefined;
  let reason: string | undefined;
  let i = 1;
  if (n === 2) return undefined;
  for (;;) {
    if (line.charCodeAt(i) !== QUOTE) return undefined;
    const keyEnd = line.indexOf('"', i + 1);
    if (keyEnd === -1 || line.charCodeAt(keyEnd + 1) !== COLON) return undefined;
    const key = line.slice(i + 1, keyEnd);
    i = keyEnd + 2;
    const c = line.charCodeAt(i);
    let end: number;
    if (c === QUOTE) {
      end = line.indexOf('"', i + 1);
      if (end === -1) return undefined;
      const value = line.slice(i + 1, end);
      if (value.includes('\\')) return undefined;
      end += 1;
      switch (key) {
        case 'studentId':
          if (studentId !== undefined) return undefined;
          studentId = value;
          break;
        case 'date':
          if (date !== undefined) return undefined;
          date = value;
          break;
        case 'start':
          if (start !== undefined) return undefined;
          start = value;
          break;
        case 'reason':
          if (reason !== undefined) return undefined;
          reason = value;
          break;
        default:
          return undefined;
      }
    } else if (c >= 48 && c <= 57) {
      end = i + 1;
      while (end < n && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end += 1;
      if (c === 48 && end > i + 1) return undefined; // a leading zero is not JSON
      if (end - i > 6) return undefined;
      const value = Number(line.slice(i, end));
      switch (key) {
        case 'scheduledMinutes':
          if (scheduled !== undefined) return undefined;
          scheduled = value;
          break;
        case 'validAbsenceMinutes':
          if (valid !== undefined) return undefined;
          valid = value;
          break;
        case 'invalidAbsenceMinutes':
          if (invalid !== undefined) return undefined;
          invalid = value;
          break;
        default:
          return undefined;
      }
    } else if (line.startsWith('true', i) || line.startsWith('false', i)) {
      const value = c === 116;
      end = i + (value ? 4 : 5);
      switch (key) {
        case 'reported':
          if (reported !== undefined) return undefined;
          reported = value;
          break;
        case 'guardianReported':
          if (guardianReported !== undefined) return undefined;
          guardianReported = value;
          break;
        default:
          return undefined;
      }
    } else return undefined;
    const after = line.charCodeAt(end);
    if (after === CLOSE) {
      if (end !== n - 1) return undefined;
      break;
    }
    if (after !== COMMA) return undefined;
    i = end + 1;
  }
  if (studentId === undefined || studentId === '' || date === undefined || start === undefined || scheduled === undefined) return undefined;
  const v = valid ?? 0;
  const inv = invalid ?? 0;
  const why = reason ?? 'none';
  if (!validDate(date) || !CLOCK.test(start)) return undefined;
  if (scheduled < 1 || scheduled > 600 || v > 600 || inv > 600 || v + inv > scheduled) return undefined;
  if (!REASONS.has(why)) return undefined;
  return {
    studentId,
    record: {
      date,
      start,
      scheduledMinutes: scheduled,
      validAbsenceMinutes: v,
      invalidAbsenceMinutes: inv,
      reported: reported ?? true,
      guardianReported: guardianReported ?? false,
      reason: why as AttendanceRecord['reason'],
    },
  };
}
