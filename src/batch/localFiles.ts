import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openInput } from '../io/openInput.js';

/** Lesson files the batch can read in byte slices, and how messages name them. */
export interface LocalFiles {
  /** Regular, uncompressed files: the inputs themselves, or their copies in the temp directory. */
  readonly paths: readonly string[];
  /** The inputs as given (`stdin` for `-`): the names of rejected lines' locations. */
  readonly names: readonly string[];
}

/**
 * Make every lesson input a regular file that can be cut into byte slices for
 * the reading threads: a regular uncompressed file is used as it is; stdin
 * (`-`), a pipe and a gzip file are first copied, decompressed, to
 * `input-<n>` in the batch's temp directory (removed with it). The copy holds
 * the decompressed bytes unchanged, so line numbers and counts are those of
 * the original stream; messages name the input as given. A binary input is
 * refused here, before anything is read (`openInput`).
 *
 * @param paths - the lesson inputs as given
 * @param dir - the batch's temp directory
 * @param signal - stops a long copy (SIGTERM)
 * @returns the files to read and their names
 * @throws {BatchInputError} for a binary or damaged gzip input
 * @example await localFiles(['-', 'b.csv'], dir) // { paths: ['/tmp/trappa-batch-…/input-0', 'b.csv'], names: ['stdin', 'b.csv'] }
 */
export async function localFiles(paths: readonly string[], dir: string, signal?: AbortSignal): Promise<LocalFiles> {
  const local: string[] = [];
  const names: string[] = [];
  for (const [i, path] of paths.entries()) {
    // The signal also ends a read still waiting for a stdin that sends nothing.
    const input = await openInput(path, undefined, signal);
    names.push(input.name);
    if (input.regularFile && !input.compressed) {
      await input.close();
      local.push(path);
      continue;
    }
    const copy = join(dir, `input-${i}`);
    try {
      await pipeline(Readable.from(input.chunks, { objectMode: false }), createWriteStream(copy), signal === undefined ? {} : { signal });
    } finally {
      await input.close();
    }
    local.push(copy);
  }
  return { paths: local, names };
}
