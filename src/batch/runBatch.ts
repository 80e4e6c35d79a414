import { existsSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { mergeSummary, summaryJson, type RunFigures, type RunSummary } from '../run/runSummary.js';
import { claimOutputs, type BatchOutputs } from './batchOutputs.js';
import { PreviousFileError } from './decisionsFile.js';
import { keepPreviousStatesInBackground, type InBackground } from './previousInBackground.js';
import { errorOf } from './workerFailure.js';
import { OutputWriteError } from '../io/outputErrors.js';
import { makeTempDir, sweepStaleTempDirs, type TempDir } from './tempDir.js';
import { localFiles } from './localFiles.js';
import { reuseChunk } from './utf8Chunks.js';
import { conflictsLogPath, evaluateBucket, writesFullDecisions, type BatchSettings, type BucketLayout, type BucketResult, type BucketSettings, type OutputChunk } from './evaluateBucket.js';
import { partitionInputs, relocate, type BatchFiles, type LessonReader } from './partition.js';
import { inBucketOrder } from './inBucketOrder.js';
import { forEachLine } from '../io/lines.js';
import type { LessonTaskResult } from './readLessons.js';
import type { StudentReader } from './readStudents.js';
import { studentSliceCount, type StudentSliceResult } from './studentSlice.js';
import { checkInputAge } from './staleInputError.js';
import { isoDate } from '../calendar/dayNumber.js';
import type { BatchTask } from './worker.js';
import { WorkerPool, workerScript } from './workerPool.js';
import type { BatchProgress } from '../run/progressState.js';
import type { DecisionForm, OutputFormat } from '../report/decisionOutput.js';
import { REJECTED_SAMPLE_SIZE, rejectedLineJson, type RejectedLine } from './rejectionLog.js';
import { EMPTY_COVERAGE, mergeCoverage, type CoverageCounts } from '../testing/coverageCounts.js';
import { coverageJson, coverageReport } from '../testing/ruleCoverage.js';

/** The default output: one decision (or change) per line. */
const NDJSON: OutputFormat = { output: 'json', details: 'none', lang: 'sv' };

/** Input this large (bytes of lesson files) uses every core by default. */
export const PARALLEL_FROM_BYTES = 64 << 20; // as in bucketCount

/**
 * The heap limits of the batch's worker threads when no full decision is written: a young
 * generation of 12 MB (semi-spaces of 4 MB) instead of Node's 48 MB. A thread's young generation
 * grows to its limit and stays there, and each of its pages costs a page fault when first touched
 * (some 10 µs each on the 2-vCPU VM the figures come from). Two workers, interleaved with the
 * default: 100 000 students, `--details none`, peak 408–467 → 363–382 MB in 4 pairs, wall
 * 11.47–16.16 → 11.60–13.60 s (two pairs faster, two the same); `--json compact` 427 → 399 MB;
 * 20 000 students, `--details none` and compact, peak 321–361 → 257–318 MB in the same time
 * within the noise.
 * A full decision allocates much more a student (the why-not evidence), and with `--json` full
 * the small young generation cost time (20 000 students: 5.64–5.93 → 5.81–6.48 s), so those runs
 * keep Node's default (`workerLimitsFor`). The main thread (`--workers 1`) always does: its
 * limits are fixed when the process starts.
 */
export const BATCH_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 12 };

/**
 * The batch threads' heap limits for a run: `BATCH_WORKER_LIMITS`, or Node's defaults
 * (undefined) when the run writes full decisions.
 *
 * @param settings - the bucket settings
 * @returns the limits, or undefined for Node's defaults
 * @example workerLimitsFor(bucketSettings)?.maxYoungGenerationSizeMb // 12 with --json compact
 */
export function workerLimitsFor(settings: BucketSettings): ResourceLimits | undefined {
  return writesFullDecisions(settings) ? undefined : BATCH_WORKER_LIMITS;
}

