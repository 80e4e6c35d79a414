import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';
import { openInput, type OpenedInput } from './openInput.js';
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
  /**
   * Stops the reading: checked after each chunk (a MiB), so a stopped run
   * (SIGTERM) does not read a large file to its end; its reason is thrown.
   */
  readonly signal?: AbortSignal | undefined;
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
 * Receives one line as bytes: a buffer, the line's start and end in it (end
 * exclusive; without the line break, a CR before it, or a BOM at the start of
 * the file) and its number. The buffer is only valid during the call.
 */
export type ByteLineSink = (bytes: Buffer, from: number, to: number, lineNumber: number) => void;

/**
 * Offered each line before the splitter cuts it: takes the line that starts
 * at `from` whole, when it can, and answers the index of the line feed that
 * ends it; or -1, and the line is cut and handed to the `ByteLineSink` as
 * usual. A line it takes must end at that line feed (a CR just before it is
 * the line break's, as for every line) and hold no line feed before it.
 * `limit` is the end of the bytes at hand: a line whose line feed is not
 * before it must be left. It is not offered the first line of a file, which
 * may start with a BOM. This lets a scanner that reads the line anyway find
 * its end on the way, instead of a search for the line feed first
 * (`scanLessonJsonLine`).
 */
export type ByteLineTaker = (bytes: Buffer, from: number, limit: number, lineNumber: number) => number;

/** A line as `decodeLine` gives it: its text, or, when it is not valid UTF-8, the first bad byte (from 1) and the text with U+FFFD for the bad bytes. */
export type DecodedLine = string | { readonly invalidByte: number; readonly lossy: string };

/**
 * Decode one line's bytes as UTF-8 on their own: a bad byte spoils this line
 * and no other. ASCII (the usual export) skips UTF-8 decoding.
 *
 * @param bytes - a buffer holding the line
 * @param from - the line's first byte
 * @param to - the byte after its last
 * @returns the text, or the first bad byte and a lossy text
 * @example decodeLine(Buffer.from('elev-å'), 0, 7) // 'elev-å'
 * @example decodeLine(Buffer.from([0x61, 0xff]), 0, 2) // { invalidByte: 2, lossy: 'a\uFFFD' }
 */
export function decodeLine(bytes: Buffer, from: number, to: number): DecodedLine {
  const body = bytes.subarray(from, to);
  if (isAscii(body)) return body.toString('latin1');
  try {
    return FATAL.decode(body);
  } catch {
    const lossy = LOSSY.decode(body);
    return { invalidByte: firstInvalidByte(body, lossy) + 1, lossy };
  }
}

/**
 * Handles a run of whole lines at once: `bytes` from `from` to `to`, each line
 * ending in LF, the first numbered `before + 1`. Returns how many lines it
 * gave, or -1 to have them cut and handed on one by one.
 */
type BlockSink = (bytes: Buffer, from: number, to: number, before: number) => number;

/**
 * The one place lines are cut: bytes in, byte ranges of lines out. Lines are
 * cut at LF in the bytes (a UTF-8 character never contains that byte), so a
 * line split across chunks is whole when it is handed on, whatever the chunk
 * size. A `\r` before the LF is dropped; a UTF-8 BOM at the very start of a
 * file (when `atFileStart`) is skipped. `onBlock`, when given, may take each
 * chunk's run of whole lines in one go (see `lineSplitter`); `take`, when
 * given, may take each line whole before it is cut (see `ByteLineTaker`).
 */
