import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/calendar/dayNumber.js';
import { asciiBytes, clockAt, csvIntegerIn, dayAt, hasBytes, isWellFormedUtf8, jsonMinutesAt, reasonIn, tokenTest, viewOf } from '../../src/adapters/lessons/lessonBytes.js';
import { REASON_CODE } from '../../src/model/packedLessons.js';
import { isValidIsoDate } from '../../src/model/isoDate.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('lesson bytes: each piece read as the schema reads the text', () => {
  it('dayAt gives dayNumber of every date isValidIsoDate accepts, and -1 for every other 10 characters', () => {
    const digitsAndDashes = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' '), minLength: 10, maxLength: 10 });
    const dates = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
      ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    );
    fc.assert(
      fc.property(fc.oneof(dates, digitsAndDashes), (text) => {
        expect(dayAt(bytes(text), 0)).toBe(isValidIsoDate(text) ? dayNumber(text) : -1);
        // Twice: the memo and the last-date shortcut answer as the first reading did.
        expect(dayAt(bytes(`x${text}`), 1)).toBe(isValidIsoDate(text) ? dayNumber(text) : -1);
      }),
      { numRuns: 2000 },
    );
    expect(dayAt(bytes('2024-02-29'), 0)).toBe(dayNumber('2024-02-29'));
    expect(dayAt(bytes('2026-02-29'), 0)).toBe(-1);
  });

  it('clockAt accepts exactly HH:MM from 00:00 to 23:59', () => {
    const clock = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '5', '6', '9', ':', '.'), minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(clock, (text) => {
        const ok = /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
        expect(clockAt(bytes(text), 0)).toBe(ok ? Number(text.slice(0, 2)) * 60 + Number(text.slice(3)) : -1);
      }),
      { numRuns: 1000 },
    );
  });

  it('dayAt and clockAt answer every read of a sequence as a first reading would, whatever came before (the last-value shortcut)', () => {
    // Few distinct values, so reads repeat the last one, at offsets that move the bytes within their buffers.
    const date = fc.constantFrom('2026-11-23', '2026-11-24', '2026-02-29', '2024-02-29', '2026-11-2x', '2026-11-23 ');
    const clock = fc.constantFrom('08:10', '08:11', '18:10', '24:00', '08:1x', '8:10 ');
    const item = fc.tuple(fc.oneof(date, clock), fc.integer({ min: 0, max: 5 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (reads) => {
        const shared = Buffer.alloc(64, 0x20);
        for (const [text, at, own] of reads) {
          const buffer = own ? Buffer.alloc(at + 16, 0x20) : shared;
          buffer.fill(0x20);
          buffer.write(text, at, 'latin1');
          if (text.length === 10 || text.startsWith('2')) {
            const ten = buffer.toString('latin1', at, at + 10);
            expect(dayAt(buffer, at)).toBe(isValidIsoDate(ten) ? dayNumber(ten) : -1);
          } else {
            const five = buffer.toString('latin1', at, at + 5);
            const ok = /^([01]\d|2[0-3]):[0-5]\d$/.test(five);
            expect(clockAt(buffer, at)).toBe(ok ? Number(five.slice(0, 2)) * 60 + Number(five.slice(3)) : -1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('jsonMinutesAt reads what JSON.parse reads as an integer of up to 3 digits, and stops before what follows', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '6', '9', '-', '.', 'e', '}', ','), minLength: 1, maxLength: 6 }), (text) => {
        const m = jsonMinutesAt(bytes(text), 0, text.length);
        if (m < 0) return;
        const digits = (m & 3) + 1;
        const number = text.slice(0, digits);
        expect(JSON.parse(number)).toBe(m >> 2);
        expect(/^(0|[1-9]\d*)$/.test(number)).toBe(true);
        expect(/\d/.test(text.charAt(digits))).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(jsonMinutesAt(bytes('060'), 0, 3)).toBe(-1);
    expect(jsonMinutesAt(bytes('6000'), 0, 4)).toBe(-1);
    // The end of the line is the end: digits after it are another line's.
    expect(jsonMinutesAt(bytes('60'), 0, 1)).toBe(6 * 4);
  });

  it('csvIntegerIn converts as the CSV reader does (/^-?\\d+$/ then Number) for unsigned cells of up to 6 digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '6', '9', '-', ' ', 'x'), maxLength: 8 }), (text) => {
        const v = csvIntegerIn(bytes(text), 0, text.length);
        if (/^\d{1,6}$/.test(text)) expect(v).toBe(Number(text));
        else expect(v).toBe(-1);
      }),
      { numRuns: 1000 },
    );
  });

  it('reasonIn knows exactly the schema reasons, case and all', () => {
    for (const [reason, code] of REASON_CODE) expect(reasonIn(bytes(`"${reason}"`), 1, reason.length + 1)).toBe(code);
    for (const other of ['Sick', 'sick ', '', 'sjuk', 'non']) expect(reasonIn(bytes(other), 0, other.length)).toBe(-1);
  });

  it('tokenTest answers as hasBytes, a word at a time, for every length it takes, at any offset and any end', () => {
    const unit = fc.constantFrom('"', 'a', ':', ',');
    // Half the texts have the token written at `at`, as it is or with one byte changed: a random text rarely holds it.
    const planted = fc.record({ plant: fc.boolean(), change: fc.option(fc.nat(27)) });
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.string({ unit, minLength: 4, maxLength: 28 }), fc.nat(40), fc.nat(40), planted, (text, token, at, to, p) => {
        const b = bytes(text + ' '.repeat(40));
        if (p.plant) {
          b.write(token, at, 'latin1');
          if (p.change !== null) b[at + (p.change % token.length)] = 98;
        }
        const end = Math.min(to + at, b.length);
        expect(tokenTest(token)(viewOf(b), at, end)).toBe(hasBytes(b, at, end, asciiBytes(token)));
      }),
      { numRuns: 4000 },
    );
  });

  it('tokenTest finds a token of each length 4–28 where it is written, and not one byte further on or with a byte changed', () => {
    for (let length = 4; length <= 28; length += 1) {
      const token = Array.from({ length }, (_, k) => String.fromCharCode(97 + (k % 26))).join('');
      const test = tokenTest(token);
      const b = bytes(`xx${token}yy`);
      expect(test(viewOf(b), 2, b.length)).toBe(true);
      expect(test(viewOf(b), 2, 2 + length)).toBe(true);
      expect(test(viewOf(b), 2, 1 + length)).toBe(false);
      expect(test(viewOf(b), 3, b.length)).toBe(false);
      for (let k = 0; k < length; k += 1) {
        const changed = bytes(`xx${token}yy`);
        changed[2 + k] = 90;
        expect(test(viewOf(changed), 2, changed.length)).toBe(false);
      }
    }
  });

  it('tokenTest refuses a token shorter than 4 bytes or longer than 28', () => {
    expect(() => tokenTest('abc')).toThrow(RangeError);
    expect(() => tokenTest('a'.repeat(29))).toThrow(RangeError);
  });

  it('isWellFormedUtf8 says what a strict UTF-8 decoder says, on any bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const piece = fc.oneof(
      fc.constantFrom([0xc3, 0xa5], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xc1, 0xbf], [0xf5, 0x80, 0x80, 0x80], [0xf0, 0x8f, 0xbf, 0xbf]),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const b = Uint8Array.from(pieces.flat());
        let strict = true;
        try {
          fatal.decode(b);
        } catch {
          strict = false;
        }
        expect(isWellFormedUtf8(b, 0, b.length)).toBe(strict);
      }),
      { numRuns: 3000 },
    );
  });
});
