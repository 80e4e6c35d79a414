/**
 * The library in process (issue 15): `parseStudentCase` and `evaluate` on the full-term students
 * of the benchmark city's first school (`generateSchool` with the city's seed for it, through JSON
 * text, as a caller gets them), no I/O. Measured in the same run, each the best of R rounds: the
 * zod-only parse (`parseStudentCaseWithZod`, the baseline), the parse with its hot paths,
 * `evaluate` alone, and parse + evaluate with each parse. Called from `bench/bench.ts`.
 *
 * The library is measured as an application runs it: the built package (`dist/index.js`, which
 * `npm run bench` builds first), not the sources through tsx. tsx compiles with esbuild's
 * `keepNames`, which wraps every function it makes in a `__name` call: `evaluate` ran at 11 000
 * students/s through tsx and 15 400 from dist (best of 20 rounds each, same hour). The zod-only
 * parse, the baseline, is not exported and runs from the sources; its time is zod's own.
 *
 * Each measure runs as one block: `WARM_ROUNDS` uncounted rounds, then R counted ones, the best
 * of which is reported. The engine optimises the code over several rounds of 600 students (the
 * hot-path parse alone: 6 300 students/s in the first round, 19 000 in the second, 33 000 from
 * the fifth on; `evaluate` reaches its speed after some seven rounds), and a library that
 * evaluates a school or a city runs warm and without pauses. An earlier version of this bench
 * interleaved the measures round by round, against drift. That cost more than drift does: a
 * thread idle for a second between its rounds ran `evaluate` at about 9 000 students/s instead of
 * 15 000 (same process, same hour, rounds 7–14).
 *
 * The three measures of the package's hot paths (parse, `evaluate` alone, parse + evaluate) each
 * run in a fresh worker thread, its own V8 isolate, so that none of them shapes another's code.
 * V8 learns per allocation site whether its objects outlive a young-generation collection
 * ("pretenuring"): once 600 parsed cases had been kept in one isolate, as `evaluate` alone must,
 * every later parse there allocated its records straight into the old generation, and the
 * hot-path parse ran at 6 200 students/s instead of 34 500 (parse + evaluate 2 700 instead of
 * 8 700; `--no-allocation-site-pretenuring` gave the speed back). That is why earlier runs of this
 * bench printed a parse + evaluate far below what its two parts add up to. The zod-only baseline
 * runs in the bench's own thread, from the sources.
 *
 * Each hot-path measure runs in `ISOLATES` fresh worker threads and the median of their best
 * rounds is reported: on this project's VM a thread runs `evaluate` at 46–50 µs a student or at
 * 67–98, as the host's caches are shared at the time (docs/performance.md, "Cheaper evaluate and
 * parse"), so the best of one isolate can be off by half. With `--compare <cli.js>` the same measures run, isolate by isolate in turn, on
 * the other build's library (`index.js` beside its `cli.js`), whose decisions on the school must
 * be the same JSON.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { median } from './anchorSection.js';
import { generateSchool } from '../fixtures/school.js';
import { parseStudentCaseWithZod } from '../src/adapters/parseStudentCase.js';
import type { CaseParseResult, StudentCase } from '../src/index.js';

/** The built package's entry (`npm run bench` builds it first). */
const BUILT_LIBRARY = new URL('../dist/index.js', import.meta.url).href;

/**
 * The built package, loaded when the bench runs (after `npm run bench` built it); typed from the
 * sources, so that type-checking a clean checkout needs no build.
 */
async function builtLibrary(): Promise<typeof import('../src/index.js')> {
  return (await import(BUILT_LIBRARY)) as typeof import('../src/index.js');
}

/** A measure of the built package's hot paths, run in its own worker thread. */
type HotMeasure = 'parse' | 'evaluate' | 'parseEvaluate';

/**
 * The worker that times one hot-path measure (plain JavaScript, run with `eval`: it loads only
 * the built package). It answers with the best of the counted rounds, in seconds.
 */
