import { z } from 'zod';
import { SCHEMA_MESSAGE_TEXT as M } from './schemaMessageText.js';

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD`
 * (2026-02-29 is rejected). Pure arithmetic on the characters: no regular
 * expression, no Date parsing of time zones (the parse checks every lesson's
 * date; test/model/isoDate.test.ts holds it to `/^(\d{4})-(\d{2})-(\d{2})$/`
 * and the month's days).
 *
 * @param value - the candidate string
 * @returns whether it is a valid ISO calendar date
 * @example isValidIsoDate('2024-02-29') // true
 */
export function isValidIsoDate(value: string): boolean {
  // A JavaScript caller's `undefined` (an `asOf` left out) or other value is read as its text, as the regular expression did:
  // false, and the caller's RangeError names it, rather than a TypeError from here.
  if (typeof value !== 'string') return isValidIsoDate(String(value));
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DASH = 45;

/**
 * The two ASCII digits at `at` as a number, or a large negative number when either is not one (so
 * that a sum of such pairs that met a non-digit stays negative).
 *
 * @param text - the string
 * @param at - where the two digits should be
 * @returns 0–99, or -10 000
 * @example twoDigits('2026-11-23', 5) // 11
 */
export function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -10_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The dates `isValidIsoDate` accepts, as one regular expression for JSON
 * Schema's `pattern` (which every validator checks, unlike `format`): months
 * of 30 and 31 days, February 29 only in leap years (divisible by 4 and not by
 * 100, or by 400). The differential test in `test/model/jsonSchemas.test.ts`
 * holds it equal to `isValidIsoDate`.
 *
 * @example new RegExp(ISO_CALENDAR_DATE_PATTERN).test('2026-02-30') // false
 * @example new RegExp(ISO_CALENDAR_DATE_PATTERN).test('2024-02-29') // true
 */
export const ISO_CALENDAR_DATE_PATTERN =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

/** A calendar date `YYYY-MM-DD`, validated to exist. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: M.calendarDate.en, abort: true })
  .refine(isValidIsoDate, { message: M.calendarDate.en })
  .meta({
    description: 'A calendar date written YYYY-MM-DD that exists (2026-02-30 and 2026-02-29 are refused, 2028-02-29 is not).',
    // The refinement, written as a pattern. No `format: 'date'`: the pattern says all it would,
    // and a plain ajv refuses to compile a schema with a format it has not been given.
    pattern: ISO_CALENDAR_DATE_PATTERN,
  });

/** A wall-clock time `HH:MM` (24 h). */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: M.clockTime.en })
  .meta({ description: 'A wall-clock time HH:MM, 24 h (00:00–23:59).' });
