/**
 * The anchors `npm run bench` measures trappa against on the same files (issue 15): `cat`, a
 * plain Node JSON.parse loop, and DuckDB (what a data team would use for "who is över 20 %
 * tonight"). Each computes, per student, the term's absence rate exactly as trappa's
 * `termAbsence` fact has it — valid + invalid minutes over scheduled minutes of the *reported*
 * lessons (`reported` not false) dated from the term's start up to asOf — and the "över 20 %"
 * flag with the same exact integer comparison as trappa's `rateAbove` (part × 100 > whole × 20,
 * never when whole is 0). So each anchor's result can be held equal to trappa's own fact.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A term absence rate in minutes, as trappa's `termAbsence` fact: `part` of `whole`. */
export interface TermRate {
  readonly part: number;
  readonly whole: number;
}

/** One anchor's run: wall seconds and, for those that compute it, every student's term rate. */
export interface AnchorRun {
  readonly seconds: number;
  readonly rates?: ReadonlyMap<string, TermRate>;
}

/** The period the rate covers: [termStart, asOf], ISO dates. */
export interface RatePeriod {
  readonly termStart: string;
  readonly asOf: string;
}

/** A lesson file's format, as the bench writes both. */
export type LessonFormat = 'ndjson' | 'csv';

/**
 * "Över 20 %": the rate is strictly over 20 per cent, in exact integers (trappa's `rateAbove`).
 *
 * @example over20({ part: 21, whole: 100 }) // true
 * @example over20({ part: 20, whole: 100 }) // false
 */
export function over20(rate: TermRate): boolean {
  return rate.whole > 0 && rate.part * 100 > rate.whole * 20;
}

/**
 * `cat file > /dev/null`: the floor of reading the bytes.
 *
 * @example catAnchor('lessons.ndjson').seconds // 0.02
 */
export function catAnchor(path: string): AnchorRun {
  const start = performance.now();
  const r = spawnSync('cat', [path], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`cat exited ${r.status}`);
  return { seconds: (performance.now() - start) / 1000 };
}

/**
 * A file's first line (BOM dropped), read alone: a city's lesson file is larger than a string can be.
 *
 * @example firstLine('lessons.ndjson') // '{"studentId":"skola-001-elev-0001",…}'
 */
