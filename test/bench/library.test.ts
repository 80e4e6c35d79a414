/**
 * The library section's helpers: the bench's median (`anchorSection.ts`), which it reports over
 * fresh threads, and where it finds the compared build's library (`index.js` beside the `cli.js`
 * given to `--compare`).
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { median } from '../../bench/anchorSection.js';
import { comparedLibrary } from '../../bench/library.js';

describe('median', () => {
  it('is the middle value of an odd count and the mean of the middle two of an even one, in any order (property)', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 9 }), (values) => {
        const m = median(values);
        expect(values.filter((v) => v < m).length).toBeLessThanOrEqual(values.length / 2);
        expect(values.filter((v) => v > m).length).toBeLessThanOrEqual(values.length / 2);
        expect(median([...values].reverse())).toBe(m);
      }),
    );
  });
});

describe('comparedLibrary', () => {
  it('is the index.js beside the compared cli.js, as a file URL, or undefined when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-bench-library-'));
    const cli = join(dir, 'cli.js');
    writeFileSync(cli, '');
    expect(comparedLibrary(cli)).toBeUndefined();
    writeFileSync(join(dir, 'index.js'), '');
    expect(comparedLibrary(cli)).toBe(pathToFileURL(join(dir, 'index.js')).href);
  });
});
