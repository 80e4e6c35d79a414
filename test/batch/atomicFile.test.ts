import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomic, sweepStaleTemps, writeFileAtomic } from '../../src/io/atomicFile.js';
import { runCleanups } from '../../src/io/exitCleanup.js';
import { hostTag } from '../../src/io/processTag.js';

/** The pid of a process that has ended. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  if (pid === undefined) throw new Error('no pid');
  return pid;
}

const fresh = (): string => mkdtempSync(join(tmpdir(), 'trappa-atomic-'));

describe('openAtomic: a file put in place whole or not at all', () => {
  it('writes beside the path and renames on commit; the old file stays until then', () => {
    const dir = fresh();
    const path = join(dir, 'night.ndjson');
    writeFileSync(path, 'old\n');
    const file = openAtomic(path);
    expect(basename(file.tempPath)).toMatch(new RegExp(`^\\.night\\.ndjson\\.${process.pid}-${hostTag()}\\.[0-9a-f]{8}\\.tmp$`));
    file.write('new 1\n');
    file.write('new 2\n');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    file.commit();
    expect(readFileSync(path, 'utf8')).toBe('new 1\nnew 2\n');
    expect(readdirSync(dir)).toEqual(['night.ndjson']);
  });

  it('discard removes the temp file and leaves the path as it was; discard after commit does nothing', () => {
    const dir = fresh();
    const path = join(dir, 'night.ndjson');
    writeFileSync(path, 'old\n');
    const file = openAtomic(path);
    file.write('half');
    file.discard();
    expect(readdirSync(dir)).toEqual(['night.ndjson']);
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    const committed = openAtomic(path);
    committed.commit();
    committed.discard();
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('an abrupt end (runCleanups, as the CLI calls it on an uncaught exception) removes the temp file', () => {
    const dir = fresh();
    const file = openAtomic(join(dir, 'x.json'));
    file.write('{}');
    expect(existsSync(file.tempPath)).toBe(true);
    expect(runCleanups()).toBeGreaterThanOrEqual(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails at once in a directory that does not exist', () => {
    expect(() => openAtomic(join(fresh(), 'nope', 'x.json'))).toThrow(/ENOENT/);
  });
});

describe('sweepStaleTemps', () => {
  it('removes the temp files of a dead process of this host, and keeps live, foreign and unrelated ones', () => {
    const dir = fresh();
    const path = join(dir, 'night.ndjson');
    const dead = `.night.ndjson.${deadPid()}-${hostTag()}.0123abcd.tmp`;
    const otherHost = `.night.ndjson.${deadPid()}-00000000.0123abcd.tmp`;
    const otherFile = `.other.ndjson.${deadPid()}-${hostTag()}.0123abcd.tmp`;
    for (const name of [dead, otherHost, otherFile, 'night.ndjson']) writeFileSync(join(dir, name), 'x');
    const live = openAtomic(path);
    expect(sweepStaleTemps(path)).toBe(hostTag() === '00000000' ? 2 : 1);
    expect(readdirSync(dir).sort()).toEqual([otherHost, otherFile, basename(live.tempPath), 'night.ndjson'].sort());
    live.discard();
  });
});
