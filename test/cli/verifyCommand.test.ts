import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesInForce } from '../../src/evaluate.js';
import { builtinPolicy } from '../../src/policy/builtinPolicies.js';
import type { VerifyReport } from '../../src/verify/index.js';
import { studentCase } from '../helpers/cases.js';

// The built CLI (npm test builds first).
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const AS_OF = '2026-11-23';

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The bundled case fixtures, and how many cases they hold (each file is a JSON array). */
const FIXTURES = ['fixtures/cases', 'fixtures/cases/goteborg'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`),
);
const FIXTURE_CASES = FIXTURES.reduce((n, f) => n + (JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as unknown[]).length, 0);

describe('trappa verify on the bundled fixtures', () => {
  it.each(['stockholm', 'goteborg', 'skollagen'] as const)('%s: 0 mismatches, exit 0, every case and every rule in force compared', (id) => {
    const r = trappa('verify', ...FIXTURES, '--policy', id, '--as-of', AS_OF, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as VerifyReport & { cases: { read: number; rejected: number } };
    expect(report.mismatches).toEqual([]);
    expect(report.students).toBe(FIXTURE_CASES);
    expect(report.cases).toEqual({ read: FIXTURE_CASES, rejected: 0 });
    expect(report.rules).toBe(rulesInForce(builtinPolicy(id), AS_OF).length);
    expect(report.leaves).toBeGreaterThan(report.students * report.rules);
    expect(report.policy.hash).toBe(builtinPolicy(id).hash);
  });

  it('a policy author\'s own file (fixtures/policies/stockholm-15-percent.json): 0 mismatches', () => {
    const r = trappa('verify', ...FIXTURES, '--policy', 'fixtures/policies/stockholm-15-percent.json', '--as-of', AS_OF, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${FIXTURE_CASES} cases read, 0 rejected; ${FIXTURE_CASES} students verified × `);
    expect(r.stdout).toMatch(/\n0 mismatches \(0 students, 0 rule outcomes differ\)\n$/);
  });

  it('says it in Swedish by default', () => {
    const r = trappa('verify', FIXTURES[0] as string, '--policy', 'skollagen', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^policy skollagen \S+ \([0-9a-f]{12}\), per 2026-11-23\n1 fall läst, 0 avvisade; 1 elev verifierad × \d+ regler i kraft, \d+ lövutfall jämförda med json-rules-engine\n0 avvikelser \(0 elever, 0 regelutfall olika\)\n$/);
  });
});

describe('trappa verify: input, usage and exit codes', () => {
  it('reports a rejected case on stderr and exits 3 when the rest agree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-verify-'));
    const file = join(dir, 'cases.ndjson');
    writeFileSync(file, `${JSON.stringify(studentCase())}\n{"student": {"id": "x"}}\nnot json\n`);
    const r = trappa('verify', file, '--as-of', AS_OF, '--lang', 'en');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:2: student.`);
    expect(r.stderr).toContain(`${file}:3: invalid JSON`);
    expect(r.stdout).toContain('3 cases read, 2 rejected; 1 student verified');
  });

  it('usage errors exit 2', () => {
    expect(trappa('verify', '--as-of', AS_OF).code).toBe(2);
    expect(trappa('verify', FIXTURES[0] as string, '--as-of', '23/11/2026').code).toBe(2);
    expect(trappa('verify', FIXTURES[0] as string, '--lang', 'de').code).toBe(2);
    const lessons = trappa('verify', '--format', 'lessons', '--students', 's.ndjson', 'l.ndjson');
    expect(lessons.code).toBe(2);
    expect(lessons.stderr).toContain('--format lessons och ss12000 stöds inte');
    expect(trappa('verify', '--format', 'lessons', '--lang', 'en').stderr).toContain('--format lessons and ss12000 are not supported');
  });

  it('has its own --help, and trappa --help lists it', () => {
    const help = trappa('verify', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm install json-rules-engine@^7.3.1');
    expect(help.stdout).toContain('Slutkoder: 0 ingen avvikelse; 1 avvikelser');
    expect(trappa('verify', '--help', '--lang', 'en').stdout).toContain('Exit codes: 0 no mismatch; 1 mismatches');
    expect(trappa('--help').stdout).toContain('trappa verify <fil...>');
    expect(trappa('--help', '--lang', 'en').stdout).toContain('trappa verify <file...>');
  });
});
