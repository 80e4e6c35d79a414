/**
 * One student's full decision on demand (`trappa explain <id> --students … <lessons> --json`), as
 * a rektor asks for it: the whole lesson file is read for one student's lines. Wall seconds, the
 * median of the rounds, on the city's NDJSON and CSV, and on the NDJSON with `--previous` (last
 * night's compact decisions, verified whole while the lessons are scanned) when the bench wrote
 * one; with `--compare`, the other build in the same rounds, in turns going first, whose decision
 * must be this build's byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { median } from './anchorSection.js';
import { firstLine } from './anchors.js';

/** What the section needs: the CLI, the city's files, the date, the rounds and the build compared. */
export interface ExplainRunOptions {
  readonly cli: string;
  readonly students: string;
  readonly lessons: { readonly ndjson: string; readonly csv: string };
  readonly asOf: string;
  readonly rounds: number;
  /** Another build of the CLI (`--compare`). */
  readonly compare?: string | undefined;
  /** Last night's decisions file (the second night's `--previous`): one more row, NDJSON with it. */
  readonly previous?: string | undefined;
}

/** One way of asking: its name in the table and the JSON line, and its files. */
interface Variant {
  readonly name: 'ndjson' | 'csv' | 'ndjson_previous';
  readonly label: string;
  readonly lessons: string;
  readonly previous?: string;
}

/** The student of the NDJSON file's first lesson: any student will do, the whole file is read. */
function firstStudent(ndjson: string): string {
  return (JSON.parse(firstLine(ndjson)) as { studentId: string }).studentId;
}

/** Run `trappa explain` once: wall seconds and the decision it printed. */
function timedExplain(cli: string, id: string, students: string, variant: Variant, asOf: string): { seconds: number; decision: string } {
  const start = performance.now();
  const previous = variant.previous === undefined ? [] : ['--previous', variant.previous];
  const r = spawnSync(process.execPath, [cli, 'explain', id, '--students', students, variant.lessons, '--as-of', asOf, ...previous, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`trappa explain exited ${r.status}: ${r.stderr.trim().split('\n').at(-1) ?? ''}`);
  return { seconds, decision: r.stdout };
}

/**
 * Run the section.
 *
 * @param options - CLI, files, date, rounds, compared build
 * @returns rows for the printed table and fields for the JSON line
 * @example explainRun({ cli, students, lessons: { ndjson, csv }, asOf: '2026-11-23', rounds: 3 }).json.explain_seconds_ndjson // e.g. 0.9
 */
export function explainRun(options: ExplainRunOptions): { readonly rows: Array<[string, string]>; readonly json: Record<string, number | null> } {
  const { cli, students, asOf, rounds, compare } = options;
  const id = firstStudent(options.lessons.ndjson);
  const rows: Array<[string, string]> = [];
  const json: Record<string, number | null> = {};
  const variants: Variant[] = [
    { name: 'ndjson', label: 'ndjson', lessons: options.lessons.ndjson },
    { name: 'csv', label: 'csv', lessons: options.lessons.csv },
    ...(options.previous === undefined ? [] : [{ name: 'ndjson_previous', label: 'ndjson with --previous', lessons: options.lessons.ndjson, previous: options.previous } as const]),
  ];
  for (const variant of variants) {
    const { name, label } = variant;
    const builds = compare === undefined ? [cli] : [cli, compare];
    const seconds = builds.map(() => [] as number[]);
    const decisions = builds.map(() => '');
    for (let round = 0; round < rounds; round += 1) {
      for (let i = 0; i < builds.length; i += 1) {
        const b = (round + i) % builds.length;
        const r = timedExplain(builds[b] as string, id, students, variant, asOf);
        seconds[b]?.push(r.seconds);
        decisions[b] = r.decision;
      }
    }
    if (!(decisions[0] ?? '').startsWith(`{"studentId":"${id}"`)) throw new Error(`trappa explain printed no decision of ${id} for the ${label} file`);
    const mine = median(seconds[0] ?? []);
    rows.push([`explain one student, ${label} (median of ${rounds}, s)`, mine.toFixed(2)]);
    json[`explain_seconds_${name}`] = Number(mine.toFixed(2));
    json[`compared_explain_seconds_${name}`] = null;
    if (compare !== undefined) {
      if (decisions[1] !== decisions[0]) throw new Error(`the compared build explained ${id} otherwise (${label})`);
      const before = median(seconds[1] ?? []);
      rows.push(['  compared build (s)', `${before.toFixed(2)} (this build ${(((mine - before) / before) * 100).toFixed(1)} %, the same decision)`]);
      json[`compared_explain_seconds_${name}`] = Number(before.toFixed(2));
    }
  }
  return { rows, json };
}
