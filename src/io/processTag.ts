import { createHash } from 'node:crypto';
import { hostname } from 'node:os';

let host: string | undefined;

/**
 * This host as 8 hex digits. A process id means something only on the host
 * that gave it, so temp names carry both and a run never sweeps what a
 * process on another host (sharing the directory) still uses.
 *
 * @returns the tag of `os.hostname()`
 * @example hostTag() // e.g. '3f1c9a02'
 */
export function hostTag(): string {
  host ??= createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
  return host;
}

/**
 * The tag this process puts in the names of its temp files and directories:
 * `<pid>-<host tag>`.
 *
 * @returns the tag
 * @example ownTag() // e.g. '48213-3f1c9a02'
 */
export function ownTag(): string {
  return `${process.pid}-${hostTag()}`;
}

/**
 * The shape of a tag inside a file name, as a regular-expression source.
 *
 * @example new RegExp(`^${TAG_PATTERN}$`).test(ownTag()) // true
 */
export const TAG_PATTERN = '\\d+-[0-9a-f]{8}';

/**
 * Whether a process is running. `EPERM` (another user's process) counts as running.
 *
 * @param pid - the process id
 * @returns false when no such process exists
 * @example isProcessAlive(process.pid) // true
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a tag names a process of this host that has ended: what it left
 * behind may be removed. A tag of another host, or one that does not parse,
 * is never stale.
 *
 * @param tag - `<pid>-<host tag>`
 * @returns true when the process is gone
 * @example isStaleTag(ownTag()) // false
 */
export function isStaleTag(tag: string): boolean {
  const match = /^(\d+)-([0-9a-f]{8})$/.exec(tag);
  if (match === null || match[2] !== hostTag()) return false;
  const pid = Number(match[1]);
  return pid !== process.pid && !isProcessAlive(pid);
}
