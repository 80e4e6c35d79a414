/**
 * The pieces of a lesson line read straight from its bytes (UTF-8, so ASCII
 * text is one byte a character), shared by the NDJSON and CSV byte scanners.
 * Each reads only what the schema accepts and answers -1 for anything else:
 * the line then takes the general path, which names the field.
 */
import { dayNumber } from '../../calendar/dayNumber.js';
import { isValidIsoDate } from '../../model/isoDate.js';
import { AbsenceReasonSchema } from '../../model/vocabulary.js';

const ZERO = 48;
const DASH = 45;
const COLON = 58;

/**
 * The bytes of an ASCII text.
 *
 * @param text - ASCII only
 * @returns its bytes
 * @example asciiBytes('{"') // Uint8Array [123, 34]
 */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * Whether `token` is written at `at`, wholly before `to`.
 *
 * @param bytes - the line's buffer
 * @param at - where the token should start
 * @param to - the end of the line (exclusive)
 * @param token - the bytes to find
 * @returns true when every byte matches
 * @example hasBytes(Buffer.from('{"a":1}'), 0, 7, asciiBytes('{"a"')) // true
 */
export function hasBytes(bytes: Uint8Array, at: number, to: number, token: Uint8Array): boolean {
  if (at + token.length > to) return false;
  for (let k = 0; k < token.length; k += 1) if (bytes[at + k] !== token[k]) return false;
  return true;
}

/** Bytes `at` to `at + 4` as a little-endian 32-bit word. */
function wordOf(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24);
}

let viewed: Uint8Array | undefined;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

/**
 * A DataView on a buffer, made once per buffer (a read chunk holds
 * thousands of lines): it reads four bytes in one load.
 *
 * @param bytes - the buffer
 * @returns a view of the same bytes
 * @example viewOf(Buffer.from('abcd')).getInt32(0, true) // 1684234849
 */
export function viewOf(bytes: Uint8Array): DataView<ArrayBufferLike> {
  if (bytes !== viewed) {
    viewed = bytes;
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return view;
}

/** Whether a fixed token is written at `at`, wholly before `to` (see `tokenTest`). */
export type TokenTest = (v: DataView<ArrayBufferLike>, at: number, to: number) => boolean;

/**
 * `hasBytes` made for one token (a key with its quotes): its 32-bit words
 * are the closure's own constants and the loads are unrolled, the last one
 * overlapping the one before when the length is not a multiple of four. A
 * check is `ceil(length / 4)` loads and compares, with no loop and no array
 * read. Scanning the first 64 MiB of the bench city's NDJSON
 * (`scanLessonJsonLine`, about 680 000 lines): 86–95 ns a line, against
 * 111–119 with a loop over a token's words and then its last bytes one by one.
 *
 * @param text - ASCII only, 4 to 28 characters
 * @returns the test; `v` is `viewOf` the line's buffer
 * @throws {RangeError} for a text of another length
 * @example tokenTest('","date":"')(viewOf(b), 0, b.length) // true for a buffer b that starts so
 */
export function tokenTest(text: string): TokenTest {
  const bytes = asciiBytes(text);
  const length = bytes.length;
  if (length < 4 || length > 28) throw new RangeError(`a token test is for 4 to 28 bytes, not ${length}`);
  const offsets: number[] = [];
  for (let o = 0; o + 4 < length; o += 4) offsets.push(o);
  offsets.push(length - 4);
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0] = offsets.map((o) => wordOf(bytes, o));
  const [, ob = 0, oc = 0, od = 0, oe = 0, of = 0, og = 0] = offsets;
  // One closure per word count: each call site sees one shape, and the engine inlines it.
  switch (offsets.length) {
    case 1:
      return (v, at, to) => at + length <= to && v.getInt32(at, true) === a;
    case 2:
      return (v, at, to) => at + length <= to && v.getInt32(at, true) === a && v.getInt32(at + ob, true) === b;
    case 3:
      return (v, at, to) => at + length <= to && v.getInt32(at, true) === a && v.getInt32(at + ob, true) === b && v.getInt32(at + oc, true) === c;
    case 4:
      return (v, at, to) =>
        at + length <= to && v.getInt32(at, true) === a && v.getInt32(at + ob, true) === b && v.getInt32(at + oc, true) === c && v.getInt32(at + od, true) === d;
    case 5:
      return (v, at, to) =>
        at + length <= to &&
        v.getInt32(at, true) === a &&
        v.getInt32(at + ob, true) === b &&
        v.getInt32(at + oc, true) === c &&
        v.getInt32(at + od, true) === d &&
        v.getInt32(at + oe, true) === e;
    case 6:
      return (v, at, to) =>
        at + length <= to &&
        v.getInt32(at, true) === a &&
        v.getInt32(at + ob, true) === b &&
        v.getInt32(at + oc, true) === c &&
        v.getInt32(at + od, true) === d &&
        v.getInt32(at + oe, true) === e &&
        v.getInt32(at + of, true) === f;
    default:
      return (v, at, to) =>
        at + length <= to &&
        v.getInt32(at, true) === a &&
        v.getInt32(at + ob, true) === b &&
        v.getInt32(at + oc, true) === c &&
        v.getInt32(at + od, true) === d &&
        v.getInt32(at + oe, true) === e &&
        v.getInt32(at + of, true) === f &&
        v.getInt32(at + og, true) === g;
  }
}

