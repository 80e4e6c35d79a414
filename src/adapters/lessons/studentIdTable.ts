import { viewOf } from './lessonBytes.js';

/**
 * The run's student ids keyed by their bytes, so the lesson reader finds a
 * line's student from the bytes of its id without making a string of it: an
 * open-addressing hash table (`idHash` of the id bytes, linear probing) whose
 * slots hold the student number, with the id bytes compared on a hit.
 *
 * Only ids of printable ASCII other than `"` and `\` are in it (every opaque
 * id is): their bytes are the same in an NDJSON string and a CSV field as in
 * the id, with no escape or encoding in between. A line whose id is not in the
 * table is read by the general path, which knows every id.
 */
export interface StudentIdTable {
  /** Student number + 1 per slot, 0 for an empty slot; the length is a power of two. */
  readonly slots: Int32Array;
  /** The ids' bytes back to back, by student number. */
  readonly keys: Uint8Array;
  /** Where each student number's id starts in `keys` (its end is the next start). */
  readonly starts: Int32Array;
  /** `keys` read four bytes at a time. */
  readonly keyView: DataView<ArrayBufferLike>;
}

const QUOTE = 34;
const BACKSLASH = 92;

/** Where the table's hash of an id starts, before its first word. */
const ID_HASH_START = 0x811c9dc5;

/**
 * The table's hash of bytes `from` to `to` (exclusive): FNV-1a's multiply
 * over the id four bytes at a time (one load a word); an id whose length is
 * not a multiple of four ends with one more load, of its last four bytes
 * (overlapping the word before), and an id shorter than four is hashed byte
 * by byte. Measured on the bench city's 6.47 M NDJSON lines, the old and the
 * new scanner interleaved by the MiB: `scanLessonJson` 5 % faster than
 * hashing byte by byte as it walked to the closing quote.
 *
 * @param bytes - a buffer holding the id
 * @param from - its first byte
 * @param to - the byte after its last
 * @returns a 32-bit hash
 * @example idHash(Buffer.from('e1'), 0, 2) === idHash(Buffer.from('{"e1"'), 2, 4) // true
 */
export function idHash(bytes: Uint8Array, from: number, to: number): number {
  let h = ID_HASH_START;
  if (to - from < 4) {
    for (let i = from; i < to; i += 1) h = Math.imul(h ^ (bytes[i] ?? 0), 0x01000193);
  } else {
    const v = viewOf(bytes);
    let i = from;
    for (; i + 4 <= to; i += 4) h = Math.imul(h ^ v.getInt32(i, true), 0x01000193);
    if (i < to) h = Math.imul(h ^ v.getInt32(to - 4, true), 0x01000193);
  }
  return h ^ (h >>> 16);
}

/** Whether an id's characters are bytes as they stand: printable ASCII, not a quote or a backslash. */
function plainAscii(id: string): boolean {
  if (id.length === 0) return false;
  for (let i = 0; i < id.length; i += 1) {
    const c = id.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return false;
  }
  return true;
}

/**
 * Build the table of a run's students (built once per reading thread).
 *
 * @param ids - student ids by number, distinct
 * @returns the table; ids that are not plain ASCII are left out (see `StudentIdTable`)
 * @example studentNumberOf(studentIdTable(['e1', 'e2']), Buffer.from('e2'), 0, 2) // 1
 */
export function studentIdTable(ids: readonly string[]): StudentIdTable {
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const slots = new Int32Array(size);
  const starts = new Int32Array(ids.length + 1);
  let total = 0;
  for (const [n, id] of ids.entries()) {
    starts[n] = total;
    if (plainAscii(id)) total += id.length;
  }
  starts[ids.length] = total;
  const keys = new Uint8Array(total);
  const mask = size - 1;
  for (const [n, id] of ids.entries()) {
    const from = starts[n] ?? 0;
    const to = starts[n + 1] ?? 0;
    if (to === from) continue;
    for (let i = 0; i < id.length; i += 1) keys[from + i] = id.charCodeAt(i);
    let slot = idHash(keys, from, to) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = n + 1;
  }
  return { slots, keys, starts, keyView: new DataView(keys.buffer, keys.byteOffset, keys.byteLength) };
}

/**
 * Whether `length` bytes of `keys` at `at` are those of `bytes` at `from`:
 * four at a time, then (for a length that is not a multiple of four) the
 * last four as one more load, overlapping; byte by byte when shorter than four.
 */
function sameBytes(keys: Uint8Array, keyView: DataView<ArrayBufferLike>, at: number, bytes: Uint8Array, v: DataView<ArrayBufferLike>, from: number, length: number): boolean {
  if (length < 4) {
    for (let i = 0; i < length; i += 1) if (keys[at + i] !== bytes[from + i]) return false;
    return true;
  }
  let i = 0;
  for (; i + 4 <= length; i += 4) if (keyView.getInt32(at + i, true) !== v.getInt32(from + i, true)) return false;
  return i === length || keyView.getInt32(at + length - 4, true) === v.getInt32(from + length - 4, true);
}

/**
 * The student number of the id written in bytes `from` to `to`.
 *
 * @param table - the run's table
 * @param bytes - a buffer holding the id
 * @param from - its first byte
 * @param to - the byte after its last
 * @param hash - `idHash` of those bytes, when the caller has it (the scanner passes it: measured faster than hashing here)
 * @returns the student number, or -1 when the table does not hold that id
 * @example studentNumberOf(studentIdTable(['e1', 'e2']), Buffer.from('{"studentId":"e1"'), 14, 16) // 0
 */
export function studentNumberOf(table: StudentIdTable, bytes: Uint8Array, from: number, to: number, hash = idHash(bytes, from, to)): number {
  const { slots, keys, starts, keyView } = table;
  const mask = slots.length - 1;
  const length = to - from;
  const v = viewOf(bytes);
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot] ?? 0;
    if (entry === 0) return -1;
    const at = starts[entry - 1] ?? 0;
    if ((starts[entry] ?? 0) - at !== length) continue;
    if (sameBytes(keys, keyView, at, bytes, v, from, length)) return entry - 1;
  }
}
