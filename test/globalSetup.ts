/**
 * One temp directory for the whole test run: every test's `tmpdir()` (and every CLI the tests
 * spawn, through TMPDIR) writes under it, and it is removed when the run ends. Without it a run
 * left some 900 directories in /tmp (property tests make one per drawn case).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'trappa-tests-'));
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    rmSync(root, { recursive: true, force: true });
  };
}
