import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { registerCleanup } from './exitCleanup.js';
import { isStaleTag, ownTag, TAG_PATTERN } from './processTag.js';

const FLUSH_AT = 1 << 20;

/**
 * A file written beside its final path and put there whole or not at all:
 * the text goes to a temp file in the same directory, which `commit` fsyncs
 * and renames over the path (an atomic replace on POSIX file systems) and
 * `discard` removes. A reader of the path sees the old file or the new one,
 * never a prefix, whether the writer finishes, fails, or is killed.
 */
export interface AtomicFile {
  /** The final path. */
  readonly path: string;
  /** `.<name>.<pid>-<host>.<random>.tmp` in the same directory. */
  readonly tempPath: string;
  /**
   * Append text, or UTF-8 bytes (buffered; written in 1 MiB pieces).
   *
   * @throws the system error of the write (e.g. `ENOSPC`)
   */
  write(text: string | Uint8Array): void;
  /** Flush, fsync, close and rename into place, then fsync the directory. */
  commit(): void;
  /** Close and remove the temp file; the path is left as it was. Never throws; does nothing after `commit`. */
  discard(): void;
}

/**
 * The temp file name for a final path.
 *
 * @param path - the final path
 * @returns a unique hidden name in the same directory, tagged with this process
 * @example basename(tempPathFor('/out/night-2.ndjson')) // e.g. '.night-2.ndjson.48213-3f1c9a02.9c0e41d7.tmp'
 */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${ownTag()}.${randomBytes(4).toString('hex')}.tmp`);
}

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can fsync a directory (Windows); the rename itself is done.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Start writing a file atomically. The temp file is created at once (so a
 * directory that cannot take it fails here, before any work) and registered
 * for removal if the process ends abruptly (`runCleanups`).
 *
 * @param path - the final path
 * @returns the open file
 * @throws the system error of creating the temp file
 * @example const f = openAtomic('night-2.ndjson'); f.write('{"studentId":"e1"}\n'); f.commit(); // night-2.ndjson now holds the line
 */
export function openAtomic(path: string): AtomicFile {
  const tempPath = tempPathFor(path);
  let fd: number | undefined = openSync(tempPath, 'wx');
  let state: 'open' | 'committed' | 'discarded' = 'open';
  const unregister = registerCleanup(() => rmSync(tempPath, { force: true }));
  let pending: string[] = [];
  let pendingLength = 0;
  const writeAll = (bytes: Uint8Array): void => {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd as number, bytes, at, bytes.length - at);
  };
  const flush = (): void => {
    if (pendingLength === 0 || fd === undefined) return;
    const bytes = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    writeAll(bytes);
  };
  const close = (): void => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  return {
    path,
    tempPath,
    write(text) {
      if (state !== 'open') throw new Error(`${path}: write after ${state}`);
      if (typeof text !== 'string') {
        // Bytes go out as they are, after the text before them.
        flush();
        if (fd !== undefined) writeAll(text);
        return;
      }
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= FLUSH_AT) flush();
    },
    commit() {
      if (state !== 'open') throw new Error(`${path}: commit after ${state}`);
      flush();
      fsyncSync(fd as number);
      close();
      renameSync(tempPath, path);
      state = 'committed';
      unregister();
      fsyncDirectory(dirname(path));
    },
    discard() {
      if (state !== 'open') return;
      state = 'discarded';
      pending = [];
      try {
        close();
      } catch {
        // The descriptor is gone either way.
      }
      rmSync(tempPath, { force: true });
      unregister();
    },
  };
}

/**
 * Write a whole file atomically (`openAtomic`, one write, `commit`); on any
 * error the temp file is removed and the path left as it was.
 *
 * @param path - the final path
 * @param text - the content
 * @throws the system error
 * @example writeFileAtomic('summary.json', '{}\n'); readFileSync('summary.json', 'utf8') // '{}\n'
 */
export function writeFileAtomic(path: string, text: string): void {
  const file = openAtomic(path);
  try {
    file.write(text);
    file.commit();
  } catch (error) {
    file.discard();
    throw error;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Remove the temp files of a path left by processes of this host that have
 * ended (killed with SIGKILL, out of memory): `.<name>.<pid>-<host>.<random>.tmp`
 * whose pid is no longer running. A live writer's temp file is never touched.
 *
 * @param path - the final path
 * @returns how many were removed
 * @example sweepStaleTemps('night-2.ndjson') // 1 after a run writing it was killed, else 0
 */
export function sweepStaleTemps(path: string): number {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(${TAG_PATTERN})\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const tag = pattern.exec(name)?.[1];
    if (tag === undefined || !isStaleTag(tag)) continue;
    try {
      rmSync(join(dirname(path), name), { force: true });
      removed += 1;
    } catch {
      // Another user's file, or gone meanwhile.
    }
  }
  return removed;
}
