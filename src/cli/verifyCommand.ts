import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { isValidIsoDate } from '../model/isoDate.js';
import type { StudentCase } from '../model/studentCase.js';
import type { Lang } from '../report/text.js';
import { JSON_RULES_ENGINE_RANGE } from '../verify/referenceEngine.js';
import { verifyPolicy } from '../verify/verifyPolicy.js';
import { admitCase } from '../run/admitCase.js';
import { EXIT } from './exitCodes.js';
import { formatMismatch, formatVerifySummary } from '../report/verifyText.js';
import { pickCalendar, pickPolicy } from './options.js';
import { readInput } from '../io/readInput.js';
import type { RunSummary } from '../run/runSummary.js';
import { UsageError } from './usageError.js';
import { admissionLines } from '../report/admissionText.js';
import { caseProgress, progressFlag, type CaseProgress } from './caseProgress.js';

export const VERIFY_HELP = `trappa verify <file...> [options]

Check the fast engine against the reference engine on your own cases: each case's facts are
measured as evaluate measures them, then decided by the compiled rules evaluate uses and by
json-rules-engine on the same facts. Every leaf and every rule outcome of every rule in force is
compared; each mismatch is one line: the student, the rule (id@version), where in the policy
(rules[id@version].conditions.all[1], or conditions.<name>.any[0] inside a named condition), the
leaf and the fact's value, and both outcomes.

Input: student cases, as for evaluate (NDJSON, one case per line, or a JSON array).
Needs json-rules-engine, an optional peer dependency: npm install json-rules-engine@${JSON_RULES_ENGINE_RANGE}
It always runs with a path resolver that never reaches jsonpath-plus.

Options:
  --policy <id|file>   stockholm (default), skollagen, goteborg, or a policy JSON file
  --as-of <date>       evaluation date YYYY-MM-DD: the rules in force on it (default: today in Europe/Stockholm)
  --calendar <file>    school calendar JSON, as for evaluate
  --json               one JSON object on stdout: the counts and every mismatch
  --lang <sv|en>       language of the text output (default sv)
  --progress, --no-progress
                       progress bar on stderr for runs over 2 s (default: only when stderr is a terminal)
  -h, --help           this help

Exit codes: 0 no mismatch; 1 mismatches (or a failure: json-rules-engine missing, an unreadable
file, an invalid policy); 2 usage; 3 no mismatch, but some cases were rejected (reported on stderr).`;

/** Admit the cases of the files one by one, reporting rejected ones on stderr; yield the accepted. */
async function* admittedCases(files: readonly string[], counts: Pick<RunSummary, 'cases' | 'records'>, progress: CaseProgress): AsyncGenerator<StudentCase> {
  for (const file of files) {
    for await (const item of readInput(file)) {
      const admitted = admitCase(item, counts);
      for (const line of admissionLines(admitted)) process.stderr.write(`${line}\n`);
      if (admitted.status === 'accepted') {
        yield admitted.case;
        // Verified by now (the consumer asks for the next case when done with this one).
        progress.tick({ cases: { read: counts.cases.read, evaluated: counts.cases.read - counts.cases.rejected }, records: counts.records });
      }
    }
  }
}

/**
 * `trappa verify <file...>`: the compiled evaluator against json-rules-engine
 * on the cases of the files. Exit 0 with no mismatch, 1 with mismatches, 3
 * when there is none but some cases were rejected.
 *
 * @param args - the arguments after `verify`
 * @returns the exit code
 * @example await verifyCommand(['fixtures/cases/exactly-20-percent.json', '--policy', 'stockholm', '--as-of', '2026-11-23']) // 0
 */
export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      policy: { type: 'string', default: 'stockholm' },
      'as-of': { type: 'string' },
      calendar: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'sv' },
      // Read only to say that verify does not take them (see the message below).
      format: { type: 'string' },
      students: { type: 'string' },
      context: { type: 'string' },
      progress: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${VERIFY_HELP}\n`);
    return EXIT.ok;
  }
  if ((values.format !== undefined && values.format !== 'studentcase') || values.students !== undefined || values.context !== undefined) {
    throw new UsageError('verify reads student cases (NDJSON or a JSON array); --format lessons and ss12000 are not supported: evaluate them with --json and verify the cases instead');
  }
  if (positionals.length === 0) throw new UsageError('verify needs at least one input file');
  const asOf = values['as-of'] ?? DateTime.now().setZone('Europe/Stockholm').toISODate() ?? '';
  if (!isValidIsoDate(asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${asOf}"`);
  if (values.lang !== 'sv' && values.lang !== 'en') throw new UsageError('--lang must be sv or en');
  const lang: Lang = values.lang;
  const policy = await pickPolicy(values.policy);
  const calendar = await pickCalendar(values.calendar);

  const counts = { cases: { read: 0, evaluated: 0, rejected: 0 }, records: { read: 0, accepted: 0, duplicate: 0, rejected: 0 } };
  const progress = caseProgress(progressFlag(values));
  const report = await verifyPolicy(admittedCases(positionals, counts, progress), policy, { asOf, ...(calendar === undefined ? {} : { calendar }) });
  progress.done();
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...report, cases: { read: counts.cases.read, rejected: counts.cases.rejected } })}\n`);
  } else {
    const lines = [...report.mismatches.map((m) => formatMismatch(m, lang)), ...formatVerifySummary(report, counts.cases, lang)];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (report.mismatches.length > 0) return EXIT.failure;
  return counts.cases.rejected > 0 ? EXIT.rejected : EXIT.ok;
}
