import { writeOutputFile } from '../io/writeOutputFile.js';
import { fromSs12000 } from '../adapters/ss12000/fromSs12000.js';
import type { Ss12000Rejection } from '../adapters/ss12000/issues.js';
import { evaluateCase } from '../run/evaluateCase.js';
import { decisionOutput, type DecisionForm, type OutputFormat } from '../report/decisionOutput.js';
import { runFooter } from '../report/runFooter.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { Policy } from '../policy/policy.js';
import type { Lang } from '../report/text.js';
import { readSs12000Files } from '../io/readSs12000.js';
import { emptySummary, summaryJson } from '../run/runSummary.js';
import { readText } from '../io/readText.js';
import { jsonErrorText } from '../adapters/jsonError.js';
import { BatchInputError } from '../io/batchInputError.js';
import { COMMAND_FAILURE_TEXT } from '../report/failureText.js';
import { escapeControl } from '../adapters/safeText.js';
import { coverageCounter } from '../testing/coverageCounts.js';
import { coverageOutcome } from './coverageOption.js';
import { EXIT } from './exitCodes.js';
import { jsonOutput } from './jsonFormOption.js';
import { RUN_NOTE_TEXT } from '../report/runNotes.js';
import { both, say } from '../model/template.js';

/** What `trappa evaluate --format ss12000` was asked to do. */
export interface Ss12000Run {
  readonly paths: readonly string[];
  readonly context: string | undefined;
  readonly policy: Policy;
  readonly calendar: SchoolCalendar | undefined;
  readonly asOf: string;
  /** `--json`: the form of the JSON decisions, or undefined for text. */
  readonly json: DecisionForm | undefined;
  readonly details: string;
  readonly lang: Lang;
  readonly rejected: string | undefined;
  readonly summaryJson?: string | undefined;
  /** Count rule and leaf coverage (`--coverage`). */
  readonly coverage?: boolean;
  /** Fail (exit 1) under this leaf coverage, in per cent (`--threshold`). */
  readonly threshold?: number | undefined;
}

/**
 * A rejection as text lines, one per issue: the rejected entity and id, where
 * the issue sits if elsewhere, the field and the message; the first line says
 * how many Attendance records were not evaluated because of it.
 *
 * @param r - the rejection
 * @param lang - output language of the words around the issue (default sv)
 * @returns lines for stderr
 * @example formatRejection({ entity: 'Person', id: 'p1', issues: [{ entity: 'Person', id: 'p1', field: 'birthDate', message: 'Missing', text: { sv: 'Saknas', en: 'Missing' } }], attendanceRecords: 3 }, 'en')
 * // ['Person p1: birthDate: Missing (3 attendance records not evaluated)']
 */
export function formatRejection(r: Ss12000Rejection, lang: Lang = 'sv'): string[] {
  const noId = say(RUN_NOTE_TEXT.ss12000NoId, lang);
  const count = r.entity !== 'Attendance' && r.attendanceRecords > 0 ? ` ${say(RUN_NOTE_TEXT.ss12000NotEvaluated, lang, { n: r.attendanceRecords })}` : '';
  return r.issues.map((issue, i) => {
    const elsewhere = issue.entity !== r.entity || issue.id !== r.id ? ` → ${issue.entity} ${issue.id ?? noId}` : '';
    return `${r.entity} ${r.id ?? noId}${elsewhere}: ${issue.field}: ${issue.text[lang]}${i === 0 ? count : ''}`;
  });
}

async function readSideFile(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BatchInputError(both(COMMAND_FAILURE_TEXT.fileJson, (lang) => ({ path, reason: jsonErrorText(error, text)[lang] })));
  }
}

/**
 * `trappa evaluate --format ss12000`: read the export and the optional side
 * file, evaluate every student, print decisions and the summary, report
 * everything rejected on stderr (and as NDJSON with `--rejected`).
 *
 * @param run - paths and options
 * @returns the exit code: 0 all used, 3 something was rejected, 1 leaf coverage under `run.threshold` (before 3)
 * @example await evaluateSs12000({ paths: ['fixtures/ss12000'], context: 'fixtures/ss12000/trappa-context.json', … })
 */
export async function evaluateSs12000(run: Ss12000Run): Promise<number> {
  const files = await readSs12000Files(run.paths);
  const sideFile = run.context === undefined ? undefined : await readSideFile(run.context);
  const result = fromSs12000(files.bundle, sideFile, { asOf: run.asOf });
  const err = process.stderr;
  const out = process.stdout;
  const rejectedLines: string[] = [];

  for (const file of files.ignored) err.write(`${say(RUN_NOTE_TEXT.ss12000Ignored, run.lang, { file: escapeControl(file) })}\n`);
  for (const [endpoint, list] of Object.entries(files.read)) if (list.length === 0) err.write(`${say(RUN_NOTE_TEXT.ss12000Missing, run.lang, { endpoint })}\n`);
  for (const p of files.problems) {
    err.write(`${escapeControl(`${p.location}: ${p.text[run.lang]}`)}\n`);
    rejectedLines.push(JSON.stringify({ location: p.location, kind: 'file', issues: [{ path: '(root)', message: p.text[run.lang] }] }));
  }
  for (const r of result.rejected) {
    for (const line of formatRejection(r, run.lang)) err.write(`${escapeControl(line)}\n`);
    rejectedLines.push(JSON.stringify({ kind: 'ss12000', ...r, issues: r.issues.map(({ text, ...issue }) => ({ ...issue, message: text[run.lang] })) }));
  }

  const summary = emptySummary();
  // `evaluateCase` counts the students evaluated: they are `result.cases`.
  summary.cases = { ...result.counts.students, evaluated: 0 };
  summary.records = { ...result.counts.attendance };
  const counter = run.coverage === true ? coverageCounter() : undefined;
  const format: OutputFormat = { output: jsonOutput(run.json) ?? 'text', details: run.details as OutputFormat['details'], lang: run.lang };
  for (const c of result.cases) {
    const conflicting = result.conflictingRecords[c.student.id];
    const tally = { rejected: result.rejectedRecords[c.student.id] ?? 0, conflicting: conflicting?.count ?? 0, conflictingLessons: conflicting?.lessons ?? 0 };
    const decision = evaluateCase(c, tally, run, summary, { coverage: counter });
    const written = decisionOutput(decision, format);
    if (written !== undefined) out.write(`${written}\n`);
  }
  if (run.rejected !== undefined) writeOutputFile('--rejected', run.rejected, rejectedLines.map((l) => `${l}\n`).join(''));
  const covered = counter === undefined ? undefined : coverageOutcome(counter.counts(), [run.policy], { threshold: run.threshold, lang: run.lang });
  if (run.summaryJson !== undefined) writeOutputFile('--summary-json', run.summaryJson, `${JSON.stringify({ ...summaryJson(run.policy, run.asOf, summary), ...covered?.json }, null, 2)}\n`);
  (run.json === undefined ? out : err).write(runFooter(run.policy, run.asOf, summary, { lang: run.lang, ...(covered === undefined ? {} : { coverage: covered.text }) }));
  for (const line of covered?.belowText ?? []) err.write(`trappa: ${line}\n`);
  if ((covered?.below.length ?? 0) > 0) return EXIT.failure;
  return result.rejected.length + files.problems.length > 0 ? 3 : 0;
}
