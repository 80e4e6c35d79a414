import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';

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

/**
 * Read student cases from a file: a JSON array, or NDJSON (one case per line,
 * streamed, blank lines skipped). Yields parsed values or unparsable lines;
 * never throws for bad content, only for an unreadable file.
 *
 * @param path - file path
 * @returns an async iterable of items
 * @example for await (const item of readInput('cases.ndjson')) { ... }
 */
export async function* readInput(path: string): AsyncGenerator<InputItem | UnparsableItem> {
  if ((await firstNonSpaceChar(path)) === '[') {
    const { readFile } = await import('node:fs/promises');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      yield { location: path, error: `invalid JSON: ${(error as Error).message}` };
      return;
    }
    const items = parsed as unknown[];
    for (let i = 0; i < items.length; i += 1) yield { location: `${path}[${i}]`, value: items[i] };
    return;
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    try {
      yield { location: `${path}:${lineNumber}`, value: JSON.parse(line) };
    } catch (error) {
      yield { location: `${path}:${lineNumber}`, error: `invalid JSON: ${(error as Error).message}` };
    }
  }
}
