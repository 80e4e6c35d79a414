import { documentItems, isBlank, isJsonLine, lineItem, type CaseItem, type Line } from '../adapters/caseItems.js';
import { readLines } from './lines.js';
import { inputName } from './openInput.js';

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
 * @param signal - optional: ends a read still waiting (a stdin that sends nothing); the reading then throws
 * @returns an async iterable of items
 * @throws {BatchInputError} for a binary or damaged gzip input
 * @example for await (const item of readInput('cases.ndjson')) { ... } // { location: 'cases.ndjson:1', value: { student: … } }, …
 * @example for await (const item of readInput('case.json')) { ... } // one item, { location: 'case.json:1', value: { student: … } }
 */
export async function* readInput(path: string, chunkBytes?: number, signal?: AbortSignal): AsyncGenerator<CaseItem> {
  const name = inputName(path);
  const lines = readLines(path, chunkBytes, signal)[Symbol.asyncIterator]();
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
