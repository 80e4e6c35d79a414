import { appendFileSync, closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const FLUSH_AT = 1 << 18;
const FLUSH_ALL_AT = 1 << 26;
const FIRST_SIZE = 1 << 12;

/**
 * Line-oriented temp files, one per bucket, written through small in-memory
 * buffers (at most 64 MiB in all): the partition pass keeps memory flat and
 * opens a file only while it flushes, so no file-descriptor limit is reached.
 * Lines are copied into each bucket's byte buffer as they come: a line that
 * is a slice of a larger text (`forEachLine`) never keeps that text alive.
 */
export class BucketWriter {
  private readonly pending: Array<Buffer | undefined>;
  private readonly used: number[];
  /** Bytes allocated for all buckets' buffers. */
  private allocated = 0;

  /**
   * @param dir - the temp directory
   * @param kind - the file suffix, e.g. `lessons`
   * @param buckets - the number of buckets
   */
  constructor(
    private readonly dir: string,
    private readonly kind: string,
    buckets: number,
  ) {
    this.pending = Array.from({ length: buckets }, () => undefined);
    this.used = Array.from({ length: buckets }, () => 0);
    for (let b = 0; b < buckets; b += 1) writeFileSync(this.path(b), '');
  }

  /** The file of a bucket. */
  path(bucket: number): string {
    return bucketPath(this.dir, bucket, this.kind);
  }

  /** Append one line (without line break) to a bucket. */
  add(bucket: number, line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: room for that, without measuring the line first.
    const used = this.room(bucket, line.length * 3 + 1);
    const buffer = this.pending[bucket] as Buffer;
    this.end(bucket, buffer, used + buffer.write(line, used));
  }

  /**
   * Append one line made of a text and bytes of another buffer (without line
   * break; e.g. a line of a temp file read by `forEachByteLine`), with no
   * string made of the bytes.
   *
   * @param bucket - the bucket
   * @param head - the line's start, as text
   * @param bytes - a buffer holding the rest
   * @param from - the rest's first byte
   * @param to - the byte after its last
   * @example writer.addJoined(0, '[7,', Buffer.from('{"a":1}]'), 0, 8) // the line `[7,{"a":1}]`
   */
  addJoined(bucket: number, head: string, bytes: Uint8Array, from: number, to: number): void {
    const used = this.room(bucket, head.length * 3 + (to - from) + 1);
    const buffer = this.pending[bucket] as Buffer;
    const at = used + buffer.write(head, used);
    buffer.set(bytes.subarray(from, to), at);
    this.end(bucket, buffer, at + (to - from));
  }

  /** Make room for `room` more bytes in a bucket's buffer (`pending[bucket]`); returns the bytes used in it. */
  private room(bucket: number, room: number): number {
    if (bucket < 0 || bucket >= this.pending.length) throw new RangeError(`no bucket ${bucket}`);
    let buffer = this.pending[bucket];
    let used = this.used[bucket] ?? 0;
    if (buffer === undefined || used + room > buffer.length) {
      if (used > 0 && used + room > FLUSH_AT) {
        this.flushOne(bucket);
        used = 0;
      }
      // Room for what the buffer holds and the new line: a line of 3-byte characters fills all of `room`.
      const size = Math.max(used + room, Math.min(FLUSH_AT, (buffer?.length ?? FIRST_SIZE / 2) * 2));
      if (buffer === undefined || size > buffer.length) {
        const grown = Buffer.allocUnsafe(size);
        if (buffer !== undefined && used > 0) buffer.copy(grown, 0, 0, used);
        this.allocated += size - (buffer?.length ?? 0);
        buffer = grown;
        this.pending[bucket] = grown;
      }
    }
    return used;
  }

  /** End a line at `used` in the bucket's buffer. */
  private end(bucket: number, buffer: Buffer, used: number): void {
    buffer[used] = 10;
    this.used[bucket] = used + 1;
    if (this.allocated >= FLUSH_ALL_AT) this.flush();
  }

  private flushOne(bucket: number): void {
    const buffer = this.pending[bucket];
    const used = this.used[bucket] ?? 0;
    if (buffer === undefined || used === 0) return;
    appendFileSync(this.path(bucket), buffer.subarray(0, used));
    this.used[bucket] = 0;
  }

  /** Write every buffered line, and give the buffers back. */
  flush(): void {
    for (let b = 0; b < this.pending.length; b += 1) {
      this.flushOne(b);
      this.pending[b] = undefined;
    }
    this.allocated = 0;
  }
}

/**
 * The temp file of one bucket and kind.
 *
 * @param dir - the temp directory
 * @param bucket - the bucket
 * @param kind - e.g. `lessons`, `students`, `previous`, `out`
 * @returns the path
 * @example bucketPath('/tmp/trappa-x', 3, 'lessons') // '/tmp/trappa-x/3.lessons'
 */
export function bucketPath(dir: string, bucket: number, kind: string): string {
  return join(dir, `${bucket}.${kind}`);
}

const LESSONS_PER_FLUSH = 2048;

/**
 * Fixed-size binary records (int32 words), one temp file per bucket, written
 * through a small buffer per bucket (`2048 × words × 4` bytes). A bucket's
 * file is made at its first write and kept open until `flush` (or `close`):
 * a bucket that got no record has no file (`readLessonParts` reads it as
 * empty). On the 20 000-student bench city that is 271 `openat` calls in a
 * run instead of 3 450 (every bucket's file made up front, then opened again
 * for each flush); on this ext4 disk an open costs some 9 µs, so the run's
 * time did not change within the noise, but a temp directory on a slower
 * file system pays per open.
 */
export class BinaryBucketWriter {
  private readonly buffers: Int32Array[];
  private readonly fill: number[];
  private readonly fds: Array<number | undefined>;

  /**
   * @param dir - the temp directory
   * @param kind - the file suffix
   * @param buckets - the number of buckets
   * @param words - int32 words per record
   */
  constructor(
    private readonly dir: string,
    private readonly kind: string,
    buckets: number,
    private readonly words: number,
  ) {
    this.buffers = Array.from({ length: buckets }, () => new Int32Array(LESSONS_PER_FLUSH * words));
    this.fill = Array.from({ length: buckets }, () => 0);
    this.fds = Array.from({ length: buckets }, () => undefined);
  }

  /**
   * Room for one record in a bucket: write `words` words into
   * `buffer(bucket)` at the returned offset before the next call.
   */
  reserve(bucket: number): number {
    let used = this.fill[bucket] ?? 0;
    if (used === LESSONS_PER_FLUSH) {
      this.flushOne(bucket);
      used = 0;
    }
    this.fill[bucket] = used + 1;
    return used * this.words;
  }

  /** The buffer of a bucket (valid until the next `reserve`). */
  buffer(bucket: number): Int32Array {
    return this.buffers[bucket] as Int32Array;
  }

  private flushOne(bucket: number): void {
    const used = this.fill[bucket] ?? 0;
    if (used === 0) return;
    const buffer = this.buffers[bucket] as Int32Array;
    const fd = (this.fds[bucket] ??= openSync(bucketPath(this.dir, bucket, this.kind), 'w'));
    const bytes = new Uint8Array(buffer.buffer, 0, used * this.words * 4);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    this.fill[bucket] = 0;
  }

  /** Write every buffered record and close the files. */
  flush(): void {
    try {
      for (let b = 0; b < this.buffers.length; b += 1) this.flushOne(b);
    } finally {
      this.close();
    }
  }

  /** Close the files without writing what is buffered (a failed read; `flush` closes them too). */
  close(): void {
    for (let b = 0; b < this.fds.length; b += 1) {
      const fd = this.fds[b];
      this.fds[b] = undefined;
      if (fd !== undefined) closeSync(fd);
    }
  }
}
