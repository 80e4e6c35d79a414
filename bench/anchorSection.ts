/**
 * The bench's anchors section (issue 15): on the same lesson files, NDJSON and CSV, `cat`, every
 * line found in JavaScript (`Buffer.indexOf`, the least a JavaScript reader does), the plain Node
 * loop, DuckDB on 1 and 2 threads, trappa's CLI (`--details none`, `--json compact` and `--json
 * full`, all to /dev/null, on 1 and 2 workers) and trappa on a night of one student (what starting
 * a run costs), each the median of `repeat` rounds in which every
 * measure runs once, the order rotated from round to round so load drift hits all alike. Wall
 * and CPU seconds (the bench's own, DuckDB's threads included, and its waited-for children's).
 * Before timing, trappa's `termAbsence` fact is read for every student (NDJSON and CSV); every
 * anchor run that computes rates must give the same part and whole for every student, hence
 * the same "över 20 %" students, or the section throws with the first differing students.
 * The one-worker `--details none` night is also split into reading and evaluating, by its own
 * clock, and the rest of its wall time (starting and exiting), beside the line-finding floor and
 * the one-student night.
 */
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism, loadavg } from 'node:os';
import { defaultCalendarFor } from '../src/index.js';
import { catAnchor, duckdbAnchor, duckdbProcessAnchor, firstLine, flaggedStudents, linesAnchor, plainNodeAnchor, rateDifferences, type AnchorRun, type LessonFormat, type RatePeriod, type TermRate } from './anchors.js';
import { OUTPUT_OPTIONS, trappaRun, trappaTermRates, type CityInput, type TrappaOutput } from './cityRuns.js';
import { cpuSeconds } from './cpuTime.js';
import { workerScaling, type WorkerScaling } from './workerScaling.js';

/** The city's files and the section's options. */
export interface AnchorSectionInput {
  readonly cli: string;
  readonly students: string;
  readonly files: Readonly<Record<LessonFormat, string>>;
  readonly records: number;
  readonly asOf: string;
  /** Where the CLI's summaries go. */
  readonly dir: string;
  /** Rounds; each figure is the median over them. */
  readonly repeat: number;
}

/** The section's printed lines and its fields for the bench's JSON line. */
export interface AnchorSection {
  readonly lines: readonly string[];
  readonly json: Readonly<Record<string, unknown>>;
}

interface Measure {
  readonly key: string;
  readonly label: string;
  readonly run: (format: LessonFormat) => Promise<AnchorRun & { peakRssMb?: number; phases?: { reading: number; evaluating: number } }>;
}

/**
 * A night of one student with one lesson, written next to the city's files: the first lesson line
 * of the NDJSON and that student's line of the students file. Timed, it is what every run costs
 * before its first lesson: starting Node, loading the bundle, compiling the policy.
 */
async function oneStudentNight(input: AnchorSectionInput): Promise<CityInput> {
  const lessonLine = firstLine(input.files.ndjson);
  const studentId = (JSON.parse(lessonLine) as { studentId: string }).studentId;
  // The students file line by line, to that student's line: a city's file may be larger than a string can be too.
  let studentLine: string | undefined;
  for await (const line of createInterface({ input: createReadStream(input.students), crlfDelay: Infinity })) {
    if (line !== '' && (JSON.parse(line) as { student: { id: string } }).student.id === studentId) {
      studentLine = line;
      break;
    }
  }
  if (studentLine === undefined) throw new Error(`the students file has no line for ${studentId}, the first lesson's student`);
  const students = `${input.dir}/one-student.ndjson`;
  const lessons = `${input.dir}/one-lesson.ndjson`;
  writeFileSync(students, `${studentLine}\n`);
  writeFileSync(lessons, `${lessonLine}\n`);
  return { cli: input.cli, students, lessons, asOf: input.asOf, records: 1 };
}

const FORMATS: readonly LessonFormat[] = ['ndjson', 'csv'];

/** How the section's lines name each format. */
const FORMAT_NAMES: Readonly<Record<LessonFormat, string>> = { ndjson: 'NDJSON', csv: 'CSV' };

/** The CLI's outputs, each measured on 1 and 2 workers. */
const OUTPUTS: readonly TrappaOutput[] = ['details-none', 'json-compact', 'json'];

/**
 * The start of the default calendar's term holding `asOf`: where the term rate begins.
 *
 * @example termStartOf('2026-11-23') // '2026-08-17'
 */