export function firstLine(path: string): string {
  const head = Buffer.alloc(1 << 16);
  const fd = openSync(path, 'r');
  let got: number;
  try {
    got = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const end = head.subarray(0, got).indexOf(10);
  if (end === -1 && got === head.length) throw new Error(`${path}: no line break in its first ${head.length} bytes`);
  return head.toString('utf8', 0, end === -1 ? got : end).replace(/^\uFEFF/, '');
}

/**
 * Every line of the file found in JavaScript and nothing more: 1 MiB reads into one buffer and
 * `Buffer.indexOf` for each line feed. Any JavaScript reader does at least this; trappa's reading
 * phase is compared with it (the rest is reading the lines' fields, looking up the student and
 * writing the bucket).
 *
 * @example linesAnchor('lessons.ndjson').seconds // 0.14
 */
export function linesAnchor(path: string): AnchorRun & { lines: number } {
  const start = performance.now();
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  try {
    for (let got = readSync(fd, buffer, 0, buffer.length, null); got > 0; got = readSync(fd, buffer, 0, buffer.length, null)) {
      for (let at = buffer.indexOf(10, 0); at !== -1 && at < got; at = buffer.indexOf(10, at + 1)) lines += 1;
    }
  } finally {
    closeSync(fd);
  }
  return { seconds: (performance.now() - start) / 1000, lines };
}

interface PlainLesson {
  studentId: string;
  date: string;
  scheduledMinutes: number;
  validAbsenceMinutes?: number;
  invalidAbsenceMinutes?: number;
  reported?: boolean;
}

/** A reader of the plain CSV the bench writes (a header naming the columns, commas, no quotes). */
function plainCsvRow(header: string): (line: string) => PlainLesson {
  const columns = header.split(',');
  const at = (name: string): number => {
    const i = columns.indexOf(name);
    if (i < 0 && (name === 'studentId' || name === 'date' || name === 'scheduledMinutes')) throw new Error(`the CSV has no ${name} column`);
    return i;
  };
  const [id, date, scheduled, valid, invalid, reported] = ['studentId', 'date', 'scheduledMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'reported'].map(at) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (line) => {
    const cells = line.split(',');
    return {
      studentId: cells[id] ?? '',
      date: cells[date] ?? '',
      scheduledMinutes: Number(cells[scheduled]),
      validAbsenceMinutes: Number(cells[valid] || 0),
      invalidAbsenceMinutes: Number(cells[invalid] || 0),
      reported: cells[reported] !== 'false',
    };
  };
}

/**
 * A plain Node loop: readline, JSON.parse (NDJSON) or a split on commas (the bench's CSV, no
 * quotes), per-student sums in Maps, then the rate. What anyone would write in ten minutes.
 *
 * @example (await plainNodeAnchor('lessons.ndjson', 'ndjson', { termStart: '2026-08-17', asOf: '2026-11-23' })).rates?.get('skola-001-elev-0001') // { part: 150, whole: 14400 }
 */
export async function plainNodeAnchor(path: string, format: LessonFormat, period: RatePeriod): Promise<AnchorRun> {
  const start = performance.now();
  const part = new Map<string, number>();
  const whole = new Map<string, number>();
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let row: ((line: string) => PlainLesson) | undefined = format === 'ndjson' ? (line) => JSON.parse(line) as PlainLesson : undefined;
  for await (const line of lines) {
    if (line === '') continue;
    if (row === undefined) {
      row = plainCsvRow(line);
      continue;
    }
    const r = row(line);
    if (r.date < period.termStart || r.date > period.asOf || r.reported === false) continue;
    part.set(r.studentId, (part.get(r.studentId) ?? 0) + (r.validAbsenceMinutes ?? 0) + (r.invalidAbsenceMinutes ?? 0));
    whole.set(r.studentId, (whole.get(r.studentId) ?? 0) + r.scheduledMinutes);
  }
  const rates = new Map<string, TermRate>();
  for (const [id, w] of whole) rates.set(id, { part: part.get(id) ?? 0, whole: w });
  return { seconds: (performance.now() - start) / 1000, rates };
}

/**
 * The query every DuckDB anchor runs: DuckDB reads the file itself (`read_json` / `read_csv`)
 * and groups by student: every student's part, whole and "över 20 %" flag.
 *
 * @example duckdbSql('lessons.ndjson', 'ndjson', { termStart: '2026-08-17', asOf: '2026-11-23' }) // 'SELECT studentId, …'
 */
export function duckdbSql(path: string, format: LessonFormat, period: RatePeriod): string {
  const quoted = `'${path.replace(/'/g, "''")}'`;
  const columns = `{'studentId': 'VARCHAR', 'date': 'DATE', 'scheduledMinutes': 'INTEGER', 'validAbsenceMinutes': 'INTEGER', 'invalidAbsenceMinutes': 'INTEGER', 'reported': 'BOOLEAN'}`;
  const source =
    format === 'ndjson'
      ? `read_json(${quoted}, format = 'newline_delimited', columns = ${columns})`
      : `read_csv(${quoted}, header = true, types = ${columns})`; // by name: the export's column order does not matter
  return `
    SELECT studentId,
      sum(coalesce(validAbsenceMinutes, 0) + coalesce(invalidAbsenceMinutes, 0))::INTEGER AS part,
      sum(scheduledMinutes)::INTEGER AS whole,
      whole > 0 AND part * 100 > whole * 20 AS over20
    FROM ${source}
    WHERE date BETWEEN DATE '${period.termStart}' AND DATE '${period.asOf}' AND coalesce(reported, true)
    GROUP BY studentId`;
}

/** DuckDB's rows (id, part, whole, flag) as rates; its flag must be `over20`'s. */
function ratesOfRows(rows: Iterable<readonly unknown[]>): Map<string, TermRate> {
  const rates = new Map<string, TermRate>();
  for (const [id, part, whole, flag] of rows) {
    const rate = { part: Number(part), whole: Number(whole) };
    if (flag !== over20(rate)) throw new Error(`DuckDB's flag disagrees with over20 on ${String(part)}/${String(whole)}`);
    rates.set(String(id), rate);
  }
  return rates;
}

/**
 * DuckDB (`@duckdb/node-api`, its binary inside the npm package) reading the file itself
 * and grouping by student on `threads` threads (`duckdbSql`): every student's part, whole and
 * flag, read back into a Map. The time includes starting the database, not loading the
 * library: the bench has loaded it before (`duckdbProcessAnchor` counts that too).
 *
 * @example (await duckdbAnchor('lessons.ndjson', 'ndjson', { termStart: '2026-08-17', asOf: '2026-11-23' }, 1)).rates?.size // 2000
 */
export async function duckdbAnchor(path: string, format: LessonFormat, period: RatePeriod, threads: number): Promise<AnchorRun> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const start = performance.now();
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(duckdbSql(path, format, period));
  const rates = ratesOfRows(reader.getRows());
  const seconds = (performance.now() - start) / 1000;
  connection.closeSync();
  db.closeSync();
  return { seconds, rates };
}

