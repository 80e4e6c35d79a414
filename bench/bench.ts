/**
 * Trappa benchmark: a baseline and Trappa measured in the same run, on the same file.
 *
 *   npm run bench -- [--students N] [--seed S] [--rounds R] [--repeat N] [--keep] [--compare CLI]
 *
 * It generates a synthetic city deterministically (`fixtures/city.ts`: schools of 600, a term
 * of lessons each, one lesson per line ordered by date, not by student) and measures:
 * 1. baseline: read the lesson NDJSON line by line (readline) with JSON.parse and sum the
 *    minutes per student in a Map;
 * 2. Trappa end to end on that file, as a nightly job runs it: the built CLI
 *    (`node dist/cli.js evaluate --format lessons --json`, output to /dev/null) on one core
 *    (`--workers 1`) and on every core; parse, validate, group, ledger, facts, typology,
 *    rules, decisions, output. Wall time measured here; peak memory from the CLI's own
 *    `--summary-json` (the whole process, all threads);
 * 3. rule evaluation alone on the same facts: the compiled evaluator, the interpreter and
 *    json-rules-engine (the reference; it must fire the same rules).
 * 4. the lesson CSV reader (split, header, cells, validation; no bucket writing) on the same
 *    lessons written as CSV: the reader before issue 13 (`bench/baseline/lessonCsvBefore.ts`,
 *    comma only) and today's on the same file, today's on the lessons written as a Swedish Excel
 *    export (BOM, CRLF, semicolons, Swedish names, ja/nej, an extra quoted column on every line),
 *    and, splitting only, the hand-written fast path, csv-parse's stream over the whole file and
 *    csv-parse called once a line (as a line reader must call it): the measurement that keeps
 *    the fast path. Before and after take turns going first;
 * 5. coverage: the CLI on one core with `--coverage` (what counting rule and leaf coverage adds
 *    to a night), and the coverage counter alone on the same facts.
 * 6. the anchors (issue 15, `bench/anchorSection.ts`) on the same lessons as NDJSON and CSV:
 *    `cat`, every line found in JavaScript (`Buffer.indexOf`), a plain Node loop, DuckDB on 1 and
 *    2 threads, the CLI with `--details none`, `--json compact` and `--json full` on 1 and 2
 *    workers, and the CLI on a night of one student (starting a run), each the median of N
 *    rotated rounds (`--repeat`), ratios to DuckDB's one thread, and where the one-worker
 *    `--details none` night goes (reading, evaluating, the rest); DuckDB and the Node loop must
 *    give every student the rate of trappa's `termAbsence` fact (hence the same "över 20 %"
 *    students), or the bench fails.
 * 7. the second night (`bench/secondNight.ts`): the CLI with `--previous` (night one's decisions)
 *    and `--decisions-out`, as a city runs every night but its first, beside the same night
 *    without `--previous`; the median of R rounds, with `--compare` the other build's too.
 * 8. the school reports (`bench/reportRun.ts`): `trappa report` on night one's decisions file,
 *    wall seconds and peak RSS, the median of R rounds; with `--compare` the other build's too,
 *    whose pages must be the same bytes.
 * 9. one student on demand (`bench/explainRun.ts`): `trappa explain <id> --students … --json` on
 *    the NDJSON and the CSV, and on the NDJSON with night one's decisions as `--previous`, the
 *    median of R rounds; with `--compare` the other build's too, whose decision must be the same
 *    bytes.
 * 10. the library in process (`bench/library.ts`): `parseStudentCase` and `evaluate` on the
 *    city's first school, each hot path the median of three fresh threads' best rounds; with
 *    `--compare` the other build's library (`index.js` beside its `cli.js`) too, thread by thread
 *    in turn, whose decisions must be the same JSON.
 * Each timing of 1–5 is the best of R rounds. The last line is one JSON object with the figures.
 *
 * The bench itself is bundled by esbuild into `.bench/bench.mjs` and run by node
 * (`npm run bench`, through `scripts/runBundled.mjs`),
 * not run through tsx: tsx compiles with `keepNames`, which wraps every function in a `__name`
 * call, and the sections that call the sources in process (3–5) ran 1.5–1.9× slower that way
 * (same hour, 2 000 students: compiled rules 228 000 → 341 000 evaluations/s, the CSV reader
 * 719 000 → 1 126 000 records/s). By hand: `node scripts/runBundled.mjs bench/bench.ts --students 300`.
 *
 * `--compare <path/to/cli.js>` also runs another build of the CLI (e.g. the main branch's, built
 * in a git worktree) on the same file in the same rounds, interleaved, and prints both: a
 * before/after from one run on one machine.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { writeCity, type CityFiles } from '../fixtures/city.js';
import { generateSchool } from '../fixtures/school.js';
import { builtinPolicy, defaultCalendarFor, parseStudentCase, rulesInForce } from '../src/index.js';
import { inForce } from '../src/evaluate.js';
import { computeFacts } from '../src/metrics/computeFacts.js';
import { addTypology } from '../src/typology/addTypology.js';
import { compilePolicy, runCompiled } from '../src/policy/compile.js';
import { evaluateConditions } from '../src/policy/evaluateConditions.js';
import { createReferenceEngine } from '../test/helpers/jreReference.js';
import type { Facts } from '../src/model/facts.js';
import { coverageCounter } from '../src/testing/coverageCounts.js';
import { parse as csvParse } from 'csv-parse';
import { LESSON_CSV_COLUMNS, parseCsvHeader, parseLessonCsvLine, type CsvHeader, type LessonParse } from '../src/adapters/lessons/lessonRecord.js';
import { forEachLine } from '../src/io/lines.js';
import { fastCsvFields } from '../src/adapters/lessons/csv.js';
import { parseCsvRecord } from '../src/adapters/lessons/csvRecord.js';
import { parseCsvHeaderBefore, parseLessonCsvLineBefore, type CsvHeaderBefore } from './baseline/lessonCsvBefore.js';
import { comparedLibrary, libraryBench } from './library.js';
import { anchorSection } from './anchorSection.js';
import { secondNight } from './secondNight.js';
import { reportRun } from './reportRun.js';
import { explainRun } from './explainRun.js';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    rounds: { type: 'string', default: '3' },
    repeat: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    compare: { type: 'string' },
  },
});
const students = Number(values.students);
const rounds = Number(values.rounds);
const asOf = '2026-11-23';
const dir = `.bench/city-${students}-${values.seed}`;
const cli = new URL('../dist/cli.js', import.meta.url).pathname;

mkdirSync(dir, { recursive: true });
// A city kept with --keep is reused (generating 100 000 students takes minutes).
const marker = `${dir}/city.json`;
const genStart = performance.now();
const city: CityFiles = existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as CityFiles) : writeCity({ students, seed: Number(values.seed), termEnd: asOf, dir });
writeFileSync(marker, JSON.stringify(city));
process.stderr.write(`city: ${students} students, ${city.records} lessons (${((performance.now() - genStart) / 1000).toFixed(1)} s)\n`);
const records = city.records;

async function baseline(): Promise<number> {
  const start = performance.now();
  const totals = new Map<string, number>();
  const lines = createInterface({ input: createReadStream(city.lessons, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const r = JSON.parse(line) as { studentId: string; scheduledMinutes: number; validAbsenceMinutes?: number; invalidAbsenceMinutes?: number };
    totals.set(r.studentId, (totals.get(r.studentId) ?? 0) + r.scheduledMinutes + (r.validAbsenceMinutes ?? 0) + (r.invalidAbsenceMinutes ?? 0));
  }
  if (totals.size !== students) throw new Error(`baseline saw ${totals.size} students`);
  return (performance.now() - start) / 1000;
}

interface CliRun {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly workers: number;
}

function endToEnd(workers: number, cliPath = cli, extra: readonly string[] = []): CliRun {
  const summaryPath = `${dir}/summary-${workers}${extra.length > 0 ? '-extra' : ''}.json`;
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    [cliPath, 'evaluate', '--format', 'lessons', '--students', city.students, city.lessons, '--as-of', asOf, '--policy', 'stockholm', '--json', '--workers', String(workers), '--summary-json', summaryPath, ...extra],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`trappa exited ${r.status}: ${r.stderr}`);
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as { records: { accepted: number }; run: { peakRssMb: number; workers: number } };
  if (summary.records.accepted !== records) throw new Error(`trappa accepted ${summary.records.accepted} of ${records} records`);
  return { seconds, peakRssMb: summary.run.peakRssMb, workers: summary.run.workers };
}

// The same lessons as CSV: as the city fixture writes it (the only form the old reader takes),
// and as a Swedish Excel export.
const DEFAULTS: Readonly<Record<string, unknown>> = { validAbsenceMinutes: 0, invalidAbsenceMinutes: 0, reported: true, guardianReported: false, reason: 'none' };
const SWEDISH: Readonly<Record<string, string>> = {
  studentId: 'Elev',
  date: 'Datum',
  start: 'Starttid',
  scheduledMinutes: 'Schemalagda minuter',
  validAbsenceMinutes: 'Giltig frånvaro',
  invalidAbsenceMinutes: 'Ogiltig frånvaro',
  reported: 'Rapporterad',
  guardianReported: 'Anmäld',
  reason: 'Orsak',
};
const plainCsv = `${dir}/lessons.csv`;
const exportCsv = `${dir}/lessons-export.csv`;
if (!existsSync(exportCsv)) {
  const plain = openSync(plainCsv, 'w');
  const excel = openSync(exportCsv, 'w');
  writeSync(plain, `${LESSON_CSV_COLUMNS.join(',')}\n`);
  writeSync(excel, `\uFEFF${[...LESSON_CSV_COLUMNS.map((c) => SWEDISH[c]), 'Lärare'].join(';')}\r\n`);
  let a: string[] = [];
  let b: string[] = [];
  const flush = (): void => {
    writeSync(plain, a.join(''));
    writeSync(excel, b.join(''));
    a = [];
    b = [];
  };
  await forEachLine(city.lessons, (line) => {
    if (line === '') return;
    const l = JSON.parse(line) as Record<string, unknown>;
    a.push(`${LESSON_CSV_COLUMNS.map((c) => (l[c] === undefined || l[c] === DEFAULTS[c] ? '' : String(l[c]))).join(',')}\n`);
    const cell = (c: string): string => {
      const v = l[c] ?? DEFAULTS[c];
      return v === true ? 'ja' : v === false ? 'nej' : v === undefined ? '' : String(v);
    };
    b.push(`${[...LESSON_CSV_COLUMNS.map(cell), '"Berg; A"'].join(';')}\r\n`);
    if (a.length >= 20000) flush();
  });
  flush();
  closeSync(plain);
  closeSync(excel);
}

/** Records per second of one lesson CSV reader over a whole file (read, split, convert, validate). */
async function csvReader<H>(path: string, header: (line: string) => H | { error: string | { en: string } }, parseLine: (line: string, h: H) => LessonParse): Promise<number> {
  const start = performance.now();
  let h: H | undefined;
  let accepted = 0;
  await forEachLine(path, (line, n) => {
    if (n === 1) {
      const parsed = header(line);
      if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) throw new Error(`${path}: ${typeof parsed.error === 'string' ? parsed.error : parsed.error.en}`);
      h = parsed;
      return;
    }
    if (line !== '' && h !== undefined && parseLine(line, h).ok) accepted += 1;
  });
  if (accepted !== records) throw new Error(`${path}: the CSV reader accepted ${accepted} of ${records} records`);
  return records / ((performance.now() - start) / 1000);
}

