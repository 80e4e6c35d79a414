/**
 * Issue 16, the CLI: `trappa <command> --config FILE` on the built CLI. A run configured by a
 * file (its paths relative to the file's folder, from another working directory) prints and
 * writes exactly what the same run with flags does; a bad file exits 2 naming the file and the
 * key; the file's `lang` is the run's language, errors included, unless `--lang` is given.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exitCodes.js';

// The built CLI (npm test builds first), as in the other CLI tests.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const CASES = new URL('../../fixtures/cases/', import.meta.url).pathname;

function trappa(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder with the example cases in cases/, a config folder conf/, and an empty work/ to run from. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'trappa-config-'));
  for (const dir of ['cases', 'conf', 'work', 'out-flags', 'out-config']) mkdirSync(join(root, dir));
  const cases = readdirSync(CASES).filter((f) => f.endsWith('.json')).sort().slice(0, 3);
  for (const f of cases) copyFileSync(join(CASES, f), join(root, 'cases', f));
  const config = (name: string, content: unknown) => {
    writeFileSync(join(root, 'conf', name), JSON.stringify(content));
    return join('..', 'conf', name);
  };
  return { root, cases, config };
}

describe('trappa evaluate --config', () => {
  it('prints and writes the same as the same options given as flags (paths relative to the config file)', () => {
    const { root, cases, config } = workspace();
    const settings = { policy: 'goteborg', 'as-of': '2026-11-23', details: 'all', lang: 'en', json: 'compact' };
    const file = config('trappa.config.json', {
      $schema: 'https://unpkg.com/trappa/schemas/config.schema.json',
      evaluate: { ...settings, 'summary-json': '../out-config/summary.json', rejected: '../out-config/rejected.ndjson', inputs: cases.map((c) => `../cases/${c}`) },
    });
    const flags = Object.entries(settings).flatMap(([k, v]) => [`--${k}`, v]);
    const withFlags = trappa(root, 'evaluate', ...cases.map((c) => `cases/${c}`), ...flags, '--summary-json', 'out-flags/summary.json', '--rejected', 'out-flags/rejected.ndjson');
    const withConfig = trappa(join(root, 'work'), 'evaluate', '--config', file);
    expect(withFlags.code, withFlags.stderr).toBe(EXIT.ok);
    expect(withFlags.stdout.split('\n').length).toBeGreaterThan(3);
    expect(withConfig).toEqual(withFlags);
    for (const out of ['summary.json', 'rejected.ndjson']) {
      expect(readFileSync(join(root, 'out-config', out), 'utf8')).toBe(readFileSync(join(root, 'out-flags', out), 'utf8'));
    }
    // Nothing was written where the command ran.
    expect(readdirSync(join(root, 'work'))).toEqual([]);
  });

  it('flags win over the file, arguments over its inputs', () => {
    const { root, cases, config } = workspace();
    const file = config('c.json', { evaluate: { 'as-of': '2026-11-23', details: 'none', lang: 'en', inputs: ['../cases/missing.json'] } });
    const r = trappa(join(root, 'work'), 'evaluate', '--config', file, '--details', 'all', `../cases/${cases[0]}`);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const flags = trappa(join(root, 'work'), 'evaluate', '--as-of', '2026-11-23', '--details', 'all', '--lang', 'en', `../cases/${cases[0]}`);
    expect(r.stdout).toBe(flags.stdout);
  });

  it('a bad file: exit 2, the file and the JSON path in the language of the command line, no value', () => {
    const { root, config } = workspace();
    const file = config('bad.json', { evaluate: { workers: 'Anna Andersson', wat: true } });
    const work = join(root, 'work');
    const sv = trappa(work, 'evaluate', '--config', file);
    expect(sv.code).toBe(EXIT.usage);
    expect(sv.stderr).toContain(`trappa: ${file}: evaluate.workers: ska vara ett heltal; ${file}: evaluate.wat: okänd flagga för evaluate`);
    expect(sv.stderr).toContain('Kör "trappa evaluate --help" för hjälp.');
    const en = trappa(work, 'evaluate', '--config', file, '--lang', 'en');
    expect(en.stderr).toContain(`${file}: evaluate.workers: must be a whole number`);
    expect(`${sv.stderr}${en.stderr}`).not.toContain('Anna');
    const missing = trappa(root, 'evaluate', '--config', 'nowhere.json');
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain('trappa: --config nowhere.json: filen finns inte');
  });

  it("the file's lang is the run's language, errors included; --lang on the command line wins", () => {
    const { root, cases, config } = workspace();
    const file = config('en.json', { evaluate: { lang: 'en', 'as-of': '2026-13-45', inputs: [`../cases/${cases[0]}`] } });
    const en = trappa(join(root, 'work'), 'evaluate', '--config', file);
    expect(en.code).toBe(EXIT.usage);
    expect(en.stderr).toMatch(/^trappa: --as-of .*\nRun "trappa evaluate --help" for usage\.\n$/);
    const sv = trappa(join(root, 'work'), 'evaluate', '--config', file, '--lang', 'sv');
    expect(sv.stderr).toMatch(/\nKör "trappa evaluate --help" för hjälp\.\n$/);
  });
});

describe('trappa report --config', () => {
  it('reads its inputs and writes its --out relative to the config file', () => {
    const { root, cases, config } = workspace();
    const decisions = trappa(root, 'evaluate', ...cases.map((c) => `cases/${c}`), '--as-of', '2026-11-23', '--json');
    expect(decisions.code, decisions.stderr).toBe(EXIT.ok);
    writeFileSync(join(root, 'decisions.ndjson'), decisions.stdout);
    const file = config('r.json', { report: { out: '../reports', lang: 'en', inputs: ['../decisions.ndjson'] } });
    const r = trappa(join(root, 'work'), 'report', '--config', file);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^trappa report: \d+ schools?, /);
    expect(readdirSync(join(root, 'reports')).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
    expect(existsSync(join(root, 'work', 'reports'))).toBe(false);
  });
});

describe('trappa schema config', () => {
  it('prints the shipped schemas/config.schema.json, and schema lists config among its names', () => {
    const r = trappa(tmpdir(), 'schema', 'config');
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toBe(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8'));
    expect(trappa(tmpdir(), 'schema', 'nope', '--lang', 'en').stderr).toMatch(/schema takes one of .*, change, config\n/);
  });
});
