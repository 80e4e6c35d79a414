/**
 * Last night's decisions (`--previous`) verified while tonight's inputs are
 * read: the file's trailer is checked at once, in the caller's thread, and its
 * lines in a thread of their own when the file is large enough to pay for one.
 *
 * Before, the batch verified the whole file (`keepPreviousStates`) before it
 * read anything else: at 20 000 students that was 1.0–1.5 s of a one-worker
 * night spent with the second core idle (JSON of 150 MB parsed, checked and
 * hashed). The lessons are read in the meantime now; the buckets are not
 * evaluated, and nothing is written, before the file has passed every check.
 */
import { statSync } from 'node:fs';
import { checkTrailer } from './decisionsFile.js';
import { keepPreviousStates } from './previousStates.js';
import { WorkerPool } from './workerPool.js';
import { errorOf } from './workerFailure.js';
import type { BatchTask } from './worker.js';

/**
 * A `--previous` file from which a thread of its own pays: below it, starting
 * the thread (loading the bundle, some 50 ms of the other core) costs as much
 * as the thread saves. 8 MiB is about 1 000 students' compact decisions.
 */
export const PREVIOUS_THREAD_FROM_BYTES = 8 * 1024 * 1024;

/** Last night's step states, being kept. */
export interface PreviousInBackground {
  /** The states file (`keepPreviousStates`), once the file is verified whole; rejects with its `PreviousFileError`. */
  readonly states: Promise<string>;
  /** Stop the thread, if there is one (the run failed, or is done). */
  readonly close: () => Promise<void>;
}

/** Where and how to keep the states. */
export interface PreviousInBackgroundOptions {
  /** The batch worker script; without one (running from source) the file is verified in this thread. */
  readonly workerUrl: URL | undefined;
  /** Stops the reading in this thread (a thread is stopped by `close`). */
  readonly signal?: AbortSignal;
  /** The file size from which a thread is started (default `PREVIOUS_THREAD_FROM_BYTES`). */
  readonly threadFromBytes?: number;
}

/**
 * Check the file's trailer now, then verify its lines and keep its step
 * states (`keepPreviousStates`) in a thread of its own, or in this thread
 * (interleaved with the caller's reading) for a small file or without a
 * worker script.
 *
 * @param path - the `--previous` file
 * @param asOf - tonight's date
 * @param dir - the run's temp directory
 * @param options - worker script, stop signal, thread threshold
 * @returns the states to come, and how to stop
 * @throws {PreviousFileError} at once for a file without a trailer of an earlier night (the states promise rejects for the rest)
 * @example const previous = keepPreviousStatesInBackground('night-1.ndjson', '2026-11-24', dir, { workerUrl }); const states = await previous.states
 */
export function keepPreviousStatesInBackground(path: string, asOf: string, dir: string, options: PreviousInBackgroundOptions): PreviousInBackground {
  checkTrailer(path, asOf);
  const { workerUrl, signal, threadFromBytes = PREVIOUS_THREAD_FROM_BYTES } = options;
  if (workerUrl === undefined || statSync(path).size < threadFromBytes) {
    return { states: keepPreviousStates(path, asOf, dir, signal).then((kept) => kept.states), close: () => Promise.resolve() };
  }
  // The thread needs no settings: it evaluates nothing.
  const pool = new WorkerPool(workerUrl, 1, undefined, errorOf);
  const task: BatchTask = { kind: 'previous', path, asOf, dir };
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= pool.close());
  // The thread's work is done with its one task: its heap is given back before the buckets are evaluated.
  const states = pool.run<{ readonly states: string }>(task).then(
    async (kept) => {
      await close();
      return kept.states;
    },
    async (error: unknown) => {
      await close();
      throw error;
    },
  );
  return { states, close };
}