/** A batch run: files in, where the results go, how many threads. */
export interface BatchRun {
  readonly files: BatchFiles;
  readonly settings: BatchSettings;
  /** Worker threads; default: every core when the input is at least `PARALLEL_FROM_BYTES`, else 1 (in the main thread). */
  readonly workers?: number;
  /**
   * Slices each lesson file, and a students file that is a local NDJSON file, is read in;
   * default one per worker thread (for the students file at most one per `STUDENT_SLICE_BYTES`).
   * The output does not depend on it.
   */
  readonly slices?: number;
  /** Bucket count; default `bucketCount` of the lesson bytes and the student count. The output does not depend on it. */
  readonly buckets?: number;
  /** Students per bucket at most, for the default bucket count (`MAX_STUDENTS_PER_BUCKET`). The output does not depend on it. */
  readonly maxStudentsPerBucket?: number;
  /** Read size of the lesson files (default 1 MiB). The output does not depend on it; tests make it tiny. */
  readonly chunkBytes?: number;
  /** The delimiter of lesson CSV files (`,` `;` tab …); default: sniffed from each file's header line. */
  readonly delimiter?: string;
  /**
   * Fail with `StaleInputError` (nothing written) when the newest accepted
   * lesson is more than this many school days before `asOf` (`--max-input-age`):
   * a nightly job must not report on stale data. Default: no limit.
   */
  readonly maxInputAgeDays?: number;
  /**
   * Where the temp buckets go (default: the OS temp directory): a directory
   * `trappa-batch-<pid>-<host>-XXXXXX`, removed afterwards. Directories that
   * killed runs of this host left there are removed at the start.
   */
  readonly tmpDir?: string;
  /** Decisions or changes, in a deterministic order. A write error on it stops the run with `OutputWriteError`. */
  readonly out: NodeJS.WritableStream;
  /**
   * How decisions (or, with `files.previous`, changes) are written to `out`:
   * NDJSON, text or nothing (`OutputFormat`). Default: NDJSON
   * (`{ output: 'json', details: 'none', lang: 'sv' }`).
   */
  readonly format?: OutputFormat;
  /**
   * Whether `out` is done with a chunk of bytes once its write callback has
   * run: true for `process.stdout`, a file or a socket, which copy or send
   * it; not for a `PassThrough` or a sink that keeps the chunks it is given.
   * Then a run in the main thread (one worker) reuses the memory of written
   * chunks for the next buckets' output (`reuseChunk`). Default false.
   */
  readonly outReleasesChunks?: boolean;
  /** How messages name `out` (default `the output stream`; the CLI says `stdout`). */
  readonly outName?: string;
  /** Rejected lines as NDJSON (`location`, `kind`, `studentId`, `issues`). Written atomically, like every file output. */
  readonly rejectedPath?: string;
  /**
   * Every decision as NDJSON (in `decisionsForm`), then a trailer line (`DecisionsTrailer`),
   * for the next night's `files.previous` and `trappa report`. Written to a temp file beside it and
   * renamed into place only when the run succeeds; locked (`<path>.lock`)
   * while the run lasts.
   */
  readonly decisionsPath?: string;
  /**
   * The form of the decisions in `decisionsPath`: `compact` (the default: `compactDecision`, no
   * why-not evidence, the policy block once in the trailer) or `full` (every decision whole, as
   * `--json` writes it). Either is a whole `files.previous`, with the same changes.
   */
  readonly decisionsForm?: DecisionForm;
  /** The run summary as JSON (`summaryJson`: counts, steps and typology per school, run figures), written atomically at the end. */
  readonly summaryPath?: string;
  /** Progress of the two passes (the CLI draws a bar on a terminal: `ProgressBar`). */
  readonly progress?: BatchProgress;
  /** Stops the run (e.g. on SIGTERM): threads are stopped, temp files removed, and `runBatch` rejects with `BatchAbortedError`. */
  readonly signal?: AbortSignal;
  /** The worker script; default `batch-worker.js` beside this module (the built package). */
  readonly workerUrl?: URL;
  /**
   * The `files.previous` size from which it is verified in a thread of its own while the inputs are
   * read (default `PREVIOUS_THREAD_FROM_BYTES`, 8 MiB; 0: always, when there is a worker script).
   */
  readonly previousThreadFromBytes?: number | undefined;
  /** With `settings.coverage`: the leaf-coverage threshold (per cent) the summary file reports against (`threshold`, `belowThreshold`). */
  readonly coverageThreshold?: number;
}

