/**
 * Issue 13, point 2, in the nightly batch: lesson lines of one student, date
 * and start are resolved per student in the bucket, across lesson files,
 * slices and the students file's own attendance. Identical copies count once
 * (`duplicate`); lines that differ are all rejected, each naming the others by
 * file and line and the fields that differ, and the student gets a
 * `conflicting-lessons` warning. `read = accepted + duplicate + rejected`.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import type { RejectedLine } from '../../src/batch/rejectionLog.js';
import { runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import type { Warning } from '../../src/model/decision.js';
import type { AttendanceRecord, StudentCaseInput } from '../../src/model/studentCase.js';

/** NDJSON decisions, and the rejected lines' messages in English (the words these tests match). */
const ENGLISH_NDJSON = { output: 'json', details: 'none', lang: 'en' } as const;

const AS_OF = '2026-11-23';
const policy = builtinPolicy('stockholm');
const settings: BatchSettings = { policy, calendar: undefined, asOf: AS_OF, incremental: false };
const school = generateSchool({ students: 3, seed: 11, termEnd: AS_OF });
const dir = mkdtempSync(join(tmpdir(), 'trappa-duplicates-'));
const studentsPath = join(dir, 'students.ndjson');
writeFileSync(studentsPath, school.map(({ attendance: _, ...context }) => JSON.stringify(context)).join('\n') + '\n');
const workerUrl = new URL('../../dist/batch-worker.js', import.meta.url);
const haveWorkers = existsSync(workerUrl);

interface Lesson {
  readonly studentId: string;
  readonly record: AttendanceRecord;
}

/** The last lessons of each student of the fixture school (one lesson per student, date and start). */
const term: Lesson[] = school.flatMap((c) => (c.attendance ?? []).slice(-15).map((r) => ({ studentId: c.student.id, record: r as AttendanceRecord })));
const ndjson = (l: Lesson): string => JSON.stringify({ studentId: l.studentId, ...l.record });
const CSV_HEADER = 'studentId,date,start,scheduledMinutes,validAbsenceMinutes,invalidAbsenceMinutes,reported,guardianReported,reason';
const csvLine = ({ studentId, record: r }: Lesson): string =>
  [studentId, r.date, r.start, r.scheduledMinutes, r.validAbsenceMinutes, r.invalidAbsenceMinutes, r.reported, r.guardianReported, r.reason].join(',');

/** The same lesson reported the other way: absent if it was present, present if it was absent. */
function flip(l: Lesson): Lesson {
  const absent = l.record.validAbsenceMinutes + l.record.invalidAbsenceMinutes > 0;
  const record: AttendanceRecord = absent
    ? { ...l.record, validAbsenceMinutes: 0, invalidAbsenceMinutes: 0, reason: 'none', guardianReported: false }
    : { ...l.record, invalidAbsenceMinutes: l.record.scheduledMinutes, reason: 'unknown' };
  return { studentId: l.studentId, record };
}

/**
 * The oracle, the rule written out from the issue: per student, date and start, one version is
 * used once; several versions are all rejected. Then `evaluate` on each student, with the warnings.
 */
function expectedDecisions(lessons: readonly Lesson[]): string {
  return [...school]
    .sort((a, b) => (a.student.id < b.student.id ? -1 : 1))
    .map((c) => {
      const { attendance: _, ...context } = c;
      const versions = new Map<string, Map<string, AttendanceRecord>>();
      for (const l of lessons.filter((x) => x.studentId === c.student.id)) {
        const key = `${l.record.date} ${l.record.start}`;
        versions.set(key, (versions.get(key) ?? new Map()).set(JSON.stringify(l.record), l.record));
      }
      const used = [...versions.values()].filter((v) => v.size === 1).flatMap((v) => [...v.values()]);
      const conflicting = [...versions.values()].filter((v) => v.size > 1);
      const rejected = conflicting.reduce((n, v) => n + v.size, 0);
      const parsed = parseStudentCase({ ...context, attendance: used } satisfies StudentCaseInput);
      if (!parsed.ok) throw new Error('fixture case rejected');
      const warnings: Warning[] = rejected === 0 ? [] : [{ kind: 'rejected-records', count: rejected }, { kind: 'conflicting-lessons', count: rejected, lessons: conflicting.length }];
      return `${JSON.stringify(evaluate(parsed.case, policy, { asOf: AS_OF, warnings }))}\n`;
    })
    .join('');
}

