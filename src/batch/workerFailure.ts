/**
 * A batch task's error across the thread boundary: the worker sends it as
 * data (`failureOf`), the main thread throws the same kind of error again
 * (`errorOf`), so a refused `--previous` file or an unreadable input exits
 * with the same code and message whichever thread found it.
 */
import { BatchInputError } from '../io/batchInputError.js';
import { PreviousFileError } from './decisionsFile.js';
import type { WorkerFailure } from './workerPool.js';

/**
 * The reply a worker sends for a task that threw.
 *
 * @param error - what the task threw
 * @returns the failed reply
 * @example failureOf(new BatchInputError('students.ndjson: not found')).inputError // true
 */
export function failureOf(error: unknown): WorkerFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PreviousFileError) {
    return { kind: 'reply', ok: false, inputError: false, message, text: error.text, previous: { path: error.path, problem: error.problem, detail: error.detail } };
  }
  if (error instanceof BatchInputError) return { kind: 'reply', ok: false, inputError: true, message, ...(error.text === undefined ? {} : { text: error.text }) };
  return { kind: 'reply', ok: false, inputError: false, message };
}

/**
 * The error a failed reply stands for, to throw in the main thread.
 *
 * @param failure - the reply
 * @returns a `PreviousFileError`, a `BatchInputError`, or an `Error` with the worker's message
 * @example errorOf(failureOf(new PreviousFileError('n.ndjson', 'empty', PREVIOUS_FILE_TEXT.empty))) instanceof PreviousFileError // true
 */
export function errorOf(failure: WorkerFailure): Error {
  if (failure.previous !== undefined) return new PreviousFileError(failure.previous.path, failure.previous.problem, failure.previous.detail);
  return failure.inputError ? new BatchInputError(failure.text ?? failure.message) : new Error(failure.message);
}
