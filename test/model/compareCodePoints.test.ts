import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/model/compareCodePoints.js';

/** The order by definition: the strings' code points (UTF-32), compared lexicographically; no Intl, no locale. */
function byCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number) ? -1 : 1;
  }
  return Math.sign(x.length - y.length);
}

/** Letters where locales disagree (Swedish å ä ö after z, German ä with a; upper case before or after lower), the last BMP character and astral ones. */
const tricky = fc.constantFrom('a', 'B', 'b', 'z', 'Z', 'å', 'ä', 'ö', 'é', '-', '_', '1', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}');
const wellFormed = fc.oneof(fc.string({ unit: tricky, maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 8 }));
/** Any UTF-16 string, lone surrogates included: the order must still be total. */
const anyUtf16 = fc.oneof(
  fc.string({ unit: tricky, maxLength: 6 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 6 }),
);

describe('compareCodePoints', () => {
  it('is code-point order on well-formed strings', () => {
    fc.assert(
      fc.property(wellFormed, wellFormed, (a, b) => {
        expect(compareCodePoints(a, b)).toBe(byCodePoints(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('is 0 exactly when the strings are ===, and antisymmetric', () => {
    fc.assert(
      fc.property(anyUtf16, anyUtf16, (a, b) => {
        expect(compareCodePoints(a, b) === 0).toBe(a === b);
        expect(compareCodePoints(a, a)).toBe(0);
        expect(compareCodePoints(a, b) + compareCodePoints(b, a)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('is transitive, so sorting gives one order whatever the input order', () => {
    fc.assert(
      fc.property(anyUtf16, anyUtf16, anyUtf16, (a, b, c) => {
        if (compareCodePoints(a, b) <= 0 && compareCodePoints(b, c) <= 0) expect(compareCodePoints(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
    const listAndPermutation = fc
      .array(anyUtf16, { maxLength: 12 })
      .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    fc.assert(
      fc.property(listAndPermutation, ([list, permuted]) => {
        const sorted = [...list].sort(compareCodePoints);
        expect([...permuted].sort(compareCodePoints)).toEqual(sorted);
        sorted.forEach((s, i) => i === 0 || expect(compareCodePoints(sorted[i - 1] as string, s)).toBeLessThanOrEqual(0));
      }),
      { numRuns: 100 },
    );
  });

  it('puts letters in code-point order, not any locale’s', () => {
    // Swedish collation puts z < å < ä < ö and a < B; code points put B < a < z < ä < å < ö.
    expect(['ö', 'å', 'z', 'ä', 'B', 'a'].sort(compareCodePoints)).toEqual(['B', 'a', 'z', 'ä', 'å', 'ö']);
    // UTF-16 code units (`<`) put an astral character before U+FFFF; code points put it after.
    expect(compareCodePoints('\uFFFF', '\u{10000}')).toBe(-1);
    expect('\uFFFF' < '\u{10000}').toBe(false);
    expect(compareCodePoints('sarskilt-stod', 'sarskilt-stod-utredning')).toBe(-1);
  });
});
