import { WorkerPool, workerScript } from '../batch/workerPool.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCaseInput } from '../model/studentCase.js';
import { GENERATE_CHUNK } from './generateCases.js';
import type { ChunkTask } from './generateWorker.js';

/**
 * `generateCases` drawn by `workers` threads while the caller consumes them:
 * chunks are requested a few ahead and yielded in order, so the population is
 * the same as `generateCases(n, seed, asOf, calendar)` for any thread count.
 * Falls back to `fallback` (the in-thread generator) without the built
 * worker script or with one worker.
 *
 * @param n - how many cases
 * @param seed - the seed
 * @param asOf - evaluation date
 * @param calendar - school calendar
 * @param workers - threads
 * @param fallback - the in-thread generator
 * @returns the cases in order
 * @example for await (const c of generateInWorkers(100000, 1, '2026-11-23', undefined, 2, generateCases)) { … }
 */
export async function* generateInWorkers(
  n: number,
  seed: number,
  asOf: string,
  calendar: SchoolCalendar | undefined,
  workers: number,
  fallback: (n: number, seed: number, asOf: string, calendar?: SchoolCalendar) => Iterable<StudentCaseInput>,
): AsyncGenerator<StudentCaseInput> {
  const url = workerScript('./generate-worker.js', import.meta.url);
  if (workers <= 1 || url === undefined) {
    yield* fallback(n, seed, asOf, calendar);
    return;
  }
  const pool = new WorkerPool(url, workers, undefined, (failure) => new Error(failure.message));
  try {
    const chunks = Math.ceil(n / GENERATE_CHUNK);
    const ahead = workers * 2;
    const pending: Array<Promise<StudentCaseInput[]>> = [];
    const request = (k: number): Promise<StudentCaseInput[]> => {
      const chunk = pool.run<StudentCaseInput[]>({ k, n, seed, asOf, calendar } satisfies ChunkTask);
      // Chunks still in flight when the consumer stops are rejected by close(): not an error.
      chunk.catch(() => undefined);
      return chunk;
    };
    for (let k = 0; k < Math.min(ahead, chunks); k += 1) pending.push(request(k));
    for (let k = 0; k < chunks; k += 1) {
      const chunk = await (pending[k] as Promise<StudentCaseInput[]>);
      delete pending[k];
      if (k + ahead < chunks) pending[k + ahead] = request(k + ahead);
      yield* chunk;
    }
  } finally {
    await pool.close();
  }
}
