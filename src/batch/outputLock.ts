import { hostname } from 'node:os';
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { registerCleanup } from '../io/exitCleanup.js';
import { OutputLockedError, OutputUnwritableError, type LockHolder } from '../io/outputErrors.js';
import { sweepStaleTemps, tempPathFor } from '../io/atomicFile.js';
import { isProcessAlive } from '../io/processTag.js';
import { systemErrorText } from '../io/outputErrors.js';
import { both } from '../model/template.js';
import { OUTPUT_FAILURE_TEXT } from '../report/failureText.js';

/** A held lock on one output; `release` removes the lock file if it is still this process's. */
export interface OutputLock {
  readonly lockPath: string;
  release(): void;
}

/**
 * The lock file of an output.
 *
 * @param path - the output
 * @returns `<path>.lock`
 * @example lockPathFor('night-2.ndjson') // 'night-2.ndjson.lock'
 */
export function lockPathFor(path: string): string {
  return `${path}.lock`;
}

function readHolder(lockPath: string): LockHolder | 'gone' | undefined {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string') return { pid: value.pid, host: value.host, since: value.since };
  } catch {
    // Not a lock this program wrote.
  }
  return undefined;
}

/** A lock whose process has ended on this host may be taken over. */
function isStale(holder: LockHolder): boolean {
  return holder.host === hostname() && holder.pid !== process.pid && !isProcessAlive(holder.pid);
}

/** Create the lock file with its content in one step: write a private file, then hard-link it (fails if the lock exists). */
function create(lockPath: string, content: string): boolean {
  sweepStaleTemps(lockPath);
  const temp = tempPathFor(lockPath);
  writeFileSync(temp, content, { flag: 'wx' });
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // No hard links on this file system: exclusive create (the content follows a moment later).
    try {
      writeFileSync(lockPath, content, { flag: 'wx' });
      return true;
    } catch (wx) {
      if ((wx as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw wx;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Take the lock of one output: `<path>.lock`, holding this process's pid,
 * host and start time as JSON. A second run on the same output is refused
 * while the first lives. A lock left by a process of this host that has
 * ended (killed, out of memory) is taken over. The lock is registered for
 * removal if the process ends abruptly (`runCleanups`).
 *
 * @param path - the output (as written: symbolic links resolved)
 * @param flag - the option naming it, for messages
 * @param given - the path as the option gave it, for messages
 * @returns the lock
 * @throws {OutputLockedError} when a live process holds it
 * @throws {OutputUnwritableError} when the lock file cannot be created
 * @example const lock = lockOutput('night-2.ndjson', '--decisions-out'); … lock.release(); // night-2.ndjson.lock gone again
 */
export function lockOutput(path: string, flag: string, given = path): OutputLock {
  const lockPath = lockPathFor(path);
  const own: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let created: boolean;
    try {
      created = create(lockPath, `${JSON.stringify(own)}\n`);
    } catch (error) {
      throw new OutputUnwritableError(flag, given, both(OUTPUT_FAILURE_TEXT.cannotCreateLock, (lang) => ({ lock: lockPath, error: systemErrorText(error as NodeJS.ErrnoException)[lang] })));
    }
    if (created) {
      const unregister = registerCleanup(() => releaseIfOwn(lockPath));
      return {
        lockPath,
        release() {
          releaseIfOwn(lockPath);
          unregister();
        },
      };
    }
    const holder = readHolder(lockPath);
    if (holder === 'gone') continue;
    if (holder === undefined || !isStale(holder)) throw new OutputLockedError(flag, given, lockPath, holder);
    // The holder has ended: take the lock over. (Two runs taking over the same
    // stale lock in the same instant is not guarded against.)
    try {
      unlinkSync(lockPath);
    } catch {
      // Someone else took it over first; the next attempt sees theirs.
    }
  }
  throw new OutputLockedError(flag, given, lockPath, undefined);
}

function releaseIfOwn(lockPath: string): void {
  const holder = readHolder(lockPath);
  if (holder !== 'gone' && holder !== undefined && holder.pid === process.pid && holder.host === hostname()) rmSync(lockPath, { force: true });
}
