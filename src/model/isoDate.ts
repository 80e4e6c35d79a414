import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD`
 * (2026-02-29 is rejected). Pure arithmetic: no Date parsing of time zones.
 *
 * @param value - the candidate string
 * @returns whether it is a valid ISO calendar date
 * @example isValidIsoDate('2024-02-29') // true
 */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A calendar date `YYYY-MM-DD`, validated to exist. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expected a calendar date written YYYY-MM-DD', abort: true })
  .refine(isValidIsoDate, { message: 'Expected a calendar date written YYYY-MM-DD' });

/** A wall-clock time `HH:MM` (24 h). */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Expected a time written HH:MM (24 h)' });