/** What a batch run reports at the end. */
export interface BatchReport extends RunFigures {
  readonly summary: RunSummary;
  readonly rejectedSample: readonly RejectedLine[];
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
 *    worker threads in parallel (a students file only when it is a local
 *    NDJSON file); each lesson goes to its student's bucket (input in any
 *    order);
 * 2. evaluate: each bucket (its students, lessons and previous decisions) in
 *    a worker thread or the main thread. Buckets are ranges of sorted student
 *    ids, so their outputs, written in bucket order, are in student-id order
 *    and the same for any number of workers.
 * Every line is accepted, counted as a duplicate (a copy of a lesson of the
 * same student, date and start), or rejected with its file and line number
 * (lessons that contradict each other: all of them, each naming the others):
 * `records.read = accepted + duplicate + rejected` and `cases.read = evaluated + rejected`.
 *
 * Before anything is read, the file outputs are claimed (`claimOutputs`:
 * checked, locked, opened as temp files beside their paths) and the previous
 * file's trailer is checked; its lines are verified, and its step states kept
 * in one read, while the inputs are read (`keepPreviousStatesInBackground`: in
 * a thread of its own for a large file). No bucket is evaluated before it has
 * passed, and a refused file stops the run; it is the run's error even when
 * another input failed meanwhile (but not after an abort). The files are renamed into
 * place only when the run succeeds, after the output stream has taken
 * everything; on any failure or abort they are left as they were and the temp
 * files, temp directory and locks are removed.
 *
 * @param run - files, settings and sinks
 * @returns the summary and run figures
 * @throws {OutputUnwritableError} an output cannot be created (nothing read or written)
 * @throws {OutputLockedError} another live run holds an output (nothing read or written)
 * @throws {PreviousFileError} `files.previous` is not a whole decisions file of an earlier night (nothing written; before any other input's error)
 * @throws {OutputWriteError} writing `out` or a file failed during the run
 * @throws {BatchInputError} for an input file that cannot be read as a whole
 * @throws {BatchAbortedError} when `signal` stopped the run
 * @example
 * const report = await runBatch({ files: { students: 's.ndjson', lessons: ['l.csv'] }, settings, out: process.stdout, decisionsPath: 'night-1.ndjson' });
 * report.summary.cases // { read: 2000, evaluated: 2000, rejected: 0 }; night-1.ndjson ends with {"trappa":"decisions","format":1,"count":2000,…}
 */
export async function runBatch(run: BatchRun): Promise<BatchReport> {
  const started = performance.now();
  const outputs = claimOutputs({ decisions: run.decisionsPath, rejected: run.rejectedPath, summary: run.summaryPath }, { previous: run.files.previous, tmpDir: run.tmpDir });
  // The run stops when the caller aborts (`signal`) or an output fails; the first failure is what it reports.
  const stopping = new AbortController();
  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    stopping.abort();
  };
  const onOutError = (error: NodeJS.ErrnoException): void => fail(new OutputWriteError(run.outName ?? 'the output stream', error));
  let previous: InBackground<string> | undefined;
  // An abort (SIGTERM, Ctrl-C) also stops last night's check, which other failures leave running (see `catch`).
  const onAbort = (): void => {
    stopping.abort();
    void previous?.stop();
  };
  run.out.on('error', onOutError);
  run.signal?.addEventListener('abort', onAbort, { once: true });
  let pool: WorkerPool | undefined;
  let dir: TempDir | undefined;
  const checkAborted = (): void => {
    if (stopping.signal.aborted || run.signal?.aborted === true) throw failure ?? new BatchAbortedError();
  };
  try {
    const tmpBase = run.tmpDir ?? tmpdir();
    sweepStaleTempDirs(tmpBase);
    dir = makeTempDir(tmpBase);
    const workerUrl = run.workerUrl ?? workerScript('./batch-worker.js', import.meta.url);
    // Last night's file: its trailer is checked now, its lines are verified (and its step states kept, in one
    // read) while the inputs are read, in a thread of its own when it is large. Nothing is evaluated or written
    // before it has passed; a refused file stops the run at once. Another failure does not stop the check:
    // a refused file is reported first (the `catch` below), as when it was verified before anything was read.
    if (run.files.previous !== undefined) {
      const kept = keepPreviousStatesInBackground(run.files.previous, run.settings.asOf, dir.path, { workerUrl, threadFromBytes: run.previousThreadFromBytes });
      previous = kept;
      kept.result.catch(fail);
    }
    // Stdin and gzip files are read from a decompressed copy: the threads read byte slices of a file.
    const local = await localFiles(run.files.lessons, dir.path, stopping.signal);
    checkAborted();
    const files: BatchFiles = { ...run.files, lessons: local.paths, lessonNames: local.names };
    const inputBytes = files.lessons.reduce((sum, f) => sum + statSync(f).size, 0);
    const workers = workerCount(run.workers, inputBytes, workerUrl);
    const decisionsForm = run.decisionsForm ?? 'compact';
    const bucketSettings: BucketSettings = { ...run.settings, format: run.format ?? NDJSON, keepDecisions: run.decisionsPath !== undefined, decisionsForm };
    if (workers > 1 && workerUrl !== undefined) {
      const threads = new WorkerPool(workerUrl, workers, { settings: bucketSettings }, errorOf, workerLimitsFor(bucketSettings));
      pool = threads;
      stopping.signal.addEventListener('abort', () => void threads.close(), { once: true });
    }
    const plan: RunPlan = { files, started, inputBytes, workers, buckets: run.buckets, dir: dir.path, previousStates: previous?.result, pool, bucketSettings };
    const report = await evaluateInBuckets(run, plan, outputs, { signal: stopping.signal, fail, checkAborted });
    // Everything reached the output stream (or failed) before the files are put in place.
    await flushed(run.out, stopping.signal, onOutError);
    checkAborted();
    const { summary: _s, rejectedSample: _r, coverage, ...figures } = report;
    const covered = coverage === undefined ? {} : coverageJson(coverageReport(coverage, [run.settings.policy]), run.coverageThreshold);
    outputs.summary?.write(`${JSON.stringify({ ...summaryJson(run.settings.policy, run.settings.asOf, report.summary, figures), ...covered }, null, 2)}\n`);
    outputs.commit({ ...run.settings, form: decisionsForm });
    return report;
  } catch (error) {
    const aborted = (): boolean => run.signal?.aborted === true;
    if (aborted()) throw new BatchAbortedError();
    const refused = await refusalOf(previous);
    // Aborted while waiting for the check: the abort is the run's end.
    if (aborted()) throw new BatchAbortedError();
    throw refused ?? failure ?? error;
  } finally {
    run.signal?.removeEventListener('abort', onAbort);
    run.out.removeListener('error', onOutError);
    await pool?.close();
    // Stopped and waited for before the temp directory it writes into is removed.
    await previous?.stop();
    dir?.remove();
    outputs.release();
  }
}

