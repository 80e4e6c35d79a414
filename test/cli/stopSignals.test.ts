/**
 * A stopped run ends at once and leaves no temp files, also while it waits for a stdin that
 * sends nothing (an export job that hangs): systemd's `TimeoutStopSec` would otherwise end it with
 * SIGKILL, its temp files left behind. Before, `trappa evaluate` (lessons or students on stdin) and
 * `trappa report -` went on waiting after SIGTERM until stdin closed. On the built CLI (`npm test`
 * builds it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { say } from '../../src/model/template.js';
import { REPORT_INPUT_TEXT } from '../../src/report/failureText.js';
import { RUN_NOTE_TEXT } from '../../src/report/runNotes.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'trappa-stop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Run the CLI with a stdin kept open and silent; once its temp directory exists, send SIGTERM. */
async function stoppedWhileWaiting(args: (tmp: string) => string[]): Promise<{ code: number | null; stderr: string; left: string[] }> {
  const tmp = mkdtempSync(join(root, 'tmp-'));
  const child = spawn(process.execPath, [CLI, ...args(tmp)], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // The run makes its temp directory before it reads its input: then it is waiting on stdin.
  const deadline = Date.now() + 20_000;
  while (readdirSync(tmp).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const code = await exited;
  clearTimeout(killer);
  child.stdin.destroy();
  return { code, stderr, left: readdirSync(tmp) };
}

describe('SIGTERM while a command waits for stdin', () => {
  it('trappa report -: exit 143 at once, its spool removed, and it says so', { timeout: 40_000 }, async () => {
    const out = join(root, 'reports');
    const r = await stoppedWhileWaiting((tmp) => ['report', '-', '--out', out, '--tmp-dir', tmp]);
    expect(r.code).toBe(143);
    expect(r.stderr).toBe(`\n${say(REPORT_INPUT_TEXT.stoppedReading, 'sv', { signal: 'SIGTERM' })}\n`);
    expect(r.left).toEqual([]);
  });

  it('trappa evaluate --format lessons … -: exit 143 at once, its temp files removed', { timeout: 40_000 }, async () => {
    // Never read: the run is stopped while it still waits for the lessons on stdin.
    const students = join(root, 'students.ndjson');
    writeFileSync(students, '');
    const r = await stoppedWhileWaiting((tmp) => ['evaluate', '--format', 'lessons', '--students', students, '-', '--as-of', '2026-11-23', '--details', 'none', '--tmp-dir', tmp]);
    expect(r.code).toBe(143);
    expect(r.stderr).toContain(say(RUN_NOTE_TEXT.stopped, 'sv', { signal: 'SIGTERM' }));
    expect(r.left).toEqual([]);
  });

  it('trappa evaluate --format lessons --students - …: the same while the students file is the one on stdin', { timeout: 40_000 }, async () => {
    const lessons = join(root, 'lessons.ndjson');
    writeFileSync(lessons, '');
    const r = await stoppedWhileWaiting((tmp) => ['evaluate', '--format', 'lessons', '--students', '-', lessons, '--as-of', '2026-11-23', '--details', 'none', '--tmp-dir', tmp]);
    expect(r.code).toBe(143);
    expect(r.stderr).toContain(say(RUN_NOTE_TEXT.stopped, 'sv', { signal: 'SIGTERM' }));
    expect(r.left).toEqual([]);
  });
});
