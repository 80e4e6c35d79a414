import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_IN_CLI, licenseOf } from '../../scripts/bundledInCli.js';

// CONSUMER-PROJECT TEST (issue 16, part 4): the package as a user gets it from the registry.
// `npm pack` the built repository (npm test builds dist/ first, in pretest), unpack the tarball
// into <tmp>/node_modules/trappa, link only the packages trappa declares (dependencies and peer
// dependencies) from this project's node_modules (no network), and run plain `node` there on
// the README's library example, the examples/ test files (the README shows them; test/testing/
// readmeExample.test.ts holds the two the same), both module systems and the `trappa` bin.
// Nothing here resolves to the repository: an import the tarball lacks, or a package trappa
// uses without declaring it, fails. About 9 s of CPU (the property-test example 4 s, npm pack 1.5 s);
// wall time 15-28 s on the shared 2-core machine at load 12-16.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROJECT_NODE_MODULES = join(ROOT, 'node_modules');
const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;

interface PackedManifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  exports: unknown;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Result of a child process: exit code, stdout, stderr. */
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node` with `args` in `cwd`, without inheriting loaders (NODE_OPTIONS) from the test runner. */
function node(cwd: string, ...args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

/** The first ```ts block under the heading `title`, from README.md or, once split, docs/*.md. */
function markdownExample(title: string): string {
  const files = [join(ROOT, 'README.md'), ...(existsSync(join(ROOT, 'docs')) ? readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f)) : [])];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const heading = new RegExp(`^#+ ${title}\\s*$`, 'm').exec(text);
    const block = heading === null ? null : /```ts\n([\s\S]*?)```/.exec(text.slice(heading.index));
    if (block?.[1] !== undefined) return block[1];
  }
  throw new Error(`no \`\`\`ts block under a heading "${title}" in README.md or docs/`);
}

/**
 * The README's documented results: each `decision…;` statement with the result written in the
 * comment after it (same line, or the next line when it is a comment).
 */
function documentedResults(block: string): Array<{ expression: string; shown: string }> {
  const lines = block.split('\n');
  return lines.flatMap((line, i) => {
    const m = /^(decision\S.*?);\s*(?:\/\/\s*(.*))?$/.exec(line);
    if (m?.[1] === undefined) return [];
    const shown = m[2] ?? /^\/\/\s*(.*)$/.exec(lines[i + 1] ?? '')?.[1];
    return shown === undefined ? [] : [{ expression: m[1], shown }];
  });
}

/** Enough of vitest (describe, it, expect with toBe, toEqual, toBeUndefined) for examples/ in plain node. */
const VITEST_STAND_IN = `import { inspect, isDeepStrictEqual } from 'node:util';
const tests = [];
const names = [];
export function describe(name, body) { names.push(name); try { body(); } finally { names.pop(); } }
export function it(name, body) { tests.push({ name: [...names, name].join(' > '), body }); }
export function expect(actual) {
  const fail = (what) => { throw new Error('expected ' + inspect(actual, { depth: 8 }) + ' ' + what); };
  const matchers = {
    toBe: (v) => Object.is(actual, v) || fail('to be ' + inspect(v)),
    toEqual: (v) => isDeepStrictEqual(actual, v) || fail('to equal ' + inspect(v, { depth: 8 })),
    toBeUndefined: () => actual === undefined || fail('to be undefined'),
  };
  return new Proxy(matchers, { get: (m, key) => m[key] ?? (() => { throw new Error('the vitest stand-in has no expect().' + String(key)); }) });
}
export async function runCollected() {
  const results = [];
  for (const t of tests) {
    try { await t.body(); results.push({ name: t.name, ok: true }); }
    catch (e) { results.push({ name: t.name, ok: false, error: String(e && e.stack || e).slice(0, 4000) }); }
  }
  return results;
}
`;

/** A TypeScript module as an ES module for plain node (types stripped, nothing else changed). */
const toMjs = (ts: string): string => transformSync(ts, { loader: 'ts', format: 'esm', target: 'node20' }).code;

/** Every path an "exports" map points to (conditions flattened). */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

