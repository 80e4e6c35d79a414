/**
 * `trappa explain` (issue 15): one student's full decision, regenerated from
 * the same inputs, is the decision the night wrote, byte for byte: for
 * lesson-level input with copies, conflicts, rejected and non-UTF-8 lines, a
 * CSV and an NDJSON file, the student's own attendance and last night's
 * decisions; and for case files. Messages name the file, line and field and
 * never repeat a value that may be personal data. The CLI part runs the built
 * CLI (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { PreviousFileError } from '../../src/batch/decisionsFile.js';
import { runBatch } from '../../src/batch/runBatch.js';
import { explainFromCases, explainFromLessons } from '../../src/cli/explainStudent.js';
import { builtinPolicy } from '../../src/index.js';
import type { Decision } from '../../src/model/decision.js';
import type { StudentCaseInput } from '../../src/model/studentCase.js';
import { readDecisionsFile } from '../helpers/decisionsFile.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const workerUrl = new URL('../../dist/batch-worker.js', import.meta.url);
// The last day of HT2026, then the first of VT2027: the open statutory duties of the autumn are held open (`heldOpen`).
const NIGHT_1 = '2026-12-18';
const NIGHT_2 = '2027-01-08';
const policy = builtinPolicy('stockholm');
const dir = mkdtempSync(join(tmpdir(), 'trappa-explain-'));
const school = generateSchool({ students: 14, seed: 9, termEnd: NIGHT_1 });
const ids = school.map((c) => c.student.id);
const [own, copied, conflicted, badLine, notUtf8, rejectedStudent] = school;
if (rejectedStudent === undefined) throw new Error('fixture: too few students');

// The students file: one student keeps three lessons in their own line; one student's line is invalid.
const ownLessons = (own?.attendance ?? []).slice(0, 3);
const contextOf = ({ attendance: _, ...context }: StudentCaseInput): Record<string, unknown> => context;
const studentLines = school.map((c) => {
  if (c === own) return JSON.stringify({ ...contextOf(c), attendance: ownLessons });
  if (c === rejectedStudent) return JSON.stringify({ ...contextOf(c), student: { ...c.student, birthDate: '2013-02-30' } });
  return JSON.stringify(contextOf(c));
});
const students = join(dir, 'students.ndjson');
writeFileSync(students, `${studentLines.join('\n')}\n`);

// Lessons: most in NDJSON; the students from `conflicted` on in a CSV file with Swedish headers and `;`.
const lesson = (c: StudentCaseInput, r: NonNullable<StudentCaseInput['attendance']>[number]) => ({ studentId: c.student.id, ...r });
const inCsv = new Set(school.slice(school.indexOf(conflicted as StudentCaseInput)).map((c) => c.student.id));
const all = school.flatMap((c) => (c.attendance ?? []).filter((r) => c !== own || !ownLessons.includes(r)).map((r) => lesson(c, r)));
const ndjson = all.filter((l) => !inCsv.has(l.studentId)).map((l) => JSON.stringify(l));
const firstOf = (c: StudentCaseInput | undefined) => ({ ...lesson(c as StudentCaseInput, (c?.attendance ?? [])[0] as NonNullable<StudentCaseInput['attendance']>[number]) });
ndjson.push(JSON.stringify(firstOf(copied))); // an identical copy: a duplicate
ndjson.push(JSON.stringify({ ...firstOf(own), ...ownLessons[0], studentId: own?.student.id })); // a copy of a lesson of the student's own line
ndjson.push(JSON.stringify({ ...firstOf(badLine), scheduledMinutes: -5 })); // rejected, counted against the student
ndjson.push(JSON.stringify({ ...firstOf(badLine), studentId: 'elev-okand' })); // no such student
ndjson.push(`{"studentId":"elev\\u002d${(badLine?.student.id ?? '').slice(5)}","date":"2026-11-30","start":"08:00","scheduledMinutes":60}`); // an escaped id, after asOf
const columns = ['elev', 'datum', 'starttid', 'schemalagda minuter', 'giltig frånvaro', 'ogiltig frånvaro', 'rapporterad', 'anmäld', 'orsak'];
const csvRow = (l: Record<string, unknown>) =>
  [l['studentId'], l['date'], l['start'], l['scheduledMinutes'], l['validAbsenceMinutes'] ?? '', l['invalidAbsenceMinutes'] ?? '', l['reported'] === false ? 'nej' : 'ja', l['guardianReported'] === true ? 'ja' : 'nej', l['reason'] ?? ''].join(';');
const csv = [columns.join(';'), ...all.filter((l) => inCsv.has(l.studentId)).map(csvRow)];
const conflicting = firstOf(conflicted);
csv.push(csvRow({ ...conflicting, invalidAbsenceMinutes: (conflicting.invalidAbsenceMinutes ?? 0) === 0 ? conflicting.scheduledMinutes : 0 })); // a conflict
const lessonsJson = join(dir, 'lessons.ndjson');
const lessonsCsv = join(dir, 'lessons.csv');
writeFileSync(lessonsJson, `${ndjson.join('\n')}\n`);
const badUtf8 = Buffer.from(`${notUtf8?.student.id};2026-11-02;08:10;60;;;ja;nej;\xff\n`, 'latin1');
writeFileSync(lessonsCsv, Buffer.concat([Buffer.from(`${csv.join('\n')}\n`), badUtf8]));
const lessons = [lessonsJson, lessonsCsv];

async function night(asOf: string, previous?: string): Promise<string> {
  const decisionsPath = join(dir, `night-${asOf}.ndjson`);
  await runBatch({
    files: { students, lessons, ...(previous === undefined ? {} : { previous }) },
    settings: { policy, calendar: undefined, asOf, incremental: previous !== undefined },
    out: new PassThrough().resume(),
    workers: 1,
    decisionsPath,
    decisionsForm: previous === undefined ? 'compact' : 'full',
  });
  return decisionsPath;
}
const night1 = await night(NIGHT_1);
const night2 = await night(NIGHT_2, night1);
const written = new Map(readDecisionsFile(night2).lines.map((l) => [(JSON.parse(l) as Decision).studentId, l]));
const run = { policy, calendar: undefined, asOf: NIGHT_2 };

describe('explainFromLessons: the decision the night wrote', () => {
  it('gives every student\'s full decision of the batch, byte for byte (copies, conflicts, rejected and non-UTF-8 lines, CSV and NDJSON, own lessons, last night)', async () => {
    const warned = new Set<string>();
    for (const id of ids.filter((i) => i !== rejectedStudent.student.id)) {
      const result = await explainFromLessons(id, { students, lessons, previous: night1 }, run);
      expect(result.kind, id).toBe('decisions');
      if (result.kind !== 'decisions') continue;
      expect(result.decisions).toHaveLength(1);
      expect(JSON.stringify(result.decisions[0]), id).toBe(written.get(id));
      for (const w of result.decisions[0]?.warnings ?? []) if (w.kind === 'rejected-records' || w.kind === 'conflicting-lessons') warned.add(`${id} ${w.kind}`);
    }
    // The fixture reaches what it is there for.
    expect([...warned].sort()).toEqual(
      [`${badLine?.student.id} rejected-records`, `${notUtf8?.student.id} rejected-records`, `${conflicted?.student.id} rejected-records`, `${conflicted?.student.id} conflicting-lessons`].sort(),
    );
    expect(readDecisionsFile(night2).lines.some((l) => l.includes('"heldOpen"'))).toBe(true);
  });

  it.skipIf(!existsSync(workerUrl))('gives the same decisions with --previous verified in a thread of its own, and refuses a broken file the same way (issue 15)', async () => {
    const inThread = { workerUrl, previousThreadFromBytes: 0 };
    // A thread a student: four are enough (the first test has every student in this thread).
    for (const id of ids.filter((i) => i !== rejectedStudent.student.id).slice(0, 4)) {
      const result = await explainFromLessons(id, { students, lessons, previous: night1, ...inThread }, run);
      expect(result.kind === 'decisions' ? JSON.stringify(result.decisions[0]) : result.kind, id).toBe(written.get(id));
    }
    // One line edited after the trailer was written: the hash no longer matches, from either thread.
    const edited = join(dir, 'edited.ndjson');
    writeFileSync(edited, readFileSync(night1, 'utf8').replace('"status":"recommended"', '"status":"overdue"'));
    const id = ids[1] as string;
    const here = await explainFromLessons(id, { students, lessons, previous: edited }, run).catch((e: unknown) => e);
    const there = await explainFromLessons(id, { students, lessons, previous: edited, ...inThread }, run).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(PreviousFileError);
    expect(there).toBeInstanceOf(PreviousFileError);
    expect(there).toMatchObject({ problem: 'hash', message: (here as Error).message });
    // The thread is really used from the size on: a worker script that cannot start fails the run.
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('this worker script does not start');\n");
    const withBroken = { students, lessons, previous: night1, workerUrl: new URL(`file://${broken}`) };
    const size = readFileSync(night1).length;
    expect((await explainFromLessons(id, { ...withBroken, previousThreadFromBytes: size + 1 }, run)).kind).toBe('decisions');
    await expect(explainFromLessons(id, { ...withBroken, previousThreadFromBytes: size }, run)).rejects.toThrow('this worker script does not start');
  });

  it('names the student\'s rejected line with its field, and says when no line names the student', async () => {
    const rejected = await explainFromLessons(rejectedStudent.student.id, { students, lessons }, run);
    expect(rejected).toMatchObject({ kind: 'rejected', lines: [{ location: `${students}:${school.indexOf(rejectedStudent) + 1}`, issues: [{ path: 'student.birthDate' }] }] });
    expect(await explainFromLessons('elev-okand', { students, lessons }, run)).toEqual({ kind: 'unknown', read: school.length });
  });
});

describe('explainFromCases', () => {
  it('picks the case by id and evaluates it as trappa evaluate does', async () => {
    const cases = join(dir, 'cases.ndjson');
    writeFileSync(cases, `${school.slice(0, 4).map((c) => JSON.stringify(c)).join('\n')}\n`);
    const id = school[2]?.student.id ?? '';
    const result = await explainFromCases(id, [cases], run);
    const evaluated = spawnSync(process.execPath, [CLI, 'evaluate', cases, '--as-of', NIGHT_2, '--json'], { encoding: 'utf8' });
    const line = evaluated.stdout.split('\n').find((l) => l.includes(`"studentId":"${id}"`));
    expect(result.kind === 'decisions' ? JSON.stringify(result.decisions[0]) : result.kind).toBe(line);
    expect(await explainFromCases('elev-okand', [cases], run)).toEqual({ kind: 'unknown', read: 4 });
  });
});

describe('trappa explain (the built CLI)', () => {
  const explain = (...args: string[]) => spawnSync(process.execPath, [CLI, 'explain', ...args, '--as-of', NIGHT_2], { encoding: 'utf8' });
  const id = conflicted?.student.id ?? '';

  it('--json: the full decision of the night; text: the decision with the steps not recommended, in Swedish or English', () => {
    const json = explain(id, '--students', students, ...lessons, '--previous', night1, '--json');
    expect(json.status, json.stderr).toBe(0);
    expect(json.stdout).toBe(`${written.get(id)}\n`);
    const sv = explain(id, '--students', students, ...lessons, '--previous', night1);
    expect(sv.stdout.startsWith(`${id}  `)).toBe(true);
    expect(sv.stdout).toContain('Inte rekommenderade:');
    expect(sv.stdout).toMatch(/ ✗ /);
    expect(explain(id, '--students', students, ...lessons, '--lang', 'en').stdout).toContain('Not recommended:');
  });

  it('an unknown id: exit 1, saying so; a rejected student line: exit 1, its file, line and field, not its value', () => {
    const unknown = explain('elev-okand', '--students', students, ...lessons);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(`trappa explain: ingen elev elev-okand i ${students} (${school.length} lästa)\n`);
    expect(explain('elev-okand', '--students', students, ...lessons, '--lang', 'en').stderr).toBe(`trappa explain: no student elev-okand in ${students} (${school.length} read)\n`);
    const rejected = explain(rejectedStudent.student.id, '--students', students, ...lessons);
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toContain(`${students}:${school.indexOf(rejectedStudent) + 1}: student.birthDate: `);
    expect(rejected.stderr).not.toContain('2013-02-30');
  });

  it('never repeats an id that is not an opaque id (a personnummer, a name): exit 2', () => {
    for (const given of ['19900101-1234', 'Anna Andersson']) {
      const r = explain(given, '--students', students, ...lessons);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('inte ett opakt id');
      expect(r.stderr).not.toContain(given);
      const en = explain(given, '--students', students, ...lessons, '--lang', 'en');
      expect(en.stderr).toContain('not an opaque id');
      expect(en.stderr).not.toContain(given);
    }
  });

  it('--help, and usage errors: no input files, --previous without --students', () => {
    expect(spawnSync(process.execPath, [CLI, 'explain', '--help'], { encoding: 'utf8' }).stdout).toContain('explain <elev-id>');
    expect(spawnSync(process.execPath, [CLI, 'explain', '--help', '--lang', 'en'], { encoding: 'utf8' }).stdout).toContain('explain <student-id>');
    expect(explain(id).status).toBe(2);
    expect(explain(id, join(dir, 'cases.ndjson'), '--previous', night1).status).toBe(2);
    expect(readFileSync(night1, 'utf8')).toContain('"form":"compact"');
  });
});
