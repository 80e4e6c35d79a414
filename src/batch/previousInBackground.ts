/**
 * Last night's decisions (`--previous`) verified while tonight's inputs are
 * read: the file's trailer is checked at once, in the caller's thread, and its
 * lines in a thread of their own when the file is large enough to pay for one
 * (and the built package's worker script is there), else in the caller's
 * thread, interleaved with its reading.
 *
 * Before, the batch verified the whole file (`keepPreviousStates`) before it
 * read anything else: at 20 000 students that was 1.0–1.5 s of a one-worker
 * night spent with the second core idle (JSON of 150 MB parsed, checked and
 * hashed), and `trappa explain` did the same after its scan of the lesson
 * files. The inputs are read in the meantime now; nothing is evaluated, and
 * nothing written, before the file has passed every check.
 */
import { statSync } from 'node:fs';
import type { PreviousNight } from '../steps/heldOpen.js';
import { checkTrailer } from './decisionsFile.js';
import { previousDecisionOf } from './previousDecision.js';
import { keptStates } from './previousStates.js';
import { WorkerPool } from './workerPool.js';
import { errorOf } from './workerFailure.js';
import type { BatchTask } from './worker.js';

/**
 * A `--previous` file from which a thread of its own pays: below it, starting
 * the thread (loading the bundle, some 50 ms of the other core) costs as much
 * as the thread saves. 8 MiB is about 1 000 students' compact decisions.
 */
export const PREVIOUS_THREAD_FROM_BYTES = 8 * 1024 * 1024;

/** Work on last night's file, under way. */
export interface InBackground<T> {
  /** Its result, once the file is verified whole; rejects with its `PreviousFileError`. */
  readonly result: Promise<T>;
  /**
   * Stop the work and wait until it has stopped: the thread is terminated, or the reading in
   * this thread aborted; nothing is written into the temp directory after it resolves. After
   * `result` has settled it only releases the thread.
   */
  readonly stop: () => Promise<void>;
}

/** Where to verify the file. */
export interface PreviousInBackgroundOptions {
  /** The batch worker script; without one (running from source, the CommonJS build) the file is verified in this thread. */
  readonly workerUrl: URL | undefined;
  /** The file size from which a thread is started (default `PREVIOUS_THREAD_FROM_BYTES`). */
  readonly threadFromBytes?: number | undefined;
}

/**
 * Check the trailer of `path` now, then run `task` on a thread of its own
 * when the file is large and there is a worker script, or `here` in this
 * thread. The thread is released as soon as its one task is done.
 *
 * The trailer is read again by the verifying read itself (`verifyDecisionsFile`): reading 64 KiB
 * twice costs nothing, and the lines are then checked against the trailer they were read with.
 */
function inBackground<T>(path: string, asOf: string, task: BatchTask, here: (signal: AbortSignal) => Promise<T>, options: PreviousInBackgroundOptions): InBackground<T> {
  checkTrailer(path, asOf);
  const { workerUrl, threadFromBytes = PREVIOUS_THREAD_FROM_BYTES } = options;
  if (workerUrl === undefined || statSync(path).size < threadFromBytes) {
    const stopping = new AbortController();
    const result = here(stopping.signal);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    return {
      result,
      stop: () => {
        stopping.abort();
        return settled;
      },
    };
  }
  // The thread needs no settings: it evaluates nothing.
  const pool = new WorkerPool(workerUrl, 1, undefined, errorOf);
  let closed: Promise<void> | undefined;
  const stop = (): Promise<void> => (closed ??= pool.close());
  // Its heap is given back before the caller goes on.
  const result = pool.run<T>(task).then(
    async (value) => {
      await stop();
      return value;
    },
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
  return { result, stop };
}

/**
 * The batch's `--previous`: verify the file and keep its step states
 * (`keepPreviousStates`) while the inputs are read.
 *
 * @param path - the `--previous` file
 * @param asOf - tonight's date
 * @param dir - the run's temp directory
 * @param options - worker script, thread threshold
 * @returns the states file to come (`result`), and how to stop
 * @throws {PreviousFileError} at once for a file without a trailer of an earlier night (`result` rejects for the rest)
 * @example const kept = keepPreviousStatesInBackground('night-1.ndjson', '2026-11-24', dir, { workerUrl }); const states = await kept.result
 */
export function keepPreviousStatesInBackground(path: string, asOf: string, dir: string, options: PreviousInBackgroundOptions): InBackground<string> {
  return inBackground(path, asOf, { kind: 'previous', path, asOf, dir }, (signal) => keptStates(path, asOf, dir, signal), options);
}

/**
 * `trappa explain --previous`: the student's decision of last night
 * (`previousDecisionOf`), while the lesson files are scanned.
 *
 * @param id - the student id
 * @param path - the `--previous` file
 * @param asOf - tonight's date
 * @param options - worker script, thread threshold
 * @returns the decision to come (`result`), and how to stop
 * @throws {PreviousFileError} at once for a file without a trailer of an earlier night (`result` rejects for the rest)
 * @example const previous = previousDecisionInBackground('elev-0042', 'night-1.ndjson', '2026-11-24', { workerUrl }); await previous.result
 */
export function previousDecisionInBackground(id: string, path: string, asOf: string, options: PreviousInBackgroundOptions): InBackground<PreviousNight | undefined> {
  return inBackground(path, asOf, { kind: 'previous-of', id, path, asOf }, (signal) => previousDecisionOf(id, path, asOf, signal), options);
}
