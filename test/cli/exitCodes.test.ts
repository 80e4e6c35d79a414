import { describe, expect, it } from 'vitest';
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
