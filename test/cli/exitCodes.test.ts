import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { PreviousFileError } from '../../src/batch/decisionsFile.js';
import { OutputLockedError, OutputUnwritableError, OutputWriteError } from '../../src/io/outputErrors.js';
import { EXIT, exitCodeFor } from '../../src/cli/exitCodes.js';
import { UsageError } from '../../src/cli/usageError.js';

const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('exitCodeFor: one code per kind of failure (docs/batch.md, "Outputs you can trust")', () => {
  it.each([
    [new UsageError('--as-of must be a date'), 2],
    [new PreviousFileError('n.ndjson', 'empty', { sv: 'filen är tom', en: 'the file is empty' }), 65],
    [new OutputUnwritableError('--rejected', 'out/', { sv: 'är en katalog; ange ett filnamn', en: 'is a directory; give a file name' }), 73],
    [new OutputWriteError('stdout', enospc), 74],
    [enospc, 74],
    [new OutputLockedError('--decisions-out', 'n.ndjson', 'n.ndjson.lock', undefined), 75],
    [Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), { code: 'ENOENT' }), 1],
    [new TypeError('x is undefined'), 1],
  ])('%s → %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('the codes are distinct', () => {
    const codes = Object.values(EXIT);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('a write error is one line with its code and description', () => {
    expect(new OutputWriteError('stdout', enospc).message).toBe('cannot write stdout: ENOSPC (no space left on device); the output files were left as they were');
  });
});

describe('docs/cli.md "Exit codes": the one table', () => {
  const page = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
  const table = page.slice(page.indexOf('\n## Exit codes\n'), page.indexOf('\n## ', page.indexOf('\n## Exit codes\n') + 1));
  const rows = table.split('\n').filter((line) => /^\| \d/.test(line));

  it('lists every code of EXIT, each once, and no other', () => {
    const codes = rows.flatMap((row) => (row.split('|')[1] ?? '').split(',').map((c) => Number(c.trim())));
    expect([...codes].sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
  });

  it('no other page of docs/ has a table of the exit codes (they link to it)', () => {
    // A row of a sysexits code, as the table has: the check finds it there (it can fail).
    expect(/^\| (?:65|66|73|74|75) \|/m.test(page)).toBe(true);
    const dir = new URL('../../docs/', import.meta.url);
    const others = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md') && f !== 'cli.md')
      .filter((f) => /^\| (?:65|66|73|74|75) \|/m.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(others).toEqual([]);
  });
});
