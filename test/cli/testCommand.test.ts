import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built CLI (npm test builds first), as in the other CLI tests. Issue 17: `trappa test`.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-cli-test-'));

function trappa(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('trappa test', () => {
  it('passes the bundled tables with --coverage and --threshold at the stated floor; exit 0', () => {
    const r = trappa('test', 'examples/tables/skollagen.yaml', 'examples/tables/stockholm.yaml', 'examples/tables/goteborg.yaml', '--threshold', '60', '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/34 passed, 0 failed, 0 invalid/);
    expect(r.stdout).toMatch(/coverage stockholm 2026\.1 .*\n {2}rules fired: .*of stockholm's own: 11\/11 \(100\.0 %\)/);
    // The coverage text follows --lang (default sv), as the explanations do.
    const sv = trappa('test', 'examples/tables/stockholm.yaml', '--coverage');
    expect(sv.stdout).toMatch(/täckning stockholm 2026\.1 \(8 fall; per 2026-11-23, 2028-11-23\)\n {2}regler som utlöstes: .*av stockholms egna: 11\/11 \(100,0 %\)/);
  });

  it('fails under a threshold, with the policy named; exit 1', () => {
    const r = trappa('test', 'examples/tables/stockholm.yaml', '--threshold', '99', '--lang', 'en');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/coverage of stockholm is 60\.\d %, under the threshold 99 %/);
  });

  it('a failing case prints what differed and the decision\'s explanation; --json is one object per line', () => {
    const table = join(dir, 'mine.yaml');
    writeFileSync(
      table,
      [
        'policy: stockholm',
        'asOf: 2026-11-23',
        'student: { birthDate: 2013-03-15, schoolForm: grundskola, grade: 7, school: { id: s1, huvudman: kommunal, municipalityCode: "0180" }, residence: { municipalityCode: "0180" } }',
        'cases:',
        '  - name: wrong on purpose',
        '    source: domain.md §2.1',
        '    signals: [{ type: harm-suspected, date: 2026-11-23 }]',
        '    expect: { steps: [kartlaggning], notSteps: [orosanmalan] }',
      ].join('\n'),
    );
    const r = trappa('test', table, '--lang', 'en');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('missing step kartlaggning');
    expect(r.stdout).toContain('unexpected step orosanmalan (open), from sol-2025-orosanmalan');
    expect(r.stdout).toContain('source: domain.md §2.1');
    expect(r.stdout).toMatch(/sol-2025-orosanmalan v1 — /);
    const sv = trappa('test', table);
    expect(sv.stdout).toContain('åtgärd saknas: kartlaggning');
    expect(sv.stdout).toContain('oväntad åtgärd orosanmalan (öppen), från sol-2025-orosanmalan');
    expect(sv.stdout).toContain('källa: domain.md §2.1');
    expect(sv.stdout).toContain('0 godkända, 1 underkänt, 0 ogiltiga');
    const json = trappa('test', table, '--json', '--coverage');
    expect(json.status).toBe(1);
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; status?: string });
    expect(lines.map((l) => l.type)).toEqual(['case', 'coverage', 'summary']);
    expect(lines[0]).toMatchObject({ status: 'failed', differences: [{ kind: 'missing-step', step: 'kartlaggning' }, { kind: 'unexpected-step', step: 'orosanmalan' }] });
    expect(lines[2]).toEqual({ type: 'summary', passed: 0, failed: 1, errors: 0 });
  });

  it('an invalid table is reported with its path; exit 1; --help and a missing file argument', () => {
    const table = join(dir, 'bad.yaml');
    writeFileSync(table, 'cases:\n  - name: x\n    expect: {}\n    attendence: {}\n');
    const r = trappa('test', table);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/inte en exempeltabell: cases\.0: /);
    expect(r.stdout).toContain('0 godkända, 0 underkända, 1 ogiltigt');
    const help = trappa('test', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^trappa test — kör exempeltabeller/);
    expect(help.stdout).toContain('\n  trappa test <tabell...> [flaggor]\n');
    expect(trappa('test').status).toBe(2);
  });
});
