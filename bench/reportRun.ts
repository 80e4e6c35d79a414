/**
 * The school reports of a night (`trappa report`), the nightly job's second command: night one's
 * decisions file (compact, with its trailer, as `--decisions-out` writes it; see
 * `bench/secondNight.ts`) rendered to one HTML page per school. Wall seconds, the median of the
 * rounds, and the process's peak RSS; with `--compare`, the other build's report in the same
 * rounds, in turns going first, whose pages must be this build's byte for byte. A compared build
 * that fails (before the streamed report, any night over about 70 000 students: the file did not
 * fit in one string) is printed as failed, not measured.
 *
 * Peak RSS is read from `/proc/<pid>/status` (`VmHWM`, the high-water mark) every 20 ms while the
 * report runs: the last reading before it exits, so a peak in its final 20 ms could be missed.
 * Where there is no /proc (not Linux) it is 0.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './anchorSection.js';

/** What the section needs: the CLI, night one's decisions, the bench's directory, the rounds and the build compared. */
export interface ReportRunOptions {
  readonly cli: string;
  readonly decisions: string;
  readonly dir: string;
  readonly rounds: number;
  /** Another build of the CLI (`--compare`). */
  readonly compare?: string | undefined;
}

/** One report run: wall seconds, peak RSS (MB), and why it failed, if it did. */
interface ReportTiming {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly failure?: string;
}

/** The high-water mark of a process's resident memory in KB, or 0 when it cannot be read. */
function highWaterKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? 0 : Number(m[1]);
  } catch {
    return 0;
  }
}

/** Run `trappa report` once into `out`, timing it and sampling its memory. */
async function timedReport(cli: string, decisions: string, out: string): Promise<ReportTiming> {
  rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const child = spawn(process.execPath, [cli, 'report', decisions, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  let peakKb = 0;
  const sample = setInterval(() => {
    if (child.pid !== undefined) peakKb = Math.max(peakKb, highWaterKb(child.pid));
  }, 20);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sample);
  const seconds = (performance.now() - start) / 1000;
  const peakRssMb = Math.round(peakKb / 1024);
  return status === 0 ? { seconds, peakRssMb } : { seconds, peakRssMb, failure: stderr.trim().split('\n').at(-1) ?? `exit ${status}` };
}

/** Whether two report directories hold the same files with the same bytes. */
function sameReports(a: string, b: string): boolean {
  const names = readdirSync(a).sort();
  const other = readdirSync(b).sort();
  return names.length === other.length && names.every((name, i) => name === other[i] && readFileSync(join(a, name)).equals(readFileSync(join(b, name))));
}

/**
 * Run the section.
 *
 * @param options - CLI, decisions file, directory, rounds, compared build
 * @returns rows for the printed table and fields for the JSON line
 * @example (await reportRun({ cli, decisions: '.bench/night-1.ndjson', dir: '.bench', rounds: 3 })).json.report_seconds // e.g. 8.2
 */
export async function reportRun(options: ReportRunOptions): Promise<{ readonly rows: Array<[string, string]>; readonly json: Record<string, number | string | null> }> {
  const { cli, decisions, dir, rounds, compare } = options;
  type Kind = 'this' | 'compared';
  const runs: Record<Kind, ReportTiming[]> = { this: [], compared: [] };
  const out = (kind: Kind): string => join(dir, `reports-${kind}`);
  const kinds: Kind[] = compare === undefined ? ['this'] : ['this', 'compared'];
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < kinds.length; i += 1) {
      const kind = kinds[(round + i) % kinds.length] as Kind;
      runs[kind].push(await timedReport(kind === 'this' ? cli : (compare as string), decisions, out(kind)));
    }
  }
  const failed = runs.this.find((r) => r.failure !== undefined);
  if (failed !== undefined) throw new Error(`trappa report failed: ${failed.failure}`);
  const seconds = (kind: Kind): number => median(runs[kind].map((r) => r.seconds));
  const peak = (kind: Kind): number => Math.max(...runs[kind].map((r) => r.peakRssMb));
  const rows: Array<[string, string]> = [[`report of night one, this build (median of ${rounds}, s)`, `${seconds('this').toFixed(2)} (${peak('this')} MB)`]];
  const json: Record<string, number | string | null> = {
    report_seconds: Number(seconds('this').toFixed(2)),
    report_peak_rss_mb: peak('this'),
    compared_report_seconds: null,
    compared_report_peak_rss_mb: null,
    compared_report_failure: null,
  };
  if (compare !== undefined) {
    const failure = runs.compared.find((r) => r.failure !== undefined)?.failure;
    if (failure !== undefined) {
      rows.push(['  compared build', `failed: ${failure}`]);
      json['compared_report_failure'] = failure;
    } else {
      if (!sameReports(out('this'), out('compared'))) throw new Error('the compared build wrote other school reports');
      const before = seconds('compared');
      rows.push(['  compared build (s)', `${before.toFixed(2)} (${peak('compared')} MB; this build ${(((seconds('this') - before) / before) * 100).toFixed(1)} %, same pages)`]);
      json['compared_report_seconds'] = Number(before.toFixed(2));
      json['compared_report_peak_rss_mb'] = peak('compared');
    }
  }
  for (const kind of kinds) rmSync(out(kind), { recursive: true, force: true });
  return { rows, json };
}
