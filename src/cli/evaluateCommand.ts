import { DateTime } from 'luxon';
import { isValidIsoDate } from '../model/isoDate.js';
import { checkOutputs } from '../batch/checkOutputs.js';
import { admitCase } from '../run/admitCase.js';
import { oncePerStudent } from '../run/oncePerStudent.js';
import { caseTally } from '../adapters/recordWarnings.js';
import { evaluateCase } from '../run/evaluateCase.js';
import { decisionOutput, type OutputFormat } from '../report/decisionOutput.js';
import { runFooter } from '../report/runFooter.js';
import { evaluateLessons } from './evaluateLessons.js';
import { evaluateSs12000 } from './evaluateSs12000.js';
import { pickCalendar, pickDelimiter, pickPolicy } from './options.js';
import { readInput } from '../io/readInput.js';
import { emptySummary, summaryJson } from '../run/runSummary.js';
import { UsageError } from './usageError.js';
import { pickLang } from './pickLang.js';
import { both } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { checkOneStdin } from './oneStdin.js';
import { isStdin } from '../io/openInput.js';
import { writeOutputFile } from '../io/writeOutputFile.js';
import { coverageOptions, coverageOutcome } from './coverageOption.js';
import { coverageCounter } from '../testing/coverageCounts.js';
import { EXIT } from './exitCodes.js';
import { caseProgress, progressFlag } from './caseProgress.js';
import { admissionLines } from '../report/admissionText.js';
import { escapeControl } from '../adapters/safeText.js';
import { issuesIn } from '../adapters/issueText.js';
import { decisionsForm, jsonForm, jsonFormArgs, jsonOutput } from './jsonFormOption.js';
import type { CommandOptions } from './commandOptions.js';
import { parseCommandArgs } from './commandArgs.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';

