import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCleanups } from '../../src/io/exitCleanup.js';
import { hostTag } from '../../src/io/processTag.js';
import { makeTempDir, sweepStaleTempDirs } from '../../src/batch/tempDir.js';

describe('batch temp directories', () => {
  it('are named with the pid and host, and removed by remove()', () => {
    const base = mkdtempSync(join(tmpdir(), 'trappa-tmpdirs-'));
    const dir = makeTempDir(base);
    expect(basename(dir.path)).toMatch(new RegExp(`^trappa-batch-${process.pid}-${hostTag()}-[A-Za-z0-9]{6}$`));
    dir.remove();
    expect(readdirSync(base)).toEqual([]);
  });

  it('is registered for removal if the process ends abruptly (runCleanups, from the CLI\'s uncaughtException handler)', () => {
    const base = mkdtempSync(join(tmpdir(), 'trappa-tmpdirs-'));
    const dir = makeTempDir(base);
    writeFileSync(join(dir.path, '0.students'), 'x');
    runCleanups();
    expect(readdirSync(base)).toEqual([]);
  });

  it('a directory a dead process of this host left is swept; live, foreign, old-style and other names are kept', () => {
    const base = mkdtempSync(join(tmpdir(), 'trappa-tmpdirs-'));
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = join(base, `trappa-batch-${dead}-${hostTag()}-Ab12Cd`);
    mkdirSync(stale);
    writeFileSync(join(stale, '0.lessons.0'), 'x'.repeat(1000));
    const kept = [`trappa-batch-${dead}-${hostTag() === '00000000' ? 'ffffffff' : '00000000'}-Ab12Cd`, 'trappa-batch-Ab12Cd', `other-${dead}-${hostTag()}-Ab12Cd`];
    for (const name of kept) mkdirSync(join(base, name));
    const live = makeTempDir(base);
    expect(sweepStaleTempDirs(base)).toEqual([stale]);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(base).sort()).toEqual([...kept, basename(live.path)].sort());
    live.remove();
  });
});