/**
 * The `PreviousFileError` of last night's file, once its check has ended: a refused file is the
 * run's error whatever else failed meanwhile (before, the file was verified before anything else
 * was read, so its refusal always came first).
 */
async function refusalOf(previous: InBackground<string> | undefined): Promise<PreviousFileError | undefined> {
  if (previous === undefined) return undefined;
  return previous.result.then(
    () => undefined,
    (error: unknown) => (error instanceof PreviousFileError ? error : undefined),
  );
}

interface RunPlan {
  /** The input files, lesson files as regular files (`localFiles`). */
  readonly files: BatchFiles;
  readonly started: number;
  readonly inputBytes: number;
  readonly workers: number;
  /** The bucket count asked for; the partition's own count (bytes and students) when absent. */
  readonly buckets: number | undefined;
  readonly dir: string;
  /** Last night's step states (`keepPreviousStates`), when `--previous`: kept while the inputs are read. */
  readonly previousStates: Promise<string> | undefined;
  readonly pool: WorkerPool | undefined;
  readonly bucketSettings: BucketSettings;
}

/** How the passes stop: the run's stop signal, how to fail it, and the check between steps. */
interface Stopping {
  readonly signal: AbortSignal;
  readonly fail: (error: unknown) => void;
  readonly checkAborted: () => void;
}

