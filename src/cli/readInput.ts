import { recoverStudentId } from '../adapters/recoverStudentId.js';
import { readLines, type Line } from '../batch/lines.js';
import { inputName } from '../batch/openInput.js';
import { jsonErrorAt, jsonErrorReason } from '../adapters/jsonError.js';
import { arrayElementLines } from './arrayElementLines.js';

/** One input item with where it came from, for error messages. */
export interface InputItem {
  /** `file:line` for NDJSON and a single JSON object, `file:line [index]` for an element of a JSON array (the line it starts on). */
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

type Item = InputItem | UnparsableItem;

const isBlank = (line: Line): boolean => 'text' in line && line.text.trim() === '';

/** One NDJSON line as an item (blank lines are skipped before). */
function lineItem(name: string, line: Line): Item {
  const location = `${name}:${line.lineNumber}`;
  if (!('text' in line)) return { location, error: `not valid UTF-8 (byte ${line.invalidByte} of the line)`, studentId: recoverStudentId(line.lossy) };
  try {
    return { location, value: JSON.parse(line.text) };
  } catch (error) {
    return { location, error: `invalid JSON: ${jsonErrorReason(error, line.text)}`, studentId: recoverStudentId(line.text) };
  }
}

/** Whether a line is a whole JSON value on its own. */
function isJsonLine(line: Line | undefined): boolean {
  if (line === undefined || !('text' in line)) return false;
  try {
    JSON.parse(line.text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The items of a whole JSON document (all of its lines, from line 1): each
 * element of an array, located by the line it starts on, or the one value;
 * or, when the document is not valid JSON (or not UTF-8), the one item that
 * reports the line and character where it goes wrong.
 */
function documentItems(name: string, lines: readonly Line[]): { readonly items: Item[] } | { readonly broken: UnparsableItem } {
  const bad = lines.find((l) => !('text' in l));
  if (bad !== undefined && !('text' in bad)) {
    return { broken: { location: `${name}:${bad.lineNumber}`, error: `not valid UTF-8 (byte ${bad.invalidByte} of the line)`, studentId: null } };
  }
  const text = lines.map((l) => ('text' in l ? l.text : '')).join('\n');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { words, position } = jsonErrorAt(error, text);
    // A document cut short fails at its end: its last line is named, not a character past it.
    const end = text.trimEnd().length;
    const cut = position === undefined || position >= end;
    const at = cut ? end : position;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(0, lineStart).split('\n').length;
    const where = cut ? ' (the text ends too early)' : ` at character ${at - lineStart + 1}`;
    return { broken: { location: `${name}:${line}`, error: `invalid JSON: ${words}${where}`, studentId: recoverStudentId(text) } };
  }
  const first = lines.find((l) => !isBlank(l))?.lineNumber ?? 1;
  if (!Array.isArray(value)) return { items: [{ location: `${name}:${first}`, value }] };
  const starts = arrayElementLines(text);
  return { items: value.map((v: unknown, i) => ({ location: `${name}:${starts[i] ?? first} [${i}]`, value: v })) };
}

/**
 * Read student cases from a file: NDJSON (one case per line, streamed, blank
 * lines skipped), a JSON array of cases, or one case as a JSON object over
 * many lines (pretty-printed). The file is opened by `openInput`: `-` reads
 * stdin, a gzip file is decompressed, a binary file is refused; a UTF-8 BOM
 * at the start is skipped. Which format, from the first non-blank line:
 * - `[`: a JSON array (or any one JSON value);
 * - a whole JSON value on its own: NDJSON;
 * - `{` that is not a whole value (a pretty-printed object): the file is
 *   parsed as one JSON value, unless the next non-blank line is a whole
 *   value on its own (NDJSON with a broken first line). When that parse
 *   fails, the file is NDJSON if at least half of its non-blank lines are
 *   whole values (some lines are broken), else one broken document,
 *   reported once at the line and character where it goes wrong.
 * Yields parsed values or unparsable items; never throws for bad content,
 * only for an unreadable, binary or damaged gzip file. A line that is not
 * valid UTF-8 is unparsable (that line only).
 *
 * @param path - file path, or `-` for stdin
 * @param chunkBytes - read size (default 1 MiB)
 * @returns an async iterable of items
 * @throws {BatchInputError} for a binary or damaged gzip input
 * @example for await (const item of readInput('cases.ndjson')) { ... } // { location: 'cases.ndjson:1', value: { student: … } }, …
 * @example for await (const item of readInput('case.json')) { ... } // one item, { location: 'case.json:1', value: { student: … } }
 */
export async function* readInput(path: string, chunkBytes?: number): AsyncGenerator<Item> {
  const name = inputName(path);
  const lines = readLines(path, chunkBytes)[Symbol.asyncIterator]();
  const held: Line[] = [];
  const nextNonBlank = async (): Promise<Line | undefined> => {
    for (;;) {
      const next = await lines.next();
      if (next.done === true) return undefined;
      held.push(next.value);
      if (!isBlank(next.value)) return next.value;
    }
  };
  try {
    const first = await nextNonBlank();
    if (first === undefined) return;
    const start = 'text' in first ? first.text.trimStart()[0] : undefined;
    let document = start === '[';
    if (start === '{' && !isJsonLine(first)) document = !isJsonLine(await nextNonBlank());
    if (document) {
      for (let next = await lines.next(); next.done !== true; next = await lines.next()) held.push(next.value);
      const read = documentItems(name, held);
      if ('items' in read) {
        yield* read.items;
        return;
      }
      const nonBlank = held.filter((l) => !isBlank(l));
      if (start === '[' || 2 * nonBlank.filter(isJsonLine).length < nonBlank.length) {
        yield read.broken;
        return;
      }
    }
    for (const line of held) if (!isBlank(line)) yield lineItem(name, line);
    held.length = 0;
    for (let next = await lines.next(); next.done !== true; next = await lines.next()) if (!isBlank(next.value)) yield lineItem(name, next.value);
  } finally {
    await lines.return?.(undefined);
  }
}
