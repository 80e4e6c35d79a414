import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/calendar/dayNumber.js';
import { defaultCalendarFor } from '../../src/calendar/defaultCalendar.js';
import { schoolDaysSince } from '../../src/calendar/schoolDaysSince.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { runBatch } from '../../src/batch/runBatch.js';
import { StaleInputError } from '../../src/batch/staleInputError.js';
import { builtinPolicy } from '../../src/index.js';

// Issue 13 point 1: "--max-input-age <days>: the batch fails with a clear message and its own exit
// code when the newest lesson is older than that. A nightly job must not report on stale data."

const AS_OF = '2026-11-23'; // a Monday
const calendar = defaultCalendarFor(AS_OF);
const settings: BatchSettings = { policy: builtinPolicy('stockholm'), calendar: undefined, asOf: AS_OF, incremental: false };
const dir = mkdtempSync(join(tmpdir(), 'trappa-age-'));
const students = join(dir, 'students.ndjson');
writeFileSync(
  students,
  `${JSON.stringify({
    student: { id: 'elev-1', schoolForm: 'grundskola', grade: 8, birthDate: '2012-05-01', school: { id: 'skola-1', huvudman: 'kommunal', municipalityCode: '0180' }, residence: { municipalityCode: '0180' } },
  })}\n`,
);
const lessonsEnding = (date: string): string => {
  const path = join(dir, `lessons-${date}.ndjson`);
  const lesson = { studentId: 'elev-1', date, start: '08:10', scheduledMinutes: 60 };
  writeFileSync(path, `${JSON.stringify({ ...lesson, date: '2026-11-02' })}\n${JSON.stringify(lesson)}\n`);
  return path;
};

async function night(lessons: string, maxInputAgeDays: number) {
  const decisionsPath = join(dir, `decisions-${lessons.slice(-17, -7)}-${maxInputAgeDays}.ndjson`);
  const out = new PassThrough();
  let written = '';
  out.on('data', (c: Buffer) => (written += c.toString()));
  try {
    const report = await runBatch({ files: { students, lessons: [lessons] }, settings, out, workers: 1, decisionsPath, maxInputAgeDays });
    return { report, written, decisionsWritten: existsSync(decisionsPath) };
  } catch (error) {
    return { error, written, decisionsWritten: existsSync(decisionsPath) };
  }
}

describe('school days since the newest lesson', () => {
  it('does not age data over a weekend: Friday → Monday is one school day', () => {
    expect(schoolDaysSince(calendar, dayNumber('2026-11-20'), dayNumber('2026-11-23'))).toBe(1);
    expect(schoolDaysSince(calendar, dayNumber('2026-11-23'), dayNumber('2026-11-23'))).toBe(0);
    // Two whole school weeks: 2026-11-09 (Mon) → 2026-11-23 (Mon) = 10 school days.
    expect(schoolDaysSince(calendar, dayNumber('2026-11-09'), dayNumber('2026-11-23'))).toBe(10);
  });

  it('adds up over consecutive periods and never exceeds the calendar days', () => {
    const start = dayNumber('2026-08-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 140 }), fc.integer({ min: 0, max: 140 }), fc.integer({ min: 0, max: 140 }), (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((d) => start + d) as [number, number, number];
        const whole = schoolDaysSince(calendar, a, c);
        expect(whole).toBe(schoolDaysSince(calendar, a, b) + schoolDaysSince(calendar, b, c));
        expect(whole).toBeLessThanOrEqual(c - a);
      }),
      { numRuns: 200 },
    );
  });
});

describe('--max-input-age', () => {
  it('fails the run, writing nothing, when the newest lesson is older than allowed', async () => {
    // Newest lesson Friday 2026-11-13; school days after it up to Monday 2026-11-23: 16–20 and 23 = 6.
    const stale = await night(lessonsEnding('2026-11-13'), 5);
    expect(stale.error).toBeInstanceOf(StaleInputError);
    expect((stale.error as StaleInputError).age).toBe(6);
    expect(String((stale.error as Error).message)).toMatch(/2026-11-13.*6 school day.*--max-input-age allows 5/);
    expect(stale.written).toBe('');
    expect(stale.decisionsWritten).toBe(false);
  });

  it('runs when the newest lesson is within the limit, and reports its date', async () => {
    const fresh = await night(lessonsEnding('2026-11-13'), 6);
    expect(fresh.error).toBeUndefined();
    expect(fresh.report?.newestLesson).toBe('2026-11-13');
    expect(fresh.decisionsWritten).toBe(true);
    // Friday's lessons on Monday night are one school day old.
    expect((await night(lessonsEnding('2026-11-20'), 1)).error).toBeUndefined();
    expect((await night(lessonsEnding('2026-11-20'), 0)).error).toBeInstanceOf(StaleInputError);
  });

  it('fails when no lesson was accepted at all', async () => {
    const empty = join(dir, 'empty-lessons.ndjson');
    writeFileSync(empty, '');
    const result = await night(empty, 30);
    expect(result.error).toBeInstanceOf(StaleInputError);
    expect(String((result.error as Error).message)).toMatch(/no lesson was accepted/);
  });

  it('exits 66 from the CLI, with the reason on stderr and nothing on stdout', () => {
    const lessons = lessonsEnding('2026-11-13');
    const cli = (age: string) =>
      spawnSync(process.execPath, ['dist/cli.js', 'evaluate', '--format', 'lessons', '--students', students, lessons, '--as-of', AS_OF, '--json', '--max-input-age', age], { encoding: 'utf8' });
    const stale = cli('5');
    expect(stale.status).toBe(66);
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toMatch(/den senaste lektionen är från 2026-11-13, 6 skoldagar före utvärderingsdatumet; --max-input-age tillåter 5: ingenting skrevs/);
    expect(spawnSync(process.execPath, ['dist/cli.js', 'evaluate', '--format', 'lessons', '--students', students, lessons, '--as-of', AS_OF, '--json', '--max-input-age', '5', '--lang', 'en'], { encoding: 'utf8' }).stderr).toMatch(/6 school days before the evaluation date; --max-input-age allows 5/);
    expect(cli('6').status).toBe(0);
    expect(cli('-1').status).toBe(2);
    expect(cli('two').status).toBe(2);
  });
});