export function termStartOf(asOf: string): string {
  const term = defaultCalendarFor(asOf).terms.find((t) => t.start <= asOf && asOf <= t.end);
  if (term === undefined) throw new Error(`${asOf} is in no term of the default calendar`);
  return term.start;
}

/**
 * The median of some numbers (the mean of the middle two for an even count).
 *
 * @example median([3, 1, 2]) // 2
 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** A trappa measure's key in the figures (`trappa_1w_details_none`). */
const trappaKey = (output: TrappaOutput, workers: number): string => `trappa_${workers}w_${output.replace('-', '_')}`;

function measures(input: AnchorSectionInput, period: RatePeriod, oneStudent: CityInput): Measure[] {
  const city = (format: LessonFormat): CityInput => ({ cli: input.cli, students: input.students, lessons: input.files[format], asOf: input.asOf, records: input.records });
  const trappa = (output: TrappaOutput, workers: number): Measure => ({
    key: trappaKey(output, workers),
    label: `trappa --workers ${workers} ${OUTPUT_OPTIONS[output].join(' ')}`,
    run: async (format) => trappaRun(city(format), output, workers, `${input.dir}/summary-anchor-${format}-${output}-${workers}.json`),
  });
  return [
    { key: 'cat', label: 'cat > /dev/null', run: async (format) => catAnchor(input.files[format]) },
    {
      key: 'lines',
      label: 'JS: find the lines (Buffer.indexOf)',
      run: async (format) => {
        const r = linesAnchor(input.files[format]);
        // Every lesson a line, and the CSV's header: a short read would measure less than the file.
        const expected = input.records + (format === 'csv' ? 1 : 0);
        if (r.lines !== expected) throw new Error(`finding the lines of ${input.files[format]} found ${r.lines}, not ${expected}`);
        return r;
      },
    },
    { key: 'node_loop', label: 'plain Node loop (readline, parse, sums)', run: (format) => plainNodeAnchor(input.files[format], format, period) },
    { key: 'duckdb_1thread', label: 'DuckDB, 1 thread', run: (format) => duckdbAnchor(input.files[format], format, period, 1) },
    { key: 'duckdb_2threads', label: 'DuckDB, 2 threads', run: (format) => duckdbAnchor(input.files[format], format, period, 2) },
    // Timed as trappa's CLI is: Node's start and the library's loading included (some 0.4 s on the bench VM).
    { key: 'duckdb_1thread_process', label: 'DuckDB, 1 thread, own node process', run: async (format) => duckdbProcessAnchor(input.files[format], format, period, 1) },
    ...[1, 2].flatMap((workers) => OUTPUTS.map((output) => trappa(output, workers))),
    // The same for both formats: the fixed cost of a run, whatever its lesson file.
    { key: 'trappa_start', label: 'trappa --workers 1, one student', run: async () => trappaRun(oneStudent, 'details-none', 1, `${input.dir}/summary-anchor-one-student.json`) },
  ];
}

/** Throw with the first students on whom `what` disagrees with trappa's `termAbsence` fact. */
function assertSameRates(what: string, reference: ReadonlyMap<string, TermRate>, rates: ReadonlyMap<string, TermRate>): void {
  const differences = rateDifferences(reference, rates);
  if (differences.length === 0) return;
  const first = differences
    .slice(0, 5)
    .map((d) => `${d.studentId}: trappa ${d.a.part}/${d.a.whole}, ${what} ${d.b.part}/${d.b.whole}${d.flag ? ' (över 20 % on one side only)' : ''}`)
    .join('; ');
  const flags = differences.filter((d) => d.flag).length;
  throw new Error(`${what} and trappa's termAbsence fact differ on ${differences.length} students (${flags} flagged on one side only); first: ${first}`);
}

