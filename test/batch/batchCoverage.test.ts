/**
 * `--coverage` in the nightly batch: each bucket counts its students, the main
 * thread merges the buckets' counts. The merged counts are those of the same
 * students evaluated one by one with the case-level API (the oracle), for any
 * number of buckets and threads; the summary file carries the report.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import { countCoverage, coverageReport, coverageSample } from '../../src/testing/index.js';

const AS_OF = '2026-11-23';
const policy = builtinPolicy('stockholm');
const settings: BatchSettings = { policy, calendar: undefined, asOf: AS_OF, incremental: false, coverage: true };
const school = generateSchool({ students: 30, seed: 5, termEnd: AS_OF });
const workerUrl = new URL('../../dist/batch-worker.js', import.meta.url);

const dir = mkdtempSync(join(tmpdir(), 'trappa-batch-coverage-'));
const students = join(dir, 'students.ndjson');
const lessons = join(dir, 'lessons.ndjson');
writeFileSync(students, school.map(({ attendance: _, ...context }) => JSON.stringify(context)).join('\n') + '\n');
writeFileSync(lessons, school.flatMap((c) => (c.attendance ?? []).map((r) => JSON.stringify({ studentId: c.student.id, ...r }))).join('\n') + '\n');

/** The oracle: every student through `parseStudentCase` and `evaluate`, counted in one go. */
const expected = countCoverage(
  school.map((c) => {
    const parsed = parseStudentCase(c);
    if (!parsed.ok) throw new Error('fixture case rejected');
    return coverageSample(evaluate(parsed.case, policy, { asOf: AS_OF }), policy);
  }),
);

async function run(extra: Partial<BatchRun>) {
  return runBatch({ files: { students, lessons: [lessons] }, settings, out: new PassThrough(), format: { output: 'none', details: 'none', lang: 'sv' }, workers: 1, ...extra });
}

describe('runBatch with settings.coverage', () => {
  it('merges the buckets\' counts into the counts of the students one by one, for any bucket count', async () => {
    for (const buckets of [1, 4, 7]) {
      const report = await run({ buckets });
      expect(report.buckets).toBe(buckets);
      expect(report.coverage).toEqual(expected);
    }
  });

  it.skipIf(!existsSync(workerUrl))('the same with two worker threads', async () => {
    const report = await run({ buckets: 5, workers: 2, workerUrl });
    expect(report.workers).toBe(2);
    expect(report.coverage).toEqual(expected);
  });

  it('writes the report and the threshold\'s verdict into the summary file; no counts without the setting', async () => {
    const summaryPath = join(dir, 'summary.json');
    await run({ buckets: 3, summaryPath, coverageThreshold: 99 });
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as { coverage: unknown; threshold: number; belowThreshold: string[]; run: Record<string, unknown> };
    expect(summary.coverage).toEqual(JSON.parse(JSON.stringify(coverageReport(expected, [policy]))));
    expect(summary.threshold).toBe(99);
    expect(summary.belowThreshold).toEqual(['stockholm']);
    expect(summary.run).not.toHaveProperty('coverage');
    const plain = await runBatch({ files: { students, lessons: [lessons] }, settings: { ...settings, coverage: false }, out: new PassThrough(), format: { output: 'none', details: 'none', lang: 'sv' }, workers: 1 });
    expect(plain).not.toHaveProperty('coverage');
  });
});
