import { both, type Template } from '../model/template.js';
import { OUTPUT_FAILURE_TEXT as T, SYSTEM_REASON_TEXT } from '../report/failureText.js';

/**
 * An output cannot be created: found before the batch starts (a missing
 * directory, a directory where a file should be, no write permission, two
 * options naming one file). Nothing was read or written.
 *
 * @example new OutputUnwritableError('--rejected', 'out/', both(OUTPUT_FAILURE_TEXT.isDirectory)).text.sv // '--rejected out/: är en katalog; ange ett filnamn'
 */
export class OutputUnwritableError extends Error {
  override readonly name = 'OutputUnwritableError';
  /** The message, sv and en (`message` is the English). */
  readonly text: Template;

  /**
   * @param flag - the option naming the output, e.g. `--decisions-out`
   * @param path - the path given
   * @param reason - what is wrong with it, sv and en
   */
  constructor(
    readonly flag: string,
    readonly path: string,
    reason: Template,
  ) {
    const text = both(T.unwritable, (lang) => ({ flag, path, reason: reason[lang] }));
    super(text.en);
    this.text = text;
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
  /** The message, sv and en (`message` is the English). */
  readonly text: Template;

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
    const who = holder === undefined ? T.unreadableLock : both(T.holder, { pid: holder.pid, host: holder.host, since: holder.since });
    const text = both(T.locked, (lang) => ({ flag, path, lock: lockPath, who: who[lang] }));
    super(text.en);
    this.text = text;
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
  /** The message, sv and en (`message` is the English). */
  readonly text: Template;

  /**
   * @param target - the option naming the output, or `stdout`
   * @param cause - the system error
   */
  constructor(
    readonly target: string,
    override readonly cause: NodeJS.ErrnoException,
  ) {
    const error = systemErrorText(cause);
    const text = both(T.cannotWrite, (lang) => ({ target, error: error[lang] }));
    super(text.en);
    this.text = text;
  }
}


/**
 * A system error in one line, without the stack, in both languages: the code, and what it means in
 * Swedish from `SYSTEM_REASON_TEXT` (the system's English for a code not in
 * it).
 *
 * @param error - an error from `node:fs` or a stream
 * @returns code and description, sv and en
 * @example systemErrorText(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })) // { sv: 'ENOSPC (disken är full)', en: 'ENOSPC (no space left on device)' }
 */
export function systemErrorText(error: NodeJS.ErrnoException): Template {
  const code = error.code;
  const first = error.message.split('\n')[0] ?? '';
  if (code === undefined) return { sv: first, en: first };
  const text = error.message.startsWith(`${code}: `) ? error.message.slice(code.length + 2).replace(/, \w+( '.*')?$/, '') : first;
  const sv = Object.hasOwn(SYSTEM_REASON_TEXT, code) ? SYSTEM_REASON_TEXT[code as keyof typeof SYSTEM_REASON_TEXT].sv : text;
  return { sv: `${code} (${sv})`, en: `${code} (${text})` };
}
