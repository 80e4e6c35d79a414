import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHUNK_BYTES, reuseChunk, utf8Chunks } from '../../src/batch/utf8Chunks.js';

/** The bytes the lines stand for: each ended by a line break, in UTF-8 (what writing the joined text would give). */
const expected = (lines: readonly string[]): Buffer => Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');

const chunksOf = (lines: readonly string[]): Uint8Array[] => {
  const c = utf8Chunks();
  for (const line of lines) c.add(line);
  return c.done();
};

describe('utf8Chunks', () => {
  it('gives the UTF-8 of the lines, each ended by a line break, for any text (Swedish, §, –, astral signs)', () => {
    const line = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('skolvägran', 'Skollagen 7 kap. 19 a §', 'rektor – huvudman', '😀'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        expect(Buffer.concat(chunksOf(lines)).equals(expected(lines))).toBe(true);
      }),
    );
  });

  it('splits only between lines, into chunks of about a megabyte, with a line longer than a chunk whole in its own', () => {
    const row = `{"studentId":"e1","basis":"${'å§–'.repeat(3000)}"}`; // 9 006 units, 24 027 bytes
    const huge = 'ö'.repeat(CHUNK_BYTES); // 2 MiB of UTF-8 in one line
    const lines = [...Array.from({ length: 100 }, () => row), huge, ...Array.from({ length: 100 }, () => row)];
    const chunks = chunksOf(lines);
    expect(Buffer.concat(chunks).equals(expected(lines))).toBe(true);
    for (const c of chunks) {
      expect(c[c.length - 1]).toBe(10);
      expect(Buffer.from(c).toString('utf8')).not.toContain('\uFFFD');
    }
    expect(chunks.some((c) => c.length === Buffer.byteLength(huge) + 1)).toBe(true);
    expect(chunks.every((c) => c.length <= CHUNK_BYTES || c.length === Buffer.byteLength(huge) + 1)).toBe(true);
    expect(chunks.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every chunk its own memory, never a shared pool, so a worker can move it (and a small chunk is not held in a megabyte)', () => {
    const chunks = chunksOf(['a', 'b']);
    expect(chunks).toHaveLength(1);
    const [c] = chunks as [Uint8Array];
    expect(c.byteLength).toBe(4);
    expect(c.buffer.byteLength).toBe(4);
    const many = chunksOf(Array.from({ length: 200 }, () => 'x'.repeat(10_000)));
    expect(new Set(many.map((m) => m.buffer)).size).toBe(many.length);
    // A pooled Buffer lives in an 8 KiB ArrayBuffer shared with others; these are at least their own size.
    for (const m of many) expect(m.buffer.byteLength).toBeGreaterThanOrEqual(m.byteLength);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(many, many.map((m) => m.buffer as ArrayBuffer));
    port1.close();
    port2.close();
    expect(many.every((m) => m.byteLength === 0)).toBe(true);
  });

  it('writes later chunks into the memory of chunks given back, never into one still held, and gives the same bytes', () => {
    const lines = Array.from({ length: 300 }, (_, k) => `{"k":${k},"text":"${'skolvägran–'.repeat(900)}"}`);
    const first = chunksOf(lines);
    const bytes = Buffer.concat(first);
    expect(first.length).toBeGreaterThanOrEqual(3);
    const given = first.filter((c) => c.buffer.byteLength === CHUNK_BYTES);
    expect(given.length).toBeGreaterThanOrEqual(2);
    const memory = new Set(given.map((c) => c.buffer));
    for (const c of given) reuseChunk(c);
    reuseChunk(given[0] as Uint8Array); // given twice: held once
    const held = chunksOf(lines.slice(0, 10)); // still read by its owner: must not be handed out again
    const second = chunksOf(lines);
    expect(Buffer.concat(second).equals(bytes)).toBe(true);
    const reused = second.filter((c) => memory.has(c.buffer));
    expect(reused.length).toBe(given.length);
    expect(new Set(second.map((c) => c.buffer)).size).toBe(second.length);
    expect(second.some((c) => held.some((h) => h.buffer === c.buffer))).toBe(false);
    expect(Buffer.concat(held).equals(Buffer.from(lines.slice(0, 10).map((l) => `${l}\n`).join('')))).toBe(true);
  });

  it('gives nothing for no lines', () => {
    expect(chunksOf([])).toEqual([]);
  });
});
