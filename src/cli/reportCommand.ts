import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../io/atomicFile.js';
import { spoolDecisions, type DecisionsSpool, type SpoolProgress } from '../batch/decisionsSpool.js';
import { PROGRESS_DELAY_MS, progressFlag } from './caseProgress.js';
import { ProgressBar } from './progressBar.js';
import { stopOnSignals } from './stopSignals.js';
import { EXIT } from './exitCodes.js';
import { makeTempDir, sweepStaleTempDirs } from '../batch/tempDir.js';
import { schoolReport, type ReportOptions } from '../report/schoolReport.js';
import { UsageError } from './usageError.js';
import type { CommandOptions } from './commandOptions.js';
import { parseCommandArgs } from './commandArgs.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';
import { pickLang } from './pickLang.js';
import { both, say, type Template } from '../model/template.js';
import { REPORT_INPUT_TEXT as R } from '../report/failureText.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { checkOneStdin } from './oneStdin.js';
import { readText } from '../io/readText.js';
import { BatchInputError } from '../io/batchInputError.js';
import { pickPolicy } from './options.js';

/** The options `trappa report` takes (its help: `REPORT_HELP`, which names every one). */
export const REPORT_OPTIONS = {
  out: { type: 'string', path: true },
  labels: { type: 'string', path: true },
  policy: { type: 'string', path: 'policy' },
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  'all-students': { type: 'boolean', default: false },
  'tmp-dir': { type: 'string', path: true },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  config: { type: 'string', commandLineOnly: true },
  help: { type: 'boolean', short: 'h', commandLineOnly: true },
} as const satisfies CommandOptions;

/** An input that is not decisions: exit 1 with what is wrong (never a line's content). */
class ReportInputError extends Error {
  constructor(readonly text: Template) {
    super(text.en);
  }
}

const LabelsSchema = z.record(z.string(), z.string().max(200));

async function readLabels(path: string): Promise<Map<string, string>> {
  let value: unknown;
  try {
    value = JSON.parse(await readText(path));
  } catch (error) {
    if (error instanceof BatchInputError) throw new ReportInputError(both(R.labels, (lang) => ({ reason: (error.text ?? { sv: error.message, en: error.message })[lang] })));
    throw new ReportInputError(both(R.labelsNotJson, { path, code: (error as NodeJS.ErrnoException).code ?? 'JSON' }));
  }
  const parsed = LabelsSchema.safeParse(value);
  // The message never quotes the file: it holds names.
  if (!parsed.success) throw new ReportInputError(both(R.labelsShape, { path }));
  return new Map(Object.entries(parsed.data));
}

/**
 * The night's decisions spooled by school (`spoolDecisions`), its faults as
 * the report's: an input that is not decisions, or cannot be read.
 */
async function spoolInput(input: string, dir: string, signal: AbortSignal, onProgress: (progress: SpoolProgress) => void): Promise<DecisionsSpool> {
  try {
    return await spoolDecisions(input, dir, onProgress, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof BatchInputError) throw new ReportInputError(error.text ?? { sv: error.message, en: error.message });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new ReportInputError(both(R.cannotRead, { input, code }));
  }
}

/** A file name for a school id: opaque ids are [A-Za-z0-9_.:-]; ':' is not allowed on every file system. */
function fileName(schoolId: string): string {
  return `${schoolId === '' ? 'okand-skola' : schoolId.replace(/[^\w.-]/g, '_').replace(/^\./, '_')}.html`;
}

/**
 * `trappa report <decisions.ndjson|-> --out <dir>`: one HTML report per
 * school, then on stdout one summary line (counts only, never a name) and
 * the path of each file written, one a line.
 *
 * @param args - the arguments after `report`
 * @param config - the config file format, from main (`--config`)
 * @returns the exit code
 * @example await reportCommand(['night-1.ndjson', '--out', 'rapporter']) // 0, prints "trappa report: 12 skolor, 2000 elever, 413 öppna åtgärder (57 försenade) → rapporter", then "Rapport: rapporter/skola-001.html" … one line per school
 */
