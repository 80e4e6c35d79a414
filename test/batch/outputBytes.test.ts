/**
 * Worker threads send a bucket's output as UTF-8 bytes, encoded in the worker and moved to the
 * main thread without a copy (issue 15: cloning and encoding a night's 300 MB of `--json` kept the
 * main thread as busy as a worker). The files and the stream must not see the difference: an
 * atomic file and a decisions file written with any mix of text and bytes hold the same bytes,
 * and the decisions file the same count and SHA-256 in its trailer; a night run on two worker
 * threads writes the same stdout and the same decisions file as on one.
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';
import { decisionsWriter } from '../../src/batch/decisionsFile.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { runBatch } from '../../src/batch/runBatch.js';
import { openAtomic } from '../../src/io/atomicFile.js';
import { builtinPolicy } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'trappa-output-bytes-'));
const encoder = new TextEncoder();

/** Decision-like lines with text beyond ASCII (Swedish letters, an arrow, an emoji). */
const line = fc.string({ unit: fc.constantFrom('a', 'ä', 'Ö', '→', '😀', '"', '{', '}', ' ', '1'), maxLength: 12 }).map((s) => `{"x":${JSON.stringify(s)}}\n`);

/** The lines cut into chunks at line ends, each chunk text or bytes. */
const chunked = fc.array(fc.tuple(fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean()), { maxLength: 8 });

let files = 0;
const fresh = (): string => join(dir, `f${(files += 1)}.ndjson`);

describe('output chunks as text or as bytes', () => {
  it('an atomic file holds the same bytes whatever mix of text and bytes it was given (property)', () => {
    fc.assert(
      fc.property(chunked, (chunks) => {
        const asText = openAtomic(fresh());
        const mixed = openAtomic(fresh());
        for (const [lines, bytes] of chunks) {
          const text = lines.join('');
          asText.write(text);
          mixed.write(bytes ? encoder.encode(text) : text);
        }
        asText.commit();
        mixed.commit();
        expect(readFileSync(mixed.path)).toEqual(readFileSync(asText.path));
      }),
      { numRuns: 60 },
    );
  });

  it('a decisions file counts and hashes bytes as it does their text: same file, same trailer (property)', () => {
    const policy = builtinPolicy('stockholm');
    fc.assert(
      fc.property(chunked, (chunks) => {
        const a = openAtomic(fresh());
        const b = openAtomic(fresh());
        const asText = decisionsWriter(a);
        const mixed = decisionsWriter(b);
        for (const [lines, bytes] of chunks) {
          const text = lines.join('');
          asText.write(text);
          mixed.write(bytes ? encoder.encode(text) : text);
        }
        const night = { asOf: '2026-11-23', policy };
        expect(mixed.finish(night)).toEqual(asText.finish(night));
        a.commit();
        b.commit();
        expect(readFileSync(b.path)).toEqual(readFileSync(a.path));
      }),
      { numRuns: 60 },
    );
  });
});

const workerUrl = new URL('../../dist/batch-worker.js', import.meta.url);

describe.skipIf(!existsSync(workerUrl))('a night on worker threads', () => {
  it('writes the same stdout and decisions file on two threads (bytes moved from the workers) as on one', async () => {
    const city = writeCity({ students: 60, seed: 5, termEnd: '2026-11-23', dir: join(dir, 'city'), schoolSize: 20 });
    const settings: BatchSettings = { policy: builtinPolicy('stockholm'), calendar: undefined, asOf: '2026-11-23', incremental: false };
    const night = async (workers: number): Promise<{ out: string; decisions: Buffer }> => {
      const out = new PassThrough();
      const parts: Buffer[] = [];
      out.on('data', (c: Buffer) => parts.push(c));
      const decisionsPath = join(dir, `night-${workers}.ndjson`);
      await runBatch({
        files: { students: city.students, lessons: [city.lessons] },
        settings,
        out,
        workers,
        ...(workers > 1 ? { workerUrl } : {}),
        buckets: 4,
        format: { output: 'json', details: 'none', lang: 'sv' },
        decisionsPath,
        decisionsForm: 'full',
      });
      out.end();
      return { out: Buffer.concat(parts).toString('utf8'), decisions: readFileSync(decisionsPath) };
    };
    const one = await night(1);
    const two = await night(2);
    expect(one.out.trim().split('\n')).toHaveLength(60);
    expect(two.out).toBe(one.out);
    expect(two.decisions).toEqual(one.decisions);
  }, 60_000);
});

describe('reusing the memory of written chunks (one worker, `outReleasesChunks`)', () => {
  it('changes no byte of stdout or the decisions file, when the decisions share the chunks and when they do not', async () => {
    // 240 students of about 16 KB of full JSON in two buckets: each bucket's output is some 2 MB, several
    // chunks, so later chunks are written into the memory of earlier ones.
    const city = writeCity({ students: 240, seed: 11, termEnd: '2026-11-23', dir: join(dir, 'city-reuse'), schoolSize: 60 });
    const settings: BatchSettings = { policy: builtinPolicy('stockholm'), calendar: undefined, asOf: '2026-11-23', incremental: false };
    // Three outputs: a PassThrough, which keeps what it is given (no reuse); a file stream; and a sink that
    // reads each chunk only when it completes it, a little later, as a pipe does (with no back-pressure,
    // the next bucket is evaluated meanwhile: memory reused before the callback would show).
    const night = async (kind: 'keep' | 'file' | 'late', decisionsForm: 'full' | 'compact'): Promise<{ out: Buffer; decisions: Buffer }> => {
      const decisionsPath = join(dir, `reuse-${kind}-${decisionsForm}.ndjson`);
      const outPath = join(dir, `reuse-${kind}-${decisionsForm}.out`);
      const parts: Buffer[] = [];
      const late = new Writable({
        highWaterMark: 1 << 30,
        write(chunk: Buffer, _encoding, callback) {
          setTimeout(() => {
            parts.push(Buffer.from(chunk));
            callback();
          }, 2);
        },
      });
      const out = kind === 'file' ? createWriteStream(outPath) : kind === 'late' ? late : new PassThrough();
      if (kind === 'keep') out.on('data', (c: Buffer) => parts.push(Buffer.from(c)));
      await runBatch({
        files: { students: city.students, lessons: [city.lessons] },
        settings,
        out,
        outReleasesChunks: kind !== 'keep',
        workers: 1,
        buckets: 2,
        format: { output: 'json', details: 'none', lang: 'sv' },
        decisionsPath,
        decisionsForm,
      });
      out.end();
      if (kind !== 'keep') await finished(out);
      return { out: kind === 'file' ? readFileSync(outPath) : Buffer.concat(parts), decisions: readFileSync(decisionsPath) };
    };
    for (const form of ['full', 'compact'] as const) {
      const kept = await night('keep', form);
      expect(kept.out.length).toBeGreaterThan(3_000_000);
      expect(kept.out.toString('utf8').trim().split('\n')).toHaveLength(240);
      for (const kind of ['file', 'late'] as const) {
        const reused = await night(kind, form);
        expect(reused.out.equals(kept.out), `${kind}, decisions ${form}`).toBe(true);
        expect(reused.decisions.equals(kept.decisions), `${kind}, decisions ${form}`).toBe(true);
      }
    }
  }, 120_000);
});