describe.skipIf(!hasNpm)(hasNpm ? 'consumer project: the packed tarball in a fresh node_modules, run by plain node' : 'consumer project (SKIPPED: npm is not on PATH, so the package cannot be packed)', () => {
  let dir = '';
  let pkg = ''; // <dir>/node_modules/trappa
  let files: string[] = []; // paths inside the tarball, without the leading package/
  let manifest: PackedManifest;

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is not built: run `npx tsup` first (npm test does, in pretest)');
    dir = mkdtempSync(join(tmpdir(), 'trappa-consumer-'));
    const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    const tarball = join(dir, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]?.filename ?? '');
    const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    if (listed.status !== 0) throw new Error(`tar -t failed: ${listed.stderr}`);
    files = listed.stdout.split('\n').filter((l) => l !== '' && !l.endsWith('/'));
    pkg = join(dir, 'node_modules/trappa');
    mkdirSync(pkg, { recursive: true });
    const unpacked = spawnSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1'], { encoding: 'utf8' });
    if (unpacked.status !== 0) throw new Error(`tar -x failed: ${unpacked.stderr}`);
    manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as PackedManifest;
    // Only what trappa declares, linked from this project's node_modules (Node follows the link to
    // the real path, where each package finds its own dependencies): no network, no devDependency.
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      const from = join(PROJECT_NODE_MODULES, dep);
      if (!existsSync(from)) throw new Error(`${dep} (a dependency of trappa) is not installed in ${PROJECT_NODE_MODULES}: run npm ci`);
      mkdirSync(dirname(join(dir, 'node_modules', dep)), { recursive: true });
      symlinkSync(from, join(dir, 'node_modules', dep), 'dir');
    }
    // The bin link npm creates on install.
    mkdirSync(join(dir, 'node_modules/.bin'));
    for (const [name, target] of Object.entries(manifest.bin)) symlinkSync(join('..', 'trappa', target), join(dir, 'node_modules/.bin', name));
    // The vitest the examples import: a stand-in, so that examples/ run in plain node.
    mkdirSync(join(dir, 'node_modules/vitest'));
    writeFileSync(join(dir, 'node_modules/vitest/package.json'), JSON.stringify({ name: 'vitest', type: 'module', exports: './index.js' }));
    writeFileSync(join(dir, 'node_modules/vitest/index.js'), VITEST_STAND_IN);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  }, 120_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('tarball: LICENSE, README.md, CHANGELOG.md, package.json, every rules/*.json and schemas/*.schema.json, dist/ with every entry; every exports/bin/main/types target is in it', () => {
    const expected = [
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'package.json',
      'docs/sources.md', // the policies' bases point to it
      ...readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.json')).map((f) => `rules/${f}`),
      ...readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).map((f) => `schemas/${f}`),
      ...['index', 'core', 'testing', 'verify'].flatMap((e) => [`dist/${e}.js`, `dist/${e}.cjs`, `dist/${e}.d.ts`, `dist/${e}.d.cts`]),
      'dist/cli.js',
      'dist/batch-worker.js',
    ];
    expect(files.map((f) => f.replace(/^package\//, ''))).toEqual(expect.arrayContaining(expected));
    expect(files.every((f) => f.startsWith('package/'))).toBe(true);
    const inTarball = new Set(files.map((f) => f.replace(/^package\//, '')));
    const raw = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { main: string; module: string; types: string };
    const targets = [...exportTargets(manifest.exports), ...Object.values(manifest.bin), raw.main, raw.module, raw.types].map((t) => t.replace(/^\.\//, ''));
    for (const target of targets) {
      if (target.includes('*')) {
        const escaped = target.split('*').map((part) => part.replace(/[.+?^$()|[\]\\]/g, '\\$&'));
        const pattern = new RegExp(`^${escaped.join('[^/]+')}$`);
        expect([...inTarball].some((f) => pattern.test(f)), target).toBe(true);
      } else expect(inTarball.has(target), target).toBe(true);
    }
  });

  it('tarball: no source, tests, fixtures, benchmarks, scripts, CI, dotfiles, logs or tarballs; the source maps hold src/, rules/ and the CLI\'s bundled dependencies only', () => {
    const paths = files.map((f) => f.replace(/^package\//, ''));
    const forbidden = /^(src|test|fixtures|bench|scripts|examples|node_modules|coverage|\.ci|\.bench)\/|(^|\/)\.[^/]+$|\.(tgz|log|env)$|(^|\/)tsconfig\.json$|(^|\/)(vitest|tsup)\.config\./;
    expect(paths.filter((p) => forbidden.test(p))).toEqual([]);
    const mapSources = paths
      .filter((p) => p.endsWith('.map'))
      .flatMap((p) => (JSON.parse(readFileSync(join(pkg, p), 'utf8')) as { sources: string[] }).sources.map((s) => s.replace(/^(\.\.\/)+/, '')));
    expect(mapSources.length).toBeGreaterThan(0);
    const bundled = new RegExp(`^node_modules/(${BUNDLED_IN_CLI.join('|')})/`);
    expect(mapSources.filter((s) => !/^(src|rules)\//.test(s) && !bundled.test(s))).toEqual([]);
  });

  it('tarball: the license of every dependency bundled into the CLI, word for word (dist/THIRD_PARTY_LICENSES.md)', () => {
    const notices = readFileSync(join(pkg, 'dist/THIRD_PARTY_LICENSES.md'), 'utf8');
    for (const name of BUNDLED_IN_CLI) {
      expect(notices, name).toContain(licenseOf(name));
      expect(notices).toContain(`## ${name} `);
    }
  });

  it('the README\'s library example ("Use it as a library") runs as written: orosanmälan genast, routed to social services where the child lives, and the same-day notice', async () => {
    const block = markdownExample('Use it as a library');
    const documented = documentedResults(block);
    expect(documented.length).toBeGreaterThanOrEqual(3);
    const tail = `
import { inspect as __inspect } from 'node:util';
process.stdout.write(JSON.stringify({
  steps: decision.steps.map((s) => ({ id: s.id, urgency: s.urgency, arisesOn: s.arisesOn, dueDate: s.dueDate, status: s.status, routing: s.routing, citation: s.reasons[0]?.basis.citation })),
  warnings: decision.warnings.map((w) => w.kind),
  shown: [${documented.map((d) => `__inspect(${d.expression}, { breakLength: Infinity, depth: null })`).join(', ')}],
}));
`;
    writeFileSync(join(dir, 'library.mjs'), toMjs(block + tail));
    const run = await node(dir, 'library.mjs');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const out = JSON.parse(run.stdout) as { steps: Array<Record<string, unknown>>; warnings: string[]; shown: string[] };
    // SoL 14:1 / 2025:400: suspected harm → orosanmälan "genast", from the day it was noted (Friday
    // 2026-11-20); on Monday it is overdue. Routed by the child's residence (Farsta), not the school's district.
    expect(out.steps.find((s) => s.id === 'orosanmalan')).toMatchObject({
      urgency: 'genast',
      arisesOn: '2026-11-20',
      dueDate: '2026-11-20',
      status: 'overdue',
      routing: { target: 'socialtjanst', municipalityCode: '0180', district: 'Farsta' },
    });
    expect(String(out.steps.find((s) => s.id === 'orosanmalan')?.citation)).toMatch(/^SoL/);
    // SL 7:17: invalid absence on 2026-11-23 (a 14-year-old) → guardians told the same day.
    expect(out.steps.find((s) => s.id === 'vardnadshavare-informeras')).toMatchObject({ urgency: 'samma-dag', arisesOn: '2026-11-23', dueDate: '2026-11-23', status: 'recommended' });
    // One day of lessons carries no term rate: no investigation, and a low-coverage warning says why.
    expect(out.steps.map((s) => s.id)).toEqual(['orosanmalan', 'vardnadshavare-informeras']);
    expect(out.warnings).toContain('low-coverage');
    // Every result the README writes in a comment is what the code gives.
    documented.forEach((d, i) => expect(d.shown.startsWith(out.shown[i] ?? '<missing>'), `${d.expression} //=> ${out.shown[i]}; README shows ${d.shown}`).toBe(true));
  });

  it('examples/ (the README\'s property-test kit, two nights and verify examples) pass from the consumer project: trappa, trappa/testing, trappa/verify, trappa/rules/stockholm.json', async () => {
    writeFileSync(join(dir, 'run-example.mjs'), "import { runCollected } from 'vitest';\nawait import(process.argv[2]);\nprocess.stdout.write(JSON.stringify(await runCollected()));\n");
    // The verify example reads "our" policy and cases from the project folder.
    for (const f of ['fixtures/policies/stockholm-15-percent.json', 'fixtures/cases/just-over-20-percent.json']) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(dir, f));
    }
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.test.ts')).sort();
    expect(examples).toEqual(['policy.test.ts', 'two-nights.test.ts', 'verify.test.ts']);
    const runs = await Promise.all(
      examples.map(async (file) => {
        const source = readFileSync(join(ROOT, 'examples', file), 'utf8');
        expect(source, `${file} imports the package by name, not the repository`).not.toMatch(/from '\.\.?\//);
        const mjs = join(dir, file.replace(/\.ts$/, '.mjs'));
        writeFileSync(mjs, toMjs(source));
        return { file, tests: (source.match(/^\s*it\(/gm) ?? []).length, run: await node(dir, 'run-example.mjs', `./${file.replace(/\.ts$/, '.mjs')}`) };
      }),
    );
    for (const { file, tests, run } of runs) {
      expect({ file, code: run.code, stderr: run.stderr }).toEqual({ file, code: 0, stderr: '' });
      const results = JSON.parse(run.stdout) as Array<{ name: string; ok: boolean; error?: string }>;
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results.length, `${file}: every it() ran`).toBe(tests);
    }
  }, 60_000);

  it('both module systems resolve every entry by name: import and require of trappa, trappa/core, trappa/testing, trappa/verify and trappa/rules/*.json', async () => {
    const harm = "{ student: { id: 'c-1', birthDate: '2013-01-01', schoolForm: 'grundskola', grade: 7, school: { id: 's', huvudman: 'kommunal', municipalityCode: '0180' }, residence: { municipalityCode: '1480' } }, signals: [{ type: 'harm-suspected', date: '2026-11-20' }] }";
    const body = (t: string, core: string, testing: string, verify: string, stockholm: string) => `
const c = ${t}.parseStudentCase(${harm}).case;
const main = ${t}.evaluate(c, ${t}.builtinPolicy('stockholm'), { asOf: '2026-11-23' });
const fromFile = ${core}.evaluate(c, ${t}.loadPolicy(${stockholm}, ${t}.resolveBuiltinPolicy), { asOf: '2026-11-23' });
const report = await ${verify}.verifyPolicy([c], ${t}.builtinPolicy('skollagen'), { asOf: '2026-11-23' });
process.stdout.write(JSON.stringify({ main: main.steps.map((s) => s.id + '@' + s.routing?.municipalityCode), same: JSON.stringify(main.steps) === JSON.stringify(fromFile.steps), verified: report.students, mismatches: report.mismatches.length, kit: typeof ${testing}.checkInvariants }));
`;
    writeFileSync(
      join(dir, 'esm.mjs'),
      "import * as t from 'trappa'; import * as core from 'trappa/core'; import * as testing from 'trappa/testing'; import * as verify from 'trappa/verify'; import { readFileSync } from 'node:fs';\n" +
        body('t', 'core', 'testing', 'verify', "JSON.parse(readFileSync(new URL(import.meta.resolve('trappa/rules/stockholm.json')), 'utf8'))"),
    );
    writeFileSync(join(dir, 'cjs.cjs'), `(async () => {${body("require('trappa')", "require('trappa/core')", "require('trappa/testing')", "require('trappa/verify')", "require('trappa/rules/stockholm.json')")}})();`);
    const [esm, cjs] = await Promise.all([node(dir, 'esm.mjs'), node(dir, 'cjs.cjs')]);
    for (const run of [esm, cjs]) {
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      // Suspected harm of a 13-year-old: orosanmälan to the residence municipality (Göteborg,
      // 1480), not the school's (Stockholm); the bundled policy and the shipped file agree.
      expect(JSON.parse(run.stdout)).toEqual({ main: ['orosanmalan@1480'], same: true, verified: 1, mismatches: 0, kit: 'function' });
    }
  });

  it('the bin: trappa --version is the packed version; trappa evaluate draws Stockholm\'s "över 20 procent" line between the 20.00 % and the one-minute-over fixture', async () => {
    const bin = join(dir, 'node_modules/.bin/trappa');
    const version = await node(dir, bin, '--version');
    expect({ code: version.code, out: version.stdout.trim() }).toEqual({ code: 0, out: manifest.version });
    for (const f of ['exactly-20-percent.json', 'just-over-20-percent.json']) copyFileSync(join(ROOT, 'fixtures/cases', f), join(dir, f));
    const run = await node(dir, bin, 'evaluate', 'exactly-20-percent.json', 'just-over-20-percent.json', '--policy', 'stockholm', '--as-of', '2026-11-23', '--json');
    expect(run.code).toBe(0);
    const decisions = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { studentId: string; policy: { id: string }; steps: Array<{ id: string; status: string }> });
    const steps = Object.fromEntries(decisions.map((d) => [d.studentId, Object.fromEntries(d.steps.map((s) => [s.id, s.status]))]));
    expect(decisions.map((d) => d.policy.id)).toEqual(['stockholm', 'stockholm']);
    // Exactly one fifth absent is not "över 20 procent": no kartläggning, no plan.
    expect(steps['case-exactly-20-percent']).not.toHaveProperty('kartlaggning');
    expect(steps['case-exactly-20-percent']).not.toHaveProperty('individanpassad-planering');
    // One minute more: kartläggning and planning; the skolsocialt team waits for consent (none recorded).
    expect(steps['case-just-over-20-percent']).toMatchObject({ kartlaggning: 'recommended', 'individanpassad-planering': 'recommended', 'skolsocialt-team': 'blocked', samtycke: 'recommended' });
  });
});