export async function reportCommand(args: string[], config: ConfigSupport = NO_CONFIG): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, REPORT_OPTIONS, config);
  const lang = pickLang(values.lang);
  if (positionals.length !== 1) throw new UsageError(both(USAGE_TEXT.reportInput));
  if (values.out === undefined) throw new UsageError(both(USAGE_TEXT.reportOut));
  const input = positionals[0] ?? '-';
  checkOneStdin([
    { flag: both(USAGE_TEXT.decisionsFile), path: input },
    { flag: '--labels', path: values.labels },
    { flag: '--policy', path: values.policy },
  ]);
  // A custom policy the decisions were made under: the plots read its thresholds (bundled ones are found by id and hash).
  const policy = values.policy === undefined ? undefined : await pickPolicy(values.policy);
  // Stopped (SIGINT, SIGTERM), the run removes its spool and says how far it got, instead of leaving it in the temp directory.
  const stop = stopOnSignals();
  try {
    const labels = values.labels === undefined ? undefined : await readLabels(values.labels);
    const options: ReportOptions = { lang, ...(labels === undefined ? {} : { labels }), students: values['all-students'] ? 'all' : 'with-duties', ...(policy === undefined ? {} : { policies: [policy] }) };
    // Read once and spooled by school: a city's night is rendered one school at a time, in bounded memory.
    const tmpBase = values['tmp-dir'] ?? tmpdir();
    sweepStaleTempDirs(tmpBase);
    const dir = makeTempDir(tmpBase);
    // A city's night takes half a minute: a bar on a terminal once it has lasted 2 s (in a log only with --progress).
    const bar = new ProgressBar(process.stderr, progressFlag(values) ?? process.stderr.isTTY === true, 200, lang, PROGRESS_DELAY_MS);
    const started = performance.now();
    let spool: DecisionsSpool | undefined;
    try {
      spool = await spoolInput(input, dir.path, stop.signal, (p) =>
        bar.update({ phase: 'reading', done: p.bytes, total: p.totalBytes, recordsRead: p.decisions, studentsEvaluated: 0, elapsedS: (performance.now() - started) / 1000 }),
      );
      const { paths, slots } = await writeReports(spool, values.out, options, bar, stop.signal);
      bar.done();
      process.stdout.write(`${say(R.summary, lang, slots)}\n`);
      // One line per file written, in school-id order, so a reader (or a script) knows what to open.
      process.stdout.write(paths.map((path) => `${say(R.report, lang, { path })}\n`).join(''));
      return 0;
    } finally {
      bar.done();
      spool?.close();
      dir.remove();
    }
  } catch (error) {
    const signal = stop.stoppedBy();
    if (signal !== undefined && !(error instanceof ReportInputError)) {
      const note = error instanceof ReportsStopped ? say(R.stopped, lang, { signal, written: error.written, schools: error.schools }) : say(R.stoppedReading, lang, { signal });
      process.stderr.write(`\n${note}\n`);
      return signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
    }
    if (!(error instanceof ReportInputError)) throw error;
    process.stderr.write(`trappa report: ${error.text[lang]}\n`);
    return 1;
  } finally {
    stop.release();
  }
}

/** A run stopped while it wrote the reports: how many it had written (each whole; the rest as they were). */
class ReportsStopped extends Error {
  constructor(
    readonly written: number,
    readonly schools: number,
  ) {
    super(`stopped after ${written} of ${schools} reports`);
  }
}

/**
 * Render and write each school's report, one school at a time (its decisions
 * read back from the spool), each file whole or not at all. Between schools
 * the event loop runs, so a signal stops the run there.
 *
 * @returns the paths written, in school-id order, and the summary's counts
 * @throws {ReportsStopped} when `signal` aborts, with how many were written
 */
async function writeReports(spool: DecisionsSpool, out: string, options: ReportOptions, bar: ProgressBar, signal: AbortSignal) {
  const names = spool.schools.map(fileName);
  if (new Set(names).size !== names.length) throw new ReportInputError(R.sameFileName);
  mkdirSync(out, { recursive: true });
  const paths = names.map((name) => join(out, name));
  const slots = { schools: spool.schools.length, students: 0, open: 0, overdue: 0, out };
  const started = performance.now();
  for (const [i, schoolId] of spool.schools.entries()) {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) throw new ReportsStopped(i, spool.schools.length);
    const r = schoolReport(schoolId, spool.decisionsOf(schoolId), options);
    writeFileAtomic(paths[i] ?? join(out, 'okand-skola.html'), r.html);
    slots.students += r.students;
    slots.open += r.openDuties;
    slots.overdue += r.overdue;
    bar.update({ phase: 'reporting', done: slots.students, total: spool.decisions, recordsRead: spool.decisions, studentsEvaluated: slots.students, elapsedS: (performance.now() - started) / 1000 });
  }
  return { paths, slots };
}
