import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built CLI (npm test builds first), on the worked example of docs/ss12000.md.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const FIXTURE = new URL('../../fixtures/ss12000/', import.meta.url).pathname;

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('trappa evaluate --format ss12000', () => {
  it('evaluates the fixture export with its side file (the command of docs/ss12000.md)', () => {
    const r = trappa('evaluate', '--format', 'ss12000', join(FIXTURE, 'export'), '--context', join(FIXTURE, 'trappa-context.json'), '--as-of', '2026-11-23', '--details', 'none');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('elever: 6 lästa = 6 utvärderade + 0 avvisade');
    expect(r.stdout).toContain('lektionsposter: 628 lästa = 621 godtagna + 0 dubbletter + 7 undantagna (inställda eller utan deltagande) + 0 avvisade');
    expect(r.stdout).toMatch(/orosanmalan\s+1/);
    expect(r.stderr).toContain('activities.json: hoppas över');
    const en = trappa('evaluate', '--format', 'ss12000', join(FIXTURE, 'export'), '--context', join(FIXTURE, 'trappa-context.json'), '--as-of', '2026-11-23', '--details', 'none', '--lang', 'en');
    expect(en.stdout).toContain('students: 6 read = 6 evaluated + 0 rejected');
    expect(en.stdout).toContain('lesson records: 628 read = 621 accepted + 0 duplicate + 7 excluded (cancelled or not taking part) + 0 rejected');
    expect(en.stderr).toContain('activities.json: ignored');
  });

  it('gives the same NDJSON decisions as the fixture written as StudentCase', () => {
    const ss = trappa('evaluate', '--format', 'ss12000', join(FIXTURE, 'export'), '--context', join(FIXTURE, 'trappa-context.json'), '--as-of', '2026-11-23', '--json');
    const direct = trappa('evaluate', join(FIXTURE, 'student-cases.json'), '--as-of', '2026-11-23', '--json');
    expect(ss.code).toBe(0);
    const sortById = (out: string) => out.trim().split('\n').sort();
    expect(sortById(ss.stdout)).toEqual(sortById(direct.stdout));
  });

  it('names entity, id and field of what it rejects, and exits 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-ss12000-cli-'));
    cpSync(join(FIXTURE, 'export'), dir, { recursive: true });
    const personsFile = join(dir, 'persons.json');
    const persons = JSON.parse(readFileSync(personsFile, 'utf8')) as { data: Record<string, unknown>[] };
    const first = persons.data[0] as Record<string, unknown>;
    delete first.birthDate;
    writeFileSync(personsFile, JSON.stringify(persons));
    const rejectedFile = join(dir, 'rejected.ndjson.out');
    const r = trappa('evaluate', '--format', 'ss12000', dir, '--as-of', '2026-11-23', '--details', 'none', '--rejected', rejectedFile, '--lang', 'en');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`Person ${String(first.id)}: birthDate: Missing: Trappa needs the birth date for age-dependent duties (105 attendance records not evaluated)`);
    expect(r.stdout).toContain('students: 6 read = 5 evaluated + 1 rejected');
    // Alva's 105 rows (21 days × 5) include her row on the cancelled lesson: a rejected student's rows are all rejected.
    expect(r.stdout).toContain('lesson records: 628 read = 517 accepted + 0 duplicate + 6 excluded (cancelled or not taking part) + 105 rejected');
    const lines = readFileSync(rejectedFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; entity: string });
    expect(lines).toEqual([expect.objectContaining({ kind: 'ss12000', entity: 'Person', attendanceRecords: 105 })]);
  });

  it('refuses --context without --format ss12000 and an unknown format', () => {
    expect(trappa('evaluate', 'x.ndjson', '--context', 'c.json').code).toBe(2);
    expect(trappa('evaluate', 'x.ndjson', '--format', 'csv').code).toBe(2);
  });
});
