import { readFile } from 'node:fs/promises';
import { studentCaseJsonSchema, policyFileJsonSchema } from '../model/jsonSchema.js';
import { PolicyError } from '../policy/loadPolicy.js';
import { checkCommand } from './checkCommand.js';
import { evaluateCommand } from './evaluateCommand.js';
import { UsageError } from './usageError.js';

const HELP = `trappa — Swedish school-absence escalation (åtgärdstrappa) as code

Usage:
  trappa evaluate <file...> [options]   evaluate student cases (NDJSON, one case per line, or a JSON array)
  trappa evaluate --format ss12000 <dir-or-files...> [--context <file>]
                                        evaluate an SS 12000 export (organisations, persons, calendarEvents,
                                        attendances, absences *.json) with an optional side file
  trappa check <policy.json...> [--json] check policy files before use: schema, facts, operators, rule ids
                                        and versions, conditions that can never be true, shadowed rules
                                        (exit 0 no errors, warnings allowed; 1 errors; 2 usage)
  trappa schema [student-case|policy]   print the JSON Schema of the input or of a policy file
  trappa --help | --version

Options for evaluate:
  --format <f>         studentcase (default) or ss12000
  --context <file>     with ss12000: side file with consents, signals, measures, districts, teams
  --policy <id|file>   stockholm (default), skollagen, or a policy JSON file (may extend a bundled one)
  --as-of <date>       evaluation date YYYY-MM-DD (default: today in Europe/Stockholm)
  --calendar <file>    school calendar JSON {terms:[{id,start,end}], breaks:[...]} (default: typical Swedish)
  --json               write one decision per line (NDJSON) to stdout
  --details <mode>     text output: with-steps (default), all, none
  --lang <sv|en>       language of text output (default sv)
  --rejected <file>    write rejected cases and lesson records as NDJSON to this file

Exit codes: 0 all input accepted; 3 some cases or records were rejected (reported on stderr);
            2 usage error; 1 other failure (unreadable file, invalid policy).`;

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
  if (command === 'check') return checkCommand(rest);
  if (command === 'schema') {
    const which = rest[0] ?? 'student-case';
    if (which !== 'student-case' && which !== 'policy') throw new UsageError('schema takes student-case or policy');
    process.stdout.write(`${JSON.stringify(which === 'policy' ? policyFileJsonSchema() : studentCaseJsonSchema(), null, 2)}\n`);
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`trappa: ${(error as Error).message}\nRun "trappa --help" for usage.\n`);
      process.exitCode = 2;
    } else if (error instanceof PolicyError) {
      process.stderr.write(`trappa: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`trappa: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  },
);
