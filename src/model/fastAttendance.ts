import { boundedMemo } from './boundedMemo.js';
import { isValidIsoDate } from './isoDate.js';
import type { AttendanceRecord } from './studentCase.js';
import { AbsenceReasonSchema } from './vocabulary.js';

/** The keys of an attendance record, in the schema's order. */
export const ATTENDANCE_RECORD_KEYS = [
  'date',
  'start',
  'scheduledMinutes',
  'validAbsenceMinutes',
  'invalidAbsenceMinutes',
  'reported',
  'guardianReported',
  'reason',
] as const;
const REASONS: ReadonlySet<string> = new Set(AbsenceReasonSchema.options);
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One string object per valid date (the first one seen), or null for an
 * invalid date. Records that share a date then share the string, so the
 * ledger compares a record's date with its day's by identity instead of by
 * content (some 10 ns a lesson, measured; issue 15).
 */
const canonicalDate = boundedMemo((value: string): string | null => (isValidIsoDate(value) ? value : null));

/** `isValidIsoDate`, remembered (by `canonicalDate`): dates repeat across every student of a school. */
export function isValidIsoDateCached(value: string): boolean {
  return canonicalDate(value) !== null;
}

/** One string object per valid clock time `HH:MM`, or null: as `canonicalDate`, for the start of a lesson. */
const canonicalClock = boundedMemo((value: string): string | null => (CLOCK.test(value) ? value : null));

/**
 * Whether a key is one of `ATTENDANCE_RECORD_KEYS`. A `switch`, not a `Set`:
 * the keys of parsed JSON are internalised strings, which V8 compares by
 * identity, about four times faster than hashing them (measured, issue 15).
 */
function isRecordKey(key: string): boolean {
  switch (key) {
    case 'date':
    case 'start':
    case 'scheduledMinutes':
    case 'validAbsenceMinutes':
    case 'invalidAbsenceMinutes':
    case 'reported':
    case 'guardianReported':
    case 'reason':
      return true;
    default:
      return false;
  }
}


function minutes(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= 600;
}

/**
 * The hot path of input validation: accept one lesson record exactly when
 * `AttendanceRecordSchema` would, with the same defaults, but without building
 * zod's issue objects. Returns `undefined` for anything it does not accept;
 * the caller then runs the zod schema for the located error message. A
 * property test holds the two to the same verdict and the same output.
 *
 * @param value - one parsed JSON value
 * @returns the validated record with defaults applied, or undefined
 * @example fastAttendanceRecord({ date: '2026-11-23', start: '08:10', scheduledMinutes: 60 })?.reason // 'none'
 */
export function fastAttendanceRecord(value: unknown): AttendanceRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  for (const key in r) if (!isRecordKey(key)) return undefined;
  const proto = Object.getPrototypeOf(r) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const { date, start, scheduledMinutes } = r;
  // Only `undefined` takes the default, as in zod; `null` is an error.
  const valid = r['validAbsenceMinutes'] === undefined ? 0 : r['validAbsenceMinutes'];
  const invalid = r['invalidAbsenceMinutes'] === undefined ? 0 : r['invalidAbsenceMinutes'];
  const reported = r['reported'] === undefined ? true : r['reported'];
  const guardianReported = r['guardianReported'] === undefined ? false : r['guardianReported'];
  const reason = r['reason'] === undefined ? 'none' : r['reason'];
  const day = typeof date === 'string' ? canonicalDate(date) : null;
  if (day === null) return undefined;
  const clock = typeof start === 'string' ? canonicalClock(start) : null;
  if (clock === null) return undefined;
  if (!minutes(scheduledMinutes, 1) || !minutes(valid, 0) || !minutes(invalid, 0)) return undefined;
  if (typeof reported !== 'boolean' || typeof guardianReported !== 'boolean') return undefined;
  if (typeof reason !== 'string' || !REASONS.has(reason)) return undefined;
  if (valid + invalid > scheduledMinutes) return undefined;
  return {
    date: day,
    start: clock,
    scheduledMinutes,
    validAbsenceMinutes: valid,
    invalidAbsenceMinutes: invalid,
    reported,
    guardianReported,
    reason: reason as AttendanceRecord['reason'],
  };
}
