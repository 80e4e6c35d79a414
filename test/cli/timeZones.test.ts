/**
 * The nightly batch gives the same bytes in any time zone of the machine: `asOf` is a civil date in
 * Europe/Stockholm, never the process's zone. (`npm run test:tz` runs the date logic's own tests
 * in three zones; this holds the whole batch, through the built CLI, to the same.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-tz-'));
const city = writeCity({ students: 40, seed: 5, termEnd: '2026-11-23', dir, schoolSize: 20 });

function batch(tz: string): string {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', '--format', 'lessons', '--as-of', '2026-11-23', '--students', city.students, city.lessons, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, TZ: tz },
  });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('the batch in any time zone', () => {
  it('UTC, Pacific/Kiritimati (+14) and America/Los_Angeles give byte-identical decisions', () => {
    const reference = batch('Europe/Stockholm');
    expect(reference.length).toBeGreaterThan(1000);
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) expect(batch(tz)).toBe(reference);
  }, 60_000);
});
