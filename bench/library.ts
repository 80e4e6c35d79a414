/**
 * The library in process (issue 15): `parseStudentCase` and `evaluate` on the full-term students
 * of the benchmark city's first school (`generateSchool` with the city's seed for it, through JSON
 * text, as a caller gets them), no I/O. Measured in the same run, round after round, each the
 * best of R: the zod-only parse (`parseStudentCaseWithZod`, the baseline), the parse with its hot
 * paths, `evaluate` alone, and parse + evaluate with each parse. Called from `bench/bench.ts`.
 *
 * The library is measured as an application runs it: the built package (`dist/index.js`, which
 * `npm run bench` builds first), not the sources through tsx. tsx compiles with esbuild's
 * `keepNames`, which wraps every function it makes in a `__name` call: `evaluate` ran at 11 000
 * students/s through tsx and 15 400 from dist (best of 20 rounds each, same hour). The zod-only
 * parse, the baseline, is not exported and runs from the sources; its time is zod's own.
 *
 * Each measure is the best round after `WARM_ROUNDS` uncounted ones: the engine optimises the
 * code over several rounds of 600 students (the hot-path parse alone: 6 300 students/s in the first
 * round, 19 000 in the second, 33 000 from the fifth on), and a library that evaluates a school or a city runs warm.
 */
import { generateSchool } from '../fixtures/school.js';
import { parseStudentCaseWithZod } from '../src/adapters/parseStudentCase.js';
import type { CaseParseResult, StudentCase } from '../src/index.js';

/**
 * The built package, loaded when the bench runs (after `npm run bench` built it); typed from the
 * sources, so that type-checking a clean checkout needs no build.
 */
async function builtLibrary(): Promise<typeof import('../src/index.js')> {
  return (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.js');
}

/** Rounds of each measure run before the counted ones (see above). */
const WARM_ROUNDS = 6;

/** Options of `libraryBench`. */
export interface LibraryBenchOptions {
  /** The city's seed (`--seed`): the school is the city's first. */
  readonly seed: number;
  readonly rounds: number;
  readonly asOf: string;
  /** Students of the school (default 600, the city's school size). */
  readonly students?: number;
}

/** The section's rows for the table and its fields for the JSON line. */
export interface LibraryBenchResult {
  readonly rows: Array<[string, string]>;
  readonly result: Record<string, number>;
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
  const parsed = inputs.map((c) => accepted(parseStudentCase(c)));
  // Both parses must give the same cases before either is timed.
  inputs.forEach((c, i) => {
    if (JSON.stringify(accepted(parseStudentCaseWithZod(c))) !== JSON.stringify(parsed[i])) throw new Error(`the zod-only parse differs on student ${i}`);
  });
  const runs = {
    zodParse: () => inputs.forEach((c) => parseStudentCaseWithZod(c)),
    fastParse: () => inputs.forEach((c) => parseStudentCase(c)),
    evaluate: () => parsed.forEach((c) => evaluate(c, policy, { asOf, calendar })),
    zodParseEvaluate: () => inputs.forEach((c) => evaluate(accepted(parseStudentCaseWithZod(c)), policy, { asOf, calendar })),
    fastParseEvaluate: () => inputs.forEach((c) => evaluate(accepted(parseStudentCase(c)), policy, { asOf, calendar })),
  };
  const best: Record<keyof typeof runs, number> = { zodParse: Infinity, fastParse: Infinity, evaluate: Infinity, zodParseEvaluate: Infinity, fastParseEvaluate: Infinity };
  // Interleaved round by round, so a slow spell of the machine falls on every measure alike.
  for (let round = 0; round < rounds + WARM_ROUNDS; round += 1) {
    for (const [name, run] of Object.entries(runs) as Array<[keyof typeof runs, () => void]>) {
      const start = performance.now();
      run();
      // The first rounds warm the code up and are not counted.
      if (round >= WARM_ROUNDS) best[name] = Math.min(best[name], (performance.now() - start) / 1000);
    }
  }
  const perSecond = (seconds: number): number => Math.round(inputs.length / seconds);
  const micros = (seconds: number): string => ((seconds / inputs.length) * 1e6).toFixed(0);
  const result = {
    library_students: inputs.length,
    library_lessons_per_student: Math.round(lessons / inputs.length),
    library_parse_zod_students_per_s: perSecond(best.zodParse),
    library_parse_students_per_s: perSecond(best.fastParse),
    library_evaluate_students_per_s: perSecond(best.evaluate),
    library_parse_evaluate_zod_students_per_s: perSecond(best.zodParseEvaluate),
    library_parse_evaluate_students_per_s: perSecond(best.fastParseEvaluate),
  };
  const row = (label: string, seconds: number): [string, string] => [label, `${perSecond(seconds).toLocaleString('en')} (${micros(seconds)} µs a student)`];
  const rows: Array<[string, string]> = [
    [`library in process: students of ~${result.library_lessons_per_student} lessons`, String(inputs.length)],
    row('  parseStudentCase, zod only (students/s)', best.zodParse),
    row('  parseStudentCase, hot paths (students/s)', best.fastParse),
    row('  evaluate alone (students/s)', best.evaluate),
    row('  zod-only parse + evaluate (students/s)', best.zodParseEvaluate),
    row('  parse + evaluate (students/s)', best.fastParseEvaluate),
  ];
  return { rows, result };
}