/** Records per second of the hand-written fast path alone over the same lines: split into fields, nothing converted. */
async function fastPathAlone(path: string): Promise<number> {
  const start = performance.now();
  let rows = 0;
  await forEachLine(path, (line, n) => {
    if (n > 1 && line !== '' && fastCsvFields(line, ',') !== undefined) rows += 1;
  });
  if (rows !== records) throw new Error(`the fast path read ${rows} rows of ${records}`);
  return records / ((performance.now() - start) / 1000);
}

/** Records per second of csv-parse called once per line, as the batch's line reader would call it (the first 20 000 lines). */
async function csvParsePerLine(path: string): Promise<number> {
  const start = performance.now();
  let rows = 0;
  await forEachLine(path, (line, n) => {
    if (n > 1 && n <= 20_001 && line !== '' && 'fields' in parseCsvRecord(line, ',')) rows += 1;
  });
  return rows / ((performance.now() - start) / 1000);
}

/** Records per second of csv-parse's stream alone: split into fields, nothing converted or validated. */
async function csvParseAlone(path: string): Promise<number> {
  const start = performance.now();
  let rows = 0;
  for await (const _row of createReadStream(path).pipe(csvParse({ relax_column_count: true, from_line: 2 }))) rows += 1;
  if (rows !== records) throw new Error(`csv-parse read ${rows} rows of ${records}`);
  return records / ((performance.now() - start) / 1000);
}

