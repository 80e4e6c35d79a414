import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';

/**
 * Call `onLine` for every line of a file, streamed in 1 MiB chunks: memory
 * stays flat however large the file. The line is given as a range of a
 * larger text (no string per line: a city's 30 million lines would be that
 * many strings for the garbage collector). Line numbers count from 1 and
 * include blank lines (so they match an editor's); `\r\n` endings are
 * accepted. Faster than `readline` on long files: no promise per line, and
 * ASCII chunks (the usual export) skip UTF-8 decoding.
 *
 * @param path - the file
 * @param onLine - called with a text, the line's start and end in it (end exclusive, without the line break) and the line number
 * @param onBytes - called after each chunk with the bytes read so far
 * @param chunkBytes - read size (tests use tiny chunks to split characters)
 * @param start - first byte to read (a slice of the file: line numbers count from it)
 * @param end - byte after the last to read
 * @returns the number of lines
 * @example await forEachLineRange('lessons.ndjson', (text, from, to, n) => { const line = text.slice(from, to); … })
 */
export async function forEachLineRange(
  path: string,
  onLine: (text: string, from: number, to: number, lineNumber: number) => void,
  onBytes?: (bytes: number) => void,
  chunkBytes = 1 << 20,
  start = 0,
  end = Number.POSITIVE_INFINITY,
): Promise<number> {
  const stream = createReadStream(path, { highWaterMark: chunkBytes, start, ...(Number.isFinite(end) ? { end: end - 1 } : {}) });
  let rest = '';
  let lineNumber = 0;
  let bytes = 0;
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    // Exports are ASCII almost always: then latin1 is the same text and much
    // faster to decode. A chunk with other bytes goes through the UTF-8
    // decoder, which also carries a character split across chunks.
    const text = rest + (isAscii(chunk) ? chunk.toString('latin1') : decoder.decode(chunk, { stream: true }));
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      lineNumber += 1;
      onLine(text, from, nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, lineNumber);
      from = nl + 1;
    }
    rest = text.slice(from);
    onBytes?.(bytes);
  }
  rest += decoder.decode();
  if (rest !== '') {
    lineNumber += 1;
    onLine(rest, 0, rest.endsWith('\r') ? rest.length - 1 : rest.length, lineNumber);
  }
  return lineNumber;
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
 * @example await forEachLine('lessons.ndjson', (line, n) => { ... })
 */
export function forEachLine(
  path: string,
  onLine: (line: string, lineNumber: number) => void,
  onBytes?: (bytes: number) => void,
  chunkBytes = 1 << 20,
  start = 0,
  end = Number.POSITIVE_INFINITY,
): Promise<number> {
  return forEachLineRange(path, (text, from, to, n) => onLine(text.slice(from, to), n), onBytes, chunkBytes, start, end);
}