const MEASURE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { builtinPolicy, defaultCalendarFor, evaluate, parseStudentCase } = await import(workerData.library);
  const { asOf, measure, warm, rounds } = workerData;
  const inputs = JSON.parse(workerData.inputs);
  const policy = builtinPolicy('stockholm');
  const calendar = defaultCalendarFor(asOf);
  const kept = measure === 'evaluate' ? inputs.map((c) => parseStudentCase(c).case) : [];
  const run =
    measure === 'parse' ? () => { for (const c of inputs) parseStudentCase(c); }
    : measure === 'evaluate' ? () => { for (const c of kept) evaluate(c, policy, { asOf, calendar }); }
    : () => { for (const c of inputs) evaluate(parseStudentCase(c).case, policy, { asOf, calendar }); };
  let best = Infinity;
  for (let round = 0; round < warm + rounds; round += 1) {
    const start = performance.now();
    run();
    if (round >= warm) best = Math.min(best, (performance.now() - start) / 1000);
  }
  parentPort.postMessage(best);
})();
`;

/** The best round's seconds of one hot-path measure, in a fresh worker thread, on the library at `library` (a file URL). */
async function inFreshIsolate(measure: HotMeasure, inputs: string, asOf: string, rounds: number, library = BUILT_LIBRARY): Promise<number> {
  const worker = new Worker(MEASURE_WORKER, { eval: true, workerData: { library, inputs, asOf, measure, warm: WARM_ROUNDS, rounds } });
  try {
    return await new Promise<number>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the ${measure} worker exited with code ${code}`)));
      worker.once('message', (seconds: number) => resolve(seconds));
    });
  } finally {
    await worker.terminate();
  }
}

/** Rounds of each measure run before the counted ones (see above). */
const WARM_ROUNDS = 10;

/** Fresh worker threads each hot-path measure runs in, of each build; the median of their best rounds is reported (see above). */
const ISOLATES = 3;

/**
 * The library of another build of the CLI (`--compare`): `index.js` beside its `cli.js`, as a file
 * URL, or undefined when that build has none.
 */
export function comparedLibrary(cli: string): string | undefined {
  const index = join(dirname(cli), 'index.js');
  return existsSync(index) ? pathToFileURL(index).href : undefined;
}

/** Options of `libraryBench`. */
export interface LibraryBenchOptions {
  /** The city's seed (`--seed`): the school is the city's first. */
  readonly seed: number;
  readonly rounds: number;
  readonly asOf: string;
  /** Students of the school (default 600, the city's school size). */
  readonly students?: number;
  /** Another build's library (`comparedLibrary(--compare)`): its hot paths are measured too. */
  readonly compare?: string | undefined;
}

/** The section's rows for the table and its fields for the JSON line. */
export interface LibraryBenchResult {
  readonly rows: Array<[string, string]>;
  readonly result: Record<string, number | null>;
}

/**
 * Measure parse and evaluate in process.
 *
 * @param options - seed, rounds, evaluation date
 * @returns rows for the printed table and fields for the final JSON line
 * @example (await libraryBench({ seed: 7, rounds: 3, asOf: '2026-11-23' })).result.library_parse_evaluate_students_per_s // e.g. 3400
 */
