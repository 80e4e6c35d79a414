import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { openInput } from './openInput.js';
import type { Line } from '../adapters/caseItems.js';

const LF = 10;
const CR = 13;
const FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LOSSY = new TextDecoder('utf-8', { ignoreBOM: true });

/** Receives one line: a text, the line's start and end in it (end exclusive, without the line break) and its number. */
export type LineSink = (text: string, from: number, to: number, lineNumber: number) => void;

/** Receives a line that is not valid UTF-8: its number, the first bad byte (from 1) and the line decoded with U+FFFD for the bad bytes. */
export type InvalidLineSink = (lineNumber: number, byte: number, lossy: string) => void;

/** How `forEachLineRange` reads a file. */
export interface LineOptions {
  /** Called after each chunk with the bytes read so far. */
  readonly onBytes?: (bytes: number) => void;
  /** Read size, 1 MiB by default; tests use tiny chunks to split lines and characters. Lines never depend on it. */
  readonly chunkBytes?: number;
  /** First byte to read (a slice of the file: line numbers count from it). */
  readonly start?: number;
  /** Byte after the last to read. */
  readonly end?: number;
  /**
   * Called instead of `onLine` for a line that is not valid UTF-8. Without it,
   * such a line is given to `onLine` with U+FFFD for its bad bytes (that line only).
   */
  readonly onInvalid?: InvalidLineSink;
}

/** The first byte of `bytes` (from 0) that the lossy decoding of it replaced: where the UTF-8 breaks. */
function firstInvalidByte(bytes: Uint8Array, lossy: string): number {
  for (let k = lossy.indexOf('\uFFFD'); k !== -1; k = lossy.indexOf('\uFFFD', k + 1)) {
    // Every character before k decoded exactly, so its UTF-8 length is the byte offset.
    const at = Buffer.byteLength(lossy.slice(0, k));
    if (bytes[at] !== 0xef || bytes[at + 1] !== 0xbf || bytes[at + 2] !== 0xbd) return at;
  }
  return 0;
}

/**
 * The one place lines are cut and decoded: bytes in, lines out. Lines are cut
 * at LF in the bytes (a UTF-8 character never contains that byte) and each is
 * decoded as UTF-8 on its own, so a bad byte spoils its own line and no other,
 * wherever the chunks end. A `\r` before the LF is dropped; a UTF-8 BOM at the
 * very start of a file (when `atFileStart`) is skipped.
 */
function lineSplitter(onLine: LineSink, onInvalid: InvalidLineSink | undefined, atFileStart: boolean): { push(chunk: Buffer): void; end(): number } {
  let carry: Buffer | undefined;
  let n = 0;
  const bomAt = (bytes: Uint8Array): boolean => n === 1 && atFileStart && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  /** One line's bytes (without LF), decoded on its own. */
  const line = (bytes: Buffer): void => {
    n += 1;
    const body = bytes.subarray(bomAt(bytes) ? 3 : 0, bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length);
    if (isAscii(body)) {
      const text = body.toString('latin1');
      onLine(text, 0, text.length, n);
      return;
    }
    let text: string;
    try {
      text = FATAL.decode(body);
    } catch {
      const lossy = LOSSY.decode(body);
      if (onInvalid === undefined) onLine(lossy, 0, lossy.length, n);
      else onInvalid(n, firstInvalidByte(body, lossy) + 1, lossy);
      return;
    }
    onLine(text, 0, text.length, n);
  };
  /** Whole lines, each ending in LF: decoded as one text when it is ASCII or valid UTF-8 (the usual case), else line by line. */
  const block = (bytes: Buffer): void => {
    let text: string | undefined;
    if (isAscii(bytes)) text = bytes.toString('latin1');
    else {
      try {
        text = FATAL.decode(bytes);
      } catch {
        text = undefined;
      }
    }
    if (text === undefined) {
      let from = 0;
      for (let nl = bytes.indexOf(LF); nl !== -1; nl = bytes.indexOf(LF, from)) {
        line(bytes.subarray(from, nl));
        from = nl + 1;
      }
      return;
    }
    let from = n === 0 && atFileStart && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let nl = text.indexOf('\n', from); nl !== -1; nl = text.indexOf('\n', from)) {
      n += 1;
      onLine(text, from, nl > from && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl, n);
      from = nl + 1;
    }
  };
  return {
    push(chunk: Buffer): void {
      let pos = 0;
      if (carry !== undefined) {
        const nl = chunk.indexOf(LF);
        if (nl === -1) {
          carry = Buffer.concat([carry, chunk]);
          return;
        }
        line(Buffer.concat([carry, chunk.subarray(0, nl)]));
        carry = undefined;
        pos = nl + 1;
      }
      const last = chunk.lastIndexOf(LF);
      if (last >= pos) {
        block(chunk.subarray(pos, last + 1));
        pos = last + 1;
      }
      // A copy: the stream may reuse the chunk's memory.
      if (pos < chunk.length) carry = Buffer.from(chunk.subarray(pos));
    },
    end(): number {
      if (carry !== undefined) line(carry);
      carry = undefined;
      return n;
    },
  };
}

