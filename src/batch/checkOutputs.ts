import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputUnwritableError } from '../io/outputErrors.js';
import { both, type Template } from '../model/template.js';
import { OUTPUT_FAILURE_TEXT as T } from '../report/failureText.js';

/** One file output of a run and the option that names it (for messages). */
export interface OutputTarget {
  readonly flag: string;
  readonly path: string;
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The path an output is written to: a symbolic link is followed, so the file
 * it points to is replaced and the link kept.
 *
 * @param path - as given
 * @returns the absolute path to write
 * @example outputPath('night-2.ndjson') // '/jobs/trappa/night-2.ndjson' (in /jobs/trappa)
 */
export function outputPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Check a directory a run writes into: it exists, is a directory and can be written.
 *
 * @param flag - the option naming it
 * @param dir - the directory
 * @param given - the path the option gave (default: the directory itself)
 * @throws {OutputUnwritableError} naming the option
 * @example checkDirectory('--tmp-dir', '/nope') // throws "--tmp-dir /nope: the directory /nope does not exist"
 */
export function checkDirectory(flag: string, dir: string, given = dir): void {
  const stat = statOrUndefined(dir);
  const fail = (reason: Template): never => {
    throw new OutputUnwritableError(flag, given, reason);
  };
  if (stat === undefined) fail(both(T.noDirectory, { dir }));
  else if (!stat.isDirectory()) fail(both(T.notDirectory, { dir }));
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    fail(both(T.dirNotWritable, { dir }));
  }
}

/**
 * Check every output before the batch starts: each directory exists, is a
 * directory and is writable; each path is a regular file or absent (never a
 * directory or a device: an atomic replace would put a file in its place);
 * no two options name the same file; and no output would overwrite an input.
 *
 * @param outputs - the file outputs
 * @param inputs - files the run reads (e.g. `--previous`), which no output but `allowSameAs` may name
 * @param allowSameAs - outputs that may name an input: `--decisions-out` may replace `--previous`, which is read whole first
 * @throws {OutputUnwritableError} with the option and what is wrong
 * @example checkOutputs([{ flag: '--decisions-out', path: '/nope/night-2.ndjson' }]) // throws "--decisions-out /nope/night-2.ndjson: the directory /nope does not exist"
 */
export function checkOutputs(outputs: readonly OutputTarget[], inputs: readonly OutputTarget[] = [], allowSameAs: readonly string[] = []): void {
  const seen = new Map<string, string>();
  for (const input of inputs) seen.set(outputPath(input.path), input.flag);
  for (const { flag, path } of outputs) {
    if (path === '') throw new OutputUnwritableError(flag, path, T.emptyPath);
    const stat = statOrUndefined(path);
    if (stat?.isDirectory() === true) throw new OutputUnwritableError(flag, path, T.isDirectory);
    if (stat !== undefined && !stat.isFile()) throw new OutputUnwritableError(flag, path, T.notRegular);
    const real = outputPath(path);
    const other = seen.get(real);
    const isInput = inputs.some((i) => i.flag === other);
    if (other !== undefined && !(isInput && allowSameAs.includes(flag))) {
      throw new OutputUnwritableError(flag, path, both(isInput ? T.wouldOverwrite : T.givenTwice, { other }));
    }
    seen.set(real, flag);
    checkDirectory(flag, dirname(real), path);
  }
}