const perSecond = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(0)} k`);

/**
 * Run the section: check, then `repeat` rotated rounds, then the figures.
 *
 * @example (await anchorSection({ cli, students, files: { ndjson, csv }, records, asOf: '2026-11-23', dir, repeat: 3 })).json.ratio_vs_duckdb_1thread // 5.2
 */
export async function anchorSection(input: AnchorSectionInput): Promise<AnchorSection> {
  const period: RatePeriod = { termStart: termStartOf(input.asOf), asOf: input.asOf };
  const loadStart = loadavg()[0] ?? 0;
  // The oracle, untimed: trappa's own fact for every student, on each format.
  const reference = await trappaTermRates({ cli: input.cli, students: input.students, lessons: input.files.ndjson, asOf: input.asOf, records: input.records }, 2);
  assertSameRates('trappa on the CSV', reference, await trappaTermRates({ cli: input.cli, students: input.students, lessons: input.files.csv, asOf: input.asOf, records: input.records }, 2));
  // Also DuckDB once on each file, untimed: an early failure, and its library loaded before the first timed run.
  for (const format of FORMATS) assertSameRates(`DuckDB (${format})`, reference, (await duckdbAnchor(input.files[format], format, period, 1)).rates ?? new Map());

  const all = measures(input, period, await oneStudentNight(input));
  const jobs = all.flatMap((m) => FORMATS.map((format) => ({ m, format })));
  const seconds = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const rss = new Map<string, number>();
  const phases = new Map<string, Array<{ reading: number; evaluating: number }>>();
  for (let round = 0; round < input.repeat; round += 1) {
    const shift = (round * 5) % jobs.length;
    for (const { m, format } of [...jobs.slice(shift), ...jobs.slice(0, shift)]) {
      const cpuBefore = cpuSeconds();
      const r = await m.run(format);
      const cpuUsed = cpuSeconds() - cpuBefore;
      const id = `${format}.${m.key}`;
      if (r.rates !== undefined) assertSameRates(`${m.label} (${format})`, reference, r.rates);
      seconds.set(id, [...(seconds.get(id) ?? []), r.seconds]);
      cpu.set(id, [...(cpu.get(id) ?? []), cpuUsed]);
      if (r.peakRssMb !== undefined) rss.set(id, Math.max(rss.get(id) ?? 0, r.peakRssMb));
      if (r.phases !== undefined) phases.set(id, [...(phases.get(id) ?? []), r.phases]);
    }
  }
  const loadEnd = loadavg()[0] ?? 0;

  const at = (format: LessonFormat, key: string): number => median(seconds.get(`${format}.${key}`) ?? []);
  const cpuAt = (format: LessonFormat, key: string): number => median(cpu.get(`${format}.${key}`) ?? []);
  const ratio = (format: LessonFormat, key: string, base = 'duckdb_1thread'): number => Number((at(format, key) / at(format, base)).toFixed(2));
  const cpuRatio = (format: LessonFormat, key: string): number => Number((cpuAt(format, key) / cpuAt(format, 'duckdb_1thread')).toFixed(2));
  const mb = (format: LessonFormat): number => Math.round(statSync(input.files[format]).size / 1e6);
  const flagged = flaggedStudents(reference).length;
  const row = (format: LessonFormat, m: Measure): string => {
    const peak = rss.get(`${format}.${m.key}`);
    // The one-student night reads one lesson: a rate of the city's lessons, or a ratio to DuckDB's city, would mean nothing.
    const city = m.key !== 'trappa_start';
    const cells = [
      at(format, m.key).toFixed(2),
      city ? perSecond(input.records / at(format, m.key)) : '',
      city ? ratio(format, m.key).toFixed(2) : '',
      cpuAt(format, m.key).toFixed(2),
      city ? cpuRatio(format, m.key).toFixed(2) : '',
      peak === undefined ? '' : `${peak} MB`,
    ];
    return `    ${m.label.padEnd(40)}${cells.map((c) => c.padStart(10)).join('')}`;
  };
  // Where the one-worker night goes: reading and evaluating by the run's own clock (which starts in
  // `runBatch`), and the rest of each run's wall time outside it (starting, and after the last
  // output: the summary, the temp files removed, the process's exit); each the median over the runs.
  const phasesOf = (format: LessonFormat): { outside: number; reading: number; evaluating: number } => {
    const id = `${format}.${trappaKey('details-none', 1)}`;
    const runs = phases.get(id) ?? [];
    const walls = seconds.get(id) ?? [];
    return {
      outside: median(runs.map((p, i) => (walls[i] ?? 0) - p.reading - p.evaluating)),
      reading: median(runs.map((p) => p.reading)),
      evaluating: median(runs.map((p) => p.evaluating)),
    };
  };
  const phasesLine = (format: LessonFormat): string => {
    const p = phasesOf(format);
    const perStudent = (p.evaluating / reference.size) * 1e6;
    return `    ${FORMAT_NAMES[format].padEnd(7)} outside the run's clock ${p.outside.toFixed(2)} s (a night of one student: ${at(format, 'trappa_start').toFixed(2)} s), reading ${p.reading.toFixed(2)} s (finding the lines alone: ${at(format, 'lines').toFixed(2)} s), evaluating ${p.evaluating.toFixed(2)} s (${perStudent.toFixed(0)} µs a student)`;
  };
  const cores = availableParallelism();
  const scaling = (format: LessonFormat, output: TrappaOutput): WorkerScaling => {
    const run = (workers: number) => ({ wall: at(format, trappaKey(output, workers)), cpu: cpuAt(format, trappaKey(output, workers)) });
    return workerScaling(run(1), run(2), cores);
  };
  const scalingLine = (format: LessonFormat, output: TrappaOutput): string => {
    const s = scaling(format, output);
    return `    ${OUTPUT_OPTIONS[output].join(' ').padEnd(16)} ×${s.speedup.toFixed(2)} (CPU ×${s.cpuRatio.toFixed(2)}, cores used ${s.coresOne.toFixed(2)} → ${s.coresTwo.toFixed(2)}; ceiling ×${s.ceiling.toFixed(2)})`;
  };
  const scalingJson = (format: LessonFormat): Record<string, Record<string, number>> =>
    Object.fromEntries(
      OUTPUTS.map((output) => {
        const s = scaling(format, output);
        const r = (x: number): number => Number(x.toFixed(2));
        return [output.replace('-', '_'), { speedup: r(s.speedup), cpu_ratio: r(s.cpuRatio), cores_one: r(s.coresOne), cores_two: r(s.coresTwo), ceiling: r(s.ceiling) }];
      }),
    );
  const lines = [
    `anchors: the same ${input.records} lessons, median of ${input.repeat} rotated rounds; load average (1 min) ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end`,
    `  ${''.padEnd(42)}${['wall s', 'lessons/s', '× DuckDB', 'CPU s', '× DuckDB', 'peak RSS'].map((c) => c.padStart(10)).join('')}`,
    ...FORMATS.flatMap((format) => [`  ${FORMAT_NAMES[format]}, ${mb(format)} MB (× DuckDB: of DuckDB 1 thread on this file)`, ...all.map((m) => row(format, m))]),
    `  where ${OUTPUT_OPTIONS['details-none'].join(' ')} --workers 1 goes (medians over its runs; reading and evaluating by the run's own clock, the rest is starting and exiting)`,
    ...FORMATS.map(phasesLine),
    `  two workers over one (wall; the ceiling is ${cores} cores over one worker's cores used, over the CPU ratio: docs/performance.md)`,
    ...FORMATS.flatMap((format) => [`  ${FORMAT_NAMES[format]}`, ...OUTPUTS.map((output) => scalingLine(format, output))]),
    `  check: DuckDB, the Node loop and trappa's termAbsence fact agree on every student's rate; ${flagged} of ${reference.size} över 20 %`,
  ];
  const figures = (format: LessonFormat, of: (format: LessonFormat, key: string) => number): Record<string, number> =>
    Object.fromEntries(all.map((m) => [m.key, Number(of(format, m.key).toFixed(3))]));
  const peaks = (format: LessonFormat): Record<string, number> =>
    Object.fromEntries(all.filter((m) => rss.has(`${format}.${m.key}`)).map((m) => [m.key, rss.get(`${format}.${m.key}`) as number]));
  return {
    lines,
    json: {
      ratio_vs_duckdb_1thread: ratio('ndjson', 'trappa_1w_details_none'),
      ratio_vs_duckdb_1thread_csv: ratio('csv', 'trappa_1w_details_none'),
      // Like with like: both from a process's start to its exit (DuckDB's time above leaves out loading its library).
      ratio_vs_duckdb_1thread_process: ratio('ndjson', 'trappa_1w_details_none', 'duckdb_1thread_process'),
      ratio_vs_duckdb_1thread_process_csv: ratio('csv', 'trappa_1w_details_none', 'duckdb_1thread_process'),
      speedup_2_workers: Number(scaling('ndjson', 'details-none').speedup.toFixed(2)),
      anchors: {
        repeat: input.repeat,
        load_avg_1m: [Number(loadStart.toFixed(2)), Number(loadEnd.toFixed(2))],
        file_mb: { ndjson: mb('ndjson'), csv: mb('csv') },
        students_over_20: flagged,
        seconds: { ndjson: figures('ndjson', at), csv: figures('csv', at) },
        cpu_seconds: { ndjson: figures('ndjson', cpuAt), csv: figures('csv', cpuAt) },
        peak_rss_mb: { ndjson: peaks('ndjson'), csv: peaks('csv') },
        two_workers: { cores, ndjson: scalingJson('ndjson'), csv: scalingJson('csv') },
        phases_1w_details_none: Object.fromEntries(FORMATS.map((format) => [format, Object.fromEntries(Object.entries(phasesOf(format)).map(([k, v]) => [k, Number(v.toFixed(3))]))])),
      },
    },
  };
}
