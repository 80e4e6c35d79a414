import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/cli/diffCommand.js';

// The built CLI (npm test builds first), on the example of docs/diff.md: Stockholm's 20 % lowered to 15 %.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const STRICTER = join(ROOT, 'fixtures/policies/stockholm-15-percent.json');
const CASES = ['already-investigated', 'exactly-20-percent', 'gymnasium-18-no-consent', 'protected-identity'].map((n) => join(ROOT, `fixtures/cases/${n}.json`));

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(stdout: string): DiffReport {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as DiffReport;
}

describe('trappa diff on case files', () => {
  // Term and window rates of the four cases (whole term = window: their lessons cover under 20 school days):
  // already-investigated 3540/7440 ≈ 47.6 % (over both), exactly-20-percent 605/3025 = 20.00 % (over 15 only:
  // 605 × 100 = 3025 × 20), gymnasium 500/3520 ≈ 14.2 % and protected-identity 400/3300 ≈ 12.1 % (over neither).
  it('text: one student of four gains the city steps, with both explanations in the sample', () => {
    const r = trappa('diff', '--from', 'stockholm', '--to', STRICTER, ...CASES, '--as-of', '2026-11-23', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('from: stockholm 2026.1');
    expect(r.stdout).toContain('to:   stockholm 2026.2');
    expect(r.stdout).toContain('students: 4 evaluated; 1 affected (25.0 %), 0 re-explained only, 3 unchanged');
    expect(r.stdout).toMatch(/\n {2}kartlaggning +1 +0 +0 +0\n/);
    expect(r.stdout).toContain('=== case-exactly-20-percent: ');
    expect(r.stdout).toContain('+ kartlaggning');
    expect(r.stdout).toContain('✓ Absence this term, one short reported illness left out: 20.0 % (605/3025) – over 15 %');
    expect(r.stdout).toContain('students: 4 read = 4 evaluated + 0 rejected');
  });

  it('--json: one object with counts, the sample with both decisions, and the input counts', () => {
    const r = trappa('diff', '--from', 'stockholm', '--to', STRICTER, ...CASES, '--as-of', '2026-11-23', '--json');
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.students).toEqual({ evaluated: 4, affected: 1, reexplainedOnly: 0, unchanged: 3 });
    expect(report.steps.kartlaggning).toEqual({ added: 1, removed: 0, changed: 0, reexplained: 0, transitions: {} });
    expect(report.from).toMatchObject({ id: 'stockholm', version: '2026.1' });
    expect(report.to).toMatchObject({ id: 'stockholm', version: '2026.2' });
    expect(report.factsShared).toBe(true);
    expect(report.sample.map((s) => s.studentId)).toEqual(['case-exactly-20-percent']);
    expect(report.sample[0]?.from.steps.some((s) => s.id === 'kartlaggning')).toBe(false);
    expect(report.sample[0]?.to.steps.some((s) => s.id === 'kartlaggning')).toBe(true);
    expect(report.input).toEqual({ source: 'files', files: CASES, cases: { read: 4, evaluated: 4, rejected: 0 }, records: expect.objectContaining({ rejected: 0 }) });
  });

  it('the command of docs/diff.md: of the eight fixture cases only the one at exactly 20 % changes, and it also gains the team offer', () => {
    const all = ['already-investigated', 'exactly-20-percent', 'fristaende-other-municipality', 'gymnasium-18-no-consent', 'harm-below-threshold', 'just-over-20-percent', 'protected-identity', 'skolsocialt-team-no-consent'];
    const r = trappa('diff', '--from', 'stockholm', '--to', STRICTER, ...all.map((n) => join(ROOT, `fixtures/cases/${n}.json`)), '--as-of', '2026-11-23', '--json');
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.students).toEqual({ evaluated: 8, affected: 1, reexplainedOnly: 0, unchanged: 7 });
    expect(report.sample.map((s) => s.studentId)).toEqual(['case-exactly-20-percent']);
    expect(Object.keys(report.steps)).toEqual([
      'anmalan-huvudman',
      'eht',
      'individanpassad-planering',
      'kartlaggning',
      'rektor-utredning',
      'samtycke>skolsocialt-team',
      'skolsocialt-team',
      'uppfoljning',
    ]);
  });

  it('a policy against itself: no change', () => {
    const r = trappa('diff', '--from', 'stockholm', '--to', join(ROOT, 'rules/stockholm.json'), ...CASES, '--as-of', '2026-11-23');
    expect(r.code).toBe(0);
    // Swedish by default, with a decimal comma.
    expect(r.stdout).toContain('elever: 4 utvärderade; 0 påverkade (0,0 %), 0 bara med nya skäl, 4 oförändrade');
    expect(r.stdout).toContain('åtgärder: ingen ändring');
  });

  it('counts and reports rejected cases and records, and exits 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-diff-'));
    const [good] = JSON.parse(readFileSync(CASES[1] as string, 'utf8')) as [{ attendance: Array<Record<string, unknown>> }];
    const badRecord = { ...good, attendance: [...good.attendance, { date: '2026-02-30', start: '08:00', scheduledMinutes: 60 }] };
    const file = join(dir, 'cases.ndjson');
    writeFileSync(file, [JSON.stringify(badRecord), 'not json', JSON.stringify({ student: { id: 'elev-x' } })].join('\n'));
    const r = trappa('diff', '--from', 'stockholm', '--to', STRICTER, file, '--as-of', '2026-11-23', '--json');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:1: attendance[${good.attendance.length}].date`);
    expect(r.stderr).toContain(`${file}:2: ogiltig JSON: oväntat tecken vid tecken 2`);
    expect(r.stderr).toMatch(new RegExp(`${file}:3: student\\.`));
    const report = json(r.stdout);
    expect(report.input.cases).toEqual({ read: 3, evaluated: 1, rejected: 2 });
    expect(report.input.records.rejected).toBe(1);
    expect(report.students.evaluated).toBe(1);
  });
});

describe('trappa diff --generate', () => {
  it('is deterministic for a seed, and another seed draws another population', () => {
    const run = (seed: string) => trappa('diff', '--from', 'skollagen', '--to', 'stockholm', '--generate', '40', '--seed', seed, '--json', '--sample', '2');
    const a = run('5');
    const b = run('5');
    const c = run('6');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const ra = json(a.stdout);
    const rc = json(c.stdout);
    expect(ra.asOf).toBe('2026-11-23');
    expect(ra.input).toEqual({ source: 'generated', generate: 40, seed: 5, cases: { read: 40, evaluated: 40, rejected: 0 }, records: expect.objectContaining({ rejected: 0 }) });
    expect(ra.students.affected).toBeGreaterThan(0);
    expect(rc.sample.map((s) => s.from.facts)).not.toEqual(ra.sample.map((s) => s.from.facts));
  });

  it('draws the same population in worker threads as in one thread (chunks have their own seeds)', () => {
    const run = (workers: string) => trappa('diff', '--from', 'skollagen', '--to', 'stockholm', '--generate', '2100', '--seed', '3', '--json', '--sample', '2', '--workers', workers);
    const one = run('1');
    const two = run('2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(json(one.stdout).input).toMatchObject({ cases: { read: 2100, evaluated: 2100, rejected: 0 } });
  }, 60_000);
});

describe('trappa diff exit codes', () => {
  it.each([
    ['no --to', ['--from', 'stockholm', 'x.ndjson']],
    ['no input', ['--from', 'stockholm', '--to', 'stockholm']],
    ['files and --generate', ['--from', 'stockholm', '--to', 'stockholm', 'x.ndjson', '--generate', '3']],
    ['--generate not a number', ['--from', 'stockholm', '--to', 'stockholm', '--generate', 'many']],
    ['--generate 0', ['--from', 'stockholm', '--to', 'stockholm', '--generate', '0']],
    ['--seed without --generate', ['--from', 'stockholm', '--to', 'stockholm', 'x.ndjson', '--seed', '3']],
    ['--workers without --generate', ['--from', 'stockholm', '--to', 'stockholm', 'x.ndjson', '--workers', '2']],
    ['negative --sample', ['--from', 'stockholm', '--to', 'stockholm', '--generate', '3', '--sample', '-1']],
    ['bad --as-of', ['--from', 'stockholm', '--to', 'stockholm', '--generate', '3', '--as-of', '2026-02-30']],
    ['unknown option', ['--from', 'stockholm', '--to', 'stockholm', '--generate', '3', '--treshold', '15']],
  ])('2 for a usage error: %s', (_name, args) => {
    const r = trappa('diff', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Kör "trappa diff --help" för hjälp.');
  });

  it('1 for an unreadable policy file, naming the option and the file', () => {
    const r = trappa('diff', '--from', 'stockholm', '--to', 'no-such-policy.json', '--generate', '3');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--to no-such-policy.json');
  });

  it('1 for an invalid policy (a JSONPath `path` in a leaf), naming the rule and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-diff-'));
    const policy = JSON.parse(readFileSync(STRICTER, 'utf8')) as { rules: Array<{ conditions: unknown }> };
    (policy.rules[0] as { conditions: unknown }).conditions = { fact: 'termAbsence', operator: 'rateAbove', value: 15, path: '$.x' };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(policy));
    const r = trappa('diff', '--from', 'stockholm', '--to', file, '--generate', '3');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Policyn "stockholm" är ogiltig');
    expect(r.stderr).toContain('rules[0].conditions: ');
    expect(r.stderr).toContain('(regel sthlm-allvarlig-franvaro-kartlaggning)');
    const en = trappa('diff', '--from', 'stockholm', '--to', file, '--generate', '3', '--lang', 'en');
    expect(en.stderr).toContain('Policy "stockholm" is invalid: rules[0].conditions: ');
    expect(en.stderr).toContain('(rule sthlm-allvarlig-franvaro-kartlaggning)');
  });

  it('1 for an unreadable case file', () => {
    const r = trappa('diff', '--from', 'stockholm', '--to', STRICTER, 'no-such-cases.ndjson', '--as-of', '2026-11-23');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-cases.ndjson');
  });

  it('the help lists the command', () => {
    expect(trappa('--help').stdout).toContain('trappa diff --from <policy> --to <policy>');
  });
});