/** The two passes of `runBatch`, once the outputs are claimed and the previous file's check is under way. */
async function evaluateInBuckets(run: BatchRun, plan: RunPlan, outputs: BatchOutputs, stopping: Stopping): Promise<BatchReport> {
  const { started, inputBytes, workers, dir, pool, bucketSettings } = plan;
  const { signal, fail, checkAborted } = stopping;
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
          const sum = (m: Map<number, number>): number => [...m.values()].reduce((x, y) => x + y, 0);
          return Promise.all(
            tasks.map((task) =>
              pool.run<LessonTaskResult>({ kind: 'read', task, students, dir: d, buckets: b } satisfies BatchTask, (byteCount, recordCount) => {
                bytes.set(task.part, byteCount);
                records.set(task.part, recordCount);
                reading(sum(bytes), inputBytes, sum(records));
              }),
            ),
          );
        };
  // The students file in slices, one a thread, when it is large enough for threads to pay (else in this thread).
  const studentSlices = run.slices ?? (pool === undefined ? 1 : studentSliceCount(plan.files.students, workers));
  const readStudentsInWorkers: StudentReader | undefined =
    pool === undefined || studentSlices < 2 ? undefined : (tasks) => Promise.all(tasks.map((task) => pool.run<StudentSliceResult>({ kind: 'students', task } satisfies BatchTask)));
  const partition = await partitionInputs(plan.files, dir, {
    ...(plan.buckets === undefined ? {} : { buckets: plan.buckets }),
    ...(run.maxStudentsPerBucket === undefined ? {} : { maxStudentsPerBucket: run.maxStudentsPerBucket }),
    ...(run.chunkBytes === undefined ? {} : { chunkBytes: run.chunkBytes }),
    ...(run.delimiter === undefined ? {} : { delimiter: run.delimiter }),
    signal: stopping.signal,
    onProgress: (p) => reading(p.bytesRead, p.bytesTotal, p.recordsRead),
    slicesPerFile: run.slices ?? (pool === undefined ? 1 : workers),
    ...(readInWorkers === undefined ? {} : { readTasks: readInWorkers }),
    studentSlices,
    ...(readStudentsInWorkers === undefined ? {} : { readStudentSlices: readStudentsInWorkers }),
    ...(plan.previousStates === undefined ? {} : { previousStates: plan.previousStates }),
  });
  const { buckets } = partition;
  if (run.maxInputAgeDays !== undefined) checkInputAge(partition.newestLessonDay, run.settings.asOf, run.maxInputAgeDays, run.settings.calendar);
  const readS = (performance.now() - started) / 1000;
  const peakRssMbReading = Math.round(process.resourceUsage().maxRSS / 1024);
  // A student line that carried no id may be any student of last night: then nobody is closed for absence, unless allowed.
  const unidentified = partition.unidentifiedStudentLines;
  const closeMissingStudents = unidentified === 0 || run.settings.allowMissingStudents === true;
  const lessonFiles = partition.partPaths.map((path, part) => ({ path, lineOffset: partition.lineOffsets[part] ?? 0 }));
  const layout: BucketLayout = { dir, parts: partition.parts, closeMissingStudents, lessonFiles };
  const summary = partition.summary;
  const sample: RejectedLine[] = [...partition.rejected.sample];
  let coverage: CoverageCounts = EMPTY_COVERAGE;
  const studentsTotal = summary.cases.read;
  let studentsDone = summary.cases.rejected;
  const evalStart = performance.now();
  // Buckets are ranges of sorted student ids: written in bucket order, the output is in
  // student-id order, line by line (each bucket's output comes in chunks of about 1 MiB).
  // A failed write stops the run through `fail`; the next `checkAborted` reports it.
  const order = inBucketOrder<BucketResult>(async ({ out, decisions, rejectedSample }) => {
    // In bucket order, so stderr's first rejected lines do not depend on which thread finished first.
    for (const line of rejectedSample) if (sample.length < REJECTED_SAMPLE_SIZE) sample.push(line);
    try {
      checkAborted();
      // In the main thread the chunks were made here: their memory is reused once every output is done with them.
      const mine = pool === undefined;
      const shared = decisions === 'out' && outputs.decisions !== undefined;
      const done = out.map((chunk) => (mine && run.outReleasesChunks === true ? afterAll(shared ? 2 : 1, () => reuseChunk(chunk)) : undefined));
      for (const [k, chunk] of out.entries()) await write(run.out, chunk, signal, done[k]);
      checkAborted();
      // The decisions file copies what it is given before `write` returns.
      const file = outputs.decisions;
      if (file !== undefined) {
        const kept = decisions === 'out' ? out : decisions;
        kept.forEach((chunk, k) => {
          file.write(chunk);
          if (decisions === 'out') done[k]?.();
          else if (mine) reuseChunk(chunk);
        });
      }
    } catch (error) {
      fail(error);
    }
  });
  const bucketSeconds: number[] = Array.from({ length: buckets }, () => 0);
  const finished = (result: BucketResult): void => {
    bucketSeconds[result.bucket] = Number(result.seconds.toFixed(4));
    mergeSummary(summary, result.summary);
    settleLessons(summary.records, result.lessons);
    if (result.coverage !== undefined) coverage = mergeCoverage(coverage, result.coverage);
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
      finished(evaluateBucket(layout, b, bucketSettings));
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
          checkAborted();
          finished(await pool.run<BucketResult>({ kind: 'evaluate', layout, bucket } satisfies BatchTask));
        }
      }),
    );
  }
  await order.done();
  checkAborted();
  if (outputs.rejected !== undefined) await writeRejected(outputs.rejected, dir, partition.lineOffsets, buckets, (run.format ?? NDJSON).lang);
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
    bucketSeconds,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakRssMbReading,
    ...(run.settings.coverage === true ? { coverage } : {}),
    newestLesson: partition.newestLessonDay < 0 ? null : isoDate(partition.newestLessonDay),
  };
}

