// A worker for test/batch/workerPool.test.ts: answers every task, in WorkerPool's protocol, with
// the heap limits its thread runs under.
import { parentPort, resourceLimits } from 'node:worker_threads';

parentPort.on('message', () => parentPort.postMessage({ kind: 'reply', ok: true, result: resourceLimits }));