/** The value of an ASCII digit byte, or -1 (also for a byte past the buffer). */
function digitAt(bytes: Uint8Array, i: number): number {
  const d = (bytes[i] ?? 0) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Day numbers of the dates seen, keyed by YYYYMMDD; -1 for a date that does not exist. */
const dayOfKey = new Map<number, number>();

/** The last date read, as its raw bytes (two words and a half-word) and its day number: consecutive lines mostly share it. */
let lastDateLow = 0;
let lastDateHigh = 0;
let lastDateEnd = -1;
let lastDay = -1;

/**
 * The day number of the date written `YYYY-MM-DD` in the 10 bytes at `i`,
 * as `dayNumber` gives it, when `isValidIsoDate` accepts it. The last date's
 * bytes are compared first (three loads: a file sorted by date repeats it line
 * after line), then the digits are read and memoised per date (a school's
 * lessons share some hundred dates). Measured on 1 M lines of the bench
 * city's NDJSON, with `clockAt`'s: 140 → 120 ns a line for `scanLessonJson`.
 *
 * @param bytes - the line's buffer
 * @param i - the date's first byte (the caller checked that 10 bytes are there)
 * @returns days since 1970-01-01, or -1
 * @example dayAt(Buffer.from('2026-11-23'), 0) // 20415
 */
export function dayAt(bytes: Uint8Array, i: number): number {
  const v = viewOf(bytes);
  const low = v.getInt32(i, true);
  const high = v.getInt32(i + 4, true);
  const end = v.getUint16(i + 8, true);
  if (low === lastDateLow && high === lastDateHigh && end === lastDateEnd) return lastDay;
  const day = readDay(bytes, i);
  lastDateLow = low;
  lastDateHigh = high;
  lastDateEnd = end;
  lastDay = day;
  return day;
}

/** `dayAt` without the last date: the digits, memoised per date. */
function readDay(bytes: Uint8Array, i: number): number {
  const y0 = digitAt(bytes, i);
  const y1 = digitAt(bytes, i + 1);
  const y2 = digitAt(bytes, i + 2);
  const y3 = digitAt(bytes, i + 3);
  const m0 = digitAt(bytes, i + 5);
  const m1 = digitAt(bytes, i + 6);
  const d0 = digitAt(bytes, i + 8);
  const d1 = digitAt(bytes, i + 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || bytes[i + 4] !== DASH || bytes[i + 7] !== DASH) return -1;
  const key = (((y0 * 10 + y1) * 10 + y2) * 10 + y3) * 10000 + (m0 * 10 + m1) * 100 + d0 * 10 + d1;
  let day = dayOfKey.get(key);
  if (day === undefined) {
    const iso = String.fromCharCode(y0 + ZERO, y1 + ZERO, y2 + ZERO, y3 + ZERO, DASH, m0 + ZERO, m1 + ZERO, DASH, d0 + ZERO, d1 + ZERO);
    day = isValidIsoDate(iso) ? dayNumber(iso) : -1;
    if (dayOfKey.size >= 8192) dayOfKey.clear();
    dayOfKey.set(key, day);
  }
  return day;
}

/** The last clock time read, as its raw bytes (a word and a byte) and its minutes. */
let lastClockLow = 0;
let lastClockEnd = -1;
let lastClock = -1;

/**
 * The minutes after midnight of a clock time written `HH:MM` (00:00–23:59)
 * in the 5 bytes at `i`, as `ClockTimeSchema` accepts it; the last time's
 * bytes are compared first, as in `dayAt`.
 *
 * @param bytes - the line's buffer
 * @param i - the first byte (the caller checked that 5 bytes are there)
 * @returns minutes, or -1
 * @example clockAt(Buffer.from('08:10'), 0) // 490
 */
export function clockAt(bytes: Uint8Array, i: number): number {
  const low = viewOf(bytes).getInt32(i, true);
  const end = bytes[i + 4] as number;
  if (low === lastClockLow && end === lastClockEnd) return lastClock;
  const h0 = digitAt(bytes, i);
  const h1 = digitAt(bytes, i + 1);
  const n0 = digitAt(bytes, i + 3);
  const n1 = digitAt(bytes, i + 4);
  const minutes = (h0 | h1 | n0 | n1) < 0 || bytes[i + 2] !== COLON || h0 * 10 + h1 > 23 || n0 > 5 ? -1 : (h0 * 10 + h1) * 60 + n0 * 10 + n1;
  lastClockLow = low;
  lastClockEnd = end;
  lastClock = minutes;
  return minutes;
}

/**
 * A JSON number of minutes at `i` as `JSON.parse` reads it, when it is a
 * plain integer: no sign, no leading zero, no fraction or exponent (the
 * caller checks what follows), at most 3 digits (minutes are at most 600).
 *
 * @param bytes - the line's buffer
 * @param i - the first digit
 * @param to - the end of the line
 * @returns `value * 4 + (digits - 1)`, or -1
 * @example jsonMinutesAt(Buffer.from('60}'), 0, 3) // 241 (60, two digits)
 */
export function jsonMinutesAt(bytes: Uint8Array, i: number, to: number): number {
  const a = i < to ? digitAt(bytes, i) : -1;
  if (a < 0) return -1;
  const b = i + 1 < to ? digitAt(bytes, i + 1) : -1;
  if (b < 0) return a * 4;
  if (a === 0) return -1;
  const c = i + 2 < to ? digitAt(bytes, i + 2) : -1;
  if (c < 0) return (a * 10 + b) * 4 + 1;
  if (i + 3 < to && digitAt(bytes, i + 3) >= 0) return -1;
  return (a * 100 + b * 10 + c) * 4 + 2;
}

/**
 * A CSV cell of minutes, as the CSV reader converts it (`/^-?\d+$/` then
 * `Number`): ASCII digits, leading zeros allowed; no sign, at most 6 digits.
 *
 * @param bytes - the line's buffer
 * @param from - the cell's first byte
 * @param to - the byte after its last
 * @returns the value, or -1
 * @example csvIntegerIn(Buffer.from('060'), 0, 3) // 60
 */
export function csvIntegerIn(bytes: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 6) return -1;
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const d = digitAt(bytes, i);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

const REASONS: readonly Uint8Array[] = AbsenceReasonSchema.options.map(asciiBytes);

/**
 * The code of an absence reason written in bytes `from` to `to` (its place
 * in `AbsenceReasonSchema`, as `REASON_CODE` has it), exactly as written.
 *
 * @param bytes - the line's buffer
 * @param from - the first byte of the reason
 * @param to - the byte after its last
 * @returns the code, or -1
 * @example reasonIn(Buffer.from('sick'), 0, 4) // 1
 */
export function reasonIn(bytes: Uint8Array, from: number, to: number): number {
  for (let code = 0; code < REASONS.length; code += 1) {
    const name = REASONS[code] as Uint8Array;
    if (name.length === to - from && hasBytes(bytes, from, to, name)) return code;
  }
  return -1;
}

/**
 * Whether bytes `from` to `to` are well-formed UTF-8 (what a strict decoder
 * accepts: no overlong form, no surrogate, nothing past U+10FFFF, no cut
 * character).
 *
 * @param bytes - the buffer
 * @param from - the first byte
 * @param to - the byte after the last
 * @returns true when a strict UTF-8 decoder would accept them
 * @example isWellFormedUtf8(Buffer.from('Lärare'), 0, 7) // true
 * @example isWellFormedUtf8(Uint8Array.of(0xc3), 0, 1) // false
 */
export function isWellFormedUtf8(bytes: Uint8Array, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // The allowed range of the second byte depends on the first (Unicode, table 3-7).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return false;
    if (i + length > to) return false;
    const second = bytes[i + 1] ?? 0;
    if (second < low || second > high) return false;
    for (let k = 2; k < length; k += 1) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += length;
  }
  return true;
}
