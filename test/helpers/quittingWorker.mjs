// A pool worker that ends its thread, with exit code 0, when it is given a task: a task left unanswered.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => process.exit(0));
