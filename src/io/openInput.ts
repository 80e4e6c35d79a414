import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { BatchInputError } from './batchInputError.js';
import { both, type Template } from '../model/template.js';
import { BINARY_KIND_TEXT as K, GZIP_REASON_SV, INPUT_FILE_TEXT } from '../report/failureText.js';

/**
 * Whether a path names standard input: `-` (the usual convention) or `/dev/stdin`.
 *
 * @param path - an input path as given
 * @returns true for `-` and `/dev/stdin`
 * @example isStdin('-') // true
 * @example isStdin('lessons.csv') // false
 */
export function isStdin(path: string): boolean {
  return path === '-' || path === '/dev/stdin';
}

/**
 * How messages name an input: `stdin` for standard input, else the path as given.
 *
 * @param path - an input path as given
 * @returns the name for messages (`stdin:12: …`)
 * @example inputName('-') // 'stdin'
 * @example inputName('cases.ndjson.gz') // 'cases.ndjson.gz'
 */
export function inputName(path: string): string {
  return isStdin(path) ? 'stdin' : path;
}

/** Bytes looked at to recognise a compressed or binary input. */
const SNIFF_BYTES = 8192;

const GZIP = [0x1f, 0x8b];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Formats that are sometimes given where a text export is expected, by their first bytes. */
const NOT_TEXT: ReadonlyArray<{ readonly magic: readonly number[]; readonly what: Template }> = [
  { magic: GZIP, what: K.gzipTwice },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: K.zip },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: K.xls },
  { magic: [0xff, 0xfe], what: K.utf16Le },
  { magic: [0xfe, 0xff], what: K.utf16Be },
  { magic: [0x42, 0x5a, 0x68], what: K.bzip2 },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: K.xz },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: K.zstd },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: K.sevenZip },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: K.pdf },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: K.png },
  { magic: [0xff, 0xd8, 0xff], what: K.jpeg },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: K.elf },
];

/**
 * What a file is when it is not text Trappa can read, from its first bytes
 * (after gzip decompression): a known binary format by its magic bytes
 * (ZIP/xlsx, xls, UTF-16, bzip2, xz, zstd, 7-Zip, PDF, PNG, JPEG, ELF), or
 * binary data by its NUL bytes: at least 64, and more than one byte in ten
 * (UTF-16 without a BOM has one in two). Undefined for anything else: a text
 * whose lines are not all valid UTF-8, or has a few stray NULs, is read line
 * by line, and each bad line is rejected on its own.
 *
 * @param head - the first bytes (the first 8 KiB are looked at)
 * @returns a description for the message, or undefined
 * @example binaryKind(Buffer.from('PK\u0003\u0004…')) // 'a ZIP archive (an Excel .xlsx or OpenDocument file?): export it as CSV (UTF-8) or NDJSON'
 * @example binaryKind(Buffer.from('{"studentId":"e1"}\n')) // undefined
 */
export function binaryKind(head: Uint8Array): string | undefined {
  return binaryKindText(head)?.en;
}

/**
 * `binaryKind` in both languages.
 *
 * @param head - the first bytes (the first 8 KiB are looked at)
 * @returns the description, sv and en, or undefined
 * @example binaryKindText(Buffer.from('%PDF-1.7')) // { sv: 'ett PDF-dokument', en: 'a PDF document' }
 */
export function binaryKindText(head: Uint8Array): Template | undefined {
  const known = NOT_TEXT.find((k) => startsWith(head, k.magic));
  if (known !== undefined) return known.what;
  const sample = head.subarray(0, SNIFF_BYTES);
  let nuls = 0;
  for (let at = sample.indexOf(0); at !== -1; at = sample.indexOf(0, at + 1)) nuls += 1;
  return nuls >= 64 && nuls * 10 > sample.length ? both(K.binary, { nuls, bytes: sample.length }) : undefined;
}

/** An opened input: its bytes (decompressed), and what it is. */
export interface OpenedInput {
  /** How messages name it (`inputName`). */
  readonly name: string;
  /** The file was gzip-compressed (recognised by its first bytes, whatever its name). */
  readonly compressed: boolean;
  /** A regular file that can be read again and in byte ranges: not stdin, a pipe or a device. */
  readonly regularFile: boolean;
  /** The file's size on disk when it is a regular file (compressed size for a .gz). */
  readonly size: number | undefined;
  /** The bytes, decompressed: read them once. */
  readonly chunks: AsyncIterable<Buffer>;
  /** Stop reading early (closes the file); not needed after reading to the end. */
  close(): Promise<void>;
}

