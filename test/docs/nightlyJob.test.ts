import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';

// docs/nightly-job.md: the cron/systemd job script runs two nights on a small school, with the
// built CLI in place of the installed package and the shipped docs/examples/nightly/trappa.config.json as its
// --config, and handles the exit codes as documented.
const script = new URL('../../docs/examples/nightly/trappa-nightly.sh', import.meta.url).pathname;
const cli = new URL('../../dist/cli.js', import.meta.url).pathname;

describe('the nightly job example', () => {
  const data = mkdtempSync(join(tmpdir(), 'trappa-nightly-'));
  mkdirSync(join(data, 'export'));
  mkdirSync(join(data, 'nights'));
  copyFileSync(new URL('../../docs/examples/nightly/trappa.config.json', import.meta.url), join(data, 'trappa.config.json'));
  const school = generateSchool({ students: 12, seed: 5, termEnd: '2026-11-24' });
  writeFileSync(join(data, 'export', 'students.ndjson'), school.map(({ attendance: _, ...c }) => JSON.stringify(c)).join('\n') + '\n');
  const lessons = join(data, 'export', 'lessons.ndjson');
  writeFileSync(lessons, school.flatMap((c) => (c.attendance ?? []).map((r) => JSON.stringify({ studentId: c.student.id, ...r }))).join('\n') + '\n');
  const night = (asOf: string) =>
    spawnSync('sh', [script], { encoding: 'utf8', env: { ...process.env, TRAPPA_DATA: data, TRAPPA_AS_OF: asOf, TRAPPA_LESSONS: lessons, TRAPPA: `${process.execPath} ${cli}` } });

  it('runs a first night, then a second against the first, and refuses stale input', () => {
    const first = night('2026-11-24');
    expect(first.status, first.stderr).toBe(0);
    const second = night('2026-11-25');
    expect(second.status, second.stderr).toBe(0);
    const files = readdirSync(join(data, 'nights')).sort();
    expect(files).toEqual(
      expect.arrayContaining(['decisions-2026-11-24.ndjson', 'decisions-2026-11-25.ndjson', 'changes-2026-11-25.ndjson', 'summary-2026-11-25.json']),
    );
    // The second night is incremental: its stdout holds changes, not decisions.
    const changes = readFileSync(join(data, 'nights', 'changes-2026-11-25.ndjson'), 'utf8').trim();
    for (const line of changes === '' ? [] : changes.split('\n')) expect(JSON.parse(line)).toHaveProperty('change');
    // A week later with no new export: exit 66, nothing new written, no partial changes file left.
    const stale = night('2026-12-02');
    expect(stale.status).toBe(66);
    expect(readdirSync(join(data, 'nights')).filter((f) => f.includes('2026-12-02'))).toEqual([]);
  });
});