// 6. The anchors (issue 15) on the same NDJSON and CSV: checked first, so a mismatch fails early.
const anchors = await anchorSection({ cli, students: city.students, files: { ndjson: city.lessons, csv: plainCsv }, records, asOf, dir, repeat: Number(values.repeat) });

const base: number[] = [];
const single: CliRun[] = [];
const multi: CliRun[] = [];
const compared: CliRun[] = [];
const comparedMulti: CliRun[] = [];
const withCoverage: CliRun[] = [];
const cores = availableParallelism();
for (let round = 0; round < rounds; round += 1) {
  base.push(await baseline());
  single.push(endToEnd(1));
  withCoverage.push(endToEnd(1, cli, ['--coverage']));
  if (values.compare !== undefined) compared.push(endToEnd(1, values.compare));
  if (cores > 1) multi.push(endToEnd(cores));
  if (cores > 1 && values.compare !== undefined) comparedMulti.push(endToEnd(cores, values.compare));
}
// The CSV readers, interleaved round by round on the same files.
const csvBefore: number[] = [];
const csvNow: number[] = [];
const csvExport: number[] = [];
const csvLibrary: number[] = [];
const csvFast: number[] = [];
const csvPerLine: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  // Before and after take turns going first: neither gains from the other's warm-up.
  const before = async (): Promise<void> => void csvBefore.push(await csvReader<CsvHeaderBefore>(plainCsv, parseCsvHeaderBefore, parseLessonCsvLineBefore));
  const now = async (): Promise<void> => void csvNow.push(await csvReader<CsvHeader>(plainCsv, (line) => parseCsvHeader(line), parseLessonCsvLine));
  if (round % 2 === 0) {
    await before();
    await now();
  } else {
    await now();
    await before();
  }
  csvExport.push(await csvReader<CsvHeader>(exportCsv, (line) => parseCsvHeader(line), parseLessonCsvLine));
  csvFast.push(await fastPathAlone(plainCsv));
  csvLibrary.push(await csvParseAlone(plainCsv));
  csvPerLine.push(await csvParsePerLine(plainCsv));
}

