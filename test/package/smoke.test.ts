import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../helpers/markdownLinks.js';

// The packed artifact, not the source: `npm test` builds first (pretest), so dist/ is fresh.
const dist = new URL('../../dist/', import.meta.url);

let packed: string[] | undefined;
/** The paths `npm pack` puts in the tarball (asked once: it takes a few seconds). */
function packedFiles(): string[] {
  const root = new URL('../../', import.meta.url).pathname;
  packed ??= (JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((f) => f.path) ?? [];
  return packed;
}

describe('built package', () => {
  it('has been built (npm test runs tsup first)', () => {
    expect(existsSync(new URL('index.js', dist))).toBe(true);
  });

  it("the CLI bundles zod's English messages and no other locale's (tsup.config.ts: a third less code to parse at each start)", () => {
    // The files the CLI loads: cli.js and every chunk it imports (the batch worker imports the same chunks).
    const cli = readFileSync(new URL('cli.js', dist), 'utf8');
    const chunks = [...cli.matchAll(/from "\.\/(chunk-[A-Z0-9]+\.js)"/g)].map((m) => m[1] as string);
    expect(chunks.length).toBeGreaterThan(0);
    const bundle = [cli, ...chunks.map((c) => readFileSync(new URL(c, dist), 'utf8'))].join('\n');
    // zod's own English (locales/en.js), which zod registers itself and the CLI's English messages quote…
    expect(bundle).toContain('Invalid input: expected');
    // …and none of the other locales `z.locales` would carry: Swedish, Dutch, Polish, German and
    // French (esbuild writes non-ASCII characters as escapes, so those two are matched as written).
    for (const other of ['Ogiltig inmatning', 'Ongeldige invoer', 'Nieprawid', 'Ung\\xFCltige Eingabe', 'Entr\\xE9e invalide']) expect(bundle).not.toContain(other);
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

  it('keeps json-rules-engine out of every entry but trappa/verify, which loads it on first use', () => {
    // An optional peer: the main entry, the CLI and the batch worker load it neither statically nor
    // dynamically (the CLI reaches it only through verify's chunk, by a dynamic import).
    const anyLoad = /from\s*["']json-rules-engine["']|require\(["']json-rules-engine["']\)|import\s*["']json-rules-engine["']|import\(["']json-rules-engine["']\)/;
    const staticLoad = /from\s*["']json-rules-engine["']|require\(["']json-rules-engine["']\)|import\s*["']json-rules-engine["']/;
    const staticImports = /(?:from\s*|import\s*)["'](\.\/[^"']+)["']|require\(["'](\.\/[^"']+)["']\)/g;
    const graph = (entry: string): string[] => {
      const seen = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const m of readFileSync(new URL(file, dist), 'utf8').matchAll(staticImports)) visit((m[1] ?? m[2] ?? '').slice(2));
      };
      visit(entry);
      return [...seen];
    };
    for (const entry of ['index.js', 'index.cjs', 'batch-worker.js', 'testing.js']) {
      for (const file of graph(entry)) expect(readFileSync(new URL(file, dist), 'utf8'), `${entry} → ${file}`).not.toMatch(anyLoad);
    }
    for (const file of graph('cli.js')) expect(readFileSync(new URL(file, dist), 'utf8'), `cli.js → ${file}`).not.toMatch(staticLoad);
    for (const entry of ['verify.js', 'verify.cjs']) {
      const text = readFileSync(new URL(entry, dist), 'utf8');
      expect(text).not.toMatch(staticLoad);
      expect(text).toMatch(/import\(["']json-rules-engine["']\)/);
    }
  });

  it('resolves trappa/verify through the package exports, as a user imports and requires it', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const cases = "JSON.parse(require('node:fs').readFileSync('fixtures/cases/just-over-20-percent.json', 'utf8')).map((c) => trappa.parseStudentCase(c).case)";
    const esm = `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); import * as trappa from 'trappa'; import { verifyPolicy } from 'trappa/verify'; const r = await verifyPolicy(${cases}, trappa.builtinPolicy('stockholm'), { asOf: '2026-11-23' }); process.stdout.write(r.students + ' ' + r.mismatches.length);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', esm], { cwd: root, encoding: 'utf8' })).toBe('1 0');
    const cjs = `const trappa = require('trappa'); const { verifyPolicy } = require('trappa/verify'); verifyPolicy(${cases}, trappa.builtinPolicy('goteborg'), { asOf: '2026-11-23' }).then((r) => process.stdout.write(r.students + ' ' + r.mismatches.length));`;
    expect(execFileSync(process.execPath, ['-e', cjs], { cwd: root, encoding: 'utf8' })).toBe('1 0');
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
    const files = packedFiles();
    expect(files).toEqual(expect.arrayContaining(['docs/sources.md', 'rules/skollagen.json', 'rules/stockholm.json', 'rules/goteborg.json', 'README.md']));
  });

  it('packs every file the packed README and docs link to, so that their links work in the tarball and on npm', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const files = packedFiles();
    const inPack = (path: string): boolean => files.includes(path) || files.some((f) => f.startsWith(`${path}/`));
    const markdown = files.filter((f) => f.endsWith('.md'));
    expect(markdown).toEqual(expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/nightly-job.md']));
    const unpacked = markdown.flatMap((f) => brokenLinks(f, readFileSync(join(root, f), 'utf8'), { exists: inPack, read: (p) => readFileSync(join(root, p), 'utf8') }));
    expect(unpacked).toEqual([]);
  });

  it('ships a working CLI', () => {
    const out = execFileSync(process.execPath, [new URL('cli.js', dist).pathname, 'schema', 'student-case'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toHaveProperty('properties.student');
  });
});
