import { readFile } from 'node:fs/promises';
import { JSON_SCHEMA_NAMES, isJsonSchemaName, jsonSchema } from '../report/jsonSchemas.js';
import { runCleanups } from '../io/exitCleanup.js';
import { EXIT, exitCodeFor } from './exitCodes.js';
import { diffCommand } from './diffCommand.js';
import { checkCommand } from './checkCommand.js';
import { testCommand } from './testCommand.js';
import { evaluateCommand } from './evaluateCommand.js';
import { reportCommand } from './reportCommand.js';
import { explainCommand } from './explainCommand.js';
import { verifyCommand } from './verifyCommand.js';
import { installStdoutClosedHandler } from './stdoutClosed.js';
import { UsageError } from './usageError.js';
import { escapeControl } from '../adapters/safeText.js';

const HELP = `trappa — Swedish school-absence escalation (åtgärdstrappa) as code

Usage:
  trappa evaluate <file...> [options]   evaluate student cases (NDJSON, one case per line, or a JSON array)
  trappa evaluate --format lessons --students <file> <lessons...>
                                        nightly batch: lesson-level records (NDJSON or CSV, one lesson per line,
                                        any order, any size) with the student context in a separate file
  trappa evaluate --format ss12000 <dir-or-files...> [--context <file>]
                                        evaluate an SS 12000 export (organisations, persons, calendarEvents,
                                        attendances, absences *.json) with an optional side file
  trappa diff --from <policy> --to <policy> <file...> | --generate N [--seed S]
                                        what-if: which students' steps a policy change adds, removes or changes
  trappa check <policy.json|id...> [--json]  check policy files (or a bundled policy by id) before use: schema, facts, operators, rule ids
                                        and versions, conditions that can never be true, shadowed rules
                                        (exit 0 no errors, warnings allowed; 1 errors; 2 usage)
  trappa test <table...> [--coverage] [--threshold P] [--json] [--watch]
                                        run example tables (YAML): the agreed cases and the steps they expect;
                                        --coverage reports rules fired and condition leaves seen true/false
                                        (trappa test --help for the table format and options)
  trappa report <decisions.ndjson|-> --out <dir> [--labels <file>] [--lang sv|en]
                                        one static HTML report per school (open duties, plots) from a
                                        night's decisions; trappa report --help for its options
  trappa explain <student-id> --students <file> <lessons...> | <case file...> [--as-of <date>] [--json]
                                        one student's full decision, regenerated from the night's inputs: with
                                        the steps not recommended and why; trappa explain --help for its options
  trappa verify <file...> [--policy <id|file>] [--as-of <date>] [--json] [--lang sv|en]
                                        check the compiled rules evaluate uses against json-rules-engine (the
                                        reference engine, an optional peer dependency) on these cases: one line
                                        per student, rule and leaf where they disagree (exit 0 none; 1 some);
                                        trappa verify --help for its options
  trappa schema [<name>]                print a JSON Schema (draft 2020-12; also shipped as schemas/<name>.schema.json):
                                        student-case (default; evaluate's input), policy (a policy file),
                                        decision (--json), compact-decision (--json compact, --decisions-out),
                                        lesson-record (--format lessons, NDJSON; the CSV columns in its
                                        description), calendar (--calendar), ss12000-side-file (--context),
                                        change (--previous --json lines)
  trappa --help | --version

Options for evaluate:
  --format <f>         studentcase (default), lessons or ss12000
  --context <file>     with ss12000: side file with consents, signals, measures, districts, teams
  --policy <id|file>   a bundled policy: stockholm (default), goteborg, skollagen; or a policy JSON file (may extend one)
  --as-of <date>       evaluation date YYYY-MM-DD (default: today in Europe/Stockholm)
  --calendar <file>    school calendar JSON {terms:[{id,start,end}], breaks:[...]} (default: typical Swedish)
  --json               write one decision per line (NDJSON) to stdout
  --details <mode>     text output: with-steps (default), all, none
  --lang <sv|en>       language of text output (default sv)
  --rejected <file>    write rejected cases and lesson records as NDJSON to this file
  --summary-json <f>   write the run summary (counts, steps and typology per school) as JSON
  --coverage           also report rule and condition coverage over the population (every --format): per rule
                       fired / not fired / not in force, per condition leaf and named condition seen true /
                       seen false / never evaluated; text after the summary, JSON in --summary-json ("coverage")
  --threshold <pct>    exit 1 when the policy's leaf coverage is under pct (implies --coverage)

Options for --format lessons (the nightly batch):
  --students <file>    student context: one StudentCase per line (attendance optional)
  --previous <file>    last night's --decisions-out file, verified whole before anything is written (its
                       trailer, count and SHA-256, every line a decision, an earlier date): output only the changes
                       of each student's steps, one per line; a re-run on the same input outputs nothing. Open statutory
                       duties stay open across nights until a recorded measure closes them:
                         new                  indicated now, not last night (or a new duty after a done one)
                         overdue              passed its due date since last night
                         escalated            more urgent, or no longer waiting for consent
                         done                 closed by a recorded measure (with its date), or consent given
                         no-longer-indicated  gone without a measure: the data behind it changed,
                                              or the student is not in tonight's input (an open
                                              statutory duty is never closed that way)
                       A student whose line is rejected tonight closes nothing. When a student line
                       cannot be read and carries no id, nothing is closed for missing students
                       (stderr and the summary say so), unless --allow-missing-students
  --allow-missing-students
                       close the steps of students missing tonight even when some student lines carry no id
  --decisions-out <f>  also write every full decision as NDJSON and a trailer line (tomorrow's --previous);
                       like --rejected and --summary-json, written beside the file and renamed into place only
                       when the run succeeds, and locked (<f>.lock) against a second run on the same file; a
                       student not evaluated tonight whose steps stay open keeps last night's decision there
  --workers <n>        worker threads (default: every core when the lesson files are 64 MiB or more, else 1);
                       the output, in student-id order, is the same for any n
  --progress, --no-progress
                       progress bar on stderr (default: only when stderr is a terminal)
  --tmp-dir <dir>      where the temporary buckets go (default: the OS temp directory; about 20 bytes a lesson)
  --max-input-age <n>  fail (exit 66, nothing written) when the newest accepted lesson lies more than n school
                       days before --as-of (weekends and breaks of the calendar do not count), or there is none
  --delimiter <c>      delimiter of lesson CSV files: , ; | or tab (default: sniffed from each header line:
                       , ; or tab); headers match in any case, with Swedish aliases (README, Input)

Options for diff:
  --from, --to <id|file>  the current and the proposed policy (bundled id or policy JSON file)
  --generate N         instead of files: N cases from the trappa/testing arbitraries (deterministic)
  --seed S             seed for --generate (default 1)
  --workers <n>        threads drawing --generate cases (default: every core from 5 000 cases); same output for any n
  --as-of <date>       evaluation date (default: today; with --generate 2026-11-23)
  --calendar <file>    school calendar JSON, as for evaluate
  --sample K           affected students shown with both decisions (default 3)
  --json               one JSON object (counts per step, students affected, sample)
  --lang <sv|en>       language of the decisions in the sample and of the coverage (default sv)
  --coverage           rule and condition coverage of both policies over the population (in --json: "coverage")
  --threshold <pct>    exit 1 when the --to policy's leaf coverage is under pct (implies --coverage)

Input files: - (or /dev/stdin) reads stdin, for one input at most (not --previous, not an SS 12000 page);
  a gzip file is decompressed (known by its bytes); a UTF-8 BOM and CRLF are fine; a binary file (.xlsx, UTF-16…)
  is refused; a case file is NDJSON, a JSON array, or one (pretty-printed) JSON object.

Exit codes: 0 all input accepted; 3 some cases or records were rejected (reported on stderr);
            2 usage error; 1 other failure (unreadable file, invalid policy), or leaf coverage under
            --threshold (the outputs are complete; takes precedence over 3);
            65 --previous refused (empty, cut short, joined, edited, older format, not an earlier night);
            66 --max-input-age: the newest lesson is too old, or there is none (stale input): nothing written;
            73 an output cannot be created (missing or unwritable directory, a directory given as a file);
            74 writing stdout or an output failed (e.g. a full disk): output files left as they were;
            75 another run holds an output's lock; 130/143 stopped by SIGINT/SIGTERM.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (command === 'evaluate') return evaluateCommand(rest);
  if (command === 'diff') return diffCommand(rest);
  if (command === 'check') return checkCommand(rest);
  if (command === 'test') return testCommand(rest);
  if (command === 'report') return reportCommand(rest);
  if (command === 'verify') return verifyCommand(rest);
  if (command === 'explain') return explainCommand(rest);
  if (command === 'schema') {
    const which = rest[0] ?? 'student-case';
    if (!isJsonSchemaName(which) || rest.length > 1) throw new UsageError(`schema takes one of ${JSON_SCHEMA_NAMES.join(', ')}`);
    process.stdout.write(`${JSON.stringify(jsonSchema(which), null, 2)}\n`);
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

installStdoutClosedHandler();
// Crash hygiene: whatever ends the process removes this run's temp files and locks
// (SIGKILL and out-of-memory excepted: the next run sweeps those), and an
// unexpected error is one line on stderr, not a stack trace.
process.on('exit', () => runCleanups());
process.on('uncaughtException', (error: unknown) => {
  runCleanups();
  process.stderr.write(`trappa: ${describeError(error)}\n`);
  process.exit(exitCodeFor(error));
});

/** An error without its stack: its message, and for a programming error (a bug to report) where it was thrown. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const bug = error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
  const where = bug ? /\n\s+at (.*)/.exec(error.stack ?? '')?.[1] : undefined;
  return `${message}${where === undefined ? '' : ` (at ${where})`}`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = exitCodeFor(error);
    process.stderr.write(`trappa: ${escapeControl(describeError(error))}\n${code === EXIT.usage ? 'Run "trappa --help" for usage.\n' : ''}`);
    process.exitCode = code;
  },
);