const fastest = (runs: readonly CliRun[]): CliRun | undefined => [...runs].sort((a, b) => a.seconds - b.seconds)[0];
const one = fastest(single) as CliRun;
const all = fastest(multi);
const covered = fastest(withCoverage) as CliRun;

// Rule evaluation alone, on the facts of 500 students of the fixture school.
const policy = builtinPolicy('stockholm');
const rules = rulesInForce(policy, asOf);
const calendar = defaultCalendarFor(asOf);
const facts: Facts[] = generateSchool({ students: 500, seed: Number(values.seed), termEnd: asOf }).map((c) => {
  const parsed = parseStudentCase(c);
  if (!parsed.ok) throw new Error('fixture case rejected');
  const measured = computeFacts(parsed.case, asOf, calendar, policy.parameters);
  return addTypology(measured.facts, measured.patterns).facts;
});
const interpStart = performance.now();
let fired = 0;
const interpRounds = 20;
for (let r = 0; r < interpRounds; r += 1) {
  for (const f of facts) for (const rule of rules) if (evaluateConditions(rule.conditions, f, policy.conditions).result) fired += 1;
}
const interpSeconds = (performance.now() - interpStart) / 1000;
// The compiled evaluator `evaluate` uses: all rules of the policy, then those in force.
const compiledPolicy = compilePolicy(policy);
const compiledStart = performance.now();
let compiledFired = 0;
const compiledRounds = 200;
for (let r = 0; r < compiledRounds; r += 1) {
  for (const f of facts) {
    const run = runCompiled(compiledPolicy, f);
    compiledPolicy.rules.forEach((cr, i) => {
      if (run.rules[i] === 1 && inForce(cr.rule, asOf)) compiledFired += 1;
    });
  }
}
const compiledSeconds = (performance.now() - compiledStart) / 1000;
const engine = createReferenceEngine(policy, rules);
const jreStart = performance.now();
let jreFired = 0;
for (const f of facts) jreFired += (await engine.run({ ...f })).events.length;
const jreSeconds = (performance.now() - jreStart) / 1000;
if (fired !== jreFired * interpRounds) throw new Error(`engines disagree: ${fired / interpRounds} vs ${jreFired}`);
if (compiledFired !== jreFired * compiledRounds) throw new Error(`compiled and json-rules-engine disagree: ${compiledFired / compiledRounds} vs ${jreFired}`);

