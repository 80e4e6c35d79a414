import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';
import { verifyDecisionsFile } from '../../src/batch/decisionsFile.js';
import { readDecisionsFile } from '../helpers/decisionsFile.js';

// Issue 12 D2, D5, D6: the faults a nightly job meets — killed mid-write, a cut-short --previous,
// two runs at once, a full stdout, an output directory that is not there. The built CLI
// (npm test builds first), as in evaluateLessons.test.ts.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'trappa-cli-faults-'));
// 30 students: their decisions (--json) are several hundred KiB, more than a pipe holds, so a
// child whose stdout is not read stops in the middle of writing its output.
const city = writeCity({ students: 30, seed: 4, termEnd: '2026-11-23', dir: join(root, 'city'), schoolSize: 50 });
const NIGHT_1 = '2026-11-20';
const NIGHT_2 = '2026-11-23';
let night1 = '';

function args(asOf: string, ...rest: string[]): string[] {
  return [CLI, 'evaluate', '--format', 'lessons', '--students', city.students, city.lessons, '--as-of', asOf, '--details', 'none', ...rest];
}

function trappa(asOf: string, ...rest: string[]) {
  const r = spawnSync(process.execPath, args(asOf, ...rest), { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A directory for one test's outputs, with a temp directory for the buckets inside it. */
function outDir(name: string): { dir: string; tmp: string } {
  const dir = join(root, name);
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return { dir, tmp };
}

/** A run whose stdout nobody reads: once it has started writing its output, it blocks there. */
async function blockedRun(asOf: string, ...rest: string[]): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, args(asOf, '--json', ...rest), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  if (child.stdout === null) throw new Error('no stdout');
  await once(child.stdout, 'readable');
  return { child, stderr: () => stderr };
}

/** Whether a file looks complete: a decisions file whose trailer verifies. */
async function looksComplete(path: string): Promise<boolean> {
  return verifyDecisionsFile(path, '2099-01-01').then(
    () => true,
    () => false,
  );
}

beforeAll(() => {
  night1 = join(root, 'night-1.ndjson');
  // Full decisions: a file large enough that a writer killed mid-way is still writing it.
  const r = trappa(NIGHT_1, '--decisions-out', night1, '--decisions-form', 'full');
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(night1).length).toBeGreaterThan(300 << 10);
});

describe('trappa evaluate --format lessons under faults', () => {
  it('killed with SIGKILL while writing: the file it was replacing is untouched, nothing complete-looking is left, and the next run sweeps its leftovers', async () => {
    const { dir, tmp } = outDir('kill');
    const target = join(dir, 'night-2.ndjson');
    copyFileSync(night1, target); // last night's complete output, about to be replaced
    const before = readFileSync(target);
    const previousBefore = readFileSync(night1);
    const { child } = await blockedRun(NIGHT_2, '--decisions-out', target, '--rejected', join(dir, 'rejected.ndjson'), '--summary-json', join(dir, 'summary.json'), '--tmp-dir', tmp);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readFileSync(night1).equals(previousBefore)).toBe(true);
    const left = readdirSync(dir).filter((f) => f !== 'tmp');
    expect(left).not.toContain('rejected.ndjson');
    expect(left).not.toContain('summary.json');
    for (const f of left.filter((name) => name !== 'night-2.ndjson')) expect(await looksComplete(join(dir, f)), f).toBe(false);
    // What a SIGKILL leaves: temp files and locks tagged with the dead pid, and the temp buckets.
    expect(left.filter((f) => f.includes(`.${child.pid}-`)).length).toBeGreaterThan(0);
    expect(readdirSync(tmp).filter((f) => f.startsWith(`trappa-batch-${child.pid}-`))).toHaveLength(1);

    // The same command again: the stale locks are taken over, the leftovers swept, the outputs put in place.
    const next = trappa(NIGHT_2, '--json', '--previous', night1, '--decisions-out', target, '--rejected', join(dir, 'rejected.ndjson'), '--summary-json', join(dir, 'summary.json'), '--tmp-dir', tmp);
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['night-2.ndjson', 'rejected.ndjson', 'summary.json', 'tmp']);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readDecisionsFile(target).trailer).toMatchObject({ count: 30, asOf: NIGHT_2 });
  });

  it.each([
    ['empty', (text: string) => ''],
    ['cut in the middle of a line', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['cut at a line end', (text: string) => text.slice(0, text.indexOf('\n', Math.floor(text.length / 2)) + 1)],
  ])('refuses a --previous file that is %s with exit 65, before any output', (name, cut) => {
    const { dir, tmp } = outDir(`previous-${name.replace(/ /g, '-')}`);
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, cut(readFileSync(night1, 'utf8')));
    const r = trappa(NIGHT_2, '--json', '--previous', bad, '--decisions-out', join(dir, 'night-2.ndjson'), '--summary-json', join(dir, 'summary.json'), '--tmp-dir', tmp);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(new RegExp(`^trappa: --previous ${bad}: .*; kör gårdagens körning igen med --decisions-out`));
    const en = trappa(NIGHT_2, '--json', '--previous', bad, '--tmp-dir', tmp, '--lang', 'en');
    expect(en.stderr).toMatch(new RegExp(`^trappa: --previous ${bad}: .*; run last night again with --decisions-out`));
    expect(readdirSync(dir).sort()).toEqual(['bad.ndjson', 'tmp']);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('refuses a second run on the same output while the first is running (exit 75); the first completes', async () => {
    const { dir } = outDir('concurrent');
    const shared = join(dir, 'night-2.ndjson');
    const first = await blockedRun(NIGHT_2, '--decisions-out', shared);
    const second = trappa(NIGHT_2, '--json', '--decisions-out', shared, '--lang', 'en');
    expect(second.code).toBe(75);
    expect(second.stdout).toBe('');
    expect(second.stderr).toBe(`trappa: --decisions-out ${shared} is in use by another run (pid ${first.child.pid} on ${second.stderr.match(/ on ([^,]+),/)?.[1]}, since ${second.stderr.match(/since ([^;)]+)/)?.[1]}); wait for it to finish, or remove ${shared}.lock if no run is active\n`);
    const sv = trappa(NIGHT_2, '--json', '--decisions-out', shared);
    expect(sv.code).toBe(75);
    expect(sv.stderr).toBe(`trappa: --decisions-out ${shared} används av en annan körning (pid ${first.child.pid} på ${sv.stderr.match(/ på ([^,]+),/)?.[1]}, sedan ${sv.stderr.match(/sedan ([^;)]+)/)?.[1]}); vänta tills den är klar, eller ta bort ${shared}.lock om ingen körning pågår\n`);
    first.child.stdout?.resume();
    const [code] = (await once(first.child, 'exit')) as [number];
    expect(code, first.stderr()).toBe(0);
    expect(readDecisionsFile(shared).trailer.count).toBe(30);
    expect(readdirSync(dir).sort()).toEqual(['night-2.ndjson', 'tmp']);
  });

  it.skipIf(!existsSync('/dev/full'))('stdout on a full device (/dev/full): one line, exit 74, no output file, temp files removed', () => {
    const { dir, tmp } = outDir('dev-full');
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, args(NIGHT_2, '--json', '--decisions-out', join(dir, 'night-2.ndjson'), '--rejected', join(dir, 'rejected.ndjson'), '--tmp-dir', tmp), {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(r.status).toBe(74);
      expect(r.stderr).toBe('trappa: kan inte skriva stdout: ENOSPC (disken är full); utdatafilerna lämnades som de var\n');
    } finally {
      closeSync(full);
    }
    expect(readdirSync(dir)).toEqual(['tmp']);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('checks every output before it starts: a missing directory or a directory as a file is exit 73, naming the option', () => {
    const { dir, tmp } = outDir('unwritable');
    const missing = trappa(NIGHT_2, '--json', '--decisions-out', join(dir, 'nope', 'night-2.ndjson'), '--tmp-dir', tmp);
    expect(missing.code).toBe(73);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`trappa: --decisions-out ${join(dir, 'nope', 'night-2.ndjson')}: katalogen ${join(dir, 'nope')} finns inte\n`);
    const missingEn = trappa(NIGHT_2, '--json', '--decisions-out', join(dir, 'nope', 'night-2.ndjson'), '--tmp-dir', tmp, '--lang', 'en');
    expect(missingEn.stderr).toBe(`trappa: --decisions-out ${join(dir, 'nope', 'night-2.ndjson')}: the directory ${join(dir, 'nope')} does not exist\n`);
    const directory = trappa(NIGHT_2, '--json', '--decisions-out', join(dir, 'ok.ndjson'), '--rejected', dir, '--tmp-dir', tmp);
    expect(directory.code).toBe(73);
    expect(directory.stderr).toBe(`trappa: --rejected ${dir}: är en katalog; ange ett filnamn\n`);
    const noTmp = trappa(NIGHT_2, '--json', '--tmp-dir', join(dir, 'no-tmp'));
    expect(noTmp.code).toBe(73);
    expect(noTmp.stderr).toBe(`trappa: --tmp-dir ${join(dir, 'no-tmp')}: katalogen ${join(dir, 'no-tmp')} finns inte\n`);
    expect(readdirSync(dir).sort()).toEqual(['tmp']);
    // The case-file command checks its outputs before reading too (it used to fail after stdout was complete).
    const cases = spawnSync(process.execPath, [CLI, 'evaluate', city.students, '--as-of', NIGHT_2, '--rejected', join(dir, 'nope', 'r.ndjson')], { encoding: 'utf8' });
    expect(cases.status).toBe(73);
    expect(cases.stdout).toBe('');
  });
});
