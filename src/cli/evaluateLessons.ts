import type { BatchSettings } from '../batch/evaluateBucket.js';
import type { DecisionForm, OutputFormat } from '../report/decisionOutput.js';
import { ProgressBar } from './progressBar.js';
import { PROGRESS_DELAY_MS } from './caseProgress.js';
import { BatchAbortedError, runBatch, type BatchReport } from '../batch/runBatch.js';
import { whenStdoutCloses } from './stdoutClosed.js';
import { EXIT } from './exitCodes.js';
import { formatBatchStats, runFooter } from '../report/runFooter.js';
import { RUN_NOTE_TEXT } from '../report/runNotes.js';
import { say } from '../model/template.js';
import { escapeControl } from '../adapters/safeText.js';
import { coverageOutcome } from './coverageOption.js';
import { EMPTY_COVERAGE } from '../testing/coverageCounts.js';
import { stopOnSignals } from './stopSignals.js';

/** What `trappa evaluate --format lessons` was asked to do. */
export interface LessonsRun {
  readonly lessons: readonly string[];
  readonly students: string;
  readonly previous: string | undefined;
  readonly settings: BatchSettings;
  /** How decisions or changes are written to stdout (`--json`, `--details`, `--lang`). */
  readonly format: OutputFormat;
  readonly workers: number | undefined;
  readonly rejected: string | undefined;
  readonly decisionsOut: string | undefined;
  /** `--decisions-form`: the form of the decisions file (default `compact`). */
  readonly decisionsForm?: DecisionForm | undefined;
  readonly summaryJson: string | undefined;
  readonly progress: boolean | undefined;
  readonly tmpDir: string | undefined;
  /** With `settings.coverage`: fail (exit 1) under this leaf coverage, in per cent. */
  readonly threshold?: number | undefined;
  /** `--max-input-age`: school days the newest lesson may lie before asOf. */
  readonly maxInputAge?: number | undefined;
  /** `--delimiter`: the lesson CSV delimiter, or undefined to sniff it per file. */
  readonly delimiter?: string | undefined;
}

/**
 * Run the lesson-level batch from the CLI: progress on stderr when it is a
 * terminal, output on stdout, the first rejected lines on stderr, and the
 * summary (text, and JSON with `--summary-json`), and with `settings.coverage`
 * the coverage the buckets counted, merged.
 *
 * @param run - the parsed options
 * @returns exit code: 0, or 3 when some lines were rejected, 1 when leaf coverage is under `threshold`
 *   (before 3; every output written), 130/143 when stopped by a signal
 * @throws {PreviousFileError} `--previous` refused (exit 65), {OutputUnwritableError} (73),
 *   {OutputWriteError} (74), {OutputLockedError} (75): see `EXIT`
 * @example await evaluateLessons({ lessons: ['l.ndjson'], students: 's.ndjson', previous: undefined, settings, workers: 1, rejected: undefined, decisionsOut: 'n.ndjson', summaryJson: undefined, progress: false, tmpDir: undefined }) // 0
 */
export async function evaluateLessons(run: LessonsRun): Promise<number> {
  // A nightly job stopped half-way must not leave gigabytes of buckets behind:
  // the first signal stops the threads and removes the temp files.
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | 'EPIPE' | undefined;
  const stop = stopOnSignals(controller, (signal) => {
    stoppedBy = signal;
  });
  const releaseStdout = whenStdoutCloses(() => {
    stoppedBy = 'EPIPE';
    controller.abort();
  });
  let report: BatchReport;
  try {
    report = await runBatch({
      signal: controller.signal,
      files: { students: run.students, lessons: run.lessons, ...(run.previous === undefined ? {} : { previous: run.previous }) },
      settings: run.settings,
      format: run.format,
      ...(run.workers === undefined ? {} : { workers: run.workers }),
      ...(run.tmpDir === undefined ? {} : { tmpDir: run.tmpDir }),
      ...(run.maxInputAge === undefined ? {} : { maxInputAgeDays: run.maxInputAge }),
      ...(run.delimiter === undefined ? {} : { delimiter: run.delimiter }),
      out: process.stdout,
      outReleasesChunks: true,
      outName: 'stdout',
      ...(run.rejected === undefined ? {} : { rejectedPath: run.rejected }),
      ...(run.decisionsOut === undefined ? {} : { decisionsPath: run.decisionsOut }),
      ...(run.decisionsForm === undefined ? {} : { decisionsForm: run.decisionsForm }),
      ...(run.summaryJson === undefined ? {} : { summaryPath: run.summaryJson }),
      progress: new ProgressBar(process.stderr, run.progress ?? process.stderr.isTTY === true, 200, run.format.lang, PROGRESS_DELAY_MS),
      ...(run.threshold === undefined ? {} : { coverageThreshold: run.threshold }),
    });
  } catch (error) {
    if (!(error instanceof BatchAbortedError) || stoppedBy === undefined) throw error;
    if (stoppedBy === 'EPIPE') return EXIT.ok;
    process.stderr.write(`\n${say(RUN_NOTE_TEXT.stopped, run.format.lang, { signal: stoppedBy })}\n`);
    return stoppedBy === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  } finally {
    stop.release();
    releaseStdout();
  }
  const { summary } = report;
  const { lang } = run.format;
  const rejectedTotal = summary.cases.rejected + summary.records.rejected;
  for (const line of report.rejectedSample) {
    for (const issue of line.issues) process.stderr.write(`${escapeControl(`${line.location}: ${issue.path}: ${issue.text[lang]}`)}\n`);
  }
  if (rejectedTotal > report.rejectedSample.length) {
    const n = rejectedTotal - report.rejectedSample.length;
    const note = run.rejected === undefined ? say(RUN_NOTE_TEXT.moreRejected, lang, { n }) : say(RUN_NOTE_TEXT.moreRejectedIn, lang, { n, file: escapeControl(run.rejected) });
    process.stderr.write(`${note}\n`);
  }
  const missing = summary.missingStudents;
  if (missing !== undefined && (missing.unidentifiedLines ?? 0) > 0) {
    const slots = { lines: missing.unidentifiedLines ?? 0, file: run.students, students: missing.students, kept: missing.stepsKeptOpen };
    process.stderr.write(`${say(missing.closingsWithheld === true ? RUN_NOTE_TEXT.closingsWithheld : RUN_NOTE_TEXT.closedAnyway, lang, slots)}\n`);
  }
  const { policy, asOf } = run.settings;
  const stats = formatBatchStats(report, lang);
  const covered = run.settings.coverage === true ? coverageOutcome(report.coverage ?? EMPTY_COVERAGE, [policy], { threshold: run.threshold, lang }) : undefined;
  const text = runFooter(policy, asOf, summary, { stats, lang, ...(covered === undefined ? {} : { coverage: covered.text }) });
  if (run.format.output !== 'json' && run.format.output !== 'compact') process.stdout.write(text);
  else process.stderr.write(text);
  for (const line of covered?.belowText ?? []) process.stderr.write(`trappa: ${line}\n`);
  if ((covered?.below.length ?? 0) > 0) return EXIT.failure;
  return rejectedTotal > 0 ? EXIT.rejected : EXIT.ok;
}
