/**
 * The second night (issue 15): the nightly job as a city runs it from its second night on, with
 * last night's decisions (`--previous`, which keeps open duties open and writes the changes) and
 * tonight's written for tomorrow (`--decisions-out`, compact). Measured beside the same night
 * without `--previous` (the baseline: what the night costs without last night's file), each the
 * median of the rounds, with the runs of a round in turns going first; with `--compare`, the
 * other build's second night in the same rounds, whose decisions file must be byte for byte
 * this build's. Night one (`2026-11-20`, untimed) is written once by this build.
 */
import { readFileSync } from 'node:fs';
import { median } from './anchorSection.js';
import { trappaRun, type CityInput, type TrappaRun } from './cityRuns.js';

/** What the section needs: the city as the CLI reads it, the bench's directory, the rounds, and the build compared. */
export interface SecondNightOptions {
  readonly input: CityInput;
  readonly dir: string;
  readonly rounds: number;
  /** Another build of the CLI (`--compare`). */
  readonly compare?: string | undefined;
}

/** The night before the bench's date, whose decisions are the second night's `--previous`. */
export const NIGHT_ONE = '2026-11-20';

/**
 * Run the section.
 *
 * @param options - city, directory, rounds, compared build
 * @returns rows for the printed table and fields for the JSON line
 * @example (await secondNight({ input, dir, rounds: 3 })).json.second_night_ratio_vs_fresh // e.g. 1.3
 */
export function secondNight(options: SecondNightOptions): { readonly rows: Array<[string, string]>; readonly json: Record<string, number | null> } {
  const { input, dir, rounds, compare } = options;
  const nightOne = `${dir}/night-1.ndjson`;
  trappaRun({ ...input, asOf: NIGHT_ONE }, 'details-none', 1, `${dir}/summary-night-1.json`, ['--decisions-out', nightOne]);
  type Kind = 'fresh' | 'second' | 'compared';
  const runs: Record<Kind, TrappaRun[]> = { fresh: [], second: [], compared: [] };
  const run = (kind: Kind): void => {
    const cli = kind === 'compared' ? (compare as string) : input.cli;
    const previous = kind === 'fresh' ? [] : ['--previous', nightOne];
    runs[kind].push(trappaRun({ ...input, cli }, 'details-none', 1, `${dir}/summary-night-2-${kind}.json`, [...previous, '--decisions-out', `${dir}/night-2-${kind}.ndjson`]));
  };
  const kinds: Kind[] = compare === undefined ? ['fresh', 'second'] : ['fresh', 'second', 'compared'];
  for (let round = 0; round < rounds; round += 1) for (let i = 0; i < kinds.length; i += 1) run(kinds[(round + i) % kinds.length] as Kind);
  if (compare !== undefined && !readFileSync(`${dir}/night-2-second.ndjson`).equals(readFileSync(`${dir}/night-2-compared.ndjson`))) {
    throw new Error('the compared build wrote other decisions on the second night');
  }
  const seconds = (kind: Kind): number => median(runs[kind].map((r) => r.seconds));
  const peak = (kind: Kind): number => Math.max(...runs[kind].map((r) => r.peakRssMb));
  const fresh = seconds('fresh');
  const second = seconds('second');
  const json: Record<string, number | null> = {
    second_night_seconds_one_worker: Number(second.toFixed(2)),
    second_night_fresh_seconds_one_worker: Number(fresh.toFixed(2)),
    second_night_ratio_vs_fresh: Number((second / fresh).toFixed(3)),
    second_night_peak_rss_mb: peak('second'),
    compared_second_night_seconds_one_worker: compare === undefined ? null : Number(seconds('compared').toFixed(2)),
  };
  const rows: Array<[string, string]> = [
    [`second night, 1 worker, --previous (median of ${rounds}, s)`, `${second.toFixed(2)} (${peak('second')} MB)`],
    ['  the same night without --previous (s)', `${fresh.toFixed(2)}: --previous costs ${(((second - fresh) / fresh) * 100).toFixed(0)} %`],
  ];
  if (compare !== undefined) {
    const before = seconds('compared');
    rows.push(['  compared build, --previous (s)', `${before.toFixed(2)} (this build ${(((second - before) / before) * 100).toFixed(1)} %, same decisions)`]);
  }
  return { rows, json };
}
