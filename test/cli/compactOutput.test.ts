/**
 * Issue 15 on the built CLI (npm test builds first): `--json` keeps the full
 * decision, `--json compact` writes its projection, for case files, SS 12000
 * and the nightly batch; `--decisions-out` is compact unless
 * `--decisions-form full`; and `trappa report` reads a compact file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';
import { jsonForm, jsonFormArgs } from '../../src/cli/jsonFormOption.js';
import type { Decision } from '../../src/model/decision.js';
import { readDecisionsFile } from '../helpers/decisionsFile.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const CASES = new URL('../../fixtures/cases/', import.meta.url).pathname;
const AS_OF = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'trappa-compact-cli-'));
const trappa = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
const caseFiles = readdirSync(CASES).filter((f) => f.endsWith('.json')).map((f) => join(CASES, f));

/** The compact line of a full one, by hand: the why-not evidence and the per-run policy fields deleted. */
function byHand(line: string): string {
  const d = JSON.parse(line) as Record<string, unknown> & { policy: Record<string, unknown> };
  const { notRecommended: _n, ...rest } = d;
  const { rulesInForce: _r, calendarHash: _c, ...policy } = d.policy;
  return JSON.stringify({ ...rest, policy });
}
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('--json [full|compact] (parseArgs takes no optional value: the arguments are read first)', () => {
  it('reads --json alone as full, the next argument when it is a form, and --json=<form>; nothing after --', () => {
    expect(jsonFormArgs(['a.ndjson', '--json'])).toEqual(['a.ndjson', '--json=full']);
    expect(jsonFormArgs(['--json', 'compact', 'a.ndjson'])).toEqual(['--json=compact', 'a.ndjson']);
    expect(jsonFormArgs(['--json', 'full'])).toEqual(['--json=full']);
    expect(jsonFormArgs(['--json', 'a.ndjson'])).toEqual(['--json=full', 'a.ndjson']);
    expect(jsonFormArgs(['--json=compact'])).toEqual(['--json=compact']);
    expect(jsonFormArgs(['--', '--json', 'compact'])).toEqual(['--', '--json', 'compact']);
    expect(jsonForm(undefined)).toBeUndefined();
    expect(() => jsonForm('short')).toThrow('--json takes no value (the full decisions), full or compact, got "short"');
  });

  it('case files: --json is the full decision as before, --json compact / --json=compact its projection, the summary on stderr', () => {
    const full = trappa('evaluate', ...caseFiles, '--as-of', AS_OF, '--json');
    expect(full.status, full.stderr).toBe(0);
    expect(lines(full.stdout).every((l) => l.includes('"notRecommended"'))).toBe(true);
    for (const args of [['--json', 'compact'], ['--json=compact']]) {
      const compact = trappa('evaluate', ...caseFiles, '--as-of', AS_OF, ...args);
      expect(compact.status, compact.stderr).toBe(0);
      expect(lines(compact.stdout)).toEqual(lines(full.stdout).map(byHand));
      expect(compact.stderr).toBe(full.stderr);
    }
    expect(trappa('evaluate', ...caseFiles, '--as-of', AS_OF, '--json', 'full').stdout).toBe(full.stdout);
  });

  it('SS 12000: --json compact is the projection of --json', () => {
    const args = ['evaluate', '--format', 'ss12000', new URL('../../fixtures/ss12000/export', import.meta.url).pathname, '--context', new URL('../../fixtures/ss12000/trappa-context.json', import.meta.url).pathname, '--as-of', AS_OF];
    const full = trappa(...args, '--json');
    const compact = trappa(...args, '--json', 'compact');
    expect(lines(full.stdout).length).toBeGreaterThan(0);
    expect(lines(compact.stdout)).toEqual(lines(full.stdout).map(byHand));
  });

  it('usage errors: another form, --decisions-form without --decisions-out or with another value', () => {
    const bad = trappa('evaluate', ...caseFiles, '--json=short', '--lang', 'en');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--json takes no value (the full decisions), full or compact, got "short"');
    expect(trappa('evaluate', ...caseFiles, '--json=short').stderr).toContain('--json tar inget värde (hela besluten), full eller compact, fick "short"');
    expect(trappa('evaluate', '--format', 'lessons', '--students', 's.ndjson', 'l.ndjson', '--decisions-form', 'full').stderr).toContain('--decisions-form gäller bara tillsammans med --decisions-out');
    expect(trappa('evaluate', '--format', 'lessons', '--students', 's.ndjson', 'l.ndjson', '--decisions-form', 'full', '--lang', 'en').stderr).toContain('--decisions-form applies with --decisions-out only');
    expect(trappa('evaluate', ...caseFiles, '--decisions-form', 'full', '--lang', 'en').stderr).toContain('--decisions-form applies to --format lessons only');
    expect(trappa('evaluate', '--format', 'lessons', '--students', 's.ndjson', 'l.ndjson', '--decisions-out', join(dir, 'x.ndjson'), '--decisions-form', 'small').status).toBe(2);
  });
});