/**
 * All rejected lines as NDJSON: the students file's and the previous file's,
 * then each lesson slice's with its line numbers counted from the start of
 * its file, then each bucket's conflicting lessons. Streams: any number of
 * rejected lines.
 */
async function writeRejected(sink: { write(text: string): void }, dir: string, lineOffsets: readonly number[], buckets: number, lang: 'sv' | 'en'): Promise<void> {
  const copy = (from: string, offset: number): Promise<number> =>
    forEachLine(from, (line) => {
      if (line !== '') sink.write(`${rejectedLineJson(relocate(JSON.parse(line) as RejectedLine, offset), lang)}\n`);
    });
  await copy(join(dir, '0.rejected-partition'), 0);
  for (const [part, offset] of lineOffsets.entries()) await copy(join(dir, `0.rejected-lessons-${part}`), offset);
  for (let b = 0; b < buckets; b += 1) if (existsSync(conflictsLogPath(dir, b))) await copy(conflictsLogPath(dir, b), 0);
}

/**
 * Move a bucket's duplicate and conflicting lessons out of `accepted`: the
 * partition accepted every valid lesson line; the bucket, which sees all of a
 * student's lessons, counts copies as `duplicate` and conflicts as `rejected`.
 *
 * @param records - the run's counts, updated
 * @param lessons - one bucket's
 * @example settleLessons(summary.records, { duplicate: 3, conflicting: 2 }) // accepted −5, duplicate +3, rejected +2
 */
export function settleLessons(records: RunSummary['records'], lessons: BucketResult['lessons']): void {
  records.accepted -= lessons.duplicate + lessons.conflicting;
  records.duplicate += lessons.duplicate;
  records.rejected += lessons.conflicting;
}

/** The run was stopped through `BatchRun.signal`; its temp files are gone. */
export class BatchAbortedError extends Error {
  constructor() {
    super('the batch was stopped before it finished; nothing was written for the buckets not yet evaluated');
  }
}

/**
 * Wait until everything written to the stream has been handed on (or the run
 * stops), reporting a write error the stream gives in its callback.
 */
function flushed(stream: NodeJS.WritableStream, signal: AbortSignal, onError: (error: NodeJS.ErrnoException) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
    stream.write('', (error?: Error | null) => {
      if (error) onError(error as NodeJS.ErrnoException);
      resolve();
    });
  });
}

/** A function that runs `then` on its `n`th call. */
function afterAll(n: number, then: () => void): () => void {
  let left = n;
  return () => {
    left -= 1;
    if (left === 0) then();
  };
}

/** Write bytes, waiting when the stream asks for back-pressure; `written` runs when the stream is done with them. */
async function write(stream: NodeJS.WritableStream, text: OutputChunk, signal: AbortSignal | undefined, written?: () => void): Promise<void> {
  if (signal?.aborted === true || text.length === 0) return;
  if (written === undefined ? stream.write(text) : stream.write(text, () => written())) return;
  // A closed pipe never drains: stop waiting when the run is stopped. Each wait removes both of its
  // listeners (a night waits thousands of times: kept listeners leaked and Node warned past ten).
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.removeListener('drain', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    stream.once('drain', done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