function byteLineSplitter(onLine: ByteLineSink, atFileStart: boolean, onBlock?: BlockSink, take?: ByteLineTaker): { push(chunk: Buffer): void; end(): number } {
  let carry: Buffer | undefined;
  let n = 0;
  /** One line: the bytes from `from` to the LF at `nl` (or the end). */
  const line = (bytes: Buffer, from: number, nl: number): void => {
    n += 1;
    const start = n === 1 && atFileStart && nl - from >= 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf ? from + 3 : from;
    onLine(bytes, start, nl > start && bytes[nl - 1] === CR ? nl - 1 : nl, n);
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
        const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
        carry = undefined;
        line(joined, 0, joined.length);
        pos = nl + 1;
      }
      if (onBlock !== undefined) {
        const last = chunk.lastIndexOf(LF);
        const given = last >= pos ? onBlock(chunk, pos, last + 1, n) : -1;
        if (given >= 0) {
          n += given;
          pos = last + 1;
        }
      }
      for (;;) {
        if (take !== undefined && (n > 0 || !atFileStart)) {
          const taken = take(chunk, pos, chunk.length, n + 1);
          if (taken >= 0) {
            // The taker has read the line: one that did not end at a line feed of its own is a bug, not a line to read again.
            if (taken < pos || chunk[taken] !== LF) throw new RangeError(`a line taker answered ${taken}, not the line feed that ends the line at ${pos}`);
            n += 1;
            pos = taken + 1;
            continue;
          }
        }
        const nl = chunk.indexOf(LF, pos);
        if (nl === -1) break;
        line(chunk, pos, nl);
        pos = nl + 1;
      }
      // A copy: the chunk's memory is read into again (`fileChunks` takes turns with two buffers).
      if (pos < chunk.length) carry = Buffer.from(chunk.subarray(pos));
    },
    end(): number {
      if (carry !== undefined) line(carry, 0, carry.length);
      carry = undefined;
      return n;
    },
  };
}

/**
 * Lines cut by `byteLineSplitter`, each decoded as UTF-8 on its own
 * (`decodeLine`). A chunk's run of whole lines that is ASCII or valid UTF-8
 * (the usual case) is decoded as one text and handed on as ranges of it: no
 * string per line.
 */
function lineSplitter(onLine: LineSink, onInvalid: InvalidLineSink | undefined, atFileStart: boolean): { push(chunk: Buffer): void; end(): number } {
  const block = (bytes: Buffer, from: number, to: number, before: number): number => {
    const body = bytes.subarray(from, to);
    let text: string;
    if (isAscii(body)) text = body.toString('latin1');
    else {
      try {
        text = FATAL.decode(body);
      } catch {
        return -1;
      }
    }
    let n = before;
    let start = n === 0 && atFileStart && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      n += 1;
      onLine(text, start, nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl, n);
      start = nl + 1;
    }
    return n - before;
  };
  const line = (bytes: Buffer, from: number, to: number, n: number): void => {
    const text = decodeLine(bytes, from, to);
    if (typeof text === 'string') onLine(text, 0, text.length, n);
    else if (onInvalid === undefined) onLine(text.lossy, 0, text.lossy.length, n);
    else onInvalid(n, text.invalidByte, text.lossy);
  };
  return byteLineSplitter(line, atFileStart, block);
}

/**
 * A file (or a byte range of it) as chunks, read into two buffers in turn:
 * while the caller splits one chunk, the next is read into the other
 * (`FileHandle.read` in the thread pool), so reading from a disk overlaps
 * the work on the bytes. A chunk is valid only until the next one is asked
 * for (the splitters copy what they keep: a line cut by the chunk's end).
 * Two buffers instead of a new MiB a chunk (`createReadStream`): splitting
 * the lines of a 645 MB file in the page cache takes 0.11–0.14 s this way,
 * 0.25–0.28 s with the stream, and 0.12–0.14 s with `readSync` into one
 * buffer, which cannot overlap a disk read (four rounds each, interleaved).
 */
async function* fileChunks(path: string, chunkBytes: number, start: number, end: number): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  let next: Promise<number> | undefined;
  try {
    const size = Math.max(1, Math.min(chunkBytes, Number.isFinite(end) ? end - start : chunkBytes));
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)] as const;
    const readInto = async (buffer: Buffer, at: number): Promise<number> => (at >= end ? 0 : (await handle.read(buffer, 0, Math.min(buffer.length, end - at), at)).bytesRead);
    let at = start;
    let which = 0;
    next = readInto(buffers[0], at);
    for (;;) {
      const bytesRead = await next;
      if (bytesRead === 0) break;
      const chunk = buffers[which] as Buffer;
      at += bytesRead;
      which ^= 1;
      // The next chunk is read while this one is split; the other buffer is free: its chunk was given back.
      next = readInto(buffers[which] as Buffer, at);
      yield chunk.subarray(0, bytesRead);
    }
  } finally {
    // A read still in flight (the caller stopped early) ends, its error unheard, before the handle closes.
    await next?.catch(() => 0);
    await handle.close();
  }
}

