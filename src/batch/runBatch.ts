import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeSummary, type RunSummary } from '../cli/summary.js';
import { evaluateBucket, type BatchSettings, type BucketLayout, type BucketResult, type BucketSettings } from './evaluateBucket.js';
import { BatchInputError, partitionInputs, relocate, type BatchFiles, type LessonReader } from './partition.js';
import { inBucketOrder } from './inBucketOrder.js';
import { forEachLine } from './lines.js';
import type { LessonTaskResult } from './readLessons.js';
import type { BatchTask } from './worker.js';
import { WorkerPool, workerScript } from './workerPool.js';
import type { ProgressBar } from './progress.js';
import type { RejectedLine } from './rejectionLog.js';

/** Input this large (bytes of lesson files) uses every core by default. */
export const PARALLEL_FROM_BYTES = 64 << 20; // as in bucketCount

/** A batch run: files in, where the results go, how many threads. */
export interface BatchRun {
  readonly files: BatchFiles;
  readonly settings: BatchSettings;
  /** Worker threads; default: every core when the input is at least `PARALLEL_FROM_BYTES`, else 1 (in the main thread). */
  readonly workers?: number;
  /** Slices each lesson file is read in; default one per worker thread. The output does not depend on it. */
  readonly slices?: number;
  /** Bucket count; default `bucketCount` of the lesson bytes and the student count. The output does not depend on it. */
  readonly buckets?: number;
  /** Students per bucket at most, for the default bucket count (`MAX_STUDENTS_PER_BUCKET`). The output does not depend on it. */
  readonly maxStudentsPerBucket?: number;
  /** Read size of the lesson files (default 1 MiB). The output does not depend on it; tests make it tiny. */
  readonly chunkBytes?: number;
  /** Where the temp buckets go (default: the OS temp directory); removed afterwards. */
  readonly tmpDir?: string;
  /** Decisions or changes, in a deterministic order. */
  readonly out: NodeJS.WritableStream;
  /** Rejected lines as NDJSON (`location`, `kind`, `studentId`, `issues`). */
  readonly rejectedPath?: string;
  /** Every full decision as NDJSON, for the next night's `--previous`. */
  readonly decisionsPath?: string;
  readonly progress?: ProgressBar;
  /** Stops the run (e.g. on SIGTERM): threads are stopped, temp files removed, and `runBatch` rejects with `BatchAbortedError`. */
  readonly signal?: AbortSignal;
  /** The worker script; default `batch-worker.js` beside this module (the built package). */
  readonly workerUrl?: URL;
}

/** What a batch run reports at the end. */
export interface BatchReport {
  readonly summary: RunSummary;
  readonly rejectedSample: readonly RejectedLine[];
  readonly workers: number;
  readonly buckets: number;
  readonly seconds: { readonly reading: number; readonly evaluating: number; readonly total: number };
  /** Peak resident memory of the whole process (all threads), MiB. */
  readonly peakRssMb: number;
  /** The same, at the end of the reading pass. */
  readonly peakRssMbReading: number;
}

/**
 * The worker count to use: the caller's, or all cores for large input; 1 when
 * the worker script is not there (running from source, e.g. under vitest).
 *
 * @param requested - `--workers`, if given
 * @param inputBytes - size of the lesson files
 * @param workerUrl - the worker script
 * @returns the count
 * @example workerCount(undefined, 1000, new URL('file:///nowhere.js')) // 1
 */
export function workerCount(requested: number | undefined, inputBytes: number, workerUrl: URL | undefined): number {
  const wanted = requested ?? (inputBytes >= PARALLEL_FROM_BYTES ? availableParallelism() : 1);
  return wanted > 1 && workerUrl !== undefined && existsSync(fileURLToPath(workerUrl)) ? wanted : 1;
}

