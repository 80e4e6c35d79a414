import { BatchInputError } from './batchInputError.js';
import { both } from '../model/template.js';
import { INPUT_FILE_TEXT } from '../report/failureText.js';
import { openInput } from './openInput.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LOSSY = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The bytes of a whole text input as UTF-8, without the BOM some Windows
 * tools put first (`JSON.parse` would refuse the file for it). Bytes that are
 * not UTF-8 are an error naming the line and byte, never a text with
 * replacement characters.
 *
 * @param bytes - the file's bytes (decompressed)
 * @param name - how messages name the file
 * @returns the text
 * @throws {BatchInputError} when the bytes are not UTF-8
 * @example decodeText(Buffer.from('\uFEFF{"a":1}'), 'a.json') // '{"a":1}'
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  try {
    return UTF8.decode(body);
  } catch {
    // Every character before the first U+FFFD that is not in the input decoded exactly: its UTF-8 length is the byte offset.
    const lossy = LOSSY.decode(body);
    let at = 0;
    for (let k = lossy.indexOf('\uFFFD'); k !== -1; k = lossy.indexOf('\uFFFD', k + 1)) {
      at = Buffer.byteLength(lossy.slice(0, k));
      if (body[at] !== 0xef || body[at + 1] !== 0xbf || body[at + 2] !== 0xbd) break;
    }
    const lineStart = body.lastIndexOf(10, at - 1) + 1;
    let line = 1;
    for (let i = body.indexOf(10); i !== -1 && i < at; i = body.indexOf(10, i + 1)) line += 1;
    throw new BatchInputError(both(INPUT_FILE_TEXT.notUtf8, { name, line, byte: at - lineStart + 1 }));
  }
}

/** A whole text input and what it was. */
export interface TextInput {
  readonly text: string;
  /** How messages name it (`stdin` for `-`). */
  readonly name: string;
  /** A regular, uncompressed file on disk: it can be read again, and from its end. */
  readonly plainFile: boolean;
}

/**
 * A whole text input, opened by `openInput` (`-` reads stdin, a gzip file is
 * decompressed, a binary file is refused) and decoded by `decodeText` (UTF-8,
 * the BOM dropped).
 *
 * @param path - the file, or `-` for stdin
 * @returns its text, name and whether it is a plain file
 * @throws {BatchInputError} for a binary, damaged gzip or non-UTF-8 input
 * @example (await readTextInput('-')).name // 'stdin'
 */
export async function readTextInput(path: string): Promise<TextInput> {
  const input = await openInput(path);
  const parts: Buffer[] = [];
  for await (const chunk of input.chunks) parts.push(chunk);
  return { text: decodeText(Buffer.concat(parts), input.name), name: input.name, plainFile: input.regularFile && !input.compressed };
}

/**
 * A whole text input (a policy, a calendar, a side file, an SS 12000 page, a
 * labels file) as UTF-8: `readTextInput`'s text.
 *
 * @param path - the file, or `-` for stdin
 * @returns its text
 * @throws {BatchInputError} for a binary, damaged gzip or non-UTF-8 input
 * @example JSON.parse(await readText('calendar.json.gz')) // { terms: […], breaks: […] }
 */
export async function readText(path: string): Promise<string> {
  return (await readTextInput(path)).text;
}
