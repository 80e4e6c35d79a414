import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { DECISIONS_FORMAT, PreviousFileError } from '../../src/batch/decisionsFile.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { OutputWriteError } from '../../src/io/outputErrors.js';
import { LESSON_CSV_COLUMNS } from '../../src/adapters/lessons/lessonRecord.js';
import type { RejectedLine } from '../../src/batch/rejectionLog.js';
import type { ProgressBar } from '../../src/cli/progressBar.js';
import { bucketCount } from '../../src/batch/partition.js';
import { BatchAbortedError, runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import type { StudentCaseInput } from '../../src/model/studentCase.js';
import { readDecisionsFile, writeDecisionsFile } from '../helpers/decisionsFile.js';

const AS_OF = '2026-11-23';
const policy = builtinPolicy('stockholm');
const settings: BatchSettings = { policy, calendar: undefined, asOf: AS_OF, incremental: false };
const school = generateSchool({ students: 24, seed: 11, termEnd: AS_OF });

interface Written {
  readonly dir: string;
  readonly students: string;
  readonly lessons: readonly [string];
}

function lessonLines(cases: readonly StudentCaseInput[]): string[] {
  return cases.flatMap((c) => (c.attendance ?? []).map((r) => JSON.stringify({ studentId: c.student.id, ...r })));
}

function write(cases: readonly StudentCaseInput[], lines: readonly string[], extraStudents: readonly string[] = []): Written {
  const dir = mkdtempSync(join(tmpdir(), 'trappa-batch-test-'));
  const students = join(dir, 'students.ndjson');
  const lessons = join(dir, 'lessons.ndjson');
  writeFileSync(students, [...cases.map(({ attendance: _, ...context }) => JSON.stringify(context)), ...extraStudents].join('\n') + '\n');
  writeFileSync(lessons, lines.join('\n') + '\n');
  return { dir, students, lessons: [lessons] };
}

async function run(files: BatchRun['files'], extra: Partial<BatchRun> = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await runBatch({ files, settings, out, workers: 1, ...extra });
  return { report, text: Buffer.concat(chunks).toString('utf8') };
}

function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The decisions the case-level API gives for the same students: the oracle. */
function expectedDecisions(cases: readonly StudentCaseInput[]): string {
  return [...cases]
    .sort((a, b) => (a.student.id < b.student.id ? -1 : 1))
    .map((c) => {
      const parsed = parseStudentCase(c);
      if (!parsed.ok) throw new Error('fixture case rejected');
      return `${JSON.stringify(evaluate(parsed.case, policy, { asOf: AS_OF }))}\n`;
    })
    .join('');
}

describe('runBatch: lesson-level input at city scale', () => {
  it('gives exactly the decisions of evaluate() on the same students, in student-id order', async () => {
    const files = write(school, seededShuffle(lessonLines(school), 1));
    const { text, report } = await run(files);
    expect(text).toBe(expectedDecisions(school));
    const records = school.reduce((n, c) => n + (c.attendance?.length ?? 0), 0);
    expect(report.summary.records).toEqual({ read: records, accepted: records, duplicate: 0, rejected: 0 });
    expect(report.summary.cases).toEqual({ read: 24, evaluated: 24, rejected: 0 });
  });

  it('groups unsorted input: any order of lines, bucket count and file slicing give the same output', async () => {
    const lines = lessonLines(school.slice(0, 8));
    const expected = expectedDecisions(school.slice(0, 8));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }), async (seed, buckets, slices) => {
        const { text } = await run(write(school.slice(0, 8), seededShuffle(lines, seed)), { buckets, slices });
        expect(text).toBe(expected);
      }),
      { numRuns: 8 },
    );
  });

  it('sizes buckets by students as well as bytes: a small maximum gives many buckets and the same output (D3)', async () => {
    const files = write(school, seededShuffle(lessonLines(school), 3));
    const decisionsPath = join(files.dir, 'decisions-one.ndjson');
    // Last night (the Friday before); a decisions file of tonight is refused as --previous.
    const one = await run(files, { decisionsPath, settings: { ...settings, asOf: '2026-11-20' } });
    expect(one.report.buckets).toBe(1);
    const manyPath = join(files.dir, 'decisions-many.ndjson');
    const many = await run(files, { decisionsPath: manyPath, maxStudentsPerBucket: 3, settings: { ...settings, asOf: '2026-11-20' } });
    expect(many.report.buckets).toBe(8);
    expect(many.text).toBe(one.text);
    expect(readFileSync(manyPath, 'utf8')).toBe(readFileSync(decisionsPath, 'utf8'));
    // Incremental too: the changes against a previous night come out the same, in id order.
    const incremental = { ...settings, incremental: true };
    const night2 = write(school.slice(3), lessonLines(school.slice(3)));
    const a = await run({ ...night2, previous: decisionsPath }, { settings: incremental });
    const b = await run({ ...night2, previous: decisionsPath }, { settings: incremental, maxStudentsPerBucket: 2 });
    expect(b.report.buckets).toBe(11);
    expect(b.text).toBe(a.text);
  });

  it('bucketCount: by lesson bytes, by students (40 000 students without lessons: 40 buckets), capped at 4096', () => {
    expect(bucketCount(10_000)).toBe(1);
    expect(bucketCount(0, 40_000)).toBe(40);
    expect(bucketCount(0, 40_000, 100)).toBe(400);
    expect(bucketCount(64 << 20, 10)).toBe(8);
    expect(bucketCount(0, 1_000_000, 1)).toBe(4096);
  });

  it('reads CSV exactly as NDJSON', async () => {
    const cases = school.slice(0, 6);
    const nd = write(cases, lessonLines(cases));
    const csvPath = join(nd.dir, 'lessons.csv');
    const rows = cases.flatMap((c) =>
      (c.attendance ?? []).map((r) => LESSON_CSV_COLUMNS.map((col) => String((col === 'studentId' ? c.student.id : (r as Record<string, unknown>)[col]) ?? '')).join(',')),
    );
    writeFileSync(csvPath, [LESSON_CSV_COLUMNS.join(','), ...seededShuffle(rows, 5)].join('\r\n') + '\r\n');
    const a = await run(nd);
    const b = await run({ students: nd.students, lessons: [csvPath] });
    expect(b.text).toBe(a.text);
  });

  it('rejects each bad line with its file, line number and reason, evaluates the rest, and the counts add up', async () => {
    const cases = school.slice(0, 3);
    const [first, second] = cases;
    if (first === undefined || second === undefined) throw new Error('fixture');
    const good = lessonLines(cases);
    const bad = [
      '{"studentId":"elev-0001","date":"2026-11-2', // truncated JSON
      '{"date":"2026-11-20","start":"08:10","scheduledMinutes":60}', // no student id
      `{"studentId":"${first.student.id}","date":"2026-02-30","start":"08:10","scheduledMinutes":60}`, // impossible date
      `{"studentId":"${first.student.id}","date":"2026-11-20","start":"08:10","scheduledMinutes":60,"invalidAbsenceMinutes":90}`, // absence > scheduled
      '{"studentId":"nobody","date":"2026-11-20","start":"08:10","scheduledMinutes":60}', // unknown student
      '{"studentId":"broken-1","date":"2026-11-20","start":"08:10","scheduledMinutes":60}', // student whose own line is rejected
    ];
    const lines = [...good.slice(0, 10), ...bad, '', ...good.slice(10)];
    const files = write(cases, lines, [
      JSON.stringify({ student: { ...second.student } }), // duplicate id
      '{"student":{"id":"broken-1","birthDate":"2013-02-30"}}', // invalid student
      'not json',
    ]);
    const rejectedPath = join(files.dir, 'rejected.ndjson');
    // Read in three slices: line numbers must still count from the start of the file.
    const { report, text } = await run(files, { rejectedPath, slices: 3 });
    const rejected = readFileSync(rejectedPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RejectedLine);
    const at = (line: number) => rejected.find((r) => r.location === `${files.lessons[0]}:${line}`);
    expect(at(11)?.issues[0]?.message).toMatch(/ogiltig JSON/);
    expect(at(12)?.issues[0]?.path).toBe('studentId');
    expect(at(13)?.issues[0]?.path).toBe('date');
    expect(at(14)?.issues[0]?.path).toBe('invalidAbsenceMinutes');
    expect(at(15)?.issues[0]?.message).toMatch(/ingen elev med detta id/);
    expect(at(16)?.issues[0]?.message).toMatch(/elevens egen rad i elevfilen avvisades/);
    expect(rejected.find((r) => r.location === `${files.students}:4`)?.issues[0]?.message).toMatch(/Elev-id:t finns redan; eleven angavs första gången på .*:2/);
    expect(rejected.find((r) => r.location === `${files.students}:5`)?.kind).toBe('student');
    expect(rejected.find((r) => r.location === `${files.students}:6`)?.issues[0]?.message).toMatch(/ogiltig JSON/);
    const { cases: c, records: r } = report.summary;
    expect(c).toEqual({ read: 6, evaluated: 3, rejected: 3 });
    expect(r.read).toBe(good.length + bad.length);
    expect(r.accepted + r.duplicate + r.rejected).toBe(r.read);
    expect(r.duplicate).toBe(0);
    expect(r.rejected).toBe(bad.length);
    expect(rejected).toHaveLength(bad.length + 3);
    // The student with two bad lessons is still evaluated, with a warning that says so.
    const decision = text.split('\n').map((l) => (l === '' ? null : (JSON.parse(l) as { studentId: string; warnings: Array<{ kind: string; count?: number }> }))).find((d) => d?.studentId === first.student.id);
    expect(decision?.warnings).toContainEqual({ kind: 'rejected-records', count: 2 });
  });

  it('--decisions-out --decisions-form full: the full decisions in student-id order, then a trailer (format 1) with their count, SHA-256, date and policy', async () => {
    const cases = school.slice(0, 12);
    const files = write(cases, lessonLines(cases));
    const decisionsPath = join(files.dir, 'night1.ndjson');
    await run(files, { decisionsPath, decisionsForm: 'full' });
    const { lines, trailer } = readDecisionsFile(decisionsPath);
    const expected = expectedDecisions(cases);
    expect(lines.map((l) => `${l}\n`).join('')).toBe(expected);
    expect(trailer).toEqual({
      trappa: 'decisions',
      format: 1,
      count: 12,
      sha256: createHash('sha256').update(expected).digest('hex'),
      asOf: AS_OF,
      policy: { id: policy.id, version: policy.version, hash: policy.hash },
    });
    // Written beside the file and renamed: no temp file or lock is left.
    expect(readdirSync(files.dir).sort()).toEqual(['lessons.ndjson', 'night1.ndjson', 'students.ndjson']);
  });

  it('--decisions-out (compact by default): each full decision without notRecommended and with the policy by id, version and hash; the trailer (format 2) holds the whole policy block once', async () => {
    const cases = school.slice(0, 12);
    const files = write(cases, lessonLines(cases));
    const decisionsPath = join(files.dir, 'night1.ndjson');
    await run(files, { decisionsPath });
    const { lines, trailer } = readDecisionsFile(decisionsPath);
    const full = expectedDecisions(cases).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { policy: Record<string, unknown> });
    // The oracle, by hand: the full line with the why-not evidence and the per-run policy fields deleted.
    const compact = full.map((d) => {
      const copy: Record<string, unknown> = { ...d, policy: { id: d.policy['id'], version: d.policy['version'], hash: d.policy['hash'] } };
      delete copy['notRecommended'];
      return `${JSON.stringify(copy)}\n`;
    });
    expect(lines.map((l) => `${l}\n`)).toEqual(compact);
    expect(trailer).toEqual({
      trappa: 'decisions',
      format: DECISIONS_FORMAT,
      form: 'compact',
      count: 12,
      sha256: createHash('sha256').update(compact.join('')).digest('hex'),
      asOf: AS_OF,
      policy: full[0]?.policy,
    });
    for (const d of full) expect(d.policy).toEqual(trailer.policy);
  });

  it('--previous: the same night run twice gives the same changes (idempotent); a file of the same night is refused', async () => {
    const cases = school.slice(0, 12);
    const files = write(cases, lessonLines(cases));
    const night1 = join(files.dir, 'night1.ndjson');
    await run(files, { decisionsPath: night1, settings: { ...settings, asOf: '2026-11-20' } });
    const incremental = { ...settings, incremental: true };
    const night2 = join(files.dir, 'night2.ndjson');
    const once = await run({ ...files, previous: night1 }, { settings: incremental, decisionsPath: night2 });
    const twice = await run({ ...files, previous: night1 }, { settings: incremental });
    expect(twice.text).toBe(once.text);
    expect(twice.report.summary.changes).toEqual(once.report.summary.changes);
    await expect(run({ ...files, previous: night2 }, { settings: incremental })).rejects.toMatchObject({ name: 'PreviousFileError', problem: 'not-earlier' });
  });

  it('--previous: refuses, before any output, a file without a trailer (older or --json), and a line that is not a decision', async () => {
    const cases = school.slice(0, 8);
    const files = write(cases, lessonLines(cases));
    const night1 = join(files.dir, 'night1.ndjson');
    await run(files, { decisionsPath: night1, settings: { ...settings, asOf: '2026-11-20' } });
    const { lines, trailer } = readDecisionsFile(night1);
    const incremental = { ...settings, incremental: true };
    const refused = async (path: string, problem: string, message: string | RegExp) => {
      const out = await run({ ...files, previous: path }, { settings: incremental }).catch((error: unknown) => error);
      expect(out).toBeInstanceOf(PreviousFileError);
      expect(out).toMatchObject({ problem });
      expect((out as Error).message).toMatch(message);
    };
    // A file written before decisions files had a trailer (no arisesOn either).
    const old = lines.map((l) => {
      const d = JSON.parse(l) as { steps: Array<Record<string, unknown>> };
      return JSON.stringify({ ...d, steps: d.steps.map(({ arisesOn: _a, arisesFrom: _f, heldOpen: _h, ...rest }) => rest) });
    });
    const oldPath = join(files.dir, 'old.ndjson');
    writeFileSync(oldPath, `${old.join('\n')}\n`);
    await refused(oldPath, 'no-trailer', `--previous ${oldPath}: the last line is a decision, not the trailer`);
    // The same lines with a trailer: the steps are not this version's (no arisesOn).
    const oldWithTrailer = join(files.dir, 'old-trailer.ndjson');
    writeDecisionsFile(oldWithTrailer, old, trailer);
    await refused(oldWithTrailer, 'not-a-decision', /line 1: not a decision: steps\.\d+\.arisesOn/);
    // A step that is no step, with a valid trailer: refused with the line and field.
    const noStep = join(files.dir, 'no-step.ndjson');
    writeDecisionsFile(noStep, [lines[0] ?? '', JSON.stringify({ ...(JSON.parse(lines[1] ?? '{}') as object), steps: [{ x: 1 }] }), ...lines.slice(2)], trailer);
    await refused(noStep, 'not-a-decision', /line 2: not a decision: steps\.0\.id/);
    const undated = join(files.dir, 'undated.ndjson');
    writeDecisionsFile(undated, [lines[0] ?? '', JSON.stringify({ ...(JSON.parse(lines[1] ?? '{}') as object), asOf: '2026-13-01' })], trailer);
    await refused(undated, 'not-a-decision', 'line 2: not a decision: asOf: Expected a calendar date written YYYY-MM-DD');
    // One line edited after the trailer was written.
    const edited = join(files.dir, 'edited.ndjson');
    writeFileSync(edited, readFileSync(night1, 'utf8').replace('"status":"recommended"', '"status":"overdue"'));
    await refused(edited, 'hash', 'do not match the trailer');
  });

  it('--previous: a new orosanmälan, and tasks closed for a student who left', async () => {
    const stepsOf = (c: StudentCaseInput) => {
      const parsed = parseStudentCase(c);
      if (!parsed.ok) throw new Error('fixture case rejected');
      return evaluate(parsed.case, policy, { asOf: AS_OF }).steps.map((s) => s.id);
    };
    const first = school.find((c) => !stepsOf(c).includes('orosanmalan'));
    const second = school.find((c) => stepsOf(c).length >= 2);
    if (first === undefined || second === undefined || first === second) throw new Error('fixture');
    const cases = [first, second, ...school.slice(0, 3).filter((c) => c !== first && c !== second)];
    const files1 = write(cases, lessonLines(cases));
    const night1 = join(files1.dir, 'night1.ndjson');
    await run(files1, { decisionsPath: night1 });
    const previousSteps = (JSON.parse(readFileSync(night1, 'utf8').split('\n').find((l) => l.includes(`"${second.student.id}"`)) ?? '{}') as { steps: Array<{ kind: string }> }).steps;
    // Night 2: staff report suspected harm for the first student; the second has left the school.
    const tonight = cases.filter((c) => c !== second).map((c) => (c === first ? { ...c, signals: [...(c.signals ?? []), { type: 'harm-suspected' as const, date: '2026-11-23' }] } : c));
    const files2 = write(tonight, lessonLines(tonight));
    const { text, report } = await run({ ...files2, previous: night1 }, { settings: { ...settings, asOf: '2026-11-24', incremental: true } });
    const changes = text.trim().split('\n').map((l) => JSON.parse(l) as { studentId: string; change: string; step?: { id: string }; studentInInput?: boolean });
    expect(changes).toContainEqual(expect.objectContaining({ studentId: first.student.id, change: 'new', step: expect.objectContaining({ id: 'orosanmalan' }) }));
    // Every step of the student who left closes, except an open lagkrav duty: a duty ends with a measure, not by absence from the input.
    const closed = changes.filter((c) => c.studentId === second.student.id);
    expect(closed).toHaveLength(previousSteps.filter((s) => s.kind !== 'lagkrav').length);
    for (const c of closed) expect(c).toMatchObject({ change: 'no-longer-indicated', studentInInput: false });
    expect(report.summary.changes?.['new']).toBeGreaterThan(0);
    expect(changes.map((c) => c.studentId)).toEqual([...changes.map((c) => c.studentId)].sort());
  });

  it('stops when aborted, mid-read or mid-evaluation, and leaves no temp files and the output files as they were', async () => {
    const files = write(school.slice(0, 6), lessonLines(school.slice(0, 6)));
    for (const phase of ['reading', 'evaluating'] as const) {
      const tmpDir = mkdtempSync(join(tmpdir(), 'trappa-abort-'));
      const controller = new AbortController();
      const progress = { update: (p: { phase: string }) => (p.phase === phase ? controller.abort() : undefined), done: () => undefined } as unknown as ProgressBar;
      const decisionsPath = join(files.dir, 'night.ndjson');
      const summaryPath = join(files.dir, 'summary.json');
      writeFileSync(summaryPath, 'last night\n');
      await expect(run(files, { tmpDir, signal: controller.signal, progress, buckets: 3, decisionsPath, summaryPath })).rejects.toBeInstanceOf(BatchAbortedError);
      expect(readdirSync(tmpDir)).toEqual([]);
      // The output files are left as they were: no new one, no temp file, no lock.
      expect(readdirSync(files.dir).sort()).toEqual(['lessons.ndjson', 'students.ndjson', 'summary.json']);
      expect(readFileSync(summaryPath, 'utf8')).toBe('last night\n');
    }
  });

  it('an output stream that fails stops the run with OutputWriteError; no file is put in place, no temp file is left', async () => {
    const files = write(school.slice(0, 4), lessonLines(school.slice(0, 4)));
    const tmpDir = mkdtempSync(join(tmpdir(), 'trappa-out-error-'));
    const failing = new Writable({
      write: (_chunk, _encoding, callback) => callback(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })),
    });
    const decisionsPath = join(files.dir, 'night.ndjson');
    const error = await runBatch({ files, settings, out: failing, outName: 'stdout', workers: 1, tmpDir, decisionsPath }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toBe('cannot write stdout: EIO (i/o error); the output files were left as they were');
    expect(readdirSync(files.dir).sort()).toEqual(['lessons.ndjson', 'students.ndjson']);
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('stops with a clear message for a CSV header it cannot read', async () => {
    const files = write(school.slice(0, 1), ['e1;2026-11-23;08:10;60', 'e1;2026-11-24;08:10;60']);
    await expect(run(files)).rejects.toThrow(
      /lessons\.ndjson:1: not NDJSON, and not a lesson CSV: header lacks the required columns studentId, date, start, scheduledMinutes \(none of its 4 columns is a lesson column: is the header row missing\?\)/,
    );
  });
});
