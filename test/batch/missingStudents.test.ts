import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import type { StepState } from '../../src/run/changes.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import type { StudentCaseInput } from '../../src/model/studentCase.js';

// Issue 12, D1: a student whose line cannot be read must not have their open steps (an
// orosanmälan included) closed as "no longer indicated, not in the input".

const AS_OF = '2026-11-23';
const policy = builtinPolicy('stockholm');
const settings: BatchSettings = { policy, calendar: undefined, asOf: AS_OF, incremental: false };
const incremental: BatchSettings = { ...settings, incremental: true };
const dir = mkdtempSync(join(tmpdir(), 'trappa-missing-'));

const school = generateSchool({ students: 24, seed: 11, termEnd: AS_OF });
const stepsOf = (c: StudentCaseInput) => {
  const parsed = parseStudentCase(c);
  if (!parsed.ok) throw new Error('fixture case rejected');
  return evaluate(parsed.case, policy, { asOf: AS_OF }).steps;
};
// The student at risk: suspected harm (an orosanmälan, a lagkrav duty) and a guideline step besides.
const base = school.find((c) => stepsOf(c).some((s) => s.kind !== 'lagkrav'));
if (base === undefined) throw new Error('fixture: no student with a guideline step');
const atRisk: StudentCaseInput = { ...base, signals: [...(base.signals ?? []), { type: 'harm-suspected', date: AS_OF }] };
const others = school.filter((c) => c !== base).slice(0, 4);
const cases = [atRisk, ...others];
const id = atRisk.student.id;
const riskSteps = stepsOf(atRisk);
const lagkrav = riskSteps.filter((s) => s.kind === 'lagkrav').map((s) => s.id);
const guideline = riskSteps.filter((s) => s.kind !== 'lagkrav').map((s) => s.id);

const contextLine = ({ attendance: _, ...context }: StudentCaseInput): string => JSON.stringify(context);
const lessonsPath = join(dir, 'lessons.ndjson');
writeFileSync(lessonsPath, cases.flatMap((c) => (c.attendance ?? []).map((r) => JSON.stringify({ studentId: c.student.id, ...r }))).join('\n') + '\n');

let n = 0;
function studentsFile(lines: readonly string[], prefix = ''): string {
  n += 1;
  const path = join(dir, `students-${n}.ndjson`);
  writeFileSync(path, prefix + lines.join('\n') + '\n');
  return path;
}

// Each night is a school day after the one whose decisions it reads (a decisions file of the same night is refused).
const NIGHTS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];
const nightOf = new Map<string, number>();

async function run(students: string, extra: Partial<BatchRun> & { previous?: string } = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const decisionsPath = join(dir, `decisions-${(n += 1)}.ndjson`);
  const { previous, settings: given, ...rest } = extra;
  const night = previous === undefined ? 0 : (nightOf.get(previous) ?? 0) + 1;
  nightOf.set(decisionsPath, night);
  const asOf = NIGHTS[night] as string;
  const report = await runBatch({
    files: { students, lessons: [lessonsPath], ...(previous === undefined ? {} : { previous }) },
    settings: { ...(given ?? (previous === undefined ? settings : incremental)), asOf },
    out,
    workers: 1,
    decisionsPath,
    ...rest,
  });
  const text = Buffer.concat(chunks).toString('utf8');
  const changes = text === '' ? [] : text.trim().split('\n').map((l) => JSON.parse(l) as { studentId: string; change: string; previous?: StepState; step?: StepState; studentInInput?: boolean });
  return { report, text, changes, decisionsPath, decisions: readFileSync(decisionsPath, 'utf8') };
}

const goodLines = cases.map(contextLine);
const night1 = await run(studentsFile(goodLines));
const previousLineOf = (decisions: string, studentId: string) => decisions.split('\n').find((l) => l.includes(`"studentId":"${studentId}"`));

