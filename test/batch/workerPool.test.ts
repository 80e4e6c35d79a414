import { describe, expect, it } from 'vitest';
import type { BucketSettings } from '../../src/batch/evaluateBucket.js';
import { BATCH_WORKER_LIMITS, workerLimitsFor } from '../../src/batch/runBatch.js';
import type { OutputFormat } from '../../src/report/decisionOutput.js';
import { WorkerPool } from '../../src/batch/workerPool.js';

const url = new URL('../helpers/limitsWorker.mjs', import.meta.url);

/** The heap limits each thread of a pool reports from inside. */
async function limitsOfThreads(limits?: ConstructorParameters<typeof WorkerPool>[4]): Promise<Array<Record<string, number>>> {
  const pool = new WorkerPool(url, 2, undefined, (failure) => new Error(failure.message), limits);
  try {
    return await Promise.all([pool.run<Record<string, number>>({}), pool.run<Record<string, number>>({})]);
  } finally {
    await pool.close();
  }
}

describe('WorkerPool heap limits', () => {
  it("runs every thread with the limits it is given (the batch's smaller young generation)", async () => {
    const threads = await limitsOfThreads(BATCH_WORKER_LIMITS);
    expect(threads).toHaveLength(2);
    for (const limits of threads) expect(limits.maxYoungGenerationSizeMb).toBe(BATCH_WORKER_LIMITS.maxYoungGenerationSizeMb);
  });

  it("keeps Node's defaults when given none", async () => {
    for (const limits of await limitsOfThreads()) expect(limits.maxYoungGenerationSizeMb).not.toBe(BATCH_WORKER_LIMITS.maxYoungGenerationSizeMb);
  });
});

describe('workerLimitsFor', () => {
  const settings = (output: OutputFormat['output'], keepDecisions: boolean, decisionsForm: 'compact' | 'full', incremental = false): BucketSettings =>
    ({ format: { output, details: 'none', lang: 'sv' }, keepDecisions, decisionsForm, incremental }) as unknown as BucketSettings;

  // Full decisions (stdout `--json`, or `--decisions-form full` kept) allocate the why-not evidence: Node's defaults.
  it.each([
    ['json', false, 'compact', undefined],
    ['json', true, 'compact', undefined],
    ['compact', true, 'full', undefined],
    ['none', true, 'full', undefined],
    ['text', true, 'full', undefined],
    ['compact', false, 'compact', 12],
    ['compact', true, 'compact', 12],
    ['none', false, 'full', 12],
    ['none', true, 'compact', 12],
    ['text', false, 'compact', 12],
  ] as const)('output %s, decisions kept %s in form %s: young generation %s MB', (output, keep, form, young) => {
    expect(workerLimitsFor(settings(output, keep, form))?.maxYoungGenerationSizeMb).toBe(young);
  });

  // With --previous, stdout takes the changes, never a decision: only a full decisions file needs the evidence (the nightly job's `--json full --previous`).
  it.each([
    ['json', true, 'compact', 12],
    ['json', false, 'compact', 12],
    ['json', true, 'full', undefined],
    ['compact', true, 'full', undefined],
  ] as const)('with --previous, output %s, decisions kept %s in form %s: young generation %s MB', (output, keep, form, young) => {
    expect(workerLimitsFor(settings(output, keep, form, true))?.maxYoungGenerationSizeMb).toBe(young);
  });
});

describe('WorkerPool.close', () => {
  it('rejects the task still running and the ones waiting, so nobody waits for ever', async () => {
    const pool = new WorkerPool(new URL('../helpers/silentWorker.mjs', import.meta.url), 1, undefined, (failure) => new Error(failure.message));
    const both = Promise.allSettled([pool.run({}), pool.run({})]);
    await pool.close();
    for (const outcome of await both) expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'the worker pool was closed' } });
    // A closed pool takes no more tasks.
    await expect(pool.run({})).rejects.toThrow('the worker pool was closed');
  });
});

describe('a thread that ends by itself', () => {
  it('fails its task even when it exits with code 0, so nobody waits for ever', async () => {
    const pool = new WorkerPool(new URL('../helpers/quittingWorker.mjs', import.meta.url), 1, undefined, (failure) => new Error(failure.message));
    try {
      await expect(pool.run({})).rejects.toThrow('worker stopped with exit code 0');
    } finally {
      await pool.close();
    }
  });
});
