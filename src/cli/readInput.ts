import { open, readFile } from 'node:fs/promises';
import { recoverStudentId } from '../adapters/recoverStudentId.js';
import { readLines } from '../batch/lines.js';
import { jsonErrorReason } from '../adapters/jsonError.js';

/** One input item with where it came from, for error messages. */
export interface InputItem {
  /** `file:line` for NDJSON, `file[index]` for a JSON array. */
  readonly location: string;
  readonly value: unknown;
}

/** An input item that is not JSON at all. */
export interface UnparsableItem {
  readonly location: string;
  readonly error: string;
  /** The student id read from what there is of the line (`recoverStudentId`), or null. */
  readonly studentId: string | null;
}

async function firstNonSpaceChar(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(512);
    for (let offset = 0; ; offset += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      if (bytesRead === 0) return undefined;
      const match = /\S/.exec(buffer.toString('utf8', 0, bytesRead));
      if (match !== null) return match[0];
    }
  } finally {
    await handle.close();
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Read student cases from a file: a JSON array, or NDJSON (one case per line,
 * streamed, blank lines skipped). Yields parsed values or unparsable lines;
 * never throws for bad content, only for an unreadable file. A UTF-8 BOM at
 * the start is skipped; a line that is not valid UTF-8 is unparsable (that
 * line only).
 *
 * @param path - file path
 * @returns an async iterable of items
 * @example for await (const item of readInput('cases.ndjson')) { ... }
 */
export async function* readInput(path: string): AsyncGenerator<InputItem | UnparsableItem> {
  if ((await firstNonSpaceChar(path)) === '[') {
    let parsed: unknown;
    let text = '';
    try {
      text = UTF8.decode(await readFile(path));
      parsed = JSON.parse(text);
    } catch (error) {
      yield { location: path, error: error instanceof TypeError ? 'not valid UTF-8' : `invalid JSON: ${jsonErrorReason(error, text)}`, studentId: null };
      return;
    }
    const items = parsed as unknown[];
    for (let i = 0; i < items.length; i += 1) yield { location: `${path}[${i}]`, value: items[i] };
    return;
  }
  for await (const line of readLines(path)) {
    const location = `${path}:${line.lineNumber}`;
    if (!('text' in line)) {
      yield { location, error: `not valid UTF-8 (byte ${line.invalidByte} of the line)`, studentId: recoverStudentId(line.lossy) };
      continue;
    }
    if (line.text.trim() === '') continue;
    try {
      yield { location, value: JSON.parse(line.text) };
    } catch (error) {
      yield { location, error: `invalid JSON: ${jsonErrorReason(error, line.text)}`, studentId: recoverStudentId(line.text) };
    }
  }
}
