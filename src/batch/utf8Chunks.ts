/** About how many bytes a chunk holds. */
export const CHUNK_BYTES = 1 << 20;

/** Chunk memory given back (`reuseChunk`), at most `SPARE_MAX` megabytes, in this thread. */
const spare: ArrayBuffer[] = [];
const SPARE_MAX = 16;

/** A chunk's memory: a spare one, else new. */
function chunkBuffer(): Buffer {
  const reused = spare.pop();
  return reused === undefined ? Buffer.allocUnsafeSlow(CHUNK_BYTES) : Buffer.from(reused, 0, CHUNK_BYTES);
}

/**
 * Give a chunk's memory back for the next chunks of this thread, once nothing
 * reads the chunk any more (its bytes were written out, or copied). New
 * memory costs a page fault a page on its first write, the most of encoding a
 * night's `--json` (measured: 32 MB of decisions encoded in 140 ms into new
 * megabytes, 22 ms into reused ones); the in-process batch gives back what it
 * has written. A chunk not of `utf8Chunks`' size, or already given, is left.
 *
 * @param chunk - a chunk `utf8Chunks` gave, not read by anyone after this call
 * @example for (const chunk of chunks) writeSync(fd, chunk), reuseChunk(chunk)
 */
export function reuseChunk(chunk: Uint8Array): void {
  const memory = chunk.buffer;
  if (memory instanceof ArrayBuffer && memory.byteLength === CHUNK_BYTES && spare.length < SPARE_MAX && !spare.includes(memory)) spare.push(memory);
}

/**
 * Lines gathered into chunks of about `CHUNK_BYTES` of UTF-8, each line ended
 * by a line break. Each line is encoded straight into the chunk
 * (`Buffer.write`): joining the lines into one string and encoding that took
 * 12× as long (measured on 2 000 compact decisions, 14 MB: 170 ms against
 * 14 ms), most of a compact night's output cost. Each chunk has its own
 * memory (`allocUnsafeSlow` or a chunk given back with `reuseChunk`, never
 * Node's shared pool), so a worker thread can move it to the main thread;
 * the main thread writes bytes either way.
 *
 * @returns `add(line)` for each line, then `done()` for the chunks
 * @example const c = utf8Chunks(); c.add('{"a":"å"}'); Buffer.concat(c.done()).toString() // '{"a":"å"}\n'
 */
export function utf8Chunks(): { add(line: string): void; done(): Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  let buffer: Buffer | undefined;
  let at = 0;
  const flush = (): void => {
    if (buffer !== undefined && at > 0) {
      // A chunk far from full (a bucket with little output) is copied out, not held with its unused megabyte.
      if (at < buffer.length >> 2) {
        chunks.push(new Uint8Array(buffer.subarray(0, at)));
        reuseChunk(buffer);
      } else chunks.push(buffer.subarray(0, at));
    }
    buffer = undefined;
    at = 0;
  };
  return {
    add(line: string): void {
      // A UTF-16 unit is at most three bytes of UTF-8; a long line is measured, not bounded.
      const most = line.length * 3 + 1;
      if (buffer === undefined || at + most > buffer.length) {
        flush();
        buffer = most <= CHUNK_BYTES ? chunkBuffer() : Buffer.allocUnsafeSlow(Buffer.byteLength(line) + 1);
      }
      at += buffer.write(line, at);
      buffer[at] = 10;
      at += 1;
    },
    done(): Uint8Array[] {
      flush();
      return chunks;
    },
  };
}
