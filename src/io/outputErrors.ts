/**
 * An output cannot be created: found before the batch starts (a missing
 * directory, a directory where a file should be, no write permission, two
 * options naming one file). Nothing was read or written.
 *
 * @example new OutputUnwritableError('--rejected', 'out/', 'is a directory; give a file name').message // '--rejected out/: is a directory; give a file name'
 */
export class OutputUnwritableError extends Error {
  override readonly name = 'OutputUnwritableError';

  /**
   * @param flag - the option naming the output, e.g. `--decisions-out`
   * @param path - the path given
   * @param reason - what is wrong with it
   */
  constructor(
    readonly flag: string,
    readonly path: string,
    reason: string,
  ) {
    super(`${flag} ${path}: ${reason}`);
  }
}

/** Who holds an output's lock, as its lock file says. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/**
 * Another run (a live process) is writing the same output. Nothing was read or written.
 *
 * @example new OutputLockedError('--decisions-out', 'n.ndjson', 'n.ndjson.lock', { pid: 4711, host: 'batch1', since: '2026-11-24T02:00:00.000Z' }).message
 * // '--decisions-out n.ndjson is in use by another run (pid 4711 on batch1, since 2026-11-24T02:00:00.000Z); wait for it to finish, or remove n.ndjson.lock if no run is active'
 */
export class OutputLockedError extends Error {
  override readonly name = 'OutputLockedError';

  /**
   * @param flag - the option naming the output
   * @param path - the output
   * @param lockPath - its lock file
   * @param holder - the run holding it, or undefined when the lock file cannot be read
   */
  constructor(
    readonly flag: string,
    readonly path: string,
    readonly lockPath: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder === undefined ? 'an unreadable lock' : `pid ${holder.pid} on ${holder.host}, since ${holder.since}`;
    super(`${flag} ${path} is in use by another run (${who}); wait for it to finish, or remove ${lockPath} if no run is active`);
  }
}

/**
 * Writing an output failed during the run (a full disk, an I/O error, stdout
 * that cannot be written). The output files were not replaced and their temp
 * files are removed.
 *
 * @example new OutputWriteError('stdout', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })).message
 * // 'cannot write stdout: ENOSPC (no space left on device); the output files were left as they were'
 */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';

  /**
   * @param target - the option naming the output, or `stdout`
   * @param cause - the system error
   */
  constructor(
    readonly target: string,
    override readonly cause: NodeJS.ErrnoException,
  ) {
    super(`cannot write ${target}: ${describeSystemError(cause)}; the output files were left as they were`);
  }
}

/**
 * A system error in one line, without the stack: `ENOSPC (no space left on device)`.
 *
 * @param error - an error from `node:fs` or a stream
 * @returns code and description
 * @example describeSystemError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })) // 'ENOSPC (no space left on device)'
 */
export function describeSystemError(error: NodeJS.ErrnoException): string {
  const code = error.code;
  if (code === undefined) return error.message.split('\n')[0] ?? '';
  const text = error.message.startsWith(`${code}: `) ? error.message.slice(code.length + 2).replace(/, \w+( '.*')?$/, '') : error.message.split('\n')[0];
  return `${code} (${text})`;
}
