import { DateTime } from 'luxon';
import { isValidIsoDate } from '../model/isoDate.js';
import type { StudentCase } from '../model/studentCase.js';
import { verifyPolicy } from '../verify/verifyPolicy.js';
import { admitCase } from '../run/admitCase.js';
import { oncePerStudent } from '../run/oncePerStudent.js';
import { EXIT } from './exitCodes.js';
import { formatMismatch, formatVerifySummary } from '../report/verifyText.js';
import { pickCalendar, pickPolicy } from './options.js';
import { readInput } from '../io/readInput.js';
import type { RunSummary } from '../run/runSummary.js';
import { UsageError } from './usageError.js';
import { admissionLines } from '../report/admissionText.js';
import { caseProgress, progressFlag, type CaseProgress } from './caseProgress.js';
import type { CommandOptions } from './commandOptions.js';
import { parseCommandArgs } from './commandArgs.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';
import { pickLang } from './pickLang.js';
import type { Lang } from '../report/text.js';
import { both } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';

/** The options `trappa verify` takes (its help: `VERIFY_HELP`, which names every one). */
export const VERIFY_OPTIONS = {
  policy: { type: 'string', default: 'stockholm', path: 'policy' },
  'as-of': { type: 'string' },
  calendar: { type: 'string', path: true },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  // Read only to say that verify does not take them (see the message below).
  format: { type: 'string' },
  students: { type: 'string', path: true },
  context: { type: 'string', path: true },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  config: { type: 'string', commandLineOnly: true },
  help: { type: 'boolean', short: 'h', commandLineOnly: true },
} as const satisfies CommandOptions;

/** Admit the cases of the files one by one, reporting rejected ones on stderr; yield the accepted. */
async function* admittedCases(files: readonly string[], counts: Pick<RunSummary, 'cases' | 'records'>, progress: CaseProgress, lang: Lang): AsyncGenerator<StudentCase> {
  const once = oncePerStudent();
  for (const file of files) {
    for await (const item of readInput(file)) {
      const admitted = admitCase(item, counts, (c) => once(c, item.location));
      for (const line of admissionLines(admitted, lang)) process.stderr.write(`${line}\n`);
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
 * @param config - the config file format, from main (`--config`)
 * @returns the exit code
 * @example await verifyCommand(['fixtures/cases/exactly-20-percent.json', '--policy', 'stockholm', '--as-of', '2026-11-23']) // 0
 */
export async function verifyCommand(args: string[], config: ConfigSupport = NO_CONFIG): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', args, VERIFY_OPTIONS, config);
  const lang = pickLang(values.lang);
  if ((values.format !== undefined && values.format !== 'studentcase') || values.students !== undefined || values.context !== undefined) {
    throw new UsageError(both(USAGE_TEXT.verifyFormat));
  }
  if (positionals.length === 0) throw new UsageError(both(USAGE_TEXT.needsInput, { command: 'verify' }));
  const asOf = values['as-of'] ?? DateTime.now().setZone('Europe/Stockholm').toISODate() ?? '';
  if (!isValidIsoDate(asOf)) throw new UsageError(both(USAGE_TEXT.asOf, { value: `"${asOf}"` }));
  const policy = await pickPolicy(values.policy);
  const calendar = await pickCalendar(values.calendar);

  const counts = { cases: { read: 0, evaluated: 0, rejected: 0 }, records: { read: 0, accepted: 0, duplicate: 0, rejected: 0 } };
  const progress = caseProgress(progressFlag(values), 0, lang);
  const report = await verifyPolicy(admittedCases(positionals, counts, progress, lang), policy, { asOf, ...(calendar === undefined ? {} : { calendar }) });
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
