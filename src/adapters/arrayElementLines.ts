/**
 * The line on which each element of a top-level JSON array starts, so that a
 * message about element 12 of a pretty-printed array can name its line. The
 * text must be valid JSON (`JSON.parse` accepted it); for anything but an
 * array the result is empty.
 *
 * @param text - a JSON document, lines separated by `\n`
 * @returns 1-based line numbers, one per element, in order
 * @example arrayElementLines('[\n  {"a": 1},\n  {"a": [2,\n 3]}\n]') // [2, 3]
 */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let expectValue = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) continue;
    if (depth === 0 && c !== 91) return lines; // not an array
    if (depth === 1 && expectValue && c !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) {
      // Skip the string: JSON strings hold no raw line break.
      for (i += 1; i < text.length && text.charCodeAt(i) !== 34; i += 1) if (text.charCodeAt(i) === 92) i += 1;
    } else if (c === 91 || c === 123) {
      depth += 1;
      if (depth === 1) expectValue = true;
    } else if (c === 93 || c === 125) {
      depth -= 1;
      if (depth === 0) return lines;
    } else if (c === 44 && depth === 1) expectValue = true;
  }
  return lines;
}
