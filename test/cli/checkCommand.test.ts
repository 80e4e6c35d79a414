import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studentCase } from '../helpers/cases.js';
import { deeplyNested, doublingLadder, incomparableRules } from '../helpers/hostilePolicies.js';
import { GRADE_LEAF, policyJson, ruleJson } from '../helpers/policyFiles.js';

// The built CLI (npm test builds first).
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const RULES = new URL('../../rules/', import.meta.url).pathname;

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'trappa-check-'));
  const file = join(dir, name);
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return file;
}

describe('trappa check', () => {
  it('exits 0 on the bundled policies (warnings allowed) and says how many files it checked', () => {
    const r = trappa('check', join(RULES, 'skollagen.json'), join(RULES, 'stockholm.json'), join(RULES, 'goteborg.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 filer kontrollerade: 0 fel, \d+ varning(ar)?\n$/);
    const en = trappa('check', join(RULES, 'skollagen.json'), join(RULES, 'stockholm.json'), join(RULES, 'goteborg.json'), '--lang', 'en');
    expect(en.stdout).toMatch(/3 files checked: 0 errors, \d+ warnings?\n$/);
  });

  it('gives the example of docs/policies.md its documented output', () => {
    const file = join(RULES, '../fixtures/policies/check-example.json');
    const r = trappa('check', file, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'error rules[0].conditions.all[2].not: The conditions of rule "min-skola-eht" can never be true: fact "termAbsence": rateAbove 20 (rules[0].conditions.all[0]) and not rateAbove 10 (rules[0].conditions.all[2].not) cannot all hold [unsatisfiable, rule min-skola-eht]',
    );
    expect(r.stdout).toContain('warning conditions.hog-franvaro: Named condition "hog-franvaro" is not used by any rule of this policy [unused-condition]');
    expect(r.stdout).toContain('1 file checked: 1 error, 1 warning');
    // The same findings in Swedish, the default: the message, the severity and the summary, never the code.
    const sv = trappa('check', file);
    expect(sv.stdout).toContain(
      'fel rules[0].conditions.all[2].not: Villkoren i regeln "min-skola-eht" kan aldrig vara sant: faktumet "termAbsence": rateAbove 20 (rules[0].conditions.all[0]) och inte rateAbove 10 (rules[0].conditions.all[2].not) kan inte gälla samtidigt [unsatisfiable, regel min-skola-eht]',
    );
    expect(sv.stdout).toContain('varning conditions.hog-franvaro: Det namngivna villkoret "hog-franvaro" används inte av någon regel i policyn [unused-condition]');
    expect(sv.stdout).toContain('1 fil kontrollerad: 1 fel, 1 varning');
  });

  it('exits 1 on errors and names file, path, code and rule', () => {
    const file = write('bad.json', policyJson([ruleJson({ all: [{ fact: 'grade', operator: 'greaterThan', value: 20 }, { fact: 'grade', operator: 'lessThan', value: 10 }] })], { extends: 'stockholm' }));
    const r = trappa('check', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: fel rules[0].conditions.all[1]: Villkoren i regeln "r-one" kan aldrig vara sant`);
    expect(r.stdout).toContain('[unsatisfiable, regel r-one]');
  });

  it('--json writes one finding per line, with the file', () => {
    const file = write('warn.json', policyJson([ruleJson({ all: [GRADE_LEAF] })], { conditions: { oanvand: { all: [GRADE_LEAF] } } }));
    const r = trappa('check', file, '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const message = 'Named condition "oanvand" is not used by any rule of this policy';
    const text = { sv: 'Det namngivna villkoret "oanvand" används inte av någon regel i policyn', en: message };
    expect(lines).toEqual([{ file, severity: 'warning', code: 'unused-condition', message, text, path: 'conditions.oanvand' }]);
  });

  it('resolves extends to another file given on the command line', () => {
    const base = write('base.json', policyJson([ruleJson({ all: [GRADE_LEAF] }, { id: 'bas-regel' })], { id: 'bas', conditions: { hog: { all: [{ fact: 'grade', operator: 'greaterThan', value: 6 }] } } }));
    const child = write('child.json', policyJson([ruleJson({ condition: 'hog' }, { id: 'barn-regel', step: 'eht' })], { id: 'barn', extends: 'bas' }));
    const r = trappa('check', child, base);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 filer kontrollerade: 0 fel');
  });

  it('reports invalid JSON and unreadable files as errors, and exits 2 without files', () => {
    const broken = write('broken.json', '{ not json');
    const r = trappa('check', broken, join(tmpdir(), 'finns-inte.json'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${broken}: error (root): invalid JSON`);
    expect(r.stdout).not.toContain('not json'); // never the file's content
    expect(r.stdout).toMatch(/no policy file ".*" \(not found\); the bundled policies are skollagen, stockholm, goteborg/);
    const sv = trappa('check', broken, join(tmpdir(), 'finns-inte.json'));
    expect(sv.stdout).toContain(`${broken}: fel (root): ogiltig JSON`);
    expect(sv.stdout).toMatch(/policyfilen ".*" finns inte; de inbyggda policyerna är skollagen, stockholm, goteborg/);
    const usage = trappa('check');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('check behöver minst en policyfil');
    expect(trappa('check', '--lang', 'en').stderr).toContain('check needs at least one policy file');
  });

  describe('policies with a budget (issue 12, D8)', () => {
    it('checks the 24-level doubling ladder (2^23 leaves as a tree) and exits 0', { timeout: 30_000 }, () => {
      const file = write('ladder.json', doublingLadder(24));
      const r = trappa('check', file);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('1 fil kontrollerad: 0 fel, 0 varningar\n');
      expect(r.code).toBe(0);
    });

    it('a policy nested 1 000 levels deep is one located finding, not a stack overflow', { timeout: 30_000 }, () => {
      const file = write('deep.json', JSON.stringify(deeplyNested(1_000))); // compact: indented, it would be 2 MB
      const r = trappa('check', file);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/call stack/i);
      expect(r.stdout).toMatch(new RegExp(`: fel rules\\[0\\]\\.conditions(\\.not){65}: .*\\[too-deep, regel r-one\\]`));
      expect(r.stdout).toContain('1 fil kontrollerad: 1 fel, 0 varningar');
    });

    it('the heaviest legal policy is checked within its analysis budget, with a warning', { timeout: 30_000 }, () => {
      const r = trappa('check', write('heavy.json', JSON.stringify(incomparableRules(1_000))));
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('[analysis-incomplete]');
    });

    it('honours SIGTERM while checking: the process ends at once', { timeout: 30_000 }, async () => {
      // Five of the heaviest legal files: seconds of work, ended by the signal well before.
      const file = write('heavy.json', JSON.stringify(incomparableRules(1_000)));
      const child = spawn(process.execPath, [CLI, 'check', file, file, file, file, file], { stdio: 'ignore' });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
      );
      await new Promise((resolve) => setTimeout(resolve, 400));
      const sent = Date.now();
      child.kill('SIGTERM');
      const { signal, at } = await ended;
      expect(signal).toBe('SIGTERM');
      expect(at - sent).toBeLessThan(2_000);
    });

    it('a file over the byte limit is refused before it is parsed', { timeout: 30_000 }, () => {
      const file = write('big.json', `${JSON.stringify(policyJson([ruleJson({ all: [GRADE_LEAF] })]))}${' '.repeat(2 ** 21)}`);
      const r = trappa('check', file);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/: fel \(root\): .*byte.* \[policy-too-large\]/);
      const evaluate = trappa('evaluate', '--policy', file, '--as-of', '2026-11-23', write('case.json', studentCase()));
      expect(evaluate.code).toBe(1);
      expect(evaluate.stderr).toMatch(/Policyn ".*big\.json" är ogiltig: \(root\): Filen är (mer än )?\d+ byte; policybudgeten tillåter \d+ \(inte läst\) \[policy-too-large\]/);
    });
  });
});
