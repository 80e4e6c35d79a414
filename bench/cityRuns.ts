/**
 * Trappa's built CLI run on the bench's city as a nightly job runs it
 * (`trappa evaluate --format lessons`), for the anchors section (issue 15): a timed run with
 * its output to /dev/null, and an untimed run whose decisions are read back for each student's
 * `termAbsence` fact.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { TermRate } from './anchors.js';

/** What the CLI reads: the built CLI, the students file, one lesson file, the date. */
export interface CityInput {
  readonly cli: string;
  readonly students: string;
  readonly lessons: string;
  readonly asOf: string;
  /** Lesson records in the file: every one must be accepted. */
  readonly records: number;
}

/** What a timed run writes to stdout (always /dev/null): the text summary only, or every decision, compact or full. */
export type TrappaOutput = 'details-none' | 'json-compact' | 'json';

/** The CLI's options for an output. */
export const OUTPUT_OPTIONS: Readonly<Record<TrappaOutput, readonly string[]>> = {
  'details-none': ['--details', 'none'],
  'json-compact': ['--json', 'compact'],
  json: ['--json', 'full'],
};

/** One timed run: wall seconds (process start included), the CLI's own peak RSS (all threads) and its phases. */
export interface TrappaRun {
  readonly seconds: number;
  readonly peakRssMb: number;
  /** The run's own timing of its two passes (`--summary-json`'s `run.seconds`): the rest of `seconds` is starting. */
  readonly phases: { readonly reading: number; readonly evaluating: number };
}

const evaluateArgs = (input: CityInput, workers: number): string[] => [
  input.cli,
  'evaluate',
  '--format',
  'lessons',
  '--students',
  input.students,
  input.lessons,
  '--as-of',
  input.asOf,
  '--policy',
  'stockholm',
  '--workers',
  String(workers),
];

/**
 * Run the CLI once, stdout to /dev/null, and read its `--summary-json` (written to
 * `summaryPath`): it must have accepted every record.
 *
 * @param extra - more options, e.g. `--previous` and `--decisions-out` for a second night
 * @example trappaRun(input, 'details-none', 1, '.bench/summary.json') // { seconds: 1.71, peakRssMb: 251 }
 */
export function trappaRun(input: CityInput, output: TrappaOutput, workers: number, summaryPath: string, extra: readonly string[] = []): TrappaRun {
  const mode = OUTPUT_OPTIONS[output];
  const start = performance.now();
  const r = spawnSync(process.execPath, [...evaluateArgs(input, workers), ...mode, '--summary-json', summaryPath, ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`trappa exited ${r.status}: ${r.stderr}`);
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as { records: { accepted: number }; run: { peakRssMb: number; seconds: { reading: number; evaluating: number } } };
  if (summary.records.accepted !== input.records) throw new Error(`trappa accepted ${summary.records.accepted} of ${input.records} records of ${input.lessons}`);
  return { seconds, peakRssMb: summary.run.peakRssMb, phases: { reading: summary.run.seconds.reading, evaluating: summary.run.seconds.evaluating } };
}

/**
 * Every student's `termAbsence` fact from the CLI's full decisions (`--json full`, read as it is
 * written; untimed).
 *
 * @example (await trappaTermRates(input, 2)).get('skola-001-elev-0001') // { part: 150, whole: 14400 }
 */
export async function trappaTermRates(input: CityInput, workers: number): Promise<Map<string, TermRate>> {
  const child = spawn(process.execPath, [...evaluateArgs(input, workers), ...OUTPUT_OPTIONS.json], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const rates = new Map<string, TermRate>();
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    if (line === '') continue;
    const d = JSON.parse(line) as { studentId: string; facts: { termAbsence: TermRate } };
    rates.set(d.studentId, { part: d.facts.termAbsence.part, whole: d.facts.termAbsence.whole });
  }
  const status = await exited;
  if (status !== 0) throw new Error(`trappa exited ${status}: ${stderr}`);
  return rates;
}