/** The options `trappa evaluate` takes (its help: `EVALUATE_HELP`, which names every one). */
export const EVALUATE_OPTIONS = {
  policy: { type: 'string', default: 'stockholm', path: 'policy' },
  'as-of': { type: 'string' },
  calendar: { type: 'string', path: true },
  // A string: `--json` alone is read as `--json full` (jsonFormArgs), `--json compact` the compact form.
  json: { type: 'string', choices: ['full', 'compact'] },
  details: { type: 'string', default: 'with-steps', choices: ['with-steps', 'all', 'none'] },
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  rejected: { type: 'string', path: true },
  format: { type: 'string', default: 'studentcase', choices: ['studentcase', 'lessons', 'ss12000'] },
  context: { type: 'string', path: true },
  students: { type: 'string', path: true },
  previous: { type: 'string', path: true },
  'decisions-out': { type: 'string', path: true },
  'decisions-form': { type: 'string', choices: ['compact', 'full'] },
  'summary-json': { type: 'string', path: true },
  workers: { type: 'string', number: 'integer' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  'tmp-dir': { type: 'string', path: true },
  'allow-missing-students': { type: 'boolean' },
  coverage: { type: 'boolean' },
  threshold: { type: 'string', number: 'any' },
  'max-input-age': { type: 'string', number: 'integer' },
  delimiter: { type: 'string' },
  config: { type: 'string', commandLineOnly: true },
  help: { type: 'boolean', short: 'h', commandLineOnly: true },
} as const satisfies CommandOptions;

/**
 * `trappa evaluate`: evaluate student cases, a lesson-level batch or an SS 12000
 * export; with `--coverage` also the rule and condition coverage of the run.
 *
 * @param args - the arguments after `evaluate`
 * @param config - the config file format, from main (`--config`)
 * @returns the exit code (`EXIT`; 1 also when leaf coverage is under `--threshold`)
 * @example await evaluateCommand(['cases.ndjson', '--as-of', '2026-11-23'])
 */
export async function evaluateCommand(args: string[], config: ConfigSupport = NO_CONFIG): Promise<number> {
  const { values, positionals } = parseCommandArgs('evaluate', jsonFormArgs(args), EVALUATE_OPTIONS, config);
  if (positionals.length === 0) throw new UsageError(both(USAGE_TEXT.needsInput, { command: 'evaluate' }));
  if (values.format !== 'studentcase' && values.format !== 'ss12000' && values.format !== 'lessons') throw new UsageError(both(USAGE_TEXT.format));
  if (values.context !== undefined && values.format !== 'ss12000') throw new UsageError(both(USAGE_TEXT.contextOnly));
  const lessonsOnly = ['students', 'previous', 'decisions-out', 'decisions-form', 'workers', 'tmp-dir', 'allow-missing-students', 'max-input-age', 'delimiter'] as const;
  for (const name of lessonsOnly) if (values[name] !== undefined && values.format !== 'lessons') throw new UsageError(both(USAGE_TEXT.lessonsOnly, { name }));
  if (values['decisions-form'] !== undefined && values['decisions-out'] === undefined) throw new UsageError(both(USAGE_TEXT.decisionsFormOnly));
  const json = jsonForm(values.json);
  const keptForm = decisionsForm(values['decisions-form']);
  if (values.format === 'lessons' && values.students === undefined) throw new UsageError(both(USAGE_TEXT.needsStudents));
  const delimiter = values.delimiter === undefined ? undefined : pickDelimiter(values.delimiter);
  checkOneStdin([
    ...positionals.map((path, i) => ({ flag: both(values.format === 'lessons' ? USAGE_TEXT.lessonFile : USAGE_TEXT.inputFile, { n: i + 1 }), path })),
    { flag: '--students', path: values.students },
    { flag: '--context', path: values.context },
    { flag: '--calendar', path: values.calendar },
    { flag: '--policy', path: values.policy },
  ]);
  if (values.format === 'ss12000' && positionals.some(isStdin)) {
    throw new UsageError(both(USAGE_TEXT.ss12000Stdin));
  }
  if (values.previous !== undefined && isStdin(values.previous)) {
    throw new UsageError(both(USAGE_TEXT.previousStdin));
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) throw new UsageError(both(USAGE_TEXT.workers, { value: `"${values.workers}"` }));
  const maxInputAge = values['max-input-age'] === undefined ? undefined : Number(values['max-input-age']);
  if (maxInputAge !== undefined && (values['max-input-age']?.trim() === '' || !Number.isInteger(maxInputAge) || maxInputAge < 0)) {
    throw new UsageError(both(USAGE_TEXT.maxInputAge, { value: `"${values['max-input-age']}"` }));
  }
  const asOf = values['as-of'] ?? DateTime.now().setZone('Europe/Stockholm').toISODate() ?? '';
  if (!isValidIsoDate(asOf)) throw new UsageError(both(USAGE_TEXT.asOf, { value: `"${asOf}"` }));
  if (!['with-steps', 'all', 'none'].includes(values.details)) throw new UsageError(both(USAGE_TEXT.details));
  const lang = pickLang(values.lang);
  const { coverage, threshold } = coverageOptions(values.coverage, values.threshold);
  if (values.format !== 'lessons') {
    // The batch checks its own outputs (and more); here: before any case is read, not after stdout is complete.
    const outputs = [
      ...(values.rejected === undefined ? [] : [{ flag: '--rejected', path: values.rejected }]),
      ...(values['summary-json'] === undefined ? [] : [{ flag: '--summary-json', path: values['summary-json'] }]),
    ];
    checkOutputs(outputs, positionals.map((path) => ({ flag: 'an input file', path })));
  }
  const policy = await pickPolicy(values.policy);
  const calendar = await pickCalendar(values.calendar);
  if (values.format === 'ss12000') {
    return evaluateSs12000({
      paths: positionals,
      context: values.context,
      policy,
      calendar,
      asOf,
      json,
      details: values.details,
      lang,
      rejected: values.rejected,
      summaryJson: values['summary-json'],
      coverage,
      threshold,
    });
  }
  if (values.format === 'lessons') {
    return evaluateLessons({
      lessons: positionals,
      students: values.students ?? '',
      previous: values.previous,
      settings: {
        policy,
        calendar,
        asOf,
        incremental: values.previous !== undefined,
        allowMissingStudents: values['allow-missing-students'] === true,
        ...(coverage ? { coverage: true } : {}),
      },
      format: {
        output: jsonOutput(json) ?? (values.details === 'none' && values.previous === undefined ? 'none' : 'text'),
        details: values.details as 'with-steps' | 'all' | 'none',
        lang,
      },
      threshold,
      workers,
      rejected: values.rejected,
      decisionsOut: values['decisions-out'],
      decisionsForm: keptForm,
      summaryJson: values['summary-json'],
      progress: progressFlag(values),
      tmpDir: values['tmp-dir'],
      maxInputAge,
      delimiter,
    });
  }
  const summary = emptySummary();
  const rejectedLines: string[] = [];
  const out = process.stdout;
  const counter = coverage ? coverageCounter() : undefined;
  const format: OutputFormat = { output: jsonOutput(json) ?? 'text', details: values.details as OutputFormat['details'], lang };

  const progress = caseProgress(progressFlag(values), 0, lang);
  const once = oncePerStudent();
  for (const file of positionals) {
    for await (const item of readInput(file)) {
      const parsed = admitCase(item, summary, (c) => once(c, item.location));
      progress.tick(summary);
      for (const line of admissionLines(parsed, lang)) process.stderr.write(`${line}\n`);
      if (parsed.status === 'unparsable') {
        rejectedLines.push(JSON.stringify({ location: escapeControl(parsed.location), kind: 'case', issues: [{ path: '(root)', message: parsed.text[lang] }] }));
        continue;
      }
      if (parsed.status === 'rejected') {
        rejectedLines.push(JSON.stringify({ location: escapeControl(parsed.location), kind: 'case', studentId: parsed.studentId, issues: issuesIn(parsed.issues, lang) }));
        continue;
      }
      for (const r of parsed.rejectedRecords) {
        rejectedLines.push(JSON.stringify({ location: escapeControl(parsed.location), kind: 'record', studentId: parsed.case.student.id, index: r.index, issues: issuesIn(r.issues, lang) }));
      }
      const decision = evaluateCase(parsed.case, caseTally(parsed), { policy, calendar, asOf }, summary, { coverage: counter });
      const written = decisionOutput(decision, format);
      if (written !== undefined) out.write(`${written}\n`);
    }
  }
  progress.done();
  const covered = counter === undefined ? undefined : coverageOutcome(counter.counts(), [policy], { threshold, lang });
  if (values.rejected !== undefined) writeOutputFile('--rejected', values.rejected, rejectedLines.map((l) => `${l}\n`).join(''));
  if (values['summary-json'] !== undefined) writeOutputFile('--summary-json', values['summary-json'], `${JSON.stringify({ ...summaryJson(policy, asOf, summary), ...covered?.json }, null, 2)}\n`);
  const text = runFooter(policy, asOf, summary, { lang, ...(covered === undefined ? {} : { coverage: covered.text }) });
  if (json !== undefined) process.stderr.write(text);
  else out.write(text);
  for (const line of covered?.belowText ?? []) process.stderr.write(`trappa: ${line}\n`);
  if ((covered?.below.length ?? 0) > 0) return EXIT.failure;
  return summary.cases.rejected + summary.records.rejected > 0 ? 3 : 0;
}
