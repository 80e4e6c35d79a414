/**
 * The anchors `npm run bench` measures trappa against on the same files (issue 15): `cat`, a
 * plain Node JSON.parse loop, and DuckDB (what a data team would use for "who is över 20 %
 * tonight"). Each computes, per student, the term's absence rate (valid + invalid minutes over
 * scheduled minutes, lessons from the term's start up to asOf) and the "över 20 %" flag with the
 * same exact integer comparison trappa uses (part × 100 > whole × 20), so the flagged students
 * can be compared with trappa's own `termAbsence` fact.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One anchor's run: wall seconds and the students it flagged (undefined for `cat`). */
export interface AnchorRun {
  readonly seconds: number;
  readonly flagged?: ReadonlySet<string>;
}

/** The period the rate covers: [termStart, asOf], ISO dates. */
export interface RatePeriod {
  readonly termStart: string;
  readonly asOf: string;
}

const over20 = (part: number, whole: number): boolean => whole > 0 && part * 100 > whole * 20;

/**
 * `cat file > /dev/null`: the floor of reading the bytes.
 *
 * @example catAnchor('lessons.ndjson').seconds
 */
export function catAnchor(path: string): AnchorRun {
  const start = performance.now();
  const r = spawnSync('cat', [path], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`cat exited ${r.status}`);
  return { seconds: (performance.now() - start) / 1000 };
}

/**
 * A plain Node loop: readline, JSON.parse (NDJSON) or a split on commas (CSV without quotes),
 * per-student sums, then the flag. What anyone would write in ten minutes.
 *
 * @example await plainNodeAnchor('lessons.ndjson', 'ndjson', period)
 */
export async function plainNodeAnchor(path: string, format: 'ndjson' | 'csv', period: RatePeriod): Promise<AnchorRun> {
  const start = performance.now();
  const part = new Map<string, number>();
  const whole = new Map<string, number>();
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let columns: string[] | undefined;
  for await (const line of lines) {
    if (line === '') continue;
    let r: { studentId: string; date: string; scheduledMinutes: number; validAbsenceMinutes?: number; invalidAbsenceMinutes?: number };
    if (format === 'ndjson') r = JSON.parse(line) as typeof r;
    else if (columns === undefined) {
      columns = line.split(',');
      continue;
    } else {
      const cells = line.split(',');
      const at = (name: string): string => cells[columns?.indexOf(name) ?? -1] ?? '';
      r = {
        studentId: at('studentId'),
        date: at('date'),
        scheduledMinutes: Number(at('scheduledMinutes')),
        validAbsenceMinutes: Number(at('validAbsenceMinutes') || 0),
        invalidAbsenceMinutes: Number(at('invalidAbsenceMinutes') || 0),
      };
    }
    if (r.date < period.termStart || r.date > period.asOf) continue;
    part.set(r.studentId, (part.get(r.studentId) ?? 0) + (r.validAbsenceMinutes ?? 0) + (r.invalidAbsenceMinutes ?? 0));
    whole.set(r.studentId, (whole.get(r.studentId) ?? 0) + r.scheduledMinutes);
  }
  const flagged = new Set<string>();
  for (const [id, w] of whole) if (over20(part.get(id) ?? 0, w)) flagged.add(id);
  return { seconds: (performance.now() - start) / 1000, flagged };
}

/**
 * DuckDB (`@duckdb/node-api`, its binary inside the npm package) reading the file itself
 * (`read_json` / `read_csv`) and grouping by student, on `threads` threads. The time includes
 * starting the database.
 *
 * @example await duckdbAnchor('lessons.ndjson', 'ndjson', period, 1)
 */
export async function duckdbAnchor(path: string, format: 'ndjson' | 'csv', period: RatePeriod, threads: number): Promise<AnchorRun> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const start = performance.now();
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await db.connect();
  const quoted = `'${path.replace(/'/g, "''")}'`;
  const columns = `{'studentId': 'VARCHAR', 'date': 'DATE', 'scheduledMinutes': 'INTEGER', 'validAbsenceMinutes': 'INTEGER', 'invalidAbsenceMinutes': 'INTEGER'}`;
  const source =
    format === 'ndjson'
      ? `read_json(${quoted}, format = 'newline_delimited', columns = ${columns})`
      : `read_csv(${quoted}, header = true, types = ${columns})`; // by name: the export's column order does not matter
  const sql = `
    SELECT studentId
    FROM ${source}
    WHERE date BETWEEN DATE '${period.termStart}' AND DATE '${period.asOf}'
    GROUP BY studentId
    HAVING sum(coalesce(validAbsenceMinutes, 0) + coalesce(invalidAbsenceMinutes, 0)) * 100 > sum(scheduledMinutes) * 20`;
  const reader = await connection.runAndReadAll(sql);
  const flagged = new Set(reader.getRows().map((row) => String(row[0])));
  const seconds = (performance.now() - start) / 1000;
  connection.closeSync();
  db.closeSync();
  return { seconds, flagged };
}

/**
 * Students flagged by one side only (should be none).
 *
 * @example symmetricDifference(new Set(['a']), new Set(['a', 'b'])) // ['b']
 */
export function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...[...a].filter((x) => !b.has(x)), ...[...b].filter((x) => !a.has(x))].sort();
}
