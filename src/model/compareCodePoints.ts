/**
 * Compare two strings by Unicode code point, the order of their UTF-32
 * encodings: a total order that is the same on every machine, whatever the
 * locale and ICU build (`localeCompare` is neither). JavaScript's `<` compares
 * UTF-16 code units, which puts U+E000–U+FFFF after the astral planes; this
 * corrects that, so the order is code-point order everywhere.
 *
 * @param a - a string
 * @param b - another
 * @returns -1 when `a` comes first, 1 when `b` does, 0 when they are equal (`===`)
 * @example ['ö', 'z', 'ä', 'B', 'a'].sort(compareCodePoints) //=> ['B', 'a', 'z', 'ä', 'ö']
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * A UTF-16 code unit's place in code-point order at the first difference of
 * two strings: surrogates (U+D800–U+DFFF, the start of an astral code point)
 * rank above U+E000–U+FFFF.
 */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
