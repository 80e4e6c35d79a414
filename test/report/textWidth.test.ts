/** Label wrapping for the report's SVG charts (no text measurement without a browser: an upper estimate). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTextWidth, wrapText } from '../../src/report/textWidth.js';

describe('wrapText', () => {
  it('loses nothing, and every line of more than one word fits the width (property)', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcåäöIMWlij,.()%0123456789'), minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 40, max: 400 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapText(text, width, 11);
        expect(lines.join(' ')).toBe(text);
        for (const line of lines) if (line.includes(' ')) expect(estimateTextWidth(line, 11)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 200 },
    );
  });

  it('a line is as long as it can be: the next word would not have fitted', () => {
    const lines = wrapText('Rektor ser till att frånvaron skyndsamt utreds', 150, 11);
    expect(lines).toEqual(['Rektor ser till att', 'frånvaron skyndsamt', 'utreds']);
    lines.slice(0, -1).forEach((line, i) => expect(estimateTextWidth(`${line} ${(lines[i + 1] ?? '').split(' ')[0]}`, 11)).toBeGreaterThan(150));
  });

  it('estimates wide letters wider than narrow ones, and bold wider than regular', () => {
    expect(estimateTextWidth('mmmm', 11)).toBeGreaterThan(estimateTextWidth('iiii', 11));
    expect(estimateTextWidth('Kartlägga', 11, true)).toBeGreaterThan(estimateTextWidth('Kartlägga', 11));
  });
});