/**
 * Evaluate lesson-level input at city scale. Two passes, memory bounded by the
 * size of a bucket, not of the input:
 * 1. read: the students file, then every lesson file, in slices read by the
 *    worker threads in parallel; each lesson goes to its student's bucket
 *    (input in any order);
 * 2. evaluate: each bucket (its students, lessons and previous decisions) in
 *    a worker thread or the main thread. Buckets are ranges of sorted student
 *    ids, so their outputs, written in bucket order, are in student-id order
 *    and the same for any number of workers.
 * Every line is accepted or rejected with its file and line number:
 * `records.read = accepted + rejected` and `cases.read = evaluated + rejected`.
 *
 * @param run - files, settings and sinks
 * @returns the summary and run figures
 * @throws {BatchInputError} for a file that cannot be read as a whole
 * @example await runBatch({ files: { students: 's.ndjson', lessons: ['l.csv'] }, settings, out: process.stdout })
 */
export async function runBatch(run: BatchRun): Promise<BatchReport> {
  const started = performance.now();
  const inputBytes = run.files.lessons.reduce((sum, f) => sum + statSync(f).size, 0);
  const workerUrl = run.workerUrl ?? workerScript('./batch-worker.js', import.meta.url);
  const workers = workerCount(run.workers, inputBytes, workerUrl);
  const dir = mkdtempSync(join(run.tmpDir ?? tmpdir(), 'trappa-batch-'));
  const previousPath = run.files.previous ?? '--previous';
  const bucketSettings: BucketSettings = { ...run.settings, keepDecisions: run.decisionsPath !== undefined };
  const pool =
    workers > 1 && workerUrl !== undefined
      ? new WorkerPool(workerUrl, workers, { settings: bucketSettings, previousPath }, (message, inputError) => (inputError ? new BatchInputError(message) : new Error(message)))
      : undefined;
  const stop = (): void => void pool?.close();
  run.signal?.addEventListener('abort', stop, { once: true });
  const checkAborted = (): void => {
    if (run.signal?.aborted === true) throw new BatchAbortedError();
  };
  try {
    checkAborted();
    const reading = (bytesRead: number, bytesTotal: number, recordsRead: number): void => {
      checkAborted();
      run.progress?.update({ phase: 'reading', done: bytesRead, total: bytesTotal, recordsRead, studentsEvaluated: 0, elapsedS: (performance.now() - started) / 1000 });
    };
    const readInWorkers: LessonReader | undefined =
      pool === undefined
        ? undefined
        : (tasks, students, d, b) => {
            // Progress: the sum over the slices being read.
            const bytes = new Map<number, number>();
            const records = new Map<number, number>();
            const total = inputBytes;
            const sum = (m: Map<number, number>): number => [...m.values()].reduce((x, y) => x + y, 0);
            return Promise.all(
              tasks.map((task) =>
                pool.run<LessonTaskResult>({ kind: 'read', task, students, dir: d, buckets: b } satisfies BatchTask, (byteCount, recordCount) => {
                  bytes.set(task.part, byteCount);
                  records.set(task.part, recordCount);
                  reading(sum(bytes), total, sum(records));
                }),
              ),
            );
          };
    const partition = await partitionInputs(run.files, dir, {
      ...(run.buckets === undefined ? {} : { buckets: run.buckets }),
      ...(run.maxStudentsPerBucket === undefined ? {} : { maxStudentsPerBucket: run.maxStudentsPerBucket }),
      ...(run.chunkBytes === undefined ? {} : { chunkBytes: run.chunkBytes }),
      onProgress: (p) => reading(p.bytesRead, p.bytesTotal, p.recordsRead),
      slicesPerFile: run.slices ?? (pool === undefined ? 1 : workers),
      ...(readInWorkers === undefined ? {} : { readTasks: readInWorkers }),
    });
    const { buckets } = partition;
    const readS = (performance.now() - started) / 1000;
    const peakRssMbReading = Math.round(process.resourceUsage().maxRSS / 1024);
    // A student line that carried no id may be any student of last night: then nobody is closed for absence, unless allowed.
    const unidentified = partition.unidentifiedStudentLines;
    const closeMissingStudents = unidentified === 0 || run.settings.allowMissingStudents === true;
    const layout: BucketLayout = { dir, parts: partition.parts, closeMissingStudents };
    const summary = partition.summary;
    const sample: RejectedLine[] = [...partition.rejected.sample];
    const studentsTotal = summary.cases.read;
    let studentsDone = summary.cases.rejected;
    const evalStart = performance.now();
    const decisionsSink = run.decisionsPath === undefined ? undefined : createWriteStream(run.decisionsPath);
    // Buckets are ranges of sorted student ids: written in bucket order, the output is in student-id order.
    const order = inBucketOrder<BucketResult>(async ({ out, decisions }) => {
      for (const chunk of out) await write(run.out, chunk, run.signal);
      if (decisionsSink !== undefined) for (const chunk of decisions === 'out' ? out : decisions) await write(decisionsSink, chunk, run.signal);
    });
    const finished = (result: BucketResult): void => {
      mergeSummary(summary, result.summary);
      studentsDone += partition.studentsPerBucket[result.bucket] ?? 0;
      run.progress?.update({
        phase: 'evaluating',
        done: studentsDone,
        total: studentsTotal,
        recordsRead: summary.records.read,
        studentsEvaluated: summary.cases.evaluated,
        elapsedS: (performance.now() - evalStart) / 1000,
      });
      order.add(result);
    };
    if (pool === undefined) {
      for (let b = 0; b < buckets; b += 1) {
        // Let signals (and the progress bar's writes) through between buckets.
        await new Promise<void>((resolve) => setImmediate(resolve));
        checkAborted();
        finished(evaluateBucket(layout, b, bucketSettings, previousPath));
        await order.done();
      }
    } else {
      // Each thread takes the next bucket, at most two a thread past the output: finished buckets wait in memory.
      const ahead = 2 * workers;
      let next = 0;
      await Promise.all(
        Array.from({ length: workers }, async () => {
          for (let bucket = next++; bucket < buckets; bucket = next++) {
            await order.untilWritten(bucket - ahead);
            finished(await pool.run<BucketResult>({ kind: 'evaluate', layout, bucket } satisfies BatchTask));
          }
        }),
      );
    }
    await order.done();
    if (decisionsSink !== undefined) await new Promise<void>((resolve, reject) => decisionsSink.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (run.rejectedPath !== undefined) await writeRejected(run.rejectedPath, dir, partition.lineOffsets);
    run.progress?.done();
    if (run.settings.incremental) {
      summary.missingStudents = { students: 0, stepsKeptOpen: 0, ...summary.missingStudents, unidentifiedLines: unidentified, closingsWithheld: !closeMissingStudents };
    }
    const total = (performance.now() - started) / 1000;
    return {
      summary,
      rejectedSample: sample,
      workers,
      buckets,
      seconds: { reading: readS, evaluating: total - readS, total },
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      peakRssMbReading,
    };
  } catch (error) {
    throw run.signal?.aborted === true ? new BatchAbortedError() : error;
  } finally {
    run.signal?.removeEventListener('abort', stop);
    await pool?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * All rejected lines as NDJSON: the students file's and the previous file's,
 * then each lesson slice's with its line numbers counted from the start of
 * its file. Streams: any number of rejected lines.
 */
async function writeRejected(path: string, dir: string, lineOffsets: readonly number[]): Promise<void> {
  const sink = createWriteStream(path);
  const copy = (from: string, offset: number): Promise<number> =>
    forEachLine(from, (line) => {
      if (line !== '') sink.write(`${offset === 0 ? line : JSON.stringify(relocate(JSON.parse(line) as RejectedLine, offset))}\n`);
    });
  await copy(join(dir, '0.rejected-partition'), 0);
  for (const [part, offset] of lineOffsets.entries()) await copy(join(dir, `0.rejected-lessons-${part}`), offset);
  await new Promise<void>((resolve, reject) => sink.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** The run was stopped through `BatchRun.signal`; its temp files are gone. */
export class BatchAbortedError extends Error {
  constructor() {
    super('the batch was stopped before it finished; nothing was written for the buckets not yet evaluated');
  }
}

/** Write text, waiting when the stream asks for back-pressure. */
async function write(stream: NodeJS.WritableStream, text: string, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted === true || text === '' || stream.write(text)) return;
  // A closed pipe never drains: stop waiting when the run is stopped.
  await new Promise<void>((resolve) => {
    stream.once('drain', resolve);
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}
