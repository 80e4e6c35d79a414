/**
 * Issue 15: the students file read in slices (in the reading threads) and
 * merged in file order gives exactly what reading it in order gives: the
 * same `Partition`, the same temp files byte for byte (students per bucket,
 * rejection logs, rejected ids, counts), the same decisions and summary.
 * The oracle is the serial reader (`readInput` + `admitCase`, the path stdin,
 * gzip and JSON arrays still take), run on the same bytes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';
import { generateSchool } from '../../fixtures/school.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { partitionInputs, type Partition, type PartitionOptions } from '../../src/batch/partition.js';
import type { StudentReader } from '../../src/batch/readStudents.js';
import { runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { readStudentSlice, STUDENT_SLICE_BYTES, studentFileSliceable, studentSliceCount } from '../../src/batch/studentSlice.js';
import { builtinPolicy } from '../../src/index.js';
import type { RunSummary } from '../../src/run/runSummary.js';

const AS_OF = '2026-11-20';
const settings: BatchSettings = { policy: builtinPolicy('stockholm'), calendar: undefined, asOf: AS_OF, incremental: false };
const school = generateSchool({ students: 4, seed: 5, termEnd: AS_OF });
const dir = mkdtempSync(join(tmpdir(), 'trappa-student-slices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const workerUrl = new URL('../../dist/batch-worker.js', import.meta.url);
const haveWorkers = existsSync(workerUrl);

const contexts = school.map(({ attendance: _, ...context }) => context);
const ownLessons = school.map((c) => (c.attendance ?? []).slice(-3));
const ids = contexts.map((c) => c.student.id);
// One lesson of each student, of an unknown one and of one whose own line is always rejected.
const lessonsPath = join(dir, 'lessons.ndjson');
writeFileSync(
  lessonsPath,
  [...ids, 'elev-okand', 'elev-avvisad']
    .map((studentId, i) => JSON.stringify({ studentId, date: '2026-11-16', start: `0${8 + (i % 2)}:10`, scheduledMinutes: 60, invalidAbsenceMinutes: i % 3 === 0 ? 60 : 0 }))
    .join('\n'),
);

const BAD_BYTES = [[0xc3], [0xff], [0xe2, 0x82], [0xed, 0xa0, 0x80]] as const;
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** A student's line: the context of a drawn student (so ids repeat), with own lessons, some of them broken. */
const caseLine: fc.Arbitrary<Buffer> = fc
  .record({ who: fc.nat({ max: ids.length - 1 }), own: fc.nat({ max: 3 }), bad: fc.subarray(['date', 'minutes', 'extra'] as const), spaced: fc.boolean() })
  .map(({ who, own, bad, spaced }) => {
    const attendance: unknown[] = (ownLessons[who] ?? []).slice(0, own);
    if (bad.includes('date')) attendance.push({ date: '2026-13-01', start: '08:10', scheduledMinutes: 60 });
    if (bad.includes('minutes')) attendance.splice(0, 0, { date: '2026-11-02', start: '08:10', scheduledMinutes: -5 });
    if (bad.includes('extra')) attendance.push({ date: '2026-11-03', start: '09:10', scheduledMinutes: 60, teacher: 'Åsa' });
    const value = attendance.length === 0 ? contexts[who] : { ...contexts[who], attendance };
    return utf8(spaced ? ` ${JSON.stringify(value, null, 0).replace(':', ': ')}\t` : JSON.stringify(value));
  });

/** A line that is rejected whole: an invalid case (with an id that can be read, one that cannot, or one not opaque), not JSON, not UTF-8. */
const rejectedLine: fc.Arbitrary<Buffer> = fc.oneof(
  fc.nat({ max: ids.length - 1 }).map((who) => utf8(JSON.stringify({ ...contexts[who], student: { ...contexts[who]?.student, birthDate: 'igår' } }))),
  fc.constant(utf8(JSON.stringify({ student: { id: 'elev-avvisad' } }))),
  fc.constant(utf8(JSON.stringify({ student: { id: 'Anna Andersson', birthDate: '2012-01-01' } }))),
  fc.constant(utf8(JSON.stringify({ consents: {} }))),
  fc.constant(utf8('[1, 2]')),
  fc.constant(utf8('inte json')),
  fc.nat({ max: ids.length - 1 }).map((who) => utf8(JSON.stringify(contexts[who]).slice(0, 40))),
  fc.tuple(caseLine, fc.constantFrom(...BAD_BYTES), fc.nat()).map(([line, bad, at]) => {
    const cut = at % (line.length + 1);
    return Buffer.concat([line.subarray(0, cut), Buffer.from(bad), line.subarray(cut)]);
  }),
);

const blankLine = fc.constantFrom(utf8(''), utf8('   '), utf8('\t'), utf8('\uFEFF'));

