/**
 * The test oracle for line reading: cut bytes at LF, drop a CR before it and
 * a BOM at the start of the file, and decode each line on its own as strict
 * UTF-8. `text` is null for a line that is not valid UTF-8. Shared by the
 * line-reader and the batch decoding tests.
 *
 * @param bytes - a file's bytes
 * @returns each line with its 1-based number
 * @example byteLines(Buffer.from('a\r\nb')) // [{ n: 1, text: 'a' }, { n: 2, text: 'b' }]
 */
export function byteLines(bytes: Uint8Array): Array<{ readonly n: number; readonly text: string | null }> {
  const out: Array<{ n: number; text: string | null }> = [];
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let from = 0;
  let n = 0;
  while (from < bytes.length) {
    let nl = bytes.indexOf(10, from);
    if (nl === -1) nl = bytes.length;
    let line = bytes.subarray(from, nl);
    n += 1;
    if (n === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    if (line[line.length - 1] === 13) line = line.subarray(0, line.length - 1);
    let text: string | null;
    try {
      text = fatal.decode(line);
    } catch {
      text = null;
    }
    out.push({ n, text });
    from = nl + 1;
  }
  return out;
}
