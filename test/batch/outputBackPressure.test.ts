/**
 * A slow reader of stdout (a pipe to `gzip`, a network share) makes the batch wait for `drain`
 * before each chunk. Each wait also listens for the run being stopped. Those listeners must go
 * when the wait ends: kept, they piled up on the run's signal, one per chunk, and Node warned
 * (`MaxListenersExceededWarning: … 11 abort listeners added to [AbortSignal]`) on every night
 * of a city with `--json`. The output must be whole and in order whatever the pace.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { runBatch } from '../../src/batch/runBatch.js';
import { builtinPolicy } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'trappa-back-pressure-'));

describe('a slow output stream', () => {
  it('gets every decision in order, and the waits for it leave no listener behind', async () => {
    const city = writeCity({ students: 60, seed: 11, termEnd: '2026-11-23', dir: join(dir, 'city'), schoolSize: 20 });
    const settings: BatchSettings = { policy: builtinPolicy('stockholm'), calendar: undefined, asOf: '2026-11-23', incremental: false };
    const run = async (out: NodeJS.WritableStream): Promise<void> => {
      await runBatch({ files: { students: city.students, lessons: [city.lessons] }, settings, out, workers: 1, buckets: 20, format: { output: 'json', details: 'none', lang: 'sv' } });
    };
    // The same night into a stream that takes everything at once: what the slow one must receive.
    const fast = new PassThrough();
    const fastParts: Buffer[] = [];
    fast.on('data', (c: Buffer) => fastParts.push(c));
    await run(fast);
    // A stream that asks the writer to wait after every write and takes each chunk a turn later.
    const slowParts: Buffer[] = [];
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, callback) {
        slowParts.push(Buffer.from(chunk));
        waits += 1;
        setImmediate(callback);
      },
    });
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.name);
    };
    process.on('warning', onWarning);
    try {
      await run(slow);
      // Warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(waits).toBeGreaterThan(10);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(slow.listenerCount('drain')).toBe(0);
    const text = Buffer.concat(slowParts).toString('utf8');
    expect(text.trim().split('\n')).toHaveLength(60);
    expect(text).toBe(Buffer.concat(fastParts).toString('utf8'));
  }, 60_000);
});