/** A students file as bytes: mostly cases, with repeats, rejected lines and blanks; LF or CRLF per line, maybe a BOM, maybe no final line break. */
const studentFile: fc.Arbitrary<Buffer> = fc
  .record({
    first: fc.oneof({ weight: 6, arbitrary: caseLine }, { weight: 1, arbitrary: rejectedLine }, { weight: 1, arbitrary: fc.constant(utf8('{"student":')) }),
    rest: fc.array(fc.oneof({ weight: 5, arbitrary: caseLine }, { weight: 2, arbitrary: rejectedLine }, { weight: 1, arbitrary: blankLine }), { maxLength: 24 }),
    leadingBlanks: fc.array(blankLine, { maxLength: 2 }),
    ends: fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 30, maxLength: 30 }),
    bom: fc.boolean(),
    finalBreak: fc.boolean(),
  })
  .map(({ first, rest, leadingBlanks, ends, bom, finalBreak }) => {
    const lines = [...leadingBlanks, first, ...rest];
    const parts: Buffer[] = bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
    lines.forEach((line, i) => {
      parts.push(line);
      if (i < lines.length - 1 || finalBreak) parts.push(utf8(ends[i % ends.length] ?? '\n'));
    });
    return Buffer.concat(parts);
  });

const noLessons = join(dir, 'no-lessons.ndjson');
writeFileSync(noLessons, '');