/**
 * The program `duckdbProcessAnchor` runs in a Node process of its own: load `@duckdb/node-api`,
 * run the query it is given on the threads it is given, print the rows as JSON.
 */
const DUCKDB_PROCESS = `
const [library, threads, sql] = process.argv.slice(1);
const { DuckDBInstance } = await import(library);
const db = await DuckDBInstance.create(':memory:', { threads });
const connection = await db.connect();
const reader = await connection.runAndReadAll(sql);
process.stdout.write(JSON.stringify(reader.getRowsJson()));
connection.closeSync();
db.closeSync();
`;

/** Where this bench finds `@duckdb/node-api`, as a URL the child process can import from any working directory. */
function duckdbLibraryUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('@duckdb/node-api')).href;
}

/**
 * DuckDB as trappa's CLI is timed: from a process's start to its exit. A Node process (this
 * bench's `node`) loads `@duckdb/node-api`, starts the database on `threads` threads, runs
 * `duckdbSql` and prints every student's row; the wall time covers all of it, as trappa's
 * covers starting Node and loading its own modules. The child imports `@duckdb/node-api` from
 * where this module resolves it, and prints its rows with `getRowsJson` (any wide integer as
 * text, which `ratesOfRows` reads as a number).
 *
 * @example duckdbProcessAnchor('lessons.ndjson', 'ndjson', { termStart: '2026-08-17', asOf: '2026-11-23' }, 1).rates?.size // 2000
 */
export function duckdbProcessAnchor(path: string, format: LessonFormat, period: RatePeriod, threads: number): AnchorRun {
  const library = duckdbLibraryUrl();
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', DUCKDB_PROCESS, library, String(threads), duckdbSql(path, format, period)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - start) / 1000;
  if (r.error !== undefined || r.status !== 0) {
    const cause = r.error?.message ?? `exit ${String(r.status ?? r.signal)}`;
    throw new Error(`DuckDB in a process of its own failed on ${path}: ${cause}`);
  }
  let rows: unknown[][];
  try {
    rows = JSON.parse(r.stdout) as unknown[][];
  } catch (error) {
    throw new Error(`DuckDB in a process of its own printed no JSON rows for ${path}: ${(error as Error).message}`);
  }
  return { seconds, rates: ratesOfRows(rows) };
}

/** One student on whom two results disagree: the flag, or the rate with the same flag. */
export interface RateDifference {
  readonly studentId: string;
  readonly flag: boolean;
  readonly a: TermRate;
  readonly b: TermRate;
}

const NO_RATE: TermRate = { part: 0, whole: 0 };

/**
 * The students on whom two results differ, flag differences first, each list in id order. A
 * student missing from one side counts as 0 of 0 there (no lessons in the term, never flagged).
 *
 * @example rateDifferences(new Map([['a', { part: 30, whole: 100 }]]), new Map([['a', { part: 10, whole: 100 }]])) // [{ studentId: 'a', flag: true, a: { part: 30, whole: 100 }, b: { part: 10, whole: 100 } }]
 */
export function rateDifferences(a: ReadonlyMap<string, TermRate>, b: ReadonlyMap<string, TermRate>): RateDifference[] {
  const out: RateDifference[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const ra = a.get(id) ?? NO_RATE;
    const rb = b.get(id) ?? NO_RATE;
    if (ra.part === rb.part && ra.whole === rb.whole) continue;
    out.push({ studentId: id, flag: over20(ra) !== over20(rb), a: ra, b: rb });
  }
  return out.sort((x, y) => Number(y.flag) - Number(x.flag) || (x.studentId < y.studentId ? -1 : x.studentId > y.studentId ? 1 : 0));
}

/**
 * The students flagged "över 20 %" in a result, in id order.
 *
 * @example flaggedStudents(new Map([['a', { part: 30, whole: 100 }], ['b', { part: 1, whole: 100 }]])) // ['a']
 */
export function flaggedStudents(rates: ReadonlyMap<string, TermRate>): string[] {
  return [...rates].filter(([, r]) => over20(r)).map(([id]) => id).sort();
}
