/**
 * `--coverage` and `--threshold` on `trappa evaluate` (case files, SS 12000,
 * the lesson batch) and `trappa diff`. The oracle is the library: the same
 * students evaluated in process, their decisions counted with `ruleCoverage`
 * (the report `trappa test --coverage` gives).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';
import type { DiffReport } from '../../src/cli/diffCommand.js';
import { builtinPolicy, evaluate, loadPolicy, parseStudentCase, resolveBuiltinPolicy, type Decision, type Policy } from '../../src/index.js';
import { coverageSample, ruleCoverage, type CoverageReport } from '../../src/testing/index.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const AS_OF = '2026-11-23';
const CASE_FILES = readdirSync(join(ROOT, 'fixtures/cases'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(ROOT, 'fixtures/cases', f));
const STRICTER_PATH = join(ROOT, 'fixtures/policies/stockholm-15-percent.json');
const stockholm = builtinPolicy('stockholm');
const stricter = loadPolicy(JSON.parse(readFileSync(STRICTER_PATH, 'utf8')) as unknown, resolveBuiltinPolicy);
const dir = mkdtempSync(join(tmpdir(), 'trappa-cli-coverage-'));

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Coverage of decisions made in process, as plain JSON (what a file holds). */
function oracle(decisions: readonly Decision[], policy: Policy): CoverageReport {
  return JSON.parse(JSON.stringify(ruleCoverage(decisions.map((d) => coverageSample(d, policy))))) as CoverageReport;
}

function casesOf(files: readonly string[]) {
  return files.flatMap((f) => {
    const value = JSON.parse(readFileSync(f, 'utf8')) as unknown;
    return (Array.isArray(value) ? value : [value]).map((c) => {
      const parsed = parseStudentCase(c);
      if (!parsed.ok) throw new Error(`${f}: fixture case rejected`);
      return parsed.case;
    });
  });
}

const fixtureCases = casesOf(CASE_FILES);
const expected = oracle(
  fixtureCases.map((c) => evaluate(c, stockholm, { asOf: AS_OF })),
  stockholm,
);
const expectedPercent = expected.policies[0]?.summary.leaves.percent ?? Number.NaN;

function summaryFile(name: string): { path: string; read: () => { coverage: CoverageReport; threshold?: number; belowThreshold?: string[]; cases: { evaluated: number } } } {
  const path = join(dir, name);
  return { path, read: () => JSON.parse(readFileSync(path, 'utf8')) as ReturnType<ReturnType<typeof summaryFile>['read']> };
}

describe('trappa evaluate --coverage (case files)', () => {
  it('prints the coverage after the summary (en and sv) and writes the report into --summary-json', () => {
    const summary = summaryFile('cases.json');
    const en = trappa('evaluate', ...CASE_FILES, '--as-of', AS_OF, '--details', 'none', '--coverage', '--lang', 'en', '--summary-json', summary.path);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/lesson records: .*\n[\s\S]*\n\ncoverage stockholm 2026\.1 \(8 cases; asOf 2026-11-23\)\n {2}rules fired: {8}\d+\/35 /);
    const written = summary.read();
    expect(written.coverage).toEqual(expected);
    expect(written).not.toHaveProperty('threshold');
    const sv = trappa('evaluate', ...CASE_FILES, '--as-of', AS_OF, '--details', 'none', '--coverage');
    expect(sv.stdout).toContain('täckning stockholm 2026.1 (8 fall; per 2026-11-23)\n  regler som utlöstes:');
    expect(sv.stdout).toContain('  utfall av villkorsblad:   ');
    expect(sv.stdout).toMatch(/\n {2}villkor [a-z-]+: (bara sant|bara falskt|aldrig prövat)\n/);
    const plain = trappa('evaluate', ...CASE_FILES, '--as-of', AS_OF, '--details', 'none');
    expect(plain.stdout).not.toMatch(/täckning|coverage/);
  });

  it('--threshold: exit 1 under it (stderr says so; --json output is still only decisions), 0 at it; before exit 3 for rejections', () => {
    const summary = summaryFile('threshold.json');
    const under = trappa('evaluate', ...CASE_FILES, '--as-of', AS_OF, '--json', '--threshold', String(expectedPercent + 0.1), '--lang', 'en', '--summary-json', summary.path);
    expect(under.code).toBe(1);
    expect(under.stderr).toContain(`trappa: coverage of stockholm is ${expectedPercent.toFixed(1)} %, under the threshold ${expectedPercent + 0.1} %`);
    expect(under.stderr).toContain('coverage stockholm 2026.1 (8 cases');
    const lines = under.stdout.trim().split('\n').map((l) => JSON.parse(l) as { studentId?: string });
    expect(lines.every((l) => typeof l.studentId === 'string')).toBe(true);
    expect(lines).toHaveLength(8);
    expect(summary.read()).toMatchObject({ threshold: expectedPercent + 0.1, belowThreshold: ['stockholm'] });
    expect(trappa('evaluate', ...CASE_FILES, '--as-of', AS_OF, '--details', 'none', '--threshold', String(expectedPercent)).code).toBe(0);

    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, 'not json\n');
    expect(trappa('evaluate', ...CASE_FILES, bad, '--as-of', AS_OF, '--details', 'none', '--threshold', '0').code).toBe(3);
    expect(trappa('evaluate', ...CASE_FILES, bad, '--as-of', AS_OF, '--details', 'none', '--threshold', '100').code).toBe(1);
  });

  it('refuses a threshold that is not a percentage (exit 2)', () => {
    for (const t of ['120', '-1', 'x', '']) {
      const r = trappa('evaluate', ...CASE_FILES, '--as-of', AS_OF, `--threshold=${t}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--threshold tar en procentsats 0–100, fick "${t}"`);
    }
  });
});

