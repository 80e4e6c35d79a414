import { readSync } from 'node:fs';

/**
 * Read exactly `length` bytes of an open file from `position` into `into` at
 * `at`: `readSync` may return fewer than asked, so read until all are there.
 * Used where a file of the run's own (a bucket, a spool) is read back by a
 * place it recorded: one that ends early is a fault of the run, not of an input.
 *
 * @param fd - an open file
 * @param into - where the bytes go
 * @param at - the first index of `into` to fill
 * @param length - how many bytes
 * @param position - where in the file they start
 * @param name - the file, for the error
 * @throws {Error} when the file ends before `position + length`
 * @example readFully(fd, buffer, 0, 120, 4096, spoolPath) // buffer[0..120) = the file's bytes 4096..4216
 */
export function readFully(fd: number, into: Uint8Array, at: number, length: number, position: number, name: string): void {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, into, at + done, length - done, position + done);
    if (n === 0) throw new Error(`${name}: ends before byte ${position + length}`);
    done += n;
  }
}
