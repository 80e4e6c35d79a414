import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Issue 16: "--policy oslo prints an ENOENT instead of the bundled ids, and goteborg is missing
// from the help"; "trappa check stockholm says 'cannot read the file'".
const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });

describe('bundled policy ids on the command line', () => {
  it('names the bundled policies for an unknown --policy, as a usage error', () => {
    const run = cli('evaluate', 'fixtures/cases/exactly-20-percent.json', '--policy', 'oslo', '--as-of', '2026-11-23', '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown policy "oslo"');
    for (const id of ['skollagen', 'stockholm', 'goteborg']) expect(run.stderr).toContain(id);
    expect(run.stderr).not.toMatch(/ENOENT/);
    const sv = cli('evaluate', 'fixtures/cases/exactly-20-percent.json', '--policy', 'oslo', '--as-of', '2026-11-23');
    expect(sv.status).toBe(2);
    expect(sv.stderr).toContain('okänd policy "oslo": de inbyggda policyerna är skollagen, stockholm, goteborg');
    expect(sv.stderr).toContain('Kör "trappa evaluate --help" för hjälp.');
  });

  it('says a missing policy file is not found', () => {
    const run = cli('evaluate', 'fixtures/cases/exactly-20-percent.json', '--policy', 'policies/oslo.json', '--as-of', '2026-11-23', '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no policy file "policies/oslo.json"');
    expect(cli('evaluate', 'fixtures/cases/exactly-20-percent.json', '--policy', 'policies/oslo.json').stderr).toContain('policyfilen "policies/oslo.json" finns inte');
  });

  it('lists every bundled policy in the help', () => {
    expect(cli('evaluate', '--help', '--lang', 'en').stdout).toMatch(/--policy <id\|file>.*stockholm.*goteborg.*skollagen/);
    expect(cli('evaluate', '--help').stdout).toMatch(/--policy <id\|fil>.*stockholm.*goteborg.*skollagen/);
  });

  it('checks a bundled policy by its id', () => {
    const run = cli('check', 'stockholm', 'goteborg', 'skollagen', '--json');
    expect(run.status).toBe(0);
    const files = new Set(run.stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { file: string }).file));
    expect([...files].every((f) => /^rules\/(stockholm|goteborg|skollagen)\.json$/.test(f))).toBe(true);
    expect(cli('check', 'oslo', '--lang', 'en').stdout).toContain('unknown policy "oslo"');
    expect(cli('check', 'oslo').stdout).toContain('okänd policy "oslo"');
  });
});
