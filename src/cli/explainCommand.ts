import { errorText } from './errorText.js';
import { DateTime } from 'luxon';
import { escapeControl } from '../adapters/safeText.js';
import { isValidIsoDate } from '../model/isoDate.js';
import { OpaqueIdSchema } from '../model/studentCase.js';
import { isStdin } from '../io/openInput.js';
import { BatchInputError } from '../io/batchInputError.js';
import { formatDecision } from '../report/decisionText.js';
import { formatNotRecommended } from '../report/notRecommendedText.js';
import type { Lang } from '../report/text.js';
import { EXIT } from './exitCodes.js';
import { explainFromCases, explainFromLessons, type Explained } from './explainStudent.js';
import { checkOneStdin } from './oneStdin.js';
import { pickCalendar, pickDelimiter, pickPolicy } from './options.js';
import type { CommandOptions } from './commandOptions.js';
import { parseCommandArgs } from './commandArgs.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';
import { pickLang } from './pickLang.js';
import { both, say, type Templates } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { UsageError } from './usageError.js';

/** The options `trappa explain` takes (its help: `EXPLAIN_HELP`, which names every one). */
export const EXPLAIN_OPTIONS = {
  students: { type: 'string', path: true },
  previous: { type: 'string', path: true },
  'as-of': { type: 'string' },
  policy: { type: 'string', default: 'stockholm', path: 'policy' },
  calendar: { type: 'string', path: true },
  delimiter: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  config: { type: 'string', commandLineOnly: true },
  help: { type: 'boolean', short: 'h', commandLineOnly: true },
} as const satisfies CommandOptions;

/** Why there is no decision for the student, sv and en. */
const NO_DECISION_TEXT = {
  unknown: { sv: 'ingen elev {id} i {where} ({read} {read|läst|lästa})', en: 'no student {id} in {where} ({read} read)' },
  rejected: {
    sv: 'elev {id}: varje rad för eleven i {where} avvisades, så det finns inget beslut:',
    en: 'student {id}: every line of theirs in {where} was rejected, so there is no decision:',
  },
} as const satisfies Templates;

/** Why there is no decision, one line each, naming the files and lines (never a value of personal data). */
function noDecision(result: Exclude<Explained, { kind: 'decisions' }>, id: string, where: string, lang: Lang): string[] {
  if (result.kind === 'unknown') return [say(NO_DECISION_TEXT.unknown, lang, { id, where, read: result.read })];
  return [
    say(NO_DECISION_TEXT.rejected, lang, { id, where }),
    ...result.lines.flatMap((l) => l.issues.map((i) => `${l.location}: ${i.path}: ${i.text[lang]}`)),
  ];
}

/**
 * `trappa explain <student-id> …`: one student's full decision, as JSON
 * (`--json`) or text with the steps not recommended.
 *
 * @param args - the arguments after `explain`
 * @param config - the config file format, from main (`--config`)
 * @returns the exit code
 * @example await explainCommand(['elev-0042', '--students', 'students.ndjson', 'lessons.csv', '--as-of', '2026-11-23']) // 0, prints the decision
 */
export async function explainCommand(args: string[], config: ConfigSupport = NO_CONFIG): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', args, EXPLAIN_OPTIONS, config);
  const [id, ...files] = positionals;
  if (id === undefined) throw new UsageError(both(USAGE_TEXT.explainNeedsId));
  // An id is shown in messages; anything else given in its place (a name, a personnummer) is not.
  if (!OpaqueIdSchema.safeParse(id).success) throw new UsageError(both(USAGE_TEXT.explainOpaqueId));
  if (files.length === 0) throw new UsageError(both(values.students === undefined ? USAGE_TEXT.explainNeedsFiles : USAGE_TEXT.explainNeedsLessons));
  if (values.previous !== undefined && values.students === undefined) throw new UsageError(both(USAGE_TEXT.studentsOnly, { name: 'previous' }));
  if (values.delimiter !== undefined && values.students === undefined) throw new UsageError(both(USAGE_TEXT.studentsOnly, { name: 'delimiter' }));
  if (values.previous !== undefined && isStdin(values.previous)) throw new UsageError(both(USAGE_TEXT.previousStdin));
  const asOf = values['as-of'] ?? DateTime.now().setZone('Europe/Stockholm').toISODate() ?? '';
  if (!isValidIsoDate(asOf)) throw new UsageError(both(USAGE_TEXT.asOf, { value: `"${asOf}"` }));
  const lang = pickLang(values.lang);
  checkOneStdin([
    ...files.map((path, i) => ({ flag: `input file ${i + 1}`, path })),
    { flag: '--students', path: values.students },
    { flag: '--calendar', path: values.calendar },
    { flag: '--policy', path: values.policy },
  ]);
  const delimiter = values.delimiter === undefined ? undefined : pickDelimiter(values.delimiter);
  const run = { policy: await pickPolicy(values.policy), calendar: await pickCalendar(values.calendar), asOf };
  let result: Explained;
  try {
    result =
      values.students === undefined
        ? await explainFromCases(id, files, run)
        : await explainFromLessons(id, { students: values.students, lessons: files, previous: values.previous, delimiter }, run);
  } catch (error) {
    if (!(error instanceof BatchInputError)) throw error;
    process.stderr.write(`trappa explain: ${escapeControl(errorText(error, lang))}\n`);
    return EXIT.failure;
  }
  if (result.kind !== 'decisions') {
    const where = values.students ?? files.join(', ');
    for (const line of noDecision(result, id, where, lang)) process.stderr.write(`trappa explain: ${escapeControl(line)}\n`);
    return EXIT.failure;
  }
  for (const decision of result.decisions) {
    if (values.json) process.stdout.write(`${JSON.stringify(decision)}\n`);
    else {
      const whyNot = formatNotRecommended(decision, lang);
      process.stdout.write(`${formatDecision(decision, lang)}\n${whyNot === '' ? '' : `${whyNot}\n`}\n`);
    }
  }
  return EXIT.ok;
}
