/**
 * Stress runs of the nightly batch at shapes the benchmark does not reach: many students with
 * few or no lessons, where the output (not the lessons) is what grows. Not part of CI.
 *
 *   npm run stress -- [--only no-lessons|one-lesson|first-day] [--students N] [--workers W]
 *
 * Each run writes a synthetic students file (the contexts of the fixture school, repeated under
 * new ids) and its lesson file, then runs the built CLI as a nightly job does
 * (`trappa evaluate --format lessons --json`, decisions to /dev/null, `--decisions-out` to a
 * file) and prints the wall time, the CLI's peak RSS (its own `--summary-json`, all threads)
 * and the memory per student. Shapes (defaults):
 * - `no-lessons`: 40 000 students, no lesson lines (the night before term starts);
 * - `first-day`: 100 000 students, five lessons each on the first day of term (500 000 lessons);
 * - `one-lesson`: 1 000 000 students, one lesson each.
 * The last line is one JSON object with the figures.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSchool } from '../fixtures/school.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    students: { type: 'string' },
    workers: { type: 'string', default: '1' },
  },
});
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const dir = '.bench/stress';
mkdirSync(dir, { recursive: true });

interface Shape {
  readonly name: 'no-lessons' | 'first-day' | 'one-lesson';
  readonly students: number;
  readonly lessonsPerStudent: number;
  readonly asOf: string;
}

const SHAPES: readonly Shape[] = [
  { name: 'no-lessons', students: 40_000, lessonsPerStudent: 0, asOf: '2026-08-17' },
  { name: 'first-day', students: 100_000, lessonsPerStudent: 5, asOf: '2026-08-17' },
  { name: 'one-lesson', students: 1_000_000, lessonsPerStudent: 1, asOf: '2026-11-23' },
];

function write(shape: Shape): { students: string; lessons: string; records: number } {
  // The fixture school's contexts (consents, signals, measures; no attendance), repeated under new ids.
  const contexts = generateSchool({ students: 600, seed: 5, termEnd: shape.asOf }).map(({ attendance: _, ...context }) => context);
  const students = `${dir}/${shape.name}-${shape.students}-students.ndjson`;
  const lessons = `${dir}/${shape.name}-${shape.students}-lessons.ndjson`;
  const sFd = openSync(students, 'w');
  const lFd = openSync(lessons, 'w');
  let records = 0;
  try {
    const starts = ['08:10', '09:10', '10:20', '12:40', '13:40'];
    for (let from = 0; from < shape.students; from += 10_000) {
      const sLines: string[] = [];
      const lLines: string[] = [];
      for (let n = from; n < Math.min(shape.students, from + 10_000); n += 1) {
        const context = contexts[n % contexts.length] as (typeof contexts)[number];
        const id = `elev-${String(n).padStart(7, '0')}`;
        const school = `skola-${String(Math.floor(n / 600)).padStart(4, '0')}`;
        sLines.push(JSON.stringify({ ...context, student: { ...context.student, id, school: { ...context.student.school, id: school } } }));
        for (let l = 0; l < shape.lessonsPerStudent; l += 1) {
          const absent = n % 7 === 0 ? ',"invalidAbsenceMinutes":60' : '';
          lLines.push(`{"studentId":"${id}","date":"${shape.asOf}","start":"${starts[l % starts.length]}","scheduledMinutes":60${absent}}`);
          records += 1;
        }
      }
      writeSync(sFd, `${sLines.join('\n')}\n`);
      if (lLines.length > 0) writeSync(lFd, `${lLines.join('\n')}\n`);
    }
  } finally {
    closeSync(sFd);
    closeSync(lFd);
  }
  return { students, lessons, records };
}

const results: Array<Record<string, unknown>> = [];
for (const base of SHAPES) {
  if (values.only !== undefined && values.only !== base.name) continue;
  const shape = values.students === undefined ? base : { ...base, students: Number(values.students) };
  const files = write(shape);
  const summaryPath = `${dir}/${shape.name}-summary.json`;
  const decisionsPath = `${dir}/${shape.name}-decisions.ndjson`;
  rmSync(summaryPath, { force: true });
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    [cli, 'evaluate', '--format', 'lessons', '--students', files.students, files.lessons, '--as-of', shape.asOf, '--json', '--no-progress']
      .concat(['--workers', values.workers, '--decisions-out', decisionsPath, '--summary-json', summaryPath]),
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - start) / 1000;
  const ok = r.status === 0;
  const summary = ok ? (JSON.parse(readFileSync(summaryPath, 'utf8')) as { cases: { evaluated: number }; run: { peakRssMb: number; buckets: number } }) : undefined;
  const result = {
    shape: shape.name,
    students: shape.students,
    lessons: files.records,
    workers: Number(values.workers),
    exit: r.status,
    seconds: Number(seconds.toFixed(1)),
    evaluated: summary?.cases.evaluated ?? null,
    buckets: summary?.run.buckets ?? null,
    peak_rss_mb: summary?.run.peakRssMb ?? null,
    kb_per_student: summary === undefined ? null : Number(((summary.run.peakRssMb * 1024) / shape.students).toFixed(2)),
    decisions_mb: ok ? Math.round(statSync(decisionsPath).size / 2 ** 20) : null,
  };
  results.push(result);
  process.stderr.write(
    ok
      ? `${shape.name}: ${shape.students} students, ${files.records} lessons: ${result.seconds} s, ${result.buckets} buckets, peak RSS ${result.peak_rss_mb} MB (${result.kb_per_student} KB a student), decisions ${result.decisions_mb} MB\n`
      : `${shape.name}: ${shape.students} students: exit ${r.status} after ${result.seconds} s\n${r.stderr.slice(-2000)}\n`,
  );
  rmSync(decisionsPath, { force: true });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
