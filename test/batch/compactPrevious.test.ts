/**
 * Issue 15: tomorrow's run takes a compact decisions file as `--previous` and
 * gives the same changes as from a full one, for every kind of change, a
 * student who left, a student whose line is rejected (carried over) and held-open duties.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import type { Decision } from '../../src/model/decision.js';
import type { StudentCaseInput } from '../../src/model/studentCase.js';
import { compactDecision } from '../../src/report/compactDecision.js';
import type { DecisionForm } from '../../src/report/decisionOutput.js';
import { readDecisionsFile } from '../helpers/decisionsFile.js';

const NIGHT_1 = '2026-11-20';
const NIGHT_2 = '2026-11-23';
const policy = builtinPolicy('stockholm');
const dir = mkdtempSync(join(tmpdir(), 'trappa-compact-previous-'));
const school = generateSchool({ students: 40, seed: 21, termEnd: NIGHT_2 });

const stepsOf = (c: StudentCaseInput, asOf: string) => {
  const parsed = parseStudentCase(c);
  if (!parsed.ok) throw new Error('fixture case rejected');
  return evaluate(parsed.case, policy, { asOf }).steps;
};
const withSteps = school.filter((c) => stepsOf(c, NIGHT_1).length > 0);
// The student who leaves has a guideline step (closed for absence: no-longer-indicated) besides any duty (kept open, carried).
const leaves = withSteps.find((c) => stepsOf(c, NIGHT_1).some((s) => s.kind !== 'lagkrav'));
const [measured, broken] = withSteps.filter((c) => c !== leaves);
if (measured === undefined || leaves === undefined || broken === undefined) throw new Error('fixture: too few students with steps');
const concern = school.find((c) => !stepsOf(c, NIGHT_1).some((s) => s.id === 'orosanmalan'));
if (concern === undefined) throw new Error('fixture: every student already has an orosanmälan');

const contextLine = ({ attendance: _, ...context }: StudentCaseInput): string => JSON.stringify(context);
const lessons = join(dir, 'lessons.ndjson');
writeFileSync(lessons, `${school.flatMap((c) => (c.attendance ?? []).map((r) => JSON.stringify({ studentId: c.student.id, ...r }))).join('\n')}\n`);
const night1Students = join(dir, 'students-1.ndjson');
writeFileSync(night1Students, `${school.map(contextLine).join('\n')}\n`);

// Night 2: a measure closes one student's first step, one student has left, one student's line is
// cut off (rejected, known by id: carried over), one student has a new concern (a new orosanmälan).
const firstStep = stepsOf(measured, NIGHT_1)[0]?.id;
if (firstStep === undefined) throw new Error('fixture: no step');
const night2Lines = school
  .filter((c) => c !== leaves)
  .map((c) => {
    if (c === measured) return contextLine({ ...c, measures: [...(c.measures ?? []), { step: firstStep, date: NIGHT_2, outcome: 'done' }] });
    if (c === concern) return contextLine({ ...c, signals: [...(c.signals ?? []), { type: 'harm-suspected', date: NIGHT_2 }] });
    if (c === broken) return contextLine(c).slice(0, contextLine(c).indexOf(c.student.id) + c.student.id.length + 20);
    return contextLine(c);
  });
const night2Students = join(dir, 'students-2.ndjson');
writeFileSync(night2Students, `${night2Lines.join('\n')}\n`);

let n = 0;
async function night(students: string, asOf: string, decisionsForm: DecisionForm, previous?: string) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const decisionsPath = join(dir, `decisions-${(n += 1)}.ndjson`);
  const settings: BatchSettings = { policy, calendar: undefined, asOf, incremental: previous !== undefined };
  const run: BatchRun = { files: { students, lessons: [lessons], ...(previous === undefined ? {} : { previous }) }, settings, out, workers: 1, decisionsPath, decisionsForm };
  const report = await runBatch(run);
  return { report, changes: Buffer.concat(chunks).toString('utf8'), decisionsPath };
}

/** A decisions file's lines as their compact projection (a line carried from a full night is full). */
const projected = (path: string): string[] => readDecisionsFile(path).lines.map((l) => JSON.stringify(compactDecision(JSON.parse(l) as Decision)));

describe('a compact decisions file as --previous', () => {
  it('gives the same changes, counts and next decisions as the full file of the same night', async () => {
    const full1 = await night(night1Students, NIGHT_1, 'full');
    const compact1 = await night(night1Students, NIGHT_1, 'compact');
    expect(projected(compact1.decisionsPath)).toEqual(projected(full1.decisionsPath));
    expect(readFileSync(compact1.decisionsPath).length * 2).toBeLessThan(readFileSync(full1.decisionsPath).length);

    const fromFull = await night(night2Students, NIGHT_2, 'full', full1.decisionsPath);
    const fromCompact = await night(night2Students, NIGHT_2, 'full', compact1.decisionsPath);
    expect(fromCompact.changes).toBe(fromFull.changes);
    expect(fromCompact.report.summary).toEqual(fromFull.report.summary);
    // The fixture reaches every kind of change that a night can bring here.
    const kinds = new Set(fromFull.changes.trim().split('\n').map((l) => (JSON.parse(l) as { change: string }).change));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['done', 'new', 'no-longer-indicated']));
    expect(fromFull.report.summary.cases.rejected).toBe(1);

    // Tonight's decisions are the same bytes; a student not evaluated tonight keeps last night's line as it was written.
    const a = readDecisionsFile(fromFull.decisionsPath).lines;
    const b = readDecisionsFile(fromCompact.decisionsPath).lines;
    expect(b.length).toBe(a.length);
    const carried = a.filter((l) => (JSON.parse(l) as Decision).asOf !== NIGHT_2);
    const carriedIds = carried.map((l) => (JSON.parse(l) as Decision).studentId);
    expect(carriedIds).toContain(broken.student.id);
    for (const id of carriedIds) expect([broken.student.id, leaves.student.id]).toContain(id);
    a.forEach((line, i) => {
      if ((JSON.parse(line) as Decision).asOf === NIGHT_2) expect(b[i]).toBe(line);
      else expect(JSON.stringify(compactDecision(JSON.parse(b[i] ?? '{}') as Decision))).toBe(JSON.stringify(compactDecision(JSON.parse(line) as Decision)));
    });

    // And the night after, from the two night-2 files (one holds compact carried lines): the same changes again.
    const night3 = (previous: string) => night(night2Students, '2026-11-24', 'compact', previous);
    expect((await night3(fromCompact.decisionsPath)).changes).toBe((await night3(fromFull.decisionsPath)).changes);
  });
});
