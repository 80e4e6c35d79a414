import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputs } from '../../src/batch/checkOutputs.js';
import { OutputLockedError, OutputUnwritableError } from '../../src/io/outputErrors.js';
import { lockOutput, lockPathFor } from '../../src/batch/outputLock.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'trappa-lock-'));

describe('lockOutput', () => {
  it('holds <path>.lock with the pid; a second claim is refused while it lives; release frees it', () => {
    const path = join(fresh(), 'night.ndjson');
    const lock = lockOutput(path, '--decisions-out');
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockOutput(path, '--decisions-out')).toThrow(OutputLockedError);
    expect(() => lockOutput(path, '--decisions-out')).toThrow(`--decisions-out ${path} is in use by another run (pid ${process.pid} on ${hostname()}`);
    lock.release();
    expect(existsSync(lockPathFor(path))).toBe(false);
    lockOutput(path, '--decisions-out').release();
  });

  it('takes over a lock whose process has ended; refuses one of another host or one it cannot read', () => {
    const path = join(fresh(), 'night.ndjson');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: dead, host: hostname(), since: '2026-11-23T02:00:00.000Z' }));
    const lock = lockOutput(path, '--decisions-out');
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: dead, host: `not-${hostname()}`, since: '2026-11-23T02:00:00.000Z' }));
    expect(() => lockOutput(path, '--decisions-out')).toThrow(OutputLockedError);
    writeFileSync(lockPathFor(path), 'garbage');
    expect(() => lockOutput(path, '--decisions-out')).toThrow('(an unreadable lock)');
  });
});

describe('checkOutputs: every output checked before the run, with the option named', () => {
  const dir = fresh();
  const cases: Array<[string, Parameters<typeof checkOutputs>, string]> = [
    ['a missing directory', [[{ flag: '--decisions-out', path: join(dir, 'nope', 'n.ndjson') }]], `--decisions-out ${join(dir, 'nope', 'n.ndjson')}: the directory ${join(dir, 'nope')} does not exist`],
    ['a directory as the file', [[{ flag: '--rejected', path: dir }]], `--rejected ${dir}: is a directory; give a file name`],
    ['a device as the file', [[{ flag: '--summary-json', path: '/dev/null' }]], '--summary-json /dev/null: is not a regular file'],
    ['two options, one file', [[{ flag: '--decisions-out', path: join(dir, 'a') }, { flag: '--rejected', path: join(dir, 'a') }]], `--rejected ${join(dir, 'a')}: is also given as --decisions-out`],
    ['an output over --previous', [[{ flag: '--rejected', path: join(dir, 'p') }], [{ flag: '--previous', path: join(dir, 'p') }]], 'would overwrite --previous, which this run reads'],
  ];
  it.each(cases)('refuses %s', (_name, args, message) => {
    expect(() => checkOutputs(...args)).toThrow(OutputUnwritableError);
    expect(() => checkOutputs(...args)).toThrow(message);
  });

  it('lets --decisions-out replace --previous (read whole first), and accepts new files in writable directories', () => {
    expect(() => checkOutputs([{ flag: '--decisions-out', path: join(dir, 'p') }], [{ flag: '--previous', path: join(dir, 'p') }], ['--decisions-out'])).not.toThrow();
    expect(() => checkOutputs([{ flag: '--decisions-out', path: join(dir, 'n.ndjson') }, { flag: '--rejected', path: join(dir, 'r.ndjson') }])).not.toThrow();
  });
});
