// A pool worker that takes every task and never answers: what a task cut off by `WorkerPool.close` looks like.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => undefined);
