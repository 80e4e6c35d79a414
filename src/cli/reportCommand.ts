import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../io/atomicFile.js';
import { PreviousFileError, trailerOf, verifyDecisionsFile } from '../batch/decisionsFile.js';
import { CompactDecisionSchema } from '../model/compactDecisionSchema.js';
import type { DecisionRecord } from '../report/compactDecision.js';
import { renderSchoolReports } from '../report/schoolReport.js';
import { UsageError } from './usageError.js';
import type { CommandOptions } from './commandOptions.js';
import { parseCommandArgs } from './commandArgs.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';
import { pickLang } from './pickLang.js';
import { both, say, type Template } from '../model/template.js';
import { REPORT_INPUT_TEXT as R } from '../report/failureText.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { checkOneStdin } from './oneStdin.js';
import { readText, readTextInput, type TextInput } from '../io/readText.js';
import { BatchInputError } from '../io/batchInputError.js';
import { pickPolicy } from './options.js';

/** The options `trappa report` takes (its help: `REPORT_HELP`, which names every one). */
export const REPORT_OPTIONS = {
  out: { type: 'string', path: true },
  labels: { type: 'string', path: true },
  policy: { type: 'string', path: 'policy' },
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  'all-students': { type: 'boolean', default: false },
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

/** Parse decision lines; a trailer, when last, is checked against the lines (count, SHA-256). */
function parseDecisions(text: string, source: string): DecisionRecord[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const trailer = lines.length > 0 ? trailerOf(lines.at(-1) ?? '') : undefined;
  if (trailer !== undefined) {
    lines.pop();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(`${line}\n`);
    if (trailer['count'] !== lines.length || trailer['sha256'] !== hash.digest('hex')) {
      throw new ReportInputError(both(R.trailerMismatch, { source }));
    }
  }
  return lines.map((line, i) => {
    if (trailerOf(line) !== undefined) throw new ReportInputError(both(R.trailerInside, { source, n: i + 1 }));
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ReportInputError(both(R.notJson, { source, n: i + 1 }));
    }
    // Compact or full (a full decision is also a compact one): the report reads what both hold.
    const parsed = CompactDecisionSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ReportInputError(
        both(R.notDecision, (lang) => ({ source, n: i + 1, path: issue?.path.join('.') ?? '', message: issue === undefined ? '' : lang === 'sv' ? swedishIssueMessage(issue) : issue.message })),
      );
    }
    // The schema checks the shape; the line is the decision evaluate wrote.
    return value as DecisionRecord;
  });
}

async function readDecisions(input: string): Promise<DecisionRecord[]> {
  let read: TextInput;
  try {
    read = await readTextInput(input);
  } catch (error) {
    if (error instanceof BatchInputError) throw new ReportInputError(error.text ?? { sv: error.message, en: error.message });
    throw new ReportInputError(both(R.cannotRead, { input, code: (error as NodeJS.ErrnoException).code ?? '?' }));
  }
  const { text, name, plainFile } = read;
  // A stream or a gzip file cannot be verified from its end: its trailer is still checked (count, SHA-256).
  if (!plainFile) return parseDecisions(text, name);
  const last = text.trimEnd().split('\n').at(-1) ?? '';
  if (trailerOf(last) !== undefined) {
    // A --decisions-out file: verified whole as --previous verifies it (order, one night, one policy).
    try {
      await verifyDecisionsFile(input, '9999-12-31');
    } catch (error) {
      if (!(error instanceof PreviousFileError)) throw error;
      throw new ReportInputError(both(R.notWhole, (lang) => ({ input, detail: error.detail[lang] })));
    }
  }
  return parseDecisions(text, input);
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
  try {
    const labels = values.labels === undefined ? undefined : await readLabels(values.labels);
    const decisions = await readDecisions(input);
    const reports = renderSchoolReports(decisions, { lang, ...(labels === undefined ? {} : { labels }), students: values['all-students'] ? 'all' : 'with-duties', ...(policy === undefined ? {} : { policies: [policy] }) });
    const names = reports.map((r) => fileName(r.schoolId));
    if (new Set(names).size !== names.length) throw new ReportInputError(R.sameFileName);
    mkdirSync(values.out, { recursive: true });
    const paths = names.map((name) => join(values.out as string, name));
    reports.forEach((r, i) => writeFileAtomic(paths[i] ?? join(values.out as string, 'okand-skola.html'), r.html));
    const sum = (f: (r: (typeof reports)[number]) => number) => reports.reduce((n, r) => n + f(r), 0);
    const slots = { schools: reports.length, students: sum((r) => r.students), open: sum((r) => r.openDuties), overdue: sum((r) => r.overdue), out: values.out };
    process.stdout.write(`${say(R.summary, lang, slots)}\n`);
    // One line per file written, in school-id order, so a reader (or a script) knows what to open.
    process.stdout.write(paths.map((path) => `${say(R.report, lang, { path })}\n`).join(''));
    return 0;
  } catch (error) {
    if (!(error instanceof ReportInputError)) throw error;
    process.stderr.write(`trappa report: ${error.text[lang]}\n`);
    return 1;
  }
}
