import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketWriter } from '../../src/batch/bucketWriter.js';

describe('BucketWriter', () => {
  it('each bucket file holds exactly its lines, in order, whatever their length and characters', () => {
    const line = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')), fc.constantFrom('å'.repeat(100_000), 'x'.repeat(300_000), '€'.repeat(60_000), ''));
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

  it('a line joined from a text and bytes of another buffer is the line of the two texts, among lines added whole', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')), fc.constantFrom('ö'.repeat(100_000), 'y'.repeat(300_000), '€'.repeat(60_000)));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.tuple(fc.nat(), fc.boolean(), text, text, fc.nat({ max: 5 })), { maxLength: 40 }), (buckets, adds) => {
        const dir = mkdtempSync(join(tmpdir(), 'trappa-bucket-writer-'));
        const writer = new BucketWriter(dir, 'test', buckets);
        const expected: string[][] = Array.from({ length: buckets }, () => []);
        for (const [b, joined, head, rest, pad] of adds) {
          // The rest sits inside a larger buffer, `pad` bytes from its start and end.
          const bytes = Buffer.concat([Buffer.alloc(pad, 0x7b), Buffer.from(rest), Buffer.alloc(pad, 0x7d)]);
          if (joined) writer.addJoined(b % buckets, head, bytes, pad, bytes.length - pad);
          else writer.add(b % buckets, head + rest);
          expected[b % buckets]?.push(head + rest);
        }
        writer.flush();
        for (let b = 0; b < buckets; b += 1) expect(readFileSync(writer.path(b), 'utf8')).toBe(expected[b]?.map((l) => `${l}\n`).join(''));
      }),
      { numRuns: 60 },
    );
  });
});
