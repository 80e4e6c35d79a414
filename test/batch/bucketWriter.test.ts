import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketWriter } from '../../src/batch/bucketWriter.js';

describe('BucketWriter', () => {
  it('each bucket file holds exactly its lines, in order, whatever their length and characters', () => {
    const line = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')), fc.constantFrom('å'.repeat(100_000), 'x'.repeat(300_000), ''));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.nat(), line), { maxLength: 60 }), (buckets, adds) => {
        const dir = mkdtempSync(join(tmpdir(), 'trappa-bucket-writer-'));
        const writer = new BucketWriter(dir, 'test', buckets);
        const expected: string[][] = Array.from({ length: buckets }, () => []);
        for (const [b, text] of adds) {
          writer.add(b % buckets, text);
          expected[b % buckets]?.push(text);
        }
        writer.flush();
        for (let b = 0; b < buckets; b += 1) expect(readFileSync(writer.path(b), 'utf8')).toBe(expected[b]?.map((l) => `${l}\n`).join(''));
      }),
      { numRuns: 60 },
    );
  });
});
