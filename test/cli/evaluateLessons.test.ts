import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';
import { readDecisionsFile } from '../helpers/decisionsFile.js';

// The built CLI (npm test builds first): worker threads need the built worker script.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-cli-lessons-'));
const city = writeCity({ students: 120, seed: 3, termEnd: '2026-11-23', dir, schoolSize: 50 });
const csv = writeCity({ students: 120, seed: 3, termEnd: '2026-11-23', dir: join(dir, 'csv'), schoolSize: 50, format: 'csv' });

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', '--format', 'lessons', '--as-of', '2026-11-23', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('trappa evaluate --format lessons', () => {
  it('evaluates a city from lesson lines, the same with worker threads as without', () => {
    const one = trappa('--students', city.students, city.lessons, '--json', '--workers', '1');
    const two = trappa('--students', city.students, city.lessons, '--json', '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split('\n')).toHaveLength(120);
    expect(one.stderr).toContain(`lektionsposter: ${city.records} lästa = ${city.records} godtagna + 0 dubbletter + 0 avvisade`);
    expect(one.stderr).toMatch(/\n1 tråd, 1 del, \d+,\d s, högst \d+ MiB minne\n/);
    expect(two.stderr).toMatch(/\n(1 tråd|2 trådar), \d+ del(ar)?, /);
    const en = trappa('--students', city.students, city.lessons, '--json', '--workers', '1', '--lang', 'en');
    expect(en.stderr).toMatch(/\n1 worker, 1 bucket, \d+\.\d s, peak memory \d+ MiB\n/);
  });

  /** The city's decisions from its NDJSON lessons: what every CSV form of the same lessons must give. */
  let fromNdjson: string | undefined;
  const ndjsonDecisions = (): string => (fromNdjson ??= trappa('--students', city.students, city.lessons, '--json').stdout);

  it('reads CSV exports to the same decisions', () => {
    const fromCsv = trappa('--students', csv.students, csv.lessons, '--json');
    expect(fromCsv.stdout).toBe(ndjsonDecisions());
  });

  it('reads a Swedish Excel export (semicolons, Swedish names, ja/nej, an extra column) and lists the ignored columns in the summary', () => {
    const [head = '', ...rows] = readFileSync(csv.lessons, 'utf8').trim().split('\n');
    const swedish = head
      .replace('studentId', 'Elev')
      .replace('date', 'Datum')
      .replace('start', 'Starttid')
      .replace('scheduledMinutes', 'Schemalagda minuter')
      .replace('guardianReported', 'Anmäld');
    const cells = (line: string) => line.split(',').map((c) => (c === 'true' ? 'ja' : c === 'false' ? 'nej' : c));
    const excel = join(dir, 'excel.csv');
    writeFileSync(excel, `\uFEFF${[[...swedish.split(','), 'Lärare', 'Sal'], ...rows.map((r) => [...cells(r), 'ABC', '"B 12; plan 2"'])].map((r) => r.join(';')).join('\r\n')}\r\n`);
    const summaryPath = join(dir, 'excel-summary.json');
    const fromExcel = trappa('--students', csv.students, excel, '--json', '--summary-json', summaryPath);
    expect(fromExcel.code).toBe(0);
    expect(fromExcel.stdout).toBe(ndjsonDecisions());
    expect(fromExcel.stderr).toContain(`lektionsposter: ${csv.records} lästa = ${csv.records} godtagna + 0 dubbletter + 0 avvisade\nignorerade kolumner: Lärare, Sal\n`);
    expect((JSON.parse(readFileSync(summaryPath, 'utf8')) as { ignoredColumns: string[] }).ignoredColumns).toEqual(['Lärare', 'Sal']);
    // The same file with tabs, the delimiter given, read in two threads (the header goes to each).
    const tabs = join(dir, 'export.txt');
    writeFileSync(tabs, readFileSync(csv.lessons, 'utf8').replace(/,/g, '\t'));
    expect(trappa('--students', csv.students, tabs, '--json', '--delimiter', 'tab', '--workers', '2').stdout).toBe(ndjsonDecisions());
  });

  it('writes the summary as JSON: counts, steps and typology per school, run figures', () => {
    const path = join(dir, 'summary.json');
    const r = trappa('--students', city.students, city.lessons, '--details', 'none', '--summary-json', path);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(path, 'utf8')) as {
      cases: { read: number };
      records: { read: number; accepted: number; duplicate: number; rejected: number };
      schools: Record<string, { students: number; steps: Record<string, number>; typology: Record<string, number> }>;
      run: { workers: number; buckets: number; peakRssMb: number; seconds: { evaluating: number }; bucketSeconds: number[] };
    };
    expect(summary.cases.read).toBe(120);
    expect(summary.records.read).toBe(summary.records.accepted + summary.records.duplicate + summary.records.rejected);
    expect(Object.keys(summary.schools)).toEqual(['skola-001', 'skola-002', 'skola-003']);
    expect(Object.values(summary.schools).reduce((n, s) => n + s.students, 0)).toBe(120);
    expect(summary.run.peakRssMb).toBeGreaterThan(0);
    // Every bucket's own time, in bucket order; on one thread they run one after another inside the evaluating pass.
    expect(summary.run.workers).toBe(1);
    expect(summary.run.bucketSeconds).toHaveLength(summary.run.buckets);
    for (const s of summary.run.bucketSeconds) expect(s).toBeGreaterThanOrEqual(0);
    expect(summary.run.bucketSeconds.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(summary.run.seconds.evaluating + 0.001);
    expect(summary.run.bucketSeconds.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Not a terminal: no progress bar on stderr.
    expect(r.stderr).not.toContain('\r');
  });

  it('outputs only changes with --previous, the same on a re-run (idempotent); refuses a file of the same night (exit 65)', () => {
    const night1 = join(dir, 'night1.ndjson');
    const first = trappa('--students', city.students, city.lessons, '--details', 'none', '--decisions-out', night1, '--as-of', '2026-11-20');
    expect(first.code).toBe(0);
    expect(readDecisionsFile(night1).lines).toHaveLength(120);
    expect(readDecisionsFile(night1).trailer).toMatchObject({ trappa: 'decisions', count: 120, asOf: '2026-11-20' });
    const night2 = join(dir, 'night2.ndjson');
    const once = trappa('--students', city.students, city.lessons, '--json', '--previous', night1, '--decisions-out', night2);
    const again = trappa('--students', city.students, city.lessons, '--json', '--previous', night1);
    expect(once.code).toBe(0);
    expect(again.stdout).toBe(once.stdout);
    expect(again.stderr).toMatch(/förändringar sedan förra körningen \(åtgärder\):\n\s+ny\s+\d+\n\s+försenad\s+\d+\n\s+skärpt\s+\d+\n\s+klar\s+\d+\n\s+inte längre aktuell\s+\d+/);
    const en = trappa('--students', city.students, city.lessons, '--json', '--previous', night1, '--lang', 'en');
    expect(en.stdout).toBe(once.stdout);
    expect(en.stderr).toMatch(/changes since the previous run \(steps\):\n\s+new\s+\d+\n\s+overdue\s+\d+\n\s+escalated\s+\d+\n\s+done\s+\d+\n\s+no longer indicated\s+\d+/);
    const same = trappa('--students', city.students, city.lessons, '--json', '--previous', night2);
    expect(same.code).toBe(65);
    expect(same.stdout).toBe('');
    expect(same.stderr).toBe(`trappa: --previous ${night2}: besluten gäller 2026-11-23, inte före i kväll (2026-11-23); ange beslutsfilen från en tidigare natt\n`);
    const sameEn = trappa('--students', city.students, city.lessons, '--json', '--previous', night2, '--lang', 'en');
    expect(sameEn.stderr).toBe(`trappa: --previous ${night2}: the decisions are of 2026-11-23, not before tonight (2026-11-23); give the decisions file of an earlier night\n`);
  });

  it('exits 2 with a usage message without --students, and 1 for an unreadable CSV header', () => {
    const noStudents = trappa(city.lessons);
    expect(noStudents.code).toBe(2);
    expect(noStudents.stderr).toContain('--format lessons behöver --students <fil>');
    expect(trappa(city.lessons, '--lang', 'en').stderr).toContain('--format lessons needs --students <file>');
    const wrongFormat = spawnSync(process.execPath, [CLI, 'evaluate', city.lessons, '--previous', 'x'], { encoding: 'utf8' });
    expect(wrongFormat.status).toBe(2);
    const missingValue = trappa('--students');
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toContain('trappa: --students behöver ett värde\n');
    expect(trappa('--lang', 'en', '--students').stderr).toContain("Option '--students <value>' argument missing");
    const badWorkers = trappa('--students', city.students, city.lessons, '--workers', 'two');
    expect(badWorkers.code).toBe(2);
    expect(badWorkers.stderr).toContain('--workers ska vara ett heltal från 1 till 64, fick "two"');
    const badCsv = join(dir, 'no-header.csv');
    writeFileSync(badCsv, 'elev-0001;2026-11-23;08:10;60\n');
    const header = trappa('--students', city.students, badCsv);
    expect(header.code).toBe(1);
    expect(header.stderr).toContain(`${badCsv}:1: inte NDJSON, och inte en lektions-CSV: rubrikraden saknar de obligatoriska kolumnerna studentId, date, start, scheduledMinutes`);
    expect(header.stderr).toContain('saknas rubrikraden?');
    const headerEn = trappa('--students', city.students, badCsv, '--lang', 'en');
    expect(headerEn.stderr).toContain(`${badCsv}:1: not NDJSON, and not a lesson CSV: header lacks the required columns studentId, date, start, scheduledMinutes`);
    expect(headerEn.stderr).toContain('is the header row missing?');
    // The line itself is never repeated: without a header it is a data row.
    expect(header.stderr).not.toContain('elev-0001');
    const badDelimiter = trappa('--students', city.students, csv.lessons, '--delimiter', 'x');
    expect(badDelimiter.code).toBe(2);
    expect(badDelimiter.stderr).toContain('--delimiter ska vara , ; | eller tab, fick "x"');
  });

  it('exits 3 and names the first rejected lines when some lines are rejected, and writes all with --rejected', () => {
    const rejected = join(dir, 'rejected.ndjson');
    // The students file given as lessons: NDJSON lines without a studentId.
    const r = trappa('--students', city.students, city.students, '--details', 'none', '--rejected', rejected);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${city.students}:1: studentId: Förväntade elevens id som en sträng som inte är tom`);
    expect(JSON.parse(readFileSync(rejected, 'utf8').split('\n')[0] ?? '')).toMatchObject({ location: `${city.students}:1`, issues: [{ path: 'studentId', message: 'Förväntade elevens id som en sträng som inte är tom' }] });
    expect(r.stderr).toContain(`… 100 avvisade rader till i ${rejected}`);
    expect(readFileSync(rejected, 'utf8').trim().split('\n')).toHaveLength(120);
    expect(r.stdout).toContain('lektionsposter: 120 lästa = 0 godtagna + 0 dubbletter + 120 avvisade');
    const en = trappa('--students', city.students, city.students, '--details', 'none', '--lang', 'en');
    expect(en.stderr).toContain(`${city.students}:1: studentId: Expected the student id as a non-empty string`);
    expect(en.stderr).toContain('… 100 more rejected lines; write them all with --rejected <file>');
    expect(en.stdout).toContain('lesson records: 120 read = 0 accepted + 0 duplicate + 120 rejected');
  });

  it('--previous with a student line that carries no id: nothing closed for missing students, said on stderr; --allow-missing-students closes', () => {
    const night1 = join(dir, 'night1-missing.ndjson');
    // Last night is the Friday before: a decisions file of tonight is refused as --previous.
    expect(trappa('--students', city.students, city.lessons, '--details', 'none', '--decisions-out', night1, '--as-of', '2026-11-20').code).toBe(0);
    const lines = readFileSync(city.students, 'utf8').trim().split('\n');
    const damaged = join(dir, 'students-damaged.ndjson');
    // Two students gone: one line cut before its id, one line dropped.
    writeFileSync(damaged, ['{"student":{"birthDate":"2012-', ...lines.slice(2)].join('\n') + '\n');
    const withheld = trappa('--students', damaged, city.lessons, '--json', '--previous', night1);
    expect(withheld.code).toBe(3);
    expect(withheld.stdout).not.toContain('"studentInInput":false');
    expect(withheld.stderr).toContain(`1 rad i ${damaged} kunde inte läsas och saknar elev-id`);
    expect(withheld.stderr).toContain('ange --allow-missing-students för att stänga dem ändå');
    expect(withheld.stderr).toMatch(/elever från förra körningen som saknas i kväll: 2, \d+ av deras åtgärder hålls öppna/);
    const allowed = trappa('--students', damaged, city.lessons, '--json', '--previous', night1, '--allow-missing-students', '--lang', 'en');
    expect(allowed.code).toBe(3);
    expect(allowed.stderr).toContain('--allow-missing-students: the steps of the 2 students missing tonight were closed anyway');
    const closed = allowed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { change: string; studentInInput?: boolean; previous?: { kind: string } });
    expect(closed.filter((c) => c.studentInInput === false).length).toBeGreaterThan(0);
    for (const c of closed.filter((x) => x.studentInInput === false)) expect(c.previous?.kind).not.toBe('lagkrav');
  }, 30_000);
});