describe('no student lost (D1)', () => {
  it('the fixture: the student at risk has an orosanmälan and a guideline step last night', () => {
    expect(lagkrav).toContain('orosanmalan');
    expect(guideline.length).toBeGreaterThan(0);
    expect(previousLineOf(night1.decisions, id)).toContain('"orosanmalan"');
  });

  it('a BOM on line 1 of the students file is skipped: the student on that line is read, and nothing changes', async () => {
    const night2 = await run(studentsFile(goodLines, '\uFEFF'), { previous: night1.decisionsPath });
    expect(night2.report.summary.cases).toEqual({ read: cases.length, evaluated: cases.length, rejected: 0 });
    expect(night2.text).toBe('');
    // The next night's decisions, for the same students: only the date has moved.
    const ids = (text: string) => text.split('\n').filter((l) => l.startsWith('{"studentId"')).map((l) => (JSON.parse(l) as { studentId: string }).studentId);
    expect(ids(night2.decisions)).toEqual(ids(night1.decisions));
  });

  it('a cut-off line whose id can still be read: the student is there, rejected, and closes nothing; their decision is carried to tomorrow', async () => {
    const line = contextLine(atRisk);
    const cut = line.slice(0, line.indexOf(id) + id.length + 40);
    const night2 = await run(studentsFile([cut, ...goodLines.slice(1)]), { previous: night1.decisionsPath });
    expect(night2.report.summary.cases.rejected).toBe(1);
    expect(night2.changes.filter((c) => c.studentId === id)).toEqual([]);
    expect(night2.report.summary.missingStudents).toMatchObject({ students: 0, unidentifiedLines: 0, closingsWithheld: false });
    expect(previousLineOf(night2.decisions, id)).toBe(previousLineOf(night1.decisions, id));
    // The night after, the line is whole again: nothing is new (the tasks were never closed).
    const night3 = await run(studentsFile(goodLines), { previous: night2.decisionsPath });
    expect(night3.changes.filter((c) => c.studentId === id && c.change === 'new')).toEqual([]);
  });

  it('a line with no id to read: nothing is closed for any missing student, and the summary says so', async () => {
    const night2 = await run(studentsFile(['{"student":', ...goodLines.slice(1)]), { previous: night1.decisionsPath });
    expect(night2.changes.filter((c) => c.studentId === id)).toEqual([]);
    expect(night2.report.summary.missingStudents).toEqual({ students: 1, stepsKeptOpen: riskSteps.length, unidentifiedLines: 1, closingsWithheld: true });
    expect(previousLineOf(night2.decisions, id)).toBe(previousLineOf(night1.decisions, id));
  });

  it('with allowMissingStudents, or when every line carried its id: a missing student’s steps close, but never an open lagkrav duty', async () => {
    for (const [lines, allow] of [
      [['{"student":', ...goodLines.slice(1)], true],
      [goodLines.slice(1), false],
    ] as const) {
      const night2 = await run(studentsFile(lines), { previous: night1.decisionsPath, settings: { ...incremental, allowMissingStudents: allow } });
      const closed = night2.changes.filter((c) => c.studentId === id);
      expect(closed.map((c) => c.previous?.id).sort()).toEqual([...guideline].sort());
      for (const c of closed) expect(c).toMatchObject({ change: 'no-longer-indicated', studentInInput: false });
      expect(night2.report.summary.missingStudents).toMatchObject({ students: 1, stepsKeptOpen: lagkrav.length, closingsWithheld: false });
      // Tomorrow's --previous still holds the open duties, and only them.
      const carried = JSON.parse(previousLineOf(night2.decisions, id) ?? '{}') as { steps: StepState[] };
      expect(carried.steps.map((s) => s.id).sort()).toEqual([...lagkrav].sort());
      // The student is back the night after: the guideline steps are new again, the duties were never closed.
      const night3 = await run(studentsFile(goodLines), { previous: night2.decisionsPath });
      expect(night3.changes.filter((c) => c.studentId === id && c.change === 'new').map((c) => c.step?.id).sort()).toEqual([...guideline].sort());
    }
  });
});