describe('the nightly batch', () => {
  const city = writeCity({ students: 40, seed: 5, termEnd: AS_OF, dir: join(dir, 'city'), schoolSize: 20 });
  const batch = (...args: string[]) => trappa('evaluate', '--format', 'lessons', '--students', city.students, city.lessons, '--as-of', AS_OF, '--workers', '1', ...args);

  it('--json is byte for byte the decisions of --decisions-form full; --json compact and the default --decisions-out are their projection', () => {
    const fullOut = join(dir, 'full.ndjson');
    const compactOut = join(dir, 'compact.ndjson');
    const full = batch('--json', '--decisions-out', fullOut, '--decisions-form', 'full');
    const compact = batch('--json', 'compact', '--decisions-out', compactOut);
    expect(full.status, full.stderr).toBe(0);
    expect(compact.status, compact.stderr).toBe(0);
    expect(readDecisionsFile(fullOut).lines).toEqual(lines(full.stdout));
    expect(lines(compact.stdout)).toEqual(lines(full.stdout).map(byHand));
    expect(readDecisionsFile(compactOut).lines).toEqual(lines(compact.stdout));
    const trailer = readDecisionsFile(compactOut).trailer;
    expect(trailer).toMatchObject({ format: 2, form: 'compact', count: 40 });
    expect(trailer.policy).toEqual((JSON.parse(lines(full.stdout)[0] ?? '{}') as Decision).policy);
    // Stdout full, the file compact (two forms of one evaluation).
    const both = join(dir, 'both.ndjson');
    expect(batch('--json', '--decisions-out', both).stdout).toBe(full.stdout);
    expect(readFileSync(both, 'utf8')).toBe(readFileSync(compactOut, 'utf8'));
  });

  it('trappa report reads a compact file: the same schools, students, duties and plots as from the full one', () => {
    const report = (file: string, out: string) => trappa('report', file, '--out', join(dir, out));
    const fromFull = report(join(dir, 'full.ndjson'), 'report-full');
    const fromCompact = report(join(dir, 'compact.ndjson'), 'report-compact');
    expect(fromCompact.status, fromCompact.stderr).toBe(0);
    expect(fromCompact.stdout.replaceAll('report-compact', 'report-full')).toBe(fromFull.stdout);
    const names = readdirSync(join(dir, 'report-full')).sort();
    expect(readdirSync(join(dir, 'report-compact')).sort()).toEqual(names);
    for (const name of names) {
      const plots = (html: string) => (html.match(/<svg class="plot"/g) ?? []).length;
      expect(plots(readFileSync(join(dir, 'report-compact', name), 'utf8'))).toBe(plots(readFileSync(join(dir, 'report-full', name), 'utf8')));
    }
  });
});
