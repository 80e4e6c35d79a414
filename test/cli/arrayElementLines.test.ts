import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayElementLines } from '../../src/adapters/arrayElementLines.js';

describe('arrayElementLines', () => {
  it('gives the line each element of a pretty-printed array starts on', () => {
    expect(arrayElementLines('[\n  {"a": 1},\n  {"a": [2,\n 3]}\n]')).toEqual([2, 3]);
    expect(arrayElementLines('[{"a":"[,{"},{"b":"\\"],"}]')).toEqual([1, 1]);
    expect(arrayElementLines('\uFEFF\n\n[\n]')).toEqual([]);
    expect(arrayElementLines('{"a": [1, 2]}')).toEqual([]);
  });

  it('for any array of JSON values and any indentation, each element starts on the line where it was written', () => {
    // Oracle: write each element on its own line(s) after a known number of blank lines, counting lines while writing.
    const element = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(element, fc.integer({ min: 0, max: 2 }), fc.constantFrom(0, 1, 2, '\t')), { maxLength: 8 }), (items) => {
        let text = '[';
        let line = 1;
        const expected: number[] = [];
        items.forEach(([value, blank, indent], i) => {
          if (i > 0) text += ',';
          text += '\n'.repeat(blank);
          line += blank;
          expected.push(line);
          const written = JSON.stringify(value, null, indent);
          text += written;
          line += written.split('\n').length - 1;
        });
        text += '\n]';
        expect(JSON.parse(text)).toHaveLength(items.length);
        expect(arrayElementLines(text)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
