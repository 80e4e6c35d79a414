/**
 * Worker-thread entry of the batch (built to `dist/batch-worker.js`): it
 * evaluates the buckets the main thread sends, one at a time, and answers
 * with the bucket's counts. Everything it writes goes to the bucket's files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateBucket, type BucketSettings, type BucketLayout } from './evaluateBucket.js';
import { BatchInputError } from './partition.js';

interface Init {
  readonly layout: BucketLayout;
  readonly settings: BucketSettings;
  readonly previousPath: string;
}

const init = workerData as Init;
const port = parentPort;
if (port === null) throw new Error('batch-worker must run as a worker thread');
port.on('message', (bucket: number) => {
  try {
    port.postMessage({ ok: true, result: evaluateBucket(init.layout, bucket, init.settings, init.previousPath) });
  } catch (error) {
    port.postMessage({ ok: false, bucket, inputError: error instanceof BatchInputError, message: (error as Error).message, stack: (error as Error).stack });
  }
});