let n = 0;
async function run(name: string, text: string, extra: Partial<BatchRun> = {}, students = studentsPath) {
  n += 1;
  const path = join(dir, `${n}-${name}`);
  writeFileSync(path, text);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const rejectedPath = join(dir, `rejected-${n}.ndjson`);
  const report = await runBatch({ files: { students, lessons: [path] }, settings, out, workers: 1, rejectedPath, format: ENGLISH_NDJSON, ...extra });
  const rejected = readFileSync(rejectedPath, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as RejectedLine);
  return { path, report, text: Buffer.concat(chunks).toString('utf8'), rejected };
}

describe('duplicate and conflicting lesson lines in the batch', () => {
  it('two CSV lines of one student, date and start, one absent and one present: both rejected, naming both lines and the fields; a warning', async () => {
    const target = term.find((l) => l.record.invalidAbsenceMinutes === 0 && l.record.validAbsenceMinutes === 0) as Lesson;
    const other = flip(target);
    // Line 1 is the header; the conflicting pair is on lines 3 and 7.
    const lines = term.filter((l) => l !== target).map(csvLine);
    lines.splice(1, 0, csvLine(other));
    lines.splice(5, 0, csvLine(target));
    const r = await run('conflict.csv', `${[CSV_HEADER, ...lines].join('\r\n')}\r\n`);
    const message = (line: number): string => `Same student, date and start as ${r.path}:${line}, with a different invalidAbsenceMinutes, reason; none of them is used`;
    const conflicts = r.rejected.filter((x) => x.issues[0]?.message.startsWith('Same student'));
    expect(conflicts).toEqual([
      { location: `${r.path}:3`, kind: 'record', studentId: target.studentId, issues: [{ path: 'invalidAbsenceMinutes', message: message(7) }] },
      { location: `${r.path}:7`, kind: 'record', studentId: target.studentId, issues: [{ path: 'invalidAbsenceMinutes', message: message(3) }] },
    ]);
    // The sample for stderr keeps both languages; the file holds the run's.
    expect(r.report.rejectedSample.map((x) => ({ ...x, issues: x.issues.map((i) => ({ path: i.path, message: i.text.en })) }))).toEqual(conflicts);
    expect(r.report.rejectedSample[0]?.issues[0]?.text.sv).toBe(`Samma elev, datum och start som ${r.path}:7, med annat värde på invalidAbsenceMinutes, reason; ingen av dem används`);
    expect(r.report.summary.records).toEqual({ read: term.length + 1, accepted: term.length - 1, duplicate: 0, rejected: 2 });
    expect(r.report.summary.warnings['conflicting-lessons']).toBe(1);
    expect(r.text).toBe(expectedDecisions([...term, other]));
    const decision = r.text.split('\n').find((l) => l.includes(`"studentId":"${target.studentId}"`)) ?? '';
    expect(JSON.parse(decision).warnings).toContainEqual({ kind: 'conflicting-lessons', count: 2, lessons: 1 });
  });

  it('an export concatenated twice: the same decisions, every line of the second copy a duplicate (one thread, or slices and threads)', async () => {
    const once = term.map(ndjson).join('\n') + '\n';
    const single = await run('once.ndjson', once);
    const twice = await run('twice.ndjson', once + once);
    const sliced = await run('twice-sliced.ndjson', once + once, { slices: 3, buckets: 2, ...(haveWorkers ? { workers: 2, workerUrl } : {}) });
    expect(single.text).toBe(expectedDecisions(term));
    for (const r of [twice, sliced]) {
      expect(r.text).toBe(single.text);
      expect(r.report.summary.records).toEqual({ read: 2 * term.length, accepted: term.length, duplicate: term.length, rejected: 0 });
      expect(r.rejected).toEqual([]);
      expect(r.report.summary.warnings['conflicting-lessons']).toBeUndefined();
    }
  }, 30_000);

  it('a CSV export joined twice (BOM, CRLF, its header again in the middle): the same decisions, the header and every lesson of the second copy duplicates', async () => {
    const file = `\uFEFF${[CSV_HEADER, ...term.map(csvLine)].join('\r\n')}\r\n`;
    const single = await run('once.csv', file);
    const twice = await run('twice.csv', file + file, { slices: 2 });
    expect(single.text).toBe(expectedDecisions(term));
    expect(twice.text).toBe(single.text);
    expect(twice.report.summary.records).toEqual({ read: 2 * term.length + 1, accepted: term.length, duplicate: term.length + 1, rejected: 0 });
    expect(twice.rejected).toEqual([]);
  });

  it("resolves a student's own attendance in the students file with the lesson lines", async () => {
    const first = term[0];
    // A lesson the student was present at: the other version is absent, so the fields that differ are known.
    const second = term.find((l, i) => i > 0 && l.studentId === first?.studentId && l.record.validAbsenceMinutes + l.record.invalidAbsenceMinutes === 0);
    if (first === undefined || second === undefined) throw new Error('fixture');
    const own = school.find((c) => c.student.id === first.studentId) as StudentCaseInput;
    const { attendance: _, ...context } = own;
    const students = join(dir, 'students-with-attendance.ndjson');
    // The student's line holds an invalid record (index 0), then the first lesson (index 1) and the second (index 2).
    const lines = school.map(({ attendance: __, ...c }) => (c.student.id === first.studentId ? { ...context, attendance: [{ date: 'x' }, first.record, second.record] } : c));
    writeFileSync(students, lines.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const line = school.findIndex((c) => c.student.id === first.studentId) + 1;
    // The first lesson again, as a line: a copy. The second the other way round: a conflict.
    const r = await run('with-own.ndjson', [ndjson(first), ndjson(flip(second))].join('\n') + '\n', {}, students);
    expect(r.report.summary.records).toEqual({ read: 5, accepted: 1, duplicate: 1, rejected: 3 });
    const conflict = r.rejected.filter((x) => x.issues[0]?.message.startsWith('Same student'));
    expect(conflict.map((x) => [x.location, x.issues[0]?.path, x.issues[0]?.message.replace(/ with a different .*/, '')])).toEqual([
      [`${students}:${line}`, 'attendance[2].invalidAbsenceMinutes', `Same student, date and start as ${r.path}:2,`],
      [`${r.path}:2`, 'invalidAbsenceMinutes', `Same student, date and start as ${students}:${line} attendance[2],`],
    ]);
  });

  it('any permutation and duplication of the lines, any slices, buckets and threads: the same decisions; read = accepted + duplicate + rejected (property)', async () => {
    const drawn = fc.record({
      conflicts: fc.array(fc.nat(term.length - 1), { maxLength: 3 }),
      copies: fc.array(fc.nat(), { maxLength: 12 }),
      seed: fc.integer(),
      slices: fc.integer({ min: 1, max: 3 }),
      buckets: fc.integer({ min: 1, max: 3 }),
      workers: fc.constantFrom(1, 2),
    });
    await fc.assert(
      fc.asyncProperty(drawn, async ({ conflicts, copies, seed, slices, buckets, workers }) => {
        const base = [...term, ...conflicts.map((i) => flip(term[i] as Lesson))];
        const extra = copies.map((p) => base[p % base.length] as Lesson);
        const mixed = shuffle([...base, ...extra], seed);
        const reference = await run('base.ndjson', base.map(ndjson).join('\n') + '\n');
        const r = await run('mixed.ndjson', mixed.map(ndjson).join('\n') + '\n', { slices, buckets, ...(workers > 1 && haveWorkers ? { workers, workerUrl } : {}) });
        const { records } = r.report.summary;
        expect(reference.text).toBe(expectedDecisions(base));
        expect(r.text).toBe(reference.text);
        expect(records.read).toBe(mixed.length);
        expect(records.read).toBe(records.accepted + records.duplicate + records.rejected);
        expect(records.accepted).toBe(reference.report.summary.records.accepted);
        expect(records.rejected).toBe(reference.report.summary.records.rejected);
        expect(records.duplicate).toBe(reference.report.summary.records.duplicate + extra.length);
        // One rejected line for each rejected record, every one of them naming the fields that differ.
        expect(r.rejected).toHaveLength(records.rejected);
        for (const x of r.rejected) expect(x.issues[0]?.message).toMatch(/^Same student, date and start as .*:\d+, with a different [a-zA-Z, ]+; none of them is used$/);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

/** A deterministic shuffle. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  return items
    .map((item, i) => ({ item, k: (Math.imul(i + 1, seed | 1) ^ Math.imul(i, 0x9e3779b1)) >>> 0 }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.item);
}
