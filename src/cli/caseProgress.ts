import { ProgressBar, type ProgressStream } from './progressBar.js';
import type { Lang } from '../report/text.js';

/** Runs shorter than this draw no progress bar (issue 16: "every run longer than about 2 s"). */
export const PROGRESS_DELAY_MS = 2000;

/** The counts a case run has at any moment (`RunSummary` has them). */
export interface CaseCounts {
  readonly cases: { readonly read: number; readonly evaluated: number };
  readonly records: { readonly read: number };
}

/** Progress of a run over cases: call `tick` after each case, `done` at the end. */
export interface CaseProgress {
  tick(counts: CaseCounts): void;
  done(): void;
}

/**
 * The progress of `trappa evaluate` (case files, SS 12000), `diff` and
 * `verify`: a bar on stderr when it is a terminal (or `enabled`), drawn only
 * once the run has lasted `PROGRESS_DELAY_MS`; with a known `total` (e.g.
 * `diff --generate N`) a share and the time left, else the count and rate.
 *
 * @param enabled - `--progress` (true) / `--no-progress` (false); default: stderr is a terminal
 * @param total - students in all, when known in advance
 * @param lang - language of the line (default sv)
 * @param stream - where to draw (default `process.stderr`)
 * @returns the progress
 * @example const progress = caseProgress(undefined); for (…) { …; progress.tick(summary); } progress.done();
 */
export function caseProgress(enabled: boolean | undefined, total = 0, lang: Lang = 'sv', stream: ProgressStream = process.stderr): CaseProgress {
  const bar = new ProgressBar(stream, enabled ?? stream.isTTY === true, 200, lang, PROGRESS_DELAY_MS);
  const started = performance.now();
  return {
    tick(counts: CaseCounts): void {
      bar.update({
        phase: 'evaluating',
        done: counts.cases.read,
        total,
        recordsRead: counts.records.read,
        studentsEvaluated: counts.cases.evaluated,
        elapsedS: (performance.now() - started) / 1000,
      });
    },
    done(): void {
      bar.done();
    },
  };
}

/**
 * `--progress` / `--no-progress` as one setting.
 *
 * @param values - the parsed flags
 * @returns true, false, or undefined (decide by the terminal)
 * @example progressFlag({ 'no-progress': true }) // false
 */
export function progressFlag(values: { readonly progress?: boolean | undefined; readonly 'no-progress'?: boolean | undefined }): boolean | undefined {
  return values['no-progress'] === true ? false : values.progress;
}