/**
 * Call `onLine` for every line of a file, streamed in 1 MiB chunks: memory
 * stays flat however large the file. The line is given as a range of a
 * larger text (no string per line: a city's 30 million lines would be that
 * many strings for the garbage collector). Line numbers count from 1 and
 * include blank lines (so they match an editor's); `\r\n` endings are
 * accepted; a UTF-8 BOM at the start of the file is skipped. Each line is
 * decoded as UTF-8 on its own: a line with invalid UTF-8 goes to
 * `options.onInvalid` (with the first bad byte), and never changes another
 * line, whatever the chunk size. Faster than `readline` on long files: no
 * promise per line, and ASCII text (the usual export) skips UTF-8 decoding.
 *
 * @param path - the file
 * @param onLine - called with a text, the line's start and end in it and the line number
 * @param options - progress, chunk size, byte range, what to do with a line that is not UTF-8
 * @returns the number of lines
 * @example await forEachLineRange('lessons.ndjson', (text, from, to, n) => { const line = text.slice(from, to); … }) // 646800
 */
export async function forEachLineRange(path: string, onLine: LineSink, options: LineOptions = {}): Promise<number> {
  const { chunkBytes = 1 << 20, start = 0, end = Number.POSITIVE_INFINITY } = options;
  const stream = createReadStream(path, { highWaterMark: chunkBytes, start, ...(Number.isFinite(end) ? { end: end - 1 } : {}) });
  const lines = lineSplitter(onLine, options.onInvalid, start === 0);
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    lines.push(chunk);
    options.onBytes?.(bytes);
  }
  return lines.end();
}

/**
 * `forEachLineRange` with each line as its own string.
 *
 * @param path - the file
 * @param onLine - called with the line (without its line break) and its number
 * @param onBytes - called after each chunk with the bytes read so far
 * @param chunkBytes - read size
 * @param start - first byte to read
 * @param end - byte after the last to read
 * @returns the number of lines
 * @example await forEachLine('lessons.ndjson', (line, n) => { ... }) // 646800
 */
export function forEachLine(
  path: string,
  onLine: (line: string, lineNumber: number) => void,
  onBytes?: (bytes: number) => void,
  chunkBytes = 1 << 20,
  start = 0,
  end = Number.POSITIVE_INFINITY,
): Promise<number> {
  return forEachLineRange(path, (text, from, to, n) => onLine(text.slice(from, to), n), { ...(onBytes === undefined ? {} : { onBytes }), chunkBytes, start, end });
}

/** One line of `readLines`: its text, or, when it is not valid UTF-8, the first bad byte and a lossy text. */

/**
 * The lines of an input as an async iterable, decoded as `forEachLineRange`
 * decodes them (each line on its own, BOM skipped). The input is opened by
 * `openInput`: `-` reads stdin, a gzip file is decompressed, a binary file is
 * refused. One object per line: for files of thousands of lines (a students
 * file), not of millions.
 *
 * @param path - the file, or `-` for stdin
 * @param chunkBytes - read size
 * @returns the lines, blank ones included
 * @throws {BatchInputError} for a binary or damaged gzip input
 * @example for await (const line of readLines('students.ndjson.gz')) if ('text' in line) JSON.parse(line.text)
 */
export async function* readLines(path: string, chunkBytes = 1 << 20): AsyncGenerator<Line> {
  const ready: Line[] = [];
  const lines = lineSplitter(
    (text, from, to, lineNumber) => ready.push({ lineNumber, text: text.slice(from, to) }),
    (lineNumber, invalidByte, lossy) => ready.push({ lineNumber, invalidByte, lossy }),
    true,
  );
  const input = await openInput(path, chunkBytes);
  try {
    for await (const chunk of input.chunks) {
      lines.push(chunk);
      yield* ready.splice(0);
    }
  } finally {
    await input.close();
  }
  lines.end();
  yield* ready.splice(0);
}
