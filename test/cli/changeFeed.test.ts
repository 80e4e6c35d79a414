import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicy } from '../../src/index.js';
import { schoolDaysUpTo } from '../../src/testing/arbitraries/index.js';
import { readDecisionsFile, writeDecisionsFile } from '../helpers/decisionsFile.js';

// The built CLI (npm test builds first), as in evaluateLessons.test.ts.
// Source: ../shared/domain.md §1.2 (SL 7 kap. 17 §: the guardians are told the same day about invalid
// absence) and issue 10 point 6: Friday's unnotified absence is overdue on Monday, never "no longer indicated".
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-cli-changes-'));

const FRIDAY = '2026-11-20';
const MONDAY = '2026-11-23';
const ID = 'elev-fredag';

const student = {
  id: ID,
  birthDate: '2013-10-08',
  schoolForm: 'grundskola',
  grade: 7,
  school: { id: 'skola-001', huvudman: 'kommunal', municipalityCode: '0180', district: 'Skarpnäck', teams: ['skolsocialt-team'] },
  residence: { municipalityCode: '0180', district: 'Skarpnäck' },
};

/** School days 2026-10-01 to 2026-11-23, two lessons a day; on `absent` the first lesson is missed without leave. */
function lessons(absent: string): string {
  const days = schoolDaysUpTo(MONDAY, undefined, '2026-10-01');
  return days
    .flatMap((date) => [
      { studentId: ID, date, start: '08:10', scheduledMinutes: 50, ...(date === absent ? { invalidAbsenceMinutes: 50, reason: 'none' } : {}) },
      { studentId: ID, date, start: '09:10', scheduledMinutes: 50 },
    ])
    .map((l) => JSON.stringify(l))
    .join('\n');
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${text}\n`);
  return path;
}

const lessonsFile = write('lessons.ndjson', lessons(FRIDAY));
const studentsFile = write('students.ndjson', JSON.stringify({ student }));

function trappa(asOf: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', '--format', 'lessons', '--policy', 'skollagen', '--as-of', asOf, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function friday(): string {
  const night1 = join(dir, `night1-${Math.random().toString(36).slice(2)}.ndjson`);
  const r = trappa(FRIDAY, '--students', studentsFile, lessonsFile, '--details', 'none', '--decisions-out', night1);
  expect(r.code, r.stderr).toBe(0);
  const [line] = readDecisionsFile(night1).lines;
  const decision = JSON.parse(line ?? '') as { steps: Array<{ id: string; status: string; arisesOn: string; dueDate: string }> };
  expect(decision.steps.find((s) => s.id === 'vardnadshavare-informeras')).toMatchObject({ status: 'recommended', arisesOn: FRIDAY, dueDate: FRIDAY });
  return night1;
}

describe('trappa evaluate --previous: the change feed over a weekend', () => {
  it("Friday's invalid absence with no notice recorded: Monday reports the notice overdue, not no-longer-indicated", () => {
    const night1 = friday();
    const monday = trappa(MONDAY, '--students', studentsFile, lessonsFile, '--json', '--previous', night1);
    expect(monday.code, monday.stderr).toBe(0);
    const changes = monday.stdout.trim().split('\n').map((l) => JSON.parse(l) as { studentId: string; change: string; step?: { id: string; status: string; arisesOn: string; dueDate: string }; previous?: { id: string } });
    const notice = changes.filter((c) => (c.step ?? c.previous)?.id === 'vardnadshavare-informeras');
    expect(notice).toEqual([
      {
        studentId: ID,
        change: 'overdue',
        step: expect.objectContaining({ id: 'vardnadshavare-informeras', kind: 'lagkrav', status: 'overdue', arisesOn: FRIDAY, dueDate: FRIDAY }),
        previous: expect.objectContaining({ status: 'recommended', arisesOn: FRIDAY }),
        asOf: MONDAY,
      },
    ]);
    expect(changes.some((c) => c.change === 'no-longer-indicated')).toBe(false);
    expect(monday.stderr).toMatch(/försenad\s+1\n/);
    expect(monday.stderr).toMatch(/inte längre aktuell\s+0/);

    const text = trappa(MONDAY, '--students', studentsFile, lessonsFile, '--previous', night1, '--lang', 'sv');
    expect(text.stdout).toContain(`${ID}  försenad  vardnadshavare-informeras [lagkrav] försenad samma dag uppstod ${FRIDAY} senast ${FRIDAY}`);
  });

  it('the notice recorded on Monday: Monday reports it done, with the measure', () => {
    const night1 = friday();
    const informed = write('students-informed.ndjson', JSON.stringify({ student, measures: [{ step: 'vardnadshavare-informeras', date: MONDAY }] }));
    const monday = trappa(MONDAY, '--students', informed, lessonsFile, '--json', '--previous', night1);
    expect(monday.code, monday.stderr).toBe(0);
    const changes = monday.stdout.trim().split('\n').map((l) => JSON.parse(l) as { change: string; previous?: { id: string }; measure?: unknown });
    expect(changes.find((c) => c.previous?.id === 'vardnadshavare-informeras')).toMatchObject({
      change: 'done',
      closedBy: 'measure',
      measure: { step: 'vardnadshavare-informeras', date: MONDAY, outcome: 'done' },
    });
    const text = trappa(MONDAY, '--students', informed, lessonsFile, '--previous', night1, '--lang', 'en');
    expect(text.stdout).toContain(`${ID}  done  vardnadshavare-informeras [statutory] open the same day arose ${FRIDAY} due ${FRIDAY}  (measure vardnadshavare-informeras ${MONDAY} done)`);
  });

  it('Monday run alone shows when the duty arose and what from, in the text output', () => {
    const r = trappa(MONDAY, '--students', studentsFile, lessonsFile, '--lang', 'en');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`arose ${FRIDAY}: invalid absence the guardians were not told about: ${FRIDAY}`);
  });

  it('an unnotified day at the start of Friday’s lookback is still due on Monday: no change, not no-longer-indicated', () => {
    // The backlog looks back `sameDayNoticeLookbackSchoolDays` school days; by Monday that window has moved past the day.
    const lookback = builtinPolicy('skollagen').parameters.sameDayNoticeLookbackSchoolDays;
    const fridayDays = schoolDaysUpTo(FRIDAY, undefined, '2026-10-01');
    const edge = fridayDays[fridayDays.length - lookback] as string;
    expect(schoolDaysUpTo(MONDAY, undefined, '2026-10-01').slice(-lookback)).not.toContain(edge);
    const early = write('lessons-edge.ndjson', lessons(edge));
    const night1 = join(dir, 'night1-edge.ndjson');
    const first = trappa(FRIDAY, '--students', studentsFile, early, '--details', 'none', '--decisions-out', night1);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(night1, 'utf8')).toContain(`"arisesOn":"${edge}"`);
    const monday = trappa(MONDAY, '--students', studentsFile, early, '--json', '--previous', night1, '--decisions-out', join(dir, 'night2-edge.ndjson'));
    expect(monday.code, monday.stderr).toBe(0);
    // Overdue both nights, still open: nothing to report.
    expect(monday.stdout).toBe('');
    const night2 = JSON.parse(readDecisionsFile(join(dir, 'night2-edge.ndjson')).lines[0] ?? '') as { steps: Array<{ id: string; status: string; arisesOn: string }> };
    expect(night2.steps.find((s) => s.id === 'vardnadshavare-informeras')).toMatchObject({ status: 'overdue', arisesOn: edge });
  });

  it('refuses (exit 65, before any output) a previous decision with no date or a bad date, with the file, line and field', () => {
    const night1 = friday();
    const { lines, trailer } = readDecisionsFile(night1);
    const decision = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    const noDate = join(dir, 'no-as-of.ndjson');
    writeDecisionsFile(noDate, [JSON.stringify({ ...decision, asOf: undefined })], trailer);
    const r = trappa(MONDAY, '--students', studentsFile, lessonsFile, '--json', '--previous', noDate);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--previous ${noDate}: rad 1: inte ett beslut: asOf: Saknas: förväntade sträng; kör gårdagens körning igen`);
    const badArises = join(dir, 'bad-arises.ndjson');
    writeDecisionsFile(badArises, [JSON.stringify({ ...decision, steps: [{ ...(decision.steps as object[])[0], arisesOn: '2026-11-31' }] })], trailer);
    const r2 = trappa(MONDAY, '--students', studentsFile, lessonsFile, '--json', '--previous', badArises);
    expect(r2.code).toBe(65);
    expect(r2.stderr).toContain(`--previous ${badArises}: rad 1: inte ett beslut: steps.0.arisesOn: Förväntade ett kalenderdatum skrivet ÅÅÅÅ-MM-DD; `);
    const en = trappa(MONDAY, '--students', studentsFile, lessonsFile, '--json', '--previous', badArises, '--lang', 'en');
    expect(en.stderr).toContain(`--previous ${badArises}: line 1: not a decision: steps.0.arisesOn: Expected a calendar date written YYYY-MM-DD; run last night again`);
  });
});
