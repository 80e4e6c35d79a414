import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchInputError } from '../../src/io/batchInputError.js';
import { binaryKind, inputName, isStdin, openInput } from '../../src/io/openInput.js';

const dir = mkdtempSync(join(tmpdir(), 'trappa-open-'));
let files = 0;

function file(bytes: Uint8Array | string): string {
  files += 1;
  const path = join(dir, `f-${files}`);
  writeFileSync(path, bytes);
  return path;
}

async function bytesOf(path: string, chunkBytes?: number): Promise<{ bytes: Buffer; compressed: boolean; regularFile: boolean }> {
  const input = await openInput(path, chunkBytes);
  const parts: Buffer[] = [];
  for await (const chunk of input.chunks) parts.push(chunk);
  return { bytes: Buffer.concat(parts), compressed: input.compressed, regularFile: input.regularFile };
}

describe('stdin names', () => {
  it('- and /dev/stdin are stdin, named "stdin" in messages; anything else is a path', () => {
    expect(isStdin('-')).toBe(true);
    expect(isStdin('/dev/stdin')).toBe(true);
    expect(isStdin('./-')).toBe(false);
    expect(isStdin('--')).toBe(false);
    expect(inputName('-')).toBe('stdin');
    expect(inputName('/dev/stdin')).toBe('stdin');
    expect(inputName('lessons.csv.gz')).toBe('lessons.csv.gz');
  });
});

describe('openInput', () => {
  it('gives a file its bytes unchanged, BOM and CRLF included, and says it is a plain regular file', async () => {
    const text = '\uFEFF{"a":1}\r\n{"a":2}\r\n';
    const read = await bytesOf(file(text));
    expect(read.bytes.toString('utf8')).toBe(text);
    expect(read.compressed).toBe(false);
    expect(read.regularFile).toBe(true);
  });

  it('decompresses gzip recognised by its magic bytes, whatever the name, for any content and read size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 3 }), async (content, chunk, members) => {
        // NUL-free, so never binary by its NULs; it may still begin with a
        // binary format's magic bytes (FE FF is UTF-16's BOM), and then the
        // decompressed text is refused for what it is, as a plain file would be.
        const payload = Buffer.from(content.map((b) => (b === 0 ? 32 : b)));
        // Concatenated gzip members (`cat a.gz b.gz`) are one stream, as gunzip reads them.
        const parts = Array.from({ length: members }, (_, i) => payload.subarray(Math.floor((payload.length * i) / members), Math.floor((payload.length * (i + 1)) / members)));
        const path = file(Buffer.concat(parts.map((p) => gzipSync(p))));
        const kind = binaryKind(payload);
        if (kind !== undefined) {
          await expect(bytesOf(path, chunk)).rejects.toThrow(`${path}: not a text file: it is ${kind}`);
          return;
        }
        const read = await bytesOf(path, chunk);
        expect(read.compressed).toBe(true);
        expect(read.bytes.equals(payload)).toBe(true);
      }),
      { numRuns: 40, examples: [[Uint8Array.from([254, 255]), 1, 1], [Uint8Array.from([0x50, 0x4b, 3, 4, 65]), 2, 2], [Uint8Array.from([123, 125, 10]), 1, 1]] },
    );
  });

  it('refuses a gzip file that was cut short, naming the file, rather than give part of it as the whole', async () => {
    const whole = gzipSync(Buffer.from('{"studentId":"e1"}\n'.repeat(2000)));
    const path = file(whole.subarray(0, whole.length - 40));
    await expect(bytesOf(path)).rejects.toThrow(BatchInputError);
    await expect(bytesOf(path)).rejects.toThrow(`${path}: not a whole gzip file`);
  });

  it('refuses a binary file before any of it is read as text, saying what it is', async () => {
    const xlsx = file(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]));
    await expect(bytesOf(xlsx)).rejects.toThrow(/not a text file: it is a ZIP archive \(an Excel \.xlsx/);
    const utf16 = file(Buffer.from('\uFEFFstudentId,date\r\n', 'utf16le'));
    await expect(bytesOf(utf16)).rejects.toThrow(/UTF-16 text/);
    // A binary inside gzip is found after decompression.
    await expect(bytesOf(file(gzipSync(Buffer.alloc(4096))))).rejects.toThrow(/binary data \(4096 NUL bytes/);
    // An error names the file, not its content.
    await expect(bytesOf(xlsx)).rejects.toThrow(new RegExp(`^${xlsx.replace(/[/\\.]/g, '\\$&')}: `));
  });

  it('reads a directory or a missing file as an error with its code', async () => {
    await expect(bytesOf(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(bytesOf(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

/** Characters of exports, control characters, multi-byte ones and bidi controls included. */
const textUnit = fc.oneof(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }), fc.constantFrom('å', 'Ö', '€', '😀', '\u0085', '\u00a0', '\u202e', '\ufeff', '\ufffd'));

describe('binaryKind', () => {
  it('names the formats exports are mistaken for, by their first bytes', () => {
    expect(binaryKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toMatch(/\.xls workbook/);
    expect(binaryKind(Buffer.from('BZh91AY&SY'))).toMatch(/bzip2/);
    expect(binaryKind(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))).toMatch(/xz/);
    expect(binaryKind(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))).toMatch(/zstd/);
    expect(binaryKind(Buffer.from('%PDF-1.7'))).toMatch(/PDF/);
    expect(binaryKind(Buffer.from([0x1f, 0x8b, 8]))).toMatch(/compressed twice/);
  });

  it('takes UTF-16 without a BOM (a NUL every other byte) for binary, but not a text with a few stray NULs: those lines are rejected one by one', () => {
    expect(binaryKind(Buffer.from('studentId,date,start,scheduledMinutes\r\n'.repeat(4), 'utf16le'))).toMatch(/NUL bytes/);
    expect(binaryKind(Buffer.from(`${'{"studentId":"e1","reason":"\u0000"}\n'.repeat(60)}`))).toBeUndefined();
  });

  it('never takes text for binary: UTF-8 with a BOM, CRLF and control characters, or Latin-1 bytes (their lines are rejected one by one)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.string({ unit: textUnit, maxLength: 200 }), (bom, latin1, text) => {
        const body = `{${text.replace(/\u0000/g, ' ')}\r\n`;
        const bytes = latin1 ? Buffer.from(body, 'latin1') : Buffer.from(`${bom ? '\uFEFF' : ''}${body}`);
        expect(binaryKind(bytes)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