/** The partition of a students file: the result (its directory left out) and every file it left, by name. */
async function partition(students: string, options: PartitionOptions, lessons = lessonsPath): Promise<{ result: Omit<Partition, 'dir'>; files: Record<string, string> }> {
  const out = mkdtempSync(join(dir, 'partition-'));
  try {
    const { dir: _, ...result } = await partitionInputs({ students, lessons: [lessons] }, out, options);
    const files: Record<string, string> = {};
    for (const name of readdirSync(out).sort()) files[name] = readFileSync(join(out, name)).toString('base64');
    return { result, files };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Decisions (stdout) and the run summary of a batch run. */
async function run(students: string, extra: Partial<BatchRun>): Promise<{ text: string; summary: RunSummary }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await runBatch({ files: { students, lessons: [lessonsPath] }, settings, out, workers: 1, format: { output: 'json', details: 'none', lang: 'en' }, ...extra });
  return { text: Buffer.concat(chunks).toString('utf8'), summary: report.summary };
}

let n = 0;

describe('the students file read in slices', () => {
  it('any students file (repeated ids, rejected cases and records, not JSON, not UTF-8, blank lines, CRLF, BOM) in 1–4 slices and any read size: the same partition, temp files, decisions and summary as reading it in order', async () => {
    let sliced = 0;
    await fc.assert(
      fc.asyncProperty(studentFile, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 3 }), async (bytes, slices, chunkBytes, buckets) => {
        n += 1;
        const path = join(dir, `students-${n}.ndjson`);
        writeFileSync(path, bytes);
        let calls = 0;
        const counting: StudentReader = async (tasks) => {
          calls += 1;
          const results = [];
          // Last slice first: the merge must not depend on the order slices finish in.
          for (const task of [...tasks].reverse()) results.push(await readStudentSlice(task));
          return results;
        };
        const inOrder = await partition(path, { buckets, studentSlices: 0 });
        const inSlices = await partition(path, { buckets, studentSlices: slices, chunkBytes, readStudentSlices: counting });
        expect(inSlices).toEqual(inOrder);
        // The file was read in slices exactly when its first non-blank line makes it NDJSON for `readInput`.
        const firstLine = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\n').find((l) => l.replace(/\r$/, '').trim() !== '') ?? '';
        const ndjson = !firstLine.trimStart().startsWith('[') && (!firstLine.trimStart().startsWith('{') || isJson(firstLine) || firstLine.includes('\uFFFD'));
        expect(calls).toBe(ndjson ? 1 : 0);
        if (calls === 1) sliced += 1;
        const viaRun = await run(path, { slices, chunkBytes, buckets, ...(slices > 1 && haveWorkers ? { workers: 2, workerUrl } : {}) });
        const gzipped = join(dir, `students-${n}.ndjson.gz`);
        writeFileSync(gzipped, gzipSync(bytes));
        const serial = await run(gzipped, { buckets });
        expect(viaRun).toEqual(serial);
        const { cases, records } = viaRun.summary;
        expect(cases.read).toBe(cases.evaluated + cases.rejected);
        expect(records.read).toBe(records.accepted + records.duplicate + records.rejected);
      }),
      { numRuns: 40 },
    );
    // Most drawn files are NDJSON: the property is about the sliced reader, not the fallback.
    expect(sliced).toBeGreaterThan(20);
  }, 180_000);

  it('a repeated id names the first line, counted across slices; record rejections of a repeated line are not reported', async () => {
    const [a, b] = contexts;
    const bad = { ...a, attendance: [{ date: '2026-13-01', start: '08:10', scheduledMinutes: 60 }] };
    const text = [JSON.stringify(a), '', JSON.stringify(b), JSON.stringify(bad), 'x', JSON.stringify(a)].join('\n') + '\n';
    const path = join(dir, 'repeated.ndjson');
    writeFileSync(path, text);
    for (const slices of [1, 2, 3, 4]) {
      const { result, files } = await partition(path, { buckets: 1, studentSlices: slices, chunkBytes: 7 }, noLessons);
      expect(result.summary.cases).toEqual({ read: 5, evaluated: 0, rejected: 3 });
      expect(result.summary.records).toEqual({ read: 1, accepted: 0, duplicate: 0, rejected: 1 });
      const logged = Buffer.from(files['0.rejected-partition'] ?? '', 'base64')
        .toString('utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { location: string; issues: Array<{ path: string; message: string }> });
      expect(logged.map((l) => [l.location, l.issues[0]?.path, l.issues[0]?.message])).toEqual([
        [`${path}:4`, 'student.id', `Duplicate student id; the student was first given at ${path}:1`],
        [`${path}:5`, '(line)', expect.stringContaining('JSON')],
        [`${path}:6`, 'student.id', `Duplicate student id; the student was first given at ${path}:1`],
      ]);
      const students = Buffer.from(files['0.students'] ?? '', 'base64').toString('utf8').trim().split('\n');
      expect(students.map((l) => (JSON.parse(l) as unknown[]).slice(0, 2))).toEqual([
        [0, `${path}:1`],
        [1, `${path}:3`],
      ]);
    }
  });

  it('stdin, gzip, a JSON array and a pretty-printed case are read in order; a plain NDJSON file in slices', async () => {
    const line = JSON.stringify(contexts[0]);
    const write = (name: string, data: string | Buffer): string => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    };
    expect(await studentFileSliceable(write('plain.ndjson', `\r\n${line}\n`))).toBe(true);
    expect(await studentFileSliceable(write('broken-first.ndjson', `nej\n${line}\n`))).toBe(true);
    expect(await studentFileSliceable(write('empty.ndjson', ''))).toBe(true);
    expect(await studentFileSliceable(write('array.json', `[${line}]`))).toBe(false);
    expect(await studentFileSliceable(write('pretty.json', JSON.stringify(contexts[0], null, 2)))).toBe(false);
    expect(await studentFileSliceable(write('students.ndjson.gz', gzipSync(`${line}\n`)))).toBe(false);
    expect(await studentFileSliceable('-')).toBe(false);
    expect(await studentFileSliceable(join(dir, 'missing.ndjson'))).toBe(false);
  });

  it('threads read a students file of at least 8 MiB a slice; a smaller one is read in one slice', () => {
    const sized = (bytes: number): string => {
      const path = join(dir, `sized-${bytes}.ndjson`);
      writeFileSync(path, '');
      truncateSync(path, bytes);
      return path;
    };
    expect(studentSliceCount(sized(0), 2)).toBe(1);
    expect(studentSliceCount(sized(STUDENT_SLICE_BYTES * 2 - 1), 2)).toBe(1);
    expect(studentSliceCount(sized(STUDENT_SLICE_BYTES * 2), 2)).toBe(2);
    expect(studentSliceCount(sized(STUDENT_SLICE_BYTES * 5), 4)).toBe(4);
    expect(studentSliceCount(sized(STUDENT_SLICE_BYTES * 3), 8)).toBe(3);
    expect(studentSliceCount('-', 4)).toBe(1);
    expect(studentSliceCount(join(dir, 'missing.ndjson'), 4)).toBe(1);
  });

  it('a generated city: one worker and two give the same decisions and summary, and so does the students file read in order (gzip)', async () => {
    const city = writeCity({ students: 240, termEnd: AS_OF, dir: join(dir, 'city'), schoolSize: 80 });
    const settingsOf = (students: string, extra: Partial<BatchRun>) =>
      runWith(students, city.lessons, { ...extra, format: { output: 'json', details: 'none', lang: 'sv' } });
    const one = await settingsOf(city.students, {});
    const gzipped = join(dir, 'city-students.ndjson.gz');
    writeFileSync(gzipped, gzipSync(readFileSync(city.students)));
    expect(await settingsOf(gzipped, {})).toEqual(one);
    expect(await settingsOf(city.students, { slices: 3, chunkBytes: 4096 })).toEqual(one);
    if (haveWorkers) expect(await settingsOf(city.students, { workers: 2, workerUrl })).toEqual(one);
    if (haveWorkers) expect(await settingsOf(city.students, { workers: 2, workerUrl, slices: 2 })).toEqual(one);
    expect(one.text.split('\n').length).toBe(241);
  }, 60_000);
});

/** A batch run over any lesson file. */
async function runWith(students: string, lessons: string, extra: Partial<BatchRun>): Promise<{ text: string; summary: RunSummary }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await runBatch({ files: { students, lessons: [lessons] }, settings, out, workers: 1, ...extra });
  return { text: Buffer.concat(chunks).toString('utf8'), summary: report.summary };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
