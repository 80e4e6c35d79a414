import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The packed artifact, not the source: `npm test` builds first (pretest), so dist/ is fresh.
const dist = new URL('../../dist/', import.meta.url);

describe('built package', () => {
  it('has been built (npm test runs tsup first)', () => {
    expect(existsSync(new URL('index.js', dist))).toBe(true);
  });

  it('can be imported as ESM and evaluates a case', async () => {
    const trappa = (await import(new URL('index.js', dist).href)) as typeof import('../../src/index.js');
    const parsed = trappa.parseStudentCase({
      student: {
        id: 'smoke-1',
        birthDate: '2013-01-01',
        schoolForm: 'grundskola',
        grade: 7,
        school: { id: 's', huvudman: 'kommunal', municipalityCode: '0180' },
        residence: { municipalityCode: '0180' },
      },
      signals: [{ type: 'harm-suspected', date: '2026-11-20' }],
    });
    if (!parsed.ok) throw new Error('case rejected');
    const decision = trappa.evaluate(parsed.case, trappa.builtinPolicy('stockholm'), { asOf: '2026-11-23' });
    expect(decision.steps.map((s) => s.id)).toContain('orosanmalan');
  });

  it('can be required as CommonJS', () => {
    const require = createRequire(import.meta.url);
    const trappa = require(new URL('index.cjs', dist).pathname) as typeof import('../../src/index.js');
    expect(typeof trappa.evaluate).toBe('function');
    expect(trappa.fromSs12000({}).counts.attendance).toEqual({ read: 0, accepted: 0, duplicate: 0, excluded: 0, rejected: 0 });
    expect(trappa.builtinPolicy('skollagen').id).toBe('skollagen');
  });

  it('keeps fast-check out of the main entry (it is an optional peer, needed by trappa/testing only)', () => {
    // Everything index.js, index.cjs, the CLI and the batch worker load statically. Only
    // `trappa diff --generate` loads fast-check, through a dynamic import (and says so when
    // it is missing).
    const fastCheck = /from\s*["']fast-check["']|require\(["']fast-check["']\)|import\s*["']fast-check["']/;
    const staticImports = /(?:from\s*|import\s*)["'](\.\/[^"']+)["']|require\(["'](\.\/[^"']+)["']\)/g;
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(new URL(file, dist), 'utf8');
      expect(text, file).not.toMatch(fastCheck);
      for (const m of text.matchAll(staticImports)) visit((m[1] ?? m[2] ?? '').slice(2));
    };
    for (const entry of ['index.js', 'index.cjs', 'cli.js', 'batch-worker.js']) visit(entry);
    expect(seen.size).toBeGreaterThan(4);
  });

  it('ships trappa/testing as ESM: arbitraries and invariants run against the built policies', async () => {
    const trappa = (await import(new URL('index.js', dist).href)) as typeof import('../../src/index.js');
    const testing = (await import(new URL('testing.js', dist).href)) as typeof import('../../src/testing/index.js');
    expect(testing.findViolations(trappa.builtinPolicy('stockholm'), { numRuns: 5, seed: 1 })).toEqual([]);
    const [input] = fc.sample(testing.arbitraryCase(), { numRuns: 1, seed: 1 });
    expect(trappa.parseStudentCase(input).ok).toBe(true);
  });

  it('ships trappa/testing as CommonJS', () => {
    const require = createRequire(import.meta.url);
    const testing = require(new URL('testing.cjs', dist).pathname) as typeof import('../../src/testing/index.js');
    const trappa = require(new URL('index.cjs', dist).pathname) as typeof import('../../src/index.js');
    expect(typeof testing.checkInvariants).toBe('function');
    expect(() => testing.checkInvariants(trappa.builtinPolicy('skollagen'), { numRuns: 5, seed: 1, only: ['orosanmalan-not-gated'] })).not.toThrow();
  });

  it('resolves trappa/testing through the package exports, as a user imports and requires it', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const esm = "import { checkInvariants } from 'trappa/testing'; import { builtinPolicy } from 'trappa'; checkInvariants(builtinPolicy('goteborg'), { numRuns: 3, seed: 1 }); process.stdout.write('ok');";
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', esm], { cwd: root, encoding: 'utf8' })).toBe('ok');
    const cjs = "const { findViolations } = require('trappa/testing'); process.stdout.write(String(findViolations(require('trappa').builtinPolicy('skollagen'), { numRuns: 3, seed: 1 }).length));";
    expect(execFileSync(process.execPath, ['-e', cjs], { cwd: root, encoding: 'utf8' })).toBe('0');
  });

  it('packs the policies and docs/sources.md, which the policies\' bases point to (issue 11 point 8)', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
    const files = packed[0]?.files.map((f) => f.path) ?? [];
    expect(files).toEqual(expect.arrayContaining(['docs/sources.md', 'rules/skollagen.json', 'rules/stockholm.json', 'rules/goteborg.json', 'README.md']));
  });

  it('ships a working CLI', () => {
    const out = execFileSync(process.execPath, [new URL('cli.js', dist).pathname, 'schema', 'student-case'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toHaveProperty('properties.student');
  });
});
