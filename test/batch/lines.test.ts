import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachLine } from '../../src/batch/lines.js';

const dir = mkdtempSync(join(tmpdir(), 'trappa-lines-'));

async function read(text: string, chunkBytes: number): Promise<Array<[string, number]>> {
  const path = join(dir, 'f.txt');
  writeFileSync(path, text);
  const out: Array<[string, number]> = [];
  await forEachLine(path, (line, n) => out.push([line, n]), undefined, chunkBytes);
  return out;
}

describe('forEachLine', () => {
  it('gives the lines of split("\\n") with numbers, for any text and chunk size, UTF-8 split across chunks included', async () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('å', 'ö', 'elev-ä', '€', '😀')), { maxLength: 12 }).map((parts) => parts.join('\n'));
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 7 }), async (t, chunk) => {
        const expected = t.split('\n');
        if (expected[expected.length - 1] === '') expected.pop();
        expect(await read(t, chunk)).toEqual(expected.map((line, i) => [line.endsWith('\r') ? line.slice(0, -1) : line, i + 1]));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts CRLF and a last line without a line break', async () => {
    expect(await read('a\r\nb\r\nc', 2)).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });
});