// The coverage counter alone (what `--coverage` does per student), on the same facts.
const counter = coverageCounter();
const coverageRounds = 200;
const coverageStart = performance.now();
for (let r = 0; r < coverageRounds; r += 1) for (const f of facts) counter.add({ policy, asOf, facts: f });
const coverageSeconds = (performance.now() - coverageStart) / 1000;
if (counter.counts().policies[policy.hash]?.cases !== facts.length * coverageRounds) throw new Error('the coverage counter lost students');

const baselineRps = records / Math.min(...base);
const e2eRps = records / one.seconds;
const allRps = all === undefined ? undefined : records / all.seconds;
const interpEps = (facts.length * interpRounds) / interpSeconds;
const compiledEps = (facts.length * compiledRounds) / compiledSeconds;
const jreEps = facts.length / jreSeconds;
const result = {
  students,
  records,
  records_per_s: Math.round(e2eRps),
  baseline_records_per_s: Math.round(baselineRps),
  ratio_vs_baseline: Number((e2eRps / baselineRps).toFixed(3)),
  all_cores_records_per_s: allRps === undefined ? null : Math.round(allRps),
  all_cores_ratio_vs_baseline: allRps === undefined ? null : Number((allRps / baselineRps).toFixed(3)),
  cores,
  seconds_one_core: Number(one.seconds.toFixed(2)),
  seconds_all_cores: all === undefined ? null : Number(all.seconds.toFixed(2)),
  compiled_evals_per_s: Math.round(compiledEps),
  interpreter_evals_per_s: Math.round(interpEps),
  jre_evals_per_s: Math.round(jreEps),
  coverage_counts_per_s: Math.round((facts.length * coverageRounds) / coverageSeconds),
  seconds_one_core_coverage: Number(covered.seconds.toFixed(2)),
  ratio_vs_jre: Number((compiledEps / jreEps).toFixed(1)),
  peak_rss_mb: Math.max(one.peakRssMb, all?.peakRssMb ?? 0),
  peak_rss_mb_one_core: one.peakRssMb,
  csv_reader_before_records_per_s: Math.round(Math.max(...csvBefore)),
  csv_reader_records_per_s: Math.round(Math.max(...csvNow)),
  csv_reader_change: Number((Math.max(...csvNow) / Math.max(...csvBefore) - 1).toFixed(3)),
  csv_reader_export_records_per_s: Math.round(Math.max(...csvExport)),
  csv_fast_path_alone_records_per_s: Math.round(Math.max(...csvFast)),
  csv_parse_alone_records_per_s: Math.round(Math.max(...csvLibrary)),
  csv_parse_per_line_records_per_s: Math.round(Math.max(...csvPerLine)),
  node: process.version,
};
const change = `${result.csv_reader_change >= 0 ? '+' : ''}${(result.csv_reader_change * 100).toFixed(1)} %`;
const rows: Array<[string, string]> = [
  ['students / lesson records', `${students} / ${records}`],
  ['baseline: readline + JSON.parse + sum (records/s)', result.baseline_records_per_s.toLocaleString('en')],
  ['Trappa CLI end to end, 1 core (records/s)', `${result.records_per_s.toLocaleString('en')} (${result.seconds_one_core} s)`],
  ['  ratio vs baseline', String(result.ratio_vs_baseline)],
  [`Trappa CLI end to end, ${cores} cores (records/s)`, allRps === undefined ? '-' : `${result.all_cores_records_per_s?.toLocaleString('en')} (${result.seconds_all_cores} s)`],
  ['  ratio vs baseline', String(result.all_cores_ratio_vs_baseline ?? '-')],
  ['rules: compiled (evaluations/s)', result.compiled_evals_per_s.toLocaleString('en')],
  ['rules: interpreter (evaluations/s)', result.interpreter_evals_per_s.toLocaleString('en')],
  ['rules: json-rules-engine (evaluations/s)', result.jre_evals_per_s.toLocaleString('en')],
  ['  ratio vs json-rules-engine', String(result.ratio_vs_jre)],
  ['Trappa CLI, 1 core, --coverage (s)', `${result.seconds_one_core_coverage} (without: ${result.seconds_one_core})`],
  ['coverage counter alone (students/s)', result.coverage_counts_per_s.toLocaleString('en')],
  ['peak RSS of the CLI (MB)', `${result.peak_rss_mb} (1 core: ${result.peak_rss_mb_one_core})`],
  ['lesson CSV reader, before issue 13 (records/s)', result.csv_reader_before_records_per_s.toLocaleString('en')],
  ['lesson CSV reader, now, same file (records/s)', `${result.csv_reader_records_per_s.toLocaleString('en')} (${change})`],
  ['lesson CSV reader, now, Swedish Excel export (records/s)', result.csv_reader_export_records_per_s.toLocaleString('en')],
  ['  splitting only: the fast path (records/s)', result.csv_fast_path_alone_records_per_s.toLocaleString('en')],
  ['  splitting only: csv-parse stream, whole file (records/s)', result.csv_parse_alone_records_per_s.toLocaleString('en')],
  ['  splitting only: csv-parse, one call a line (records/s)', result.csv_parse_per_line_records_per_s.toLocaleString('en')],
];
const other = fastest(compared);
const otherAll = fastest(comparedMulti);
if (other !== undefined) {
  const slower = (now: number, then: number): string => `${(((now - then) / then) * 100).toFixed(1)} %`;
  rows.push(
    [`compared build, 1 core (s)`, `${other.seconds.toFixed(2)} (this build ${one.seconds.toFixed(2)}: ${slower(one.seconds, other.seconds)})`],
    [`compared build, ${cores} cores (s)`, otherAll === undefined || all === undefined ? '-' : `${otherAll.seconds.toFixed(2)} (this build ${all.seconds.toFixed(2)}: ${slower(all.seconds, otherAll.seconds)})`],
  );
  Object.assign(result, {
    compared_seconds_one_core: Number(other.seconds.toFixed(2)),
    compared_seconds_all_cores: otherAll === undefined ? null : Number(otherAll.seconds.toFixed(2)),
    compared_peak_rss_mb: Math.max(other.peakRssMb, otherAll?.peakRssMb ?? 0),
  });
}
// 7. The second night: with last night's decisions, as a city runs every night but the first.
const nights = secondNight({ input: { cli, students: city.students, lessons: city.lessons, asOf, records }, dir, rounds, compare: values.compare });
rows.push(...nights.rows);
Object.assign(result, nights.json);
// 8. The school reports of night one, the nightly job's second command.
const reports = await reportRun({ cli, decisions: `${dir}/night-1.ndjson`, dir, rounds, compare: values.compare });
rows.push(...reports.rows);
Object.assign(result, reports.json);
// 9. One student's full decision on demand (`trappa explain`), the whole lesson file read for it.
const explained = explainRun({ cli, students: city.students, lessons: { ndjson: city.lessons, csv: plainCsv }, asOf, rounds, compare: values.compare, previous: `${dir}/night-1.ndjson` });
rows.push(...explained.rows);
Object.assign(result, explained.json);
const comparedIndex = values.compare === undefined ? undefined : comparedLibrary(values.compare);
const library = await libraryBench({ seed: Number(values.seed), rounds, asOf, compare: comparedIndex });
if (values.compare !== undefined && comparedIndex === undefined) rows.push(['library: compared build', 'not compared: no index.js beside its cli.js']);
rows.push(...library.rows);
Object.assign(result, library.result);
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(58)} ${v}\n`);
process.stdout.write(`${anchors.lines.join('\n')}\n`);
Object.assign(result, anchors.json);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
