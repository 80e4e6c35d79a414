/**
 * Worker-thread entry of `trappa diff --generate` (built to
 * `dist/generate-worker.js`): draws the chunks the main thread asks for.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage } from '../batch/workerPool.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import { generateChunk } from './generateCases.js';

/** A chunk request. */
export interface ChunkTask {
  readonly k: number;
  readonly n: number;
  readonly seed: number;
  readonly asOf: string;
  readonly calendar: SchoolCalendar | undefined;
}

const port = parentPort;
if (port === null) throw new Error('generate-worker must run as a worker thread');
port.on('message', (t: ChunkTask) => {
  let reply: WorkerMessage;
  try {
    reply = { kind: 'reply', ok: true, result: generateChunk(t.k, t.n, t.seed, t.asOf, t.calendar) };
  } catch (error) {
    reply = { kind: 'reply', ok: false, inputError: false, message: (error as Error).message };
  }
  port.postMessage(reply);
});
