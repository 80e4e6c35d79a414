import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { PreviousFileProblem } from './decisionsFile.js';

/**
 * A built worker script beside the calling module, if it is there: not when
 * running from source (vitest, tsx) nor in the CommonJS build, which has no
 * module URL. Callers then do the work in their own thread.
 *
 * @param name - e.g. `./batch-worker.js`
 * @param base - the caller's `import.meta.url`
 * @returns the script's URL, or undefined
 * @example workerScript('./batch-worker.js', import.meta.url)
 */
export function workerScript(name: string, base: string | undefined): URL | undefined {
  try {
    const url = new URL(name, base);
    return existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A task that failed, as its worker reports it: enough for the main thread to
 * throw the same kind of error (`errorFor` of the pool).
 */
export interface WorkerFailure {
  readonly kind: 'reply';
  readonly ok: false;
  /** A `BatchInputError`: an input that cannot be read. */
  readonly inputError: boolean;
  readonly message: string;
  /** The message in Swedish and English, when the error has both. */
  readonly text?: { readonly sv: string; readonly en: string };
  /** A refused `--previous` file (`PreviousFileError`): what the main thread needs to make it again. */
  readonly previous?: { readonly path: string; readonly problem: PreviousFileProblem; readonly detail: { readonly sv: string; readonly en: string } };
}

/** A message a pool worker sends back: progress while it works, then one reply per task. */
export type WorkerMessage = { readonly kind: 'progress'; readonly bytes: number; readonly records: number } | { readonly kind: 'reply'; readonly ok: true; readonly result: unknown } | WorkerFailure;

interface Job {
  readonly task: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((bytes: number, records: number) => void) | undefined;
}

/**
 * A fixed set of worker threads running one task each at a time; tasks wait
 * in order. A worker that crashes fails its task and the pool.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private failure: Error | undefined;
  /** Set by `close`: the threads' ends are the pool's own doing. */
  private closing = false;

  /**
   * @param url - the worker script
   * @param size - number of threads
   * @param workerData - passed to every thread
   * @param errorFor - turns a failed reply into the error to throw
   * @param resourceLimits - each thread's heap limits (Node's `Worker` option), if not the defaults
   */
  constructor(
    url: URL,
    size: number,
    workerData: unknown,
    private readonly errorFor: (failure: WorkerFailure) => Error,
    resourceLimits?: ResourceLimits,
  ) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(url, resourceLimits === undefined ? { workerData } : { workerData, resourceLimits });
      worker.on('message', (m: WorkerMessage) => this.onMessage(worker, m));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => {
        // A thread that ends by itself fails the pool when it failed or left a task unanswered (even with code 0).
        if (this.closing) return;
        if (code !== 0 || this.busy.has(worker)) this.fail(worker, new Error(`worker stopped with exit code ${code}`));
      });
      return worker;
    });
  }

  /** Run a task on the next free thread. */
  run<T>(task: unknown, onProgress?: (bytes: number, records: number) => void): Promise<T> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.dispatch();
    });
  }

  /**
   * Stop every thread. A task still running or waiting is rejected ("the worker pool was
   * closed"): terminating a thread does not always report its task as failed, and a caller
   * waiting on it must not wait for ever.
   */
  async close(): Promise<void> {
    this.closing = true;
    const closed = new Error('the worker pool was closed');
    this.failure ??= closed;
    for (const job of this.busy.values()) job.reject(closed);
    this.busy.clear();
    for (const job of this.queue.splice(0)) job.reject(closed);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.busy.has(worker)) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      this.busy.set(worker, job);
      worker.postMessage(job.task);
    }
  }

  private onMessage(worker: Worker, m: WorkerMessage): void {
    const job = this.busy.get(worker);
    if (job === undefined) return;
    if (m.kind === 'progress') {
      job.onProgress?.(m.bytes, m.records);
      return;
    }
    this.busy.delete(worker);
    if (m.ok) job.resolve(m.result);
    else job.reject(this.errorFor(m));
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    // The first failure is the pool's.
    this.failure ??= error;
    this.busy.get(worker)?.reject(error);
    this.busy.delete(worker);
    for (const job of this.queue.splice(0)) job.reject(error);
  }
}
