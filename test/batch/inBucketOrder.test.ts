import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inBucketOrder } from '../../src/batch/inBucketOrder.js';

describe('inBucketOrder', () => {
  it('writes results in bucket order whatever order they finish in, one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }).chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n })), async (finishOrder) => {
        const writes: number[] = [];
        let inFlight = 0;
        const order = inBucketOrder<{ bucket: number }>(async ({ bucket }) => {
          inFlight += 1;
          expect(inFlight).toBe(1);
          await new Promise((resolve) => setImmediate(resolve));
          writes.push(bucket);
          inFlight -= 1;
        });
        for (const bucket of finishOrder) order.add({ bucket });
        await order.done();
        expect(writes).toEqual([...finishOrder].sort((a, b) => a - b));
      }),
      { numRuns: 50 },
    );
  });

  it('untilWritten waits for that many buckets, and gives way when a write fails (done then rejects)', async () => {
    let release: () => void = () => undefined;
    const order = inBucketOrder<{ bucket: number }>(({ bucket }) => (bucket === 0 ? new Promise<void>((resolve) => (release = resolve)) : Promise.reject(new Error('disk full'))));
    let passed = false;
    const waiting = order.untilWritten(1).then(() => (passed = true));
    order.add({ bucket: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toBe(false);
    release();
    await waiting;
    expect(passed).toBe(true);
    const stuck = order.untilWritten(5);
    order.add({ bucket: 1 });
    await expect(order.done()).rejects.toThrow('disk full');
    await stuck;
  });
});