/**
 * Call `onLine` for every line of a file as bytes, streamed in 1 MiB chunks:
 * the lesson reader's way in, which reads most lines without making a string
 * of them. Lines are cut as `forEachLineRange` cuts them (same numbers, CR and
 * BOM dropped); `decodeLine` gives a line's text when it is wanted.
 *
 * @param path - the file
 * @param onLine - called with a buffer, the line's start and end in it and the line number
 * @param options - progress, chunk size, byte range, a stop signal, and a `take` that may take a line whole before it is cut (`ByteLineTaker`; `onInvalid` is not used: the caller decodes)
 * @returns the number of lines
 * @example await forEachByteLine('lessons.ndjson', (bytes, from, to, n) => { const text = decodeLine(bytes, from, to); … }) // 646800
 */
export async function forEachByteLine(path: string, onLine: ByteLineSink, options: Omit<LineOptions, 'onInvalid'> & { readonly take?: ByteLineTaker } = {}): Promise<number> {
  return splitFile(path, byteLineSplitter(onLine, (options.start ?? 0) === 0, undefined, options.take), options);
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
 * @param options - progress, chunk size, byte range, a stop signal, what to do with a line that is not UTF-8
 * @returns the number of lines
 * @example await forEachLineRange('lessons.ndjson', (text, from, to, n) => { const line = text.slice(from, to); … }) // 646800
 */
export async function forEachLineRange(path: string, onLine: LineSink, options: LineOptions = {}): Promise<number> {
  return splitFile(path, lineSplitter(onLine, options.onInvalid, (options.start ?? 0) === 0), options);
}

/** Feed a file's byte range, chunk by chunk, to a line splitter; report the bytes read after each chunk. */
async function splitFile(path: string, lines: { push(chunk: Buffer): void; end(): number }, options: Omit<LineOptions, 'onInvalid'>): Promise<number> {
  const { chunkBytes = 1 << 20, start = 0, end = Number.POSITIVE_INFINITY } = options;
  let bytes = 0;
  for await (const chunk of fileChunks(path, chunkBytes, start, end)) {
    if (options.signal?.aborted === true) throw options.signal.reason;
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
 * @param signal - optional: ends a read still waiting (`openInput`); the reading then throws
 * @returns the lines, blank ones included
 * @throws {BatchInputError} for a binary or damaged gzip input
 * @example for await (const line of readLines('students.ndjson.gz')) if ('text' in line) JSON.parse(line.text)
 */
export async function* readLines(path: string, chunkBytes = 1 << 20, signal?: AbortSignal): AsyncGenerator<Line> {
  const ready: Line[] = [];
  const lines = lineSplitter(
    (text, from, to, lineNumber) => ready.push({ lineNumber, text: text.slice(from, to) }),
    (lineNumber, invalidByte, lossy) => ready.push({ lineNumber, invalidByte, lossy }),
    true,
  );
  const input = await openInput(path, chunkBytes, signal);
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

/**
 * `forEachByteLine` for an input already opened by `openInput` (stdin, a gzip
 * file, a file read as a stream): every line of its decompressed bytes, cut
 * as `forEachByteLine` cuts them (same numbers; CR and BOM dropped), read to
 * the end. Memory stays flat however long the input.
 *
 * @param input - from `openInput` (read once: this reads it to its end)
 * @param onLine - called with a buffer, the line's start and end in it and the line number; the buffer is only valid during the call
 * @returns the number of lines
 * @throws {BatchInputError} for a damaged gzip input (what `input.chunks` throws)
 * @example await forEachInputByteLine(await openInput('-'), (bytes, from, to, n) => { const text = decodeLine(bytes, from, to); … })
 */
export async function forEachInputByteLine(input: OpenedInput, onLine: ByteLineSink): Promise<number> {
  const lines = byteLineSplitter(onLine, true);
  try {
    for await (const chunk of input.chunks) lines.push(chunk);
  } finally {
    await input.close();
  }
  return lines.end();
}
