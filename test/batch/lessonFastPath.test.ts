import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { partitionInputs, type PartitionOptions } from '../../src/batch/partition.js';
import type { RejectedLine } from '../../src/batch/rejectionLog.js';
import { runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { builtinPolicy } from '../../src/index.js';
import { arbitraryLessonFile } from '../helpers/lessonFiles.js';

/** NDJSON decisions, and the rejected lines' messages in English (the words these tests match). */
const ENGLISH_NDJSON = { output: 'json', details: 'none', lang: 'en' } as const;

const AS_OF = '2026-11-20';
const settings: BatchSettings = { policy: builtinPolicy('stockholm'), calendar: undefined, asOf: AS_OF, incremental: false };
const school = generateSchool({ students: 3, seed: 11, termEnd: AS_OF });
const dir = mkdtempSync(join(tmpdir(), 'trappa-fast-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const studentsPath = join(dir, 'students.ndjson');
// A fourth student whose own line is rejected: their lessons are rejected with their own message.
writeFileSync(studentsPath, [...school.map(({ attendance: _, ...context }) => JSON.stringify(context)), '{"student":{"id":"elev-okand"}}'].join('\n') + '\n');
const ids = school.map((c) => c.student.id);
const workerUrl = new URL('../../dist/batch-worker.js', import.meta.url);
const haveWorkers = existsSync(workerUrl);

/** Run `f` with the fast path on or off. */
async function withFastPath<T>(fast: boolean, f: () => Promise<T>): Promise<T> {
  const before = process.env['TRAPPA_LESSON_FAST_PATH'];
  if (fast) delete process.env['TRAPPA_LESSON_FAST_PATH'];
  else process.env['TRAPPA_LESSON_FAST_PATH'] = 'off';
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env['TRAPPA_LESSON_FAST_PATH'];
    else process.env['TRAPPA_LESSON_FAST_PATH'] = before;
  }
}

/** The partition pass over one lesson file: every file it writes (the accepted lessons' words by bucket, the rejection logs), by name. */
async function partition(lessons: string, fast: boolean, options: PartitionOptions): Promise<Record<string, string>> {
  const out = mkdtempSync(join(dir, 'partition-'));
  try {
    const result = await withFastPath(fast, () => partitionInputs({ students: studentsPath, lessons: [lessons] }, out, options));
    const files: Record<string, string> = { summary: JSON.stringify(result.summary.records) };
    for (const name of readdirSync(out).sort()) files[name] = readFileSync(join(out, name)).toString('base64');
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** One batch run over one lesson file, with the fast path on or off: its counts, rejected lines and decisions. */
async function run(lessons: string, fast: boolean, extra: Partial<BatchRun>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const rejectedPath = join(dir, `rejected-${Math.random().toString(36).slice(2)}.ndjson`);
  const report = await withFastPath(fast, () => runBatch({ files: { students: studentsPath, lessons: [lessons] }, settings, out, workers: 1, rejectedPath, format: ENGLISH_NDJSON, ...extra }));
  const rejected = readFileSync(rejectedPath, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as RejectedLine);
  return { records: report.summary.records, rejected: rejected.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0)), text: Buffer.concat(chunks).toString('utf8') };
}

describe('the byte-level fast path changes nothing but speed', () => {
  it('any NDJSON or CSV lesson file, valid or broken, read in any chunks and slices: the same accepted lessons (words and lines), counts, rejections (file:line, field, message) and decisions as the general path alone', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        arbitraryLessonFile(ids, 24),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(1, 2),
        async (file, chunkBytes, slices, workers) => {
          n += 1;
          const path = join(dir, `lessons-${n}.${file.format === 'csv' ? 'csv' : 'ndjson'}`);
          writeFileSync(path, file.bytes);
          // The partition pass writes the same files: accepted lessons word for word, rejections line for line.
          const options: PartitionOptions = { buckets: 2, chunkBytes, slicesPerFile: slices };
          expect(await partition(path, true, options)).toEqual(await partition(path, false, options));
          const general = await run(path, false, {});
          const fast = await run(path, true, { chunkBytes, slices, ...(workers > 1 && haveWorkers ? { workers, workerUrl } : {}) });
          expect(fast.records).toEqual(general.records);
          expect(fast.records.read).toBe(fast.records.accepted + fast.records.duplicate + fast.records.rejected);
          expect(fast.rejected).toEqual(general.rejected);
          expect(fast.text).toBe(general.text);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('a multi-byte character split across read chunks, on lines the fast path takes and lines it leaves', async () => {
    const [a, b] = school.map((c) => c.student.id);
    // Two-byte `å` and three-byte `€` in an extra column, and a four-byte emoji; every chunk size cuts one of them.
    const text = [
      'Elev;Datum;Starttid;Schemalagda minuter;Lärare',
      `${a};2026-11-16;08:10;60;Åsa Ö€`,
      `${b};2026-11-16;09:10;60;"Berg; 😀"`,
      `${a};2026-11-17;08:10;60;ÅÅÅ`,
      `${b};2026-11-17;08:10;60;"Ö""x"`,
      `${a};2026-11-18;08:10;sextio;Å`,
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from([0xc5]), Buffer.from('\r\n')]);
    const path = join(dir, 'split.csv');
    writeFileSync(path, bytes);
    const general = await run(path, false, {});
    expect(general.records).toEqual({ read: 5, accepted: 4, duplicate: 0, rejected: 1 });
    expect(general.rejected.filter((r) => r.location.startsWith(path)).map((r) => [r.location, r.issues])).toEqual([[`${path}:6`, [{ path: '(line)', message: `not valid UTF-8 (byte ${Buffer.byteLength((text.split('\r\n')[5] ?? '').slice(0, -1)) + 1} of the line)` }]]]);
    for (let chunkBytes = 1; chunkBytes <= 12; chunkBytes += 1) {
      const fast = await run(path, true, { chunkBytes });
      expect(fast).toEqual(general);
    }
  }, 60_000);
});
