import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLine, forEachByteLine, forEachLine, forEachLineRange, readLines } from '../../src/io/lines.js';
import { byteLines } from '../helpers/byteLines.js';

const dir = mkdtempSync(join(tmpdir(), 'trappa-lines-'));

async function read(text: string | Uint8Array, chunkBytes: number): Promise<Array<[string, number]>> {
  const path = join(dir, 'f.txt');
  writeFileSync(path, text);
  const out: Array<[string, number]> = [];
  await forEachLine(path, (line, n) => out.push([line, n]), undefined, chunkBytes);
  return out;
}

type Read = readonly [number, string] | readonly [number, 'invalid', number];

/** Each line of a byte file as `forEachLineRange` gives it, with the invalid ones marked. */
async function readBytes(bytes: Uint8Array, chunkBytes: number): Promise<{ lines: Read[]; count: number }> {
  const path = join(dir, 'b.bin');
  writeFileSync(path, bytes);
  const lines: Read[] = [];
  const count = await forEachLineRange(path, (text, from, to, n) => lines.push([n, text.slice(from, to)]), {
    chunkBytes,
    onInvalid: (n, byte) => lines.push([n, 'invalid', byte]),
  });
  return { lines, count };
}

/** The oracle: cut the bytes at LF, drop a CR before it and a BOM at the start, decode each line on its own. */
function expectedLines(bytes: Uint8Array): Read[] {
  return byteLines(bytes).map(({ n, text }): Read => (text === null ? [n, 'invalid', -1] : [n, text]));
}

/** Bytes that stress the decoder: ASCII, line breaks, valid multi-byte characters, stray lead and continuation bytes. */
const bytePiece = fc.oneof(
  fc.constantFrom([10], [13, 10], [13], [0xc3, 0xa5], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xc3], [0xe2, 0x82], [0xff], [0x80], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0xef, 0xbf, 0xbd]),
  fc.array(fc.integer({ min: 32, max: 126 }), { maxLength: 6 }),
  fc.uint8Array({ maxLength: 4 }).map((a) => [...a]),
);
const byteText = fc.array(bytePiece, { maxLength: 16 }).map((pieces) => Uint8Array.from(pieces.flat()));

describe('forEachLine', () => {
  it('gives the lines of split("\\n") with numbers, for any text and chunk size, UTF-8 split across chunks included', async () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('å', 'ö', 'elev-ä', '€', '😀')), { maxLength: 12 }).map((parts) => parts.join('\n'));
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 7 }), async (t, chunk) => {
        const expected = t.split('\n');
        if (expected[expected.length - 1] === '') expected.pop();
        // A BOM at the start of the file is not part of line 1.
        if (expected[0]?.startsWith('\uFEFF')) expected[0] = expected[0].slice(1);
        expect(await read(t, chunk)).toEqual(expected.map((line, i) => [line.endsWith('\r') ? line.slice(0, -1) : line, i + 1]));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts CRLF and a last line without a line break', async () => {
    expect(await read('a\r\nb\r\nc', 2)).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });

  it('skips a UTF-8 BOM at the start of the file, and only there', async () => {
    expect(await read('\uFEFF{"a":1}\n\uFEFFb\n', 1 << 20)).toEqual([['{"a":1}', 1], ['\uFEFFb', 2]]);
    expect(await read('\uFEFFab\ncd\n', 1)).toEqual([['ab', 1], ['cd', 2]]);
  });
});

describe('forEachLineRange: each line decoded on its own', () => {
  it('any bytes and any chunk size give the lines of the oracle: a bad byte spoils its own line, no other, and no line is added', async () => {
    await fc.assert(
      fc.asyncProperty(byteText, fc.integer({ min: 1, max: 9 }), async (bytes, chunk) => {
        const expected = expectedLines(bytes);
        const { lines, count } = await readBytes(bytes, chunk);
        expect(lines.map((l) => (l[1] === 'invalid' ? [l[0], 'invalid', -1] : l))).toEqual(expected);
        expect(count).toBe(expected.length);
      }),
      { numRuns: 400 },
    );
  });

  it('a stray lead byte as the last byte of a chunk stays in its line (it used to leak, as U+FFFD, into a later line)', async () => {
    const bytes = Buffer.concat([Buffer.from('abc'), Buffer.from([0xc3]), Buffer.from('\nelev-1\nelev-2 å\n')]);
    const { lines, count } = await readBytes(bytes, 4);
    expect(lines).toEqual([[1, 'invalid', 4], [2, 'elev-1'], [3, 'elev-2 å']]);
    expect(count).toBe(3);
  });

  it('names the first bad byte, past a U+FFFD that was in the text itself', async () => {
    const { lines } = await readBytes(Buffer.concat([Buffer.from('a\uFFFDb'), Buffer.from([0xe2, 0x82]), Buffer.from('c')]), 64);
    expect(lines).toEqual([[1, 'invalid', 6]]);
  });
});

/** A byte line as `Read`: its number and text, or its first bad byte. */
function decodedRead(buffer: Buffer, from: number, to: number, n: number): Read {
  const text = decodeLine(buffer, from, to);
  return typeof text === 'string' ? [n, text] : [n, 'invalid', text.invalidByte];
}

