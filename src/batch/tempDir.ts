import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { registerCleanup } from '../io/exitCleanup.js';
import { isStaleTag, ownTag, TAG_PATTERN } from '../io/processTag.js';

const PREFIX = 'trappa-batch-';
const NAME = new RegExp(`^${PREFIX}(${TAG_PATTERN})-[A-Za-z0-9]{6}$`);

/** A run's temp directory, removed by `remove` (or by `runCleanups` if the process ends abruptly). */
export interface TempDir {
  readonly path: string;
  remove(): void;
}

/**
 * Create a batch's temp directory, named after this process
 * (`trappa-batch-<pid>-<host>-XXXXXX`) so that a later run can tell whether
 * its owner still lives.
 *
 * @param base - where (`--tmp-dir`, or the OS temp directory)
 * @returns the directory
 * @example basename(makeTempDir(tmpdir()).path) // e.g. 'trappa-batch-48213-3f1c9a02-Xk2p9q'
 */
export function makeTempDir(base: string): TempDir {
  const path = mkdtempSync(join(base, `${PREFIX}${ownTag()}-`));
  const remove = (): void => rmSync(path, { recursive: true, force: true });
  const unregister = registerCleanup(remove);
  return {
    path,
    remove() {
      remove();
      unregister();
    },
  };
}

/**
 * Remove the temp directories that batches of this host left behind when
 * they were killed (SIGKILL, out of memory): those whose pid is no longer
 * running. Directories of live runs, of other hosts and of other programs are
 * left alone, as are those of trappa versions that did not put the pid in the
 * name.
 *
 * @param base - the temp directory's parent
 * @returns the directories removed
 * @example sweepStaleTempDirs(tmpdir()) // ['/tmp/trappa-batch-4711-3f1c9a02-Xk2p9q'] after a killed run, else []
 */
export function sweepStaleTempDirs(base: string): string[] {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const tag = NAME.exec(name)?.[1];
    if (tag === undefined || !isStaleTag(tag)) continue;
    const path = join(base, name);
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Another user's, or gone meanwhile.
    }
  }
  return removed;
}
