import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinaryBucketWriter, BucketWriter, bucketPath } from '../../src/batch/bucketWriter.js';

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

describe('BinaryBucketWriter', () => {
  /** Files of `dir` this process holds open (Linux; -1 elsewhere): other tests' files do not count. */
  const openIn = (dir: string): number => {
    if (!existsSync('/proc/self/fd')) return -1;
    let n = 0;
    for (const fd of readdirSync('/proc/self/fd')) {
      try {
        if (readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir)) n += 1;
      } catch {
        // closed meanwhile
      }
    }
    return n;
  };

  it('gives each bucket its records in order across flushes, makes no file for a bucket without records, and leaves no file open', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-binary-writer-'));
    const writer = new BinaryBucketWriter(dir, 'lessons.0', 3, 2);
    // 5 000 records into bucket 0 (more than two flushes of 2 048), 3 into bucket 2, none into bucket 1.
    const put = (bucket: number, a: number, b: number): void => {
      const at = writer.reserve(bucket);
      const words = writer.buffer(bucket);
      words[at] = a;
      words[at + 1] = b;
    };
    for (let k = 0; k < 5000; k += 1) {
      put(0, k, -k);
      if (k % 2000 === 0) put(2, k, 7);
    }
    if (openIn(dir) >= 0) expect(openIn(dir)).toBe(1); // bucket 0's file, open since its first flush
    writer.flush();
    if (openIn(dir) >= 0) expect(openIn(dir)).toBe(0);
    const words = (bucket: number): number[] => Array.from(new Int32Array(new Uint8Array(readFileSync(bucketPath(dir, bucket, 'lessons.0'))).buffer));
    expect(words(0)).toEqual(Array.from({ length: 5000 }, (_, k) => [k, -k | 0]).flat());
    expect(existsSync(bucketPath(dir, 1, 'lessons.0'))).toBe(false);
    expect(words(2)).toEqual([0, 7, 2000, 7, 4000, 7]);
  });

  it('close() after a failed read closes every file it opened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-binary-writer-'));
    const writer = new BinaryBucketWriter(dir, 'lessons.0', 4, 1);
    for (let k = 0; k < 3 * 2049; k += 1) {
      const b = k % 3;
      writer.buffer(b)[writer.reserve(b)] = k;
    }
    if (openIn(dir) >= 0) expect(openIn(dir)).toBe(3);
    writer.close();
    if (openIn(dir) >= 0) expect(openIn(dir)).toBe(0);
  });
});
