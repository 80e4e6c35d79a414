/**
 * Worker-thread entry of the batch (built to `dist/batch-worker.js`): it runs
 * the tasks the main thread sends, one at a time: reading a slice of the
 * students file, reading a slice of a lesson file into buckets, verifying
 * last night's decisions file (`--previous`) and keeping its step states (or
 * one student's decision, for `trappa explain`), or evaluating a bucket. Everything else it writes goes to
 * the bucket files; the reply carries counts (and a bucket's output).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateBucket, type BucketLayout, type BucketResult, type BucketSettings } from './evaluateBucket.js';
import { readLessonTask, type LessonTask, type StudentIndex } from './readLessons.js';
import { readStudentSlice, type StudentSliceResult, type StudentTask } from './studentSlice.js';
import type { WorkerMessage } from './workerPool.js';
import { failureOf } from './workerFailure.js';
import { previousDecisionOf } from './previousDecision.js';
import { keptStates } from './previousStates.js';

interface Init {
  readonly settings: BucketSettings;
}

/** A task for a batch worker. */
export type BatchTask =
  | { readonly kind: 'students'; readonly task: StudentTask }
  | { readonly kind: 'read'; readonly task: LessonTask; readonly students: StudentIndex; readonly dir: string; readonly buckets: number }
  | { readonly kind: 'evaluate'; readonly layout: BucketLayout; readonly bucket: number }
  | { readonly kind: 'previous'; readonly path: string; readonly asOf: string; readonly dir: string }
  | { readonly kind: 'previous-of'; readonly id: string; readonly path: string; readonly asOf: string };

/** The pool's settings; none in the thread that only verifies `--previous` (`keepPreviousStatesInBackground`, `previousDecisionInBackground`). */
const init = workerData as Init | undefined;
const port = parentPort;
if (port === null) throw new Error('batch-worker must run as a worker thread');
const send = (m: WorkerMessage, transfer: readonly ArrayBuffer[] = []): void => port.postMessage(m, transfer as ArrayBuffer[]);

/**
 * A bucket's result and the buffers to move with it: the worker wrote its
 * own output as UTF-8 (`OutputChunk`), and the main thread receives the bytes
 * without a copy (a night's `--json` is some 300 MB of text, which cloning
 * and encoding kept the main thread busy for as long as a worker).
 */
function bytesForTransfer(result: BucketResult): { readonly result: BucketResult; readonly transfer: ArrayBuffer[] } {
  const transfer = new Set<ArrayBuffer>();
  for (const chunk of result.out) transfer.add(chunk.buffer as ArrayBuffer);
  if (result.decisions !== 'out') for (const chunk of result.decisions) transfer.add(chunk.buffer as ArrayBuffer);
  return { result, transfer: [...transfer] };
}

/** What a task does, as a promise of its result. */
function workOf(task: BatchTask): Promise<unknown> {
  switch (task.kind) {
    case 'students':
      return readStudentSlice(task.task);
    case 'read':
      return readLessonTask(task.task, task.students, task.dir, task.buckets, (bytes, records) => send({ kind: 'progress', bytes, records }));
    case 'previous':
      return keptStates(task.path, task.asOf, task.dir);
    case 'previous-of':
      return previousDecisionOf(task.id, task.path, task.asOf);
    case 'evaluate':
      return Promise.resolve().then(() => {
        if (init === undefined) throw new Error('batch-worker: a thread started without settings cannot evaluate');
        return evaluateBucket(task.layout, task.bucket, init.settings);
      });
  }
}

port.on('message', (task: BatchTask) => {
  const work = workOf(task);
  work.then(
    (result) => {
      if (task.kind === 'read' || task.kind === 'previous' || task.kind === 'previous-of') return send({ kind: 'reply', ok: true, result });
      // A slice's words are moved, not copied: its buffer is its own (`readStudentSlice`).
      if (task.kind === 'students') return send({ kind: 'reply', ok: true, result }, [(result as StudentSliceResult).items.buffer as ArrayBuffer]);
      const encoded = bytesForTransfer(result as BucketResult);
      send({ kind: 'reply', ok: true, result: encoded.result }, encoded.transfer);
    },
    (error: unknown) => send(failureOf(error)),
  );
});