/** An iterator's first bytes (at least `min`, unless it ends first) and an iterable of all of them, those first bytes included. */
async function peek(source: AsyncIterator<Buffer>, min: number): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const parts: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < min) {
    const next = await source.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    parts.push(next.value);
    length += next.value.length;
  }
  const head = parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts, length);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const next = await source.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return { head, all: all() };
}

/** Decompress a gzip stream (all members of a concatenated file), with zlib's errors named for the file. */
async function* gunzip(compressed: AsyncIterable<Buffer>, name: string, chunkBytes: number): AsyncGenerator<Buffer> {
  const inflate = createGunzip({ chunkSize: Math.max(chunkBytes, 64) });
  const feeding = pipeline(Readable.from(compressed, { objectMode: false }), inflate);
  // Reported through the iteration below; a rejection nobody waits for must not crash the process.
  feeding.catch(() => undefined);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) yield chunk;
    await feeding;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const reason = (error as Error).message;
      throw new BatchInputError(both(INPUT_FILE_TEXT.notGzip, (lang) => ({ name, reason: lang === 'sv' ? (GZIP_REASON_SV[code] ?? code) : reason })));
    }
    throw error;
  } finally {
    inflate.destroy();
  }
}

/**
 * Open an input the way every reader of Trappa opens one: standard input for
 * `-` and `/dev/stdin`, else the file. A gzip file is recognised by its first
 * two bytes (1f 8b), whatever its name, and decompressed as a stream
 * (node:zlib); a binary file (`binaryKind`) is refused before anything of it
 * is read as text. Nothing else is changed: the BOM and line ends are the
 * line reader's.
 *
 * @param path - a file, or `-` / `/dev/stdin`
 * @param chunkBytes - read size (default 1 MiB)
 * @param signal - optional: aborting it destroys the stream, so a read still waiting (a stdin that
 *   sends nothing) ends; the caller then finds the signal aborted (what the reading throws then is
 *   not the input's fault)
 * @returns the opened input
 * @throws {BatchInputError} for a binary file or a damaged gzip file (naming the file and what it is)
 * @throws {Error} when the file cannot be opened or read (ENOENT, EISDIR…)
 * @example const input = await openInput('lessons.csv.gz'); for await (const chunk of input.chunks) …; input.compressed // true
 */
export async function openInput(path: string, chunkBytes = 1 << 20, signal?: AbortSignal): Promise<OpenedInput> {
  const name = inputName(path);
  const stdin = isStdin(path);
  const stat = stdin ? undefined : statSync(path);
  if (stat?.isDirectory() === true) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
  const regularFile = stat?.isFile() === true;
  const stream: NodeJS.ReadableStream = stdin ? process.stdin : createReadStream(path, { highWaterMark: chunkBytes });
  const raw = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let decoded: AsyncIterator<Buffer> | undefined;
  // A stop (SIGTERM) must not wait for bytes that may never come.
  const stop = (): void => void (stream as Readable).destroy();
  if (signal?.aborted === true) stop();
  signal?.addEventListener('abort', stop, { once: true });
  const close = async (): Promise<void> => {
    signal?.removeEventListener('abort', stop);
    await decoded?.return?.();
    await raw.return?.();
  };
  try {
    const first = await peek(raw, GZIP.length);
    const compressed = startsWith(first.head, GZIP);
    decoded = (compressed ? gunzip(first.all, name, chunkBytes) : first.all)[Symbol.asyncIterator]();
    const text = await peek(decoded, SNIFF_BYTES);
    const kind = binaryKindText(text.head);
    if (kind !== undefined) throw new BatchInputError(both(INPUT_FILE_TEXT.notText, (lang) => ({ name, kind: kind[lang] })));
    return { name, compressed, regularFile, size: regularFile ? stat?.size : undefined, chunks: text.all, close };
  } catch (error) {
    await close();
    throw error;
  }
}
