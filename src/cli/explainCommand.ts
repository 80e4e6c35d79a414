import { parseArgs } from 'node:util';
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
import { UsageError } from './usageError.js';

export const EXPLAIN_HELP = `trappa explain <student-id> --students <file> <lessons...> [options]
trappa explain <student-id> <case file...> [options]

The full decision of one student, regenerated from the same inputs as the night that made it:
every step with its reasons and evidence, and every step the policy considered and did not
recommend with the conditions that failed (what a compact decisions file leaves out). With
--students the lesson files are scanned whole for the student's lines (a slow path: one student
at a time); without it the case files are read and the student's case picked by id.

Options:
  --students <file>    the nightly batch's student file: the inputs are lesson files (NDJSON or CSV)
  --previous <file>    last night's decisions file, when the night was run with --previous: its
                       open duties stay open as they did in the batch
  --as-of <date>       the night's evaluation date YYYY-MM-DD (default: today in Europe/Stockholm)
  --policy <id|file>   the night's policy (default stockholm)
  --calendar <file>    the night's school calendar JSON (default: typical Swedish)
  --delimiter <c>      lesson CSV delimiter: , ; | or tab (default: sniffed)
  --json               the full decision as one JSON line (as evaluate --json writes it)
  --lang <sv|en>       language of the text (default sv)
  -h, --help           this help

The student id is shown in messages (ids are opaque); a value that is not an opaque id is not.
Exit codes: 0 written; 1 no such student, the student's line was rejected, or an input cannot be
read; 2 usage; 65 --previous refused.`;

/** Why there is no decision, one line each, naming the files and lines (never a value of personal data). */
function noDecision(result: Exclude<Explained, { kind: 'decisions' }>, id: string, where: string): string[] {
  if (result.kind === 'unknown') return [`no student ${id} in ${where} (${result.read} read)`];
  return [
    `student ${id}: every line of theirs in ${where} was rejected, so there is no decision:`,
    ...result.lines.flatMap((l) => l.issues.map((i) => `${l.location}: ${i.path}: ${i.message}`)),
  ];
}

/**
 * `trappa explain <student-id> …`: one student's full decision, as JSON
 * (`--json`) or text with the steps not recommended.
 *
 * @param args - the arguments after `explain`
 * @returns the exit code
 * @example await explainCommand(['elev-0042', '--students', 'students.ndjson', 'lessons.csv', '--as-of', '2026-11-23']) // 0, prints the decision
 */
export async function explainCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      students: { type: 'string' },
      previous: { type: 'string' },
      'as-of': { type: 'string' },
      policy: { type: 'string', default: 'stockholm' },
      calendar: { type: 'string' },
      delimiter: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'sv' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${EXPLAIN_HELP}\n`);
    return EXIT.ok;
  }
  const [id, ...files] = positionals;
  if (id === undefined) throw new UsageError('explain needs a student id, then the input files');
  // An id is shown in messages; anything else given in its place (a name, a personnummer) is not.
  if (!OpaqueIdSchema.safeParse(id).success) throw new UsageError('the student id is not an opaque id (1–128 characters [A-Za-z0-9_.:-], not a personnummer); it is not repeated here');
  if (files.length === 0) throw new UsageError(values.students === undefined ? 'explain needs case files, or --students and lesson files' : 'explain --students needs the lesson files');
  if (values.previous !== undefined && values.students === undefined) throw new UsageError('--previous applies with --students (the nightly batch) only');
  if (values.delimiter !== undefined && values.students === undefined) throw new UsageError('--delimiter applies with --students (lesson CSV) only');
  if (values.previous !== undefined && isStdin(values.previous)) throw new UsageError('--previous takes the file --decisions-out wrote: it is verified from its end and read twice, so it cannot be stdin');
  const asOf = values['as-of'] ?? DateTime.now().setZone('Europe/Stockholm').toISODate() ?? '';
  if (!isValidIsoDate(asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${asOf}"`);
  if (values.lang !== 'sv' && values.lang !== 'en') throw new UsageError('--lang must be sv or en');
  const lang: Lang = values.lang;
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
    process.stderr.write(`trappa explain: ${escapeControl(error.message)}\n`);
    return EXIT.failure;
  }
  if (result.kind !== 'decisions') {
    const where = values.students ?? files.join(', ');
    for (const line of noDecision(result, id, where)) process.stderr.write(`trappa explain: ${escapeControl(line)}\n`);
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