describe('trappa evaluate --format ss12000 --coverage', () => {
  it('counts the export\'s students: the report of the same students as StudentCase', () => {
    const fixture = join(ROOT, 'fixtures/ss12000');
    const summary = summaryFile('ss12000.json');
    const r = trappa('evaluate', '--format', 'ss12000', join(fixture, 'export'), '--context', join(fixture, 'trappa-context.json'), '--as-of', AS_OF, '--details', 'none', '--threshold', '100', '--summary-json', summary.path);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('täckning stockholm 2026.1 (6 fall; per 2026-11-23)');
    expect(r.stderr).toMatch(/trappa: täckningen av stockholm är \d+,\d %, under tröskeln 100 %/);
    const same = casesOf([join(fixture, 'student-cases.json')]).map((c) => evaluate(c, stockholm, { asOf: AS_OF }));
    expect(summary.read().coverage).toEqual(oracle(same, stockholm));
  });
});

describe('trappa evaluate --format lessons --coverage', () => {
  const city = writeCity({ students: 60, seed: 9, termEnd: AS_OF, dir: join(dir, 'city'), schoolSize: 30 });

  it('the batch\'s counts are those of the decisions it writes, with one thread or two', () => {
    for (const workers of ['1', '2']) {
      const summary = summaryFile(`lessons-${workers}.json`);
      const r = trappa('evaluate', '--format', 'lessons', '--students', city.students, city.lessons, '--as-of', AS_OF, '--json', '--coverage', '--lang', 'en', '--workers', workers, '--summary-json', summary.path);
      expect(r.code).toBe(0);
      const decisions = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Decision);
      expect(decisions).toHaveLength(60);
      expect(summary.read().coverage).toEqual(oracle(decisions, stockholm));
      expect(r.stderr).toContain('coverage stockholm 2026.1 (60 cases; asOf 2026-11-23)');
    }
  });

  it('--threshold fails the night (exit 1) with every output written', () => {
    const out = join(dir, 'night.ndjson');
    const r = trappa('evaluate', '--format', 'lessons', '--students', city.students, city.lessons, '--as-of', AS_OF, '--details', 'none', '--threshold', '100', '--decisions-out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/täckningen av stockholm är \d+,\d %, under tröskeln 100 %/);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(61);
  });
});

describe('trappa diff --coverage', () => {
  function diffJson(...args: string[]): { code: number | null; report: DiffReport; stderr: string } {
    const r = trappa('diff', ...args, '--as-of', AS_OF, '--json', '--sample', '0');
    return { code: r.code, report: JSON.parse(r.stdout) as DiffReport, stderr: r.stderr };
  }

  it('reports both policies over the population, each as evaluate\'s decisions under it give', () => {
    const { code, report } = diffJson('--from', 'stockholm', '--to', STRICTER_PATH, ...CASE_FILES, '--coverage');
    expect(code).toBe(0);
    expect(report.coverage?.policies.map((p) => `${p.policyId} ${p.version}`)).toEqual(['stockholm 2026.1', 'stockholm 2026.2']);
    const [from, to] = report.coverage?.policies ?? [];
    expect(from).toEqual(expected.policies[0]);
    expect(to).toEqual(oracle(fixtureCases.map((c) => evaluate(c, stricter, { asOf: AS_OF })), stricter).policies[0]);
    const text = trappa('diff', '--from', 'stockholm', '--to', STRICTER_PATH, ...CASE_FILES, '--as-of', AS_OF, '--coverage', '--lang', 'en', '--sample', '0');
    // The current policy: its summary lines only; the proposed one in full.
    expect(text.stdout).toMatch(/\nfrom: coverage stockholm 2026\.1 \(8 cases; asOf 2026-11-23\)\n(  [a-z ]+: .*\n){3}to: coverage stockholm 2026\.2 \(8 cases; asOf 2026-11-23\)\n(  [a-z ]+: .*\n){3}  \d+ rule versions of base policies/);
  });

  it('--threshold gates the --to policy only', () => {
    const first = diffJson('--from', 'goteborg', '--to', 'skollagen', ...CASE_FILES, '--coverage').report.coverage?.policies ?? [];
    const [from, to] = first.map((p) => p.summary.leaves.percent) as [number, number];
    // The population reaches more of the law's leaves than of Göteborg's (whose own rules these Stockholm students rarely meet).
    expect(to).toBeGreaterThan(from);
    const between = diffJson('--from', 'goteborg', '--to', 'skollagen', ...CASE_FILES, '--threshold', String(to));
    expect(between.code).toBe(0);
    expect(between.report).toMatchObject({ threshold: to, belowThreshold: [] });
    const over = diffJson('--from', 'goteborg', '--to', 'skollagen', ...CASE_FILES, '--threshold', String(to + 0.1), '--lang', 'en');
    expect(over.code).toBe(1);
    expect(over.report.belowThreshold).toEqual(['skollagen']);
    expect(over.stderr).toContain(`trappa: coverage of skollagen is ${to.toFixed(1)} %, under the threshold ${to + 0.1} %`);
  });

  it('a policy against itself is counted once', () => {
    const { report } = diffJson('--from', 'stockholm', '--to', 'stockholm', ...CASE_FILES, '--coverage');
    expect(report.coverage?.policies).toEqual(expected.policies);
  });
});
