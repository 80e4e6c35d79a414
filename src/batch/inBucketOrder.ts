/** Something numbered by bucket: a bucket's result. */
export interface Numbered {
  readonly bucket: number;
}

/** Results taken in any order and written in bucket order (see `inBucketOrder`). */
export interface BucketOrder<T extends Numbered> {
  /** Take a finished bucket: it is written when every bucket before it is. */
  add(result: T): void;
  /** Resolves when `count` buckets are written (or writing failed: `done` then rejects). */
  untilWritten(count: number): Promise<void>;
  /** Resolves when everything taken so far is written; rejects with the first write error. */
  done(): Promise<void>;
}

/**
 * Write bucket results in bucket order, one after the other, whatever order
 * they finish in. Buckets are ranges of sorted student ids, so the output is
 * in student-id order with no merge. A bucket that finishes early waits in
 * memory; `untilWritten` lets the caller start a bucket only a few ahead of
 * the output, which bounds how many wait.
 *
 * @param write - writes one result (with back-pressure: resolves when its sink can take more)
 * @returns the order
 * @example const order = inBucketOrder(async (r) => { await sink(r.out) }); order.add(result1); order.add(result0); await order.done()
 */
export function inBucketOrder<T extends Numbered>(write: (result: T) => Promise<void>): BucketOrder<T> {
  const waiting = new Map<number, T>();
  let next = 0;
  let written = 0;
  let failed = false;
  let writing: Promise<void> = Promise.resolve();
  const waiters: Array<{ readonly count: number; readonly resolve: () => void }> = [];
  const wake = (): void => {
    for (let i = waiters.length - 1; i >= 0; i -= 1) {
      const w = waiters[i];
      if (w !== undefined && (failed || written >= w.count)) {
        waiters.splice(i, 1);
        w.resolve();
      }
    }
  };
  return {
    add(result: T): void {
      waiting.set(result.bucket, result);
      for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
        waiting.delete(next);
        next += 1;
        const now = ready;
        writing = writing.then(async () => {
          await write(now);
          written += 1;
          wake();
        });
        writing.catch(() => {
          failed = true;
          wake();
        });
      }
    },
    untilWritten(count: number): Promise<void> {
      return failed || written >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }));
    },
    done(): Promise<void> {
      return writing;
    },
  };
}