describe('forEachByteLine: lines as bytes, decoded on demand', () => {
  it('any bytes and any chunk size give the byte ranges of the oracle lines: decodeLine of each is the oracle text, or names its first bad byte', async () => {
    await fc.assert(
      fc.asyncProperty(byteText, fc.integer({ min: 1, max: 9 }), async (bytes, chunk) => {
        const path = join(dir, 'bytes.bin');
        writeFileSync(path, bytes);
        const lines: Read[] = [];
        const count = await forEachByteLine(
          path,
          (buffer, from, to, n) => lines.push(decodedRead(buffer, from, to, n)),
          { chunkBytes: chunk },
        );
        const { lines: ranged } = await readBytes(bytes, 64);
        // The same lines, numbers and first bad bytes as the text reader, whatever the chunks.
        expect(lines).toEqual(ranged);
        expect(lines.map((l) => (l[1] === 'invalid' ? [l[0], 'invalid', -1] : l))).toEqual(expectedLines(bytes));
        expect(count).toBe(expectedLines(bytes).length);
      }),
      { numRuns: 400 },
    );
  });

  it('a taker that takes some lines whole before they are cut: every line still comes once, in order, with its number, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(byteText, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 3 }), async (bytes, chunk, every) => {
        const path = join(dir, 'taken.bin');
        writeFileSync(path, bytes);
        const lines: Read[] = [];
        const offered: number[] = [];
        const count = await forEachByteLine(
          path,
          (buffer, from, to, n) => lines.push(decodedRead(buffer, from, to, n)),
          {
            chunkBytes: chunk,
            // Takes every `every`-th line offered (none when 0) whose line feed is at hand, as a scanner would: reading to the line feed itself.
            take: (buffer, from, limit, n) => {
              offered.push(n);
              if (every === 0 || n % every !== 0) return -1;
              const nl = buffer.subarray(from, limit).indexOf(10);
              if (nl === -1) return -1;
              const end = from + nl;
              lines.push(decodedRead(buffer, from, end > from && buffer[end - 1] === 13 ? end - 1 : end, n));
              return end;
            },
          },
        );
        const { lines: ranged } = await readBytes(bytes, 64);
        expect(lines).toEqual(ranged);
        expect(count).toBe(expectedLines(bytes).length);
        // The first line of the file, which may start with a BOM, is never offered.
        expect(offered).not.toContain(1);
      }),
      { numRuns: 400 },
    );
  });

  it('a taker that answers anything but the line feed that ends its line is a bug, and the read stops with it', async () => {
    const path = join(dir, 'bad-taker.txt');
    writeFileSync(path, 'a\nb\nc\n');
    await expect(forEachByteLine(path, () => undefined, { take: (_b, from) => from })).rejects.toThrow(/line taker answered 2/);
  });

  it('reads a byte range of a file, a BOM skipped only at the start of the file', async () => {
    const path = join(dir, 'range.txt');
    writeFileSync(path, '\uFEFFab\ncd\r\n\uFEFFef\n');
    const read = async (start: number, end: number): Promise<Array<[string, number]>> => {
      const out: Array<[string, number]> = [];
      await forEachByteLine(path, (b, from, to, n) => out.push([b.toString('utf8', from, to), n]), { start, end, chunkBytes: 2 });
      return out;
    };
    expect(await read(0, Number.POSITIVE_INFINITY)).toEqual([['ab', 1], ['cd', 2], ['\uFEFFef', 3]]);
    expect(await read(6, Number.POSITIVE_INFINITY)).toEqual([['cd', 1], ['\uFEFFef', 2]]);
    expect(await read(10, 16)).toEqual([['\uFEFFef', 1]]);
  });
});

describe('readLines', () => {
  it('gives the same lines as forEachLineRange, invalid ones marked with their first bad byte', async () => {
    const path = join(dir, 'r.bin');
    writeFileSync(path, Buffer.concat([Buffer.from('\uFEFFa\r\n'), Buffer.from([0x61, 0xff]), Buffer.from('\n\nb')]));
    const lines = [];
    for await (const line of readLines(path, 3)) lines.push(line);
    expect(lines).toEqual([
      { lineNumber: 1, text: 'a' },
      { lineNumber: 2, invalidByte: 2, lossy: 'a\uFFFD' },
      { lineNumber: 3, text: '' },
      { lineNumber: 4, text: 'b' },
    ]);
  });
});

describe('reading a file in two buffers', () => {
  it('gives every line of a file many chunks long, each chunk read while the one before is split', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(i % 37)}"}`);
    const path = join(dir, 'many.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const seen: string[] = [];
    const count = await forEachByteLine(path, (bytes, from, to) => seen.push(bytes.toString('utf8', from, to)), { chunkBytes: 97 });
    expect(count).toBe(5000);
    expect(seen).toEqual(lines);
  });

  it('stops cleanly when the caller throws mid-file: the error comes back, no read is left behind', async () => {
    const path = join(dir, 'stop.ndjson');
    writeFileSync(path, Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(
        forEachByteLine(
          path,
          (_bytes, _from, _to, n) => {
            if (n === 700) throw new Error('stop here');
          },
          { chunkBytes: 64 },
        ),
      ).rejects.toThrow('stop here');
      // The file is closed and nothing is pending: it can be read again at once, whole.
      expect(await forEachByteLine(path, () => undefined, { chunkBytes: 64 })).toBe(2000);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});

