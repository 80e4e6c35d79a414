/**
 * `isValidIsoDate` reads the characters itself (no regular expression): held
 * here to what it was written as, the pattern `^(\d{4})-(\d{2})-(\d{2})$`
 * (ASCII digits only, nothing before or after) and the days of the month by
 * the Gregorian leap rule, on any string of date-like characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIsoDate } from '../../src/model/isoDate.js';

/** The reference: the regular expression and the month lengths, as the function was first written. */
function reference(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** Well-formed `YYYY-MM-DD` strings with any digits: every month and day number, leap years and not. */
const wellFormed = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Characters a date-like string may hold: digits, a dash, and others (a newline, a full-width and an Arabic-Indic digit, a sign). */
const dateChar = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 2, arbitrary: fc.constant('-') }, { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '+', 'T', '２', '٢', '/') });

/**
 * Strings near a date: a well-formed one with one or two characters replaced, one inserted or one
 * removed, so that most have the length and the dashes of a date and differ from one in a digit's place.
 */
const dateLike = fc
  .tuple(wellFormed, fc.nat(11), fc.nat(11), dateChar, dateChar, fc.constantFrom('replace', 'replace two', 'insert', 'remove'))
  .map(([date, i, j, a, b, how]) => {
    const chars = [...date];
    if (how === 'insert') chars.splice(i % 11, 0, a);
    else if (how === 'remove') chars.splice(i % 10, 1);
    else {
      chars[i % 10] = a;
      if (how === 'replace two') chars[j % 10] = b;
    }
    return chars.join('');
  });

describe('isValidIsoDate', () => {
  it('agrees with the regular expression and the month lengths on well-formed strings (property)', () => {
    fc.assert(fc.property(wellFormed, (value) => {
      expect(isValidIsoDate(value)).toBe(reference(value));
    }), { numRuns: 5000 });
  });

  it('agrees with them on any string of date-like characters (property)', () => {
    fc.assert(fc.property(dateLike, (value) => {
      expect(isValidIsoDate(value)).toBe(reference(value));
    }), { numRuns: 5000 });
  });

  it('reads a value that is not a string as its text, as the regular expression did: a left-out date is false, not a TypeError', () => {
    expect(isValidIsoDate(undefined as unknown as string)).toBe(false);
    expect(isValidIsoDate(null as unknown as string)).toBe(false);
    expect(isValidIsoDate(20261123 as unknown as string)).toBe(false);
    expect(isValidIsoDate(['2026-11-23'] as unknown as string)).toBe(reference(String(['2026-11-23'])));
  });

  it('accepts leap days only in leap years, and refuses what is not a date', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-12-31')).toBe(true);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-11-00')).toBe(false);
    expect(isValidIsoDate('2026-11-23\n')).toBe(false);
    expect(isValidIsoDate('2026-11-2３')).toBe(false);
    expect(isValidIsoDate('+02026-11-23')).toBe(false);
    expect(isValidIsoDate('0000-01-01')).toBe(true);
  });
});