export async function libraryBench(options: LibraryBenchOptions): Promise<LibraryBenchResult> {
  const { asOf, rounds } = options;
  const { builtinPolicy, defaultCalendarFor, evaluate, parseStudentCase } = await builtLibrary();
  const inputs = generateSchool({ students: options.students ?? 600, seed: options.seed * 1000, termEnd: asOf }).map((c) => JSON.parse(JSON.stringify(c)) as unknown);
  const lessons = inputs.reduce<number>((n, c) => n + ((c as { attendance: unknown[] }).attendance.length), 0);
  const policy = builtinPolicy('stockholm');
  const calendar = defaultCalendarFor(asOf);
  const accepted = (r: CaseParseResult): StudentCase => {
    if (!r.ok || r.rejectedRecords.length > 0) throw new Error('a fixture case was rejected');
    return r.case;
  };
  // Both parses must give the same cases before either is timed. No parsed case is kept in this
  // isolate (see above): each is compared as text and dropped.
  inputs.forEach((c, i) => {
    if (JSON.stringify(accepted(parseStudentCaseWithZod(c))) !== JSON.stringify(accepted(parseStudentCase(c)))) throw new Error(`the zod-only parse differs on student ${i}`);
  });
  const best = (run: () => void): number => {
    let seconds = Infinity;
    for (let round = 0; round < WARM_ROUNDS + rounds; round += 1) {
      const start = performance.now();
      run();
      if (round >= WARM_ROUNDS) seconds = Math.min(seconds, (performance.now() - start) / 1000);
    }
    return seconds;
  };
  const text = JSON.stringify(inputs);
  const other = options.compare === undefined ? undefined : ((await import(options.compare)) as typeof import('../src/index.js'));
  if (other !== undefined) {
    // The compared build must decide the school the same, student by student (compared as text, none kept).
    const otherPolicy = other.builtinPolicy('stockholm');
    inputs.forEach((c, i) => {
      const mine = JSON.stringify(evaluate(accepted(parseStudentCase(c)), policy, { asOf, calendar }));
      const theirs = JSON.stringify(other.evaluate(accepted(other.parseStudentCase(c)), otherPolicy, { asOf, calendar: other.defaultCalendarFor(asOf) }));
      if (mine !== theirs) throw new Error(`the compared build decides student ${i} of the school otherwise`);
    });
  }
  // Each hot measure in ISOLATES fresh threads per build, the builds in turn; the median of each build's.
  const hot = async (measure: HotMeasure): Promise<{ mine: number; theirs: number | undefined }> => {
    const mine: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < ISOLATES; i += 1) {
      mine.push(await inFreshIsolate(measure, text, asOf, rounds));
      if (options.compare !== undefined) theirs.push(await inFreshIsolate(measure, text, asOf, rounds, options.compare));
    }
    return { mine: median(mine), theirs: theirs.length === 0 ? undefined : median(theirs) };
  };
  const parse = await hot('parse');
  const evaluated = await hot('evaluate');
  const parseEvaluate = await hot('parseEvaluate');
  const times = {
    zodParse: best(() => inputs.forEach((c) => parseStudentCaseWithZod(c))),
    fastParse: parse.mine,
    evaluate: evaluated.mine,
    zodParseEvaluate: best(() => inputs.forEach((c) => evaluate(accepted(parseStudentCaseWithZod(c)), policy, { asOf, calendar }))),
    fastParseEvaluate: parseEvaluate.mine,
  };
  const perSecond = (seconds: number): number => Math.round(inputs.length / seconds);
  const micros = (seconds: number): string => ((seconds / inputs.length) * 1e6).toFixed(0);
  const result = {
    library_students: inputs.length,
    library_lessons_per_student: Math.round(lessons / inputs.length),
    library_parse_zod_students_per_s: perSecond(times.zodParse),
    library_parse_students_per_s: perSecond(times.fastParse),
    library_evaluate_students_per_s: perSecond(times.evaluate),
    library_parse_evaluate_zod_students_per_s: perSecond(times.zodParseEvaluate),
    library_parse_evaluate_students_per_s: perSecond(times.fastParseEvaluate),
    library_isolates: ISOLATES,
    compared_library_parse_students_per_s: parse.theirs === undefined ? null : perSecond(parse.theirs),
    compared_library_evaluate_students_per_s: evaluated.theirs === undefined ? null : perSecond(evaluated.theirs),
    compared_library_parse_evaluate_students_per_s: parseEvaluate.theirs === undefined ? null : perSecond(parseEvaluate.theirs),
  };
  const row = (label: string, seconds: number): [string, string] => [label, `${perSecond(seconds).toLocaleString('en')} (${micros(seconds)} µs a student)`];
  // The compared build's figure beside a hot measure: its students/s and this build's change in time.
  const against = (label: string, m: { mine: number; theirs: number | undefined }): Array<[string, string]> =>
    m.theirs === undefined
      ? []
      : [[`    compared build${label}`, `${perSecond(m.theirs).toLocaleString('en')} (${micros(m.theirs)} µs; this build ${(((m.mine - m.theirs) / m.theirs) * 100).toFixed(1)} %)`]];
  const rows: Array<[string, string]> = [
    [`library in process: students of ~${result.library_lessons_per_student} lessons`, `${inputs.length} (hot paths: median of ${ISOLATES} fresh threads${other === undefined ? '' : ' a build, the same decisions'})`],
    row('  parseStudentCase, zod only (students/s)', times.zodParse),
    row('  parseStudentCase, hot paths (students/s)', times.fastParse),
    ...against('', parse),
    row('  evaluate alone (students/s)', times.evaluate),
    ...against('', evaluated),
    row('  zod-only parse + evaluate (students/s)', times.zodParseEvaluate),
    row('  parse + evaluate (students/s)', times.fastParseEvaluate),
    ...against('', parseEvaluate),
  ];
  return { rows, result };
}
