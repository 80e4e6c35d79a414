import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { parseStudentCase } from '../adapters/parseStudentCase.js';
import { evaluate } from '../evaluate.js';
import { studentCaseJsonSchema, policyFileJsonSchema } from '../model/jsonSchema.js';
import { isValidIsoDate } from '../model/isoDate.js';
import { SchoolCalendarSchema, type SchoolCalendar } from '../model/schoolCalendar.js';
import { BUILTIN_POLICY_IDS, builtinPolicy, resolveBuiltinPolicy, type BuiltinPolicyId } from '../policy/builtinPolicies.js';
import { loadPolicy, PolicyError } from '../policy/loadPolicy.js';
import type { Policy } from '../policy/policy.js';
import { evaluateSs12000 } from './evaluateSs12000.js';
import { formatDecision, type Lang } from './format.js';
import { readInput } from './readInput.js';
import { addDecision, emptySummary, formatSummary } from './summary.js';

const HELP = `trappa — Swedish school-absence escalation (åtgärdstrappa) as code

Usage:
  trappa evaluate <file...> [options]   evaluate student cases (NDJSON, one case per line, or a JSON array)
  trappa evaluate --format ss12000 <dir-or-files...> [--context <file>]
                                        evaluate an SS 12000 export (organisations, persons, calendarEvents,
                                        attendances, absences *.json) with an optional side file
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

class UsageError extends Error {}

function pickPolicy(spec: string): Promise<Policy> | Policy {
  if ((BUILTIN_POLICY_IDS as readonly string[]).includes(spec)) return builtinPolicy(spec as BuiltinPolicyId);
  return readFile(spec, 'utf8').then((text) => loadPolicy(JSON.parse(text) as unknown, resolveBuiltinPolicy));
}

async function pickCalendar(path: string | undefined): Promise<SchoolCalendar | undefined> {
  if (path === undefined) return undefined;
  const parsed = SchoolCalendarSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    throw new UsageError(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

async function evaluateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      policy: { type: 'string', default: 'stockholm' },
      'as-of': { type: 'string' },
      calendar: { type: 'string' },
      json: { type: 'boolean', default: false },
      details: { type: 'string', default: 'with-steps' },
      lang: { type: 'string', default: 'sv' },
      rejected: { type: 'string' },
      format: { type: 'string', default: 'studentcase' },
      context: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('evaluate needs at least one input file');
  if (values.format !== 'studentcase' && values.format !== 'ss12000') throw new UsageError('--format must be studentcase or ss12000');
  if (values.context !== undefined && values.format !== 'ss12000') throw new UsageError('--context applies to --format ss12000 only');
  const asOf = values['as-of'] ?? DateTime.now().setZone('Europe/Stockholm').toISODate() ?? '';
  if (!isValidIsoDate(asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${asOf}"`);
  if (!['with-steps', 'all', 'none'].includes(values.details)) throw new UsageError('--details must be with-steps, all or none');
  if (values.lang !== 'sv' && values.lang !== 'en') throw new UsageError('--lang must be sv or en');
  const lang: Lang = values.lang;
  const policy = await pickPolicy(values.policy);
  const calendar = await pickCalendar(values.calendar);
  if (values.format === 'ss12000') {
    return evaluateSs12000({
      paths: positionals,
      context: values.context,
      policy,
      calendar,
      asOf,
      json: values.json,
      details: values.details,
      lang,
      rejected: values.rejected,
    });
  }
  const summary = emptySummary();
  const rejectedLines: string[] = [];
  const out = process.stdout;

  for (const file of positionals) {
    for await (const item of readInput(file)) {
      summary.cases.read += 1;
      if ('error' in item) {
        summary.cases.rejected += 1;
        process.stderr.write(`${item.location}: ${item.error}\n`);
        rejectedLines.push(JSON.stringify({ location: item.location, kind: 'case', issues: [{ path: '(root)', message: item.error }] }));
        continue;
      }
      const attendance = (item.value as { attendance?: unknown } | null)?.attendance;
      const recordCount = Array.isArray(attendance) ? attendance.length : 0;
      summary.records.read += recordCount;
      const parsed = parseStudentCase(item.value);
      if (!parsed.ok) {
        summary.cases.rejected += 1;
        summary.records.rejected += recordCount;
        for (const issue of parsed.issues) process.stderr.write(`${item.location}: ${issue.path}: ${issue.message}\n`);
        rejectedLines.push(JSON.stringify({ location: item.location, kind: 'case', studentId: parsed.studentId, issues: parsed.issues }));
        continue;
      }
      summary.records.rejected += parsed.rejectedRecords.length;
      summary.records.accepted += parsed.case.attendance.length;
      for (const r of parsed.rejectedRecords) {
        for (const issue of r.issues) process.stderr.write(`${item.location}: ${issue.path}: ${issue.message}\n`);
        rejectedLines.push(JSON.stringify({ location: item.location, kind: 'record', studentId: parsed.case.student.id, index: r.index, issues: r.issues }));
      }
      const decision = evaluate(parsed.case, policy, {
        asOf,
        ...(calendar === undefined ? {} : { calendar }),
        warnings: parsed.rejectedRecords.length > 0 ? [{ kind: 'rejected-records', count: parsed.rejectedRecords.length }] : [],
      });
      summary.cases.evaluated += 1;
      addDecision(summary, decision);
      if (values.json) out.write(`${JSON.stringify(decision)}\n`);
      else if (values.details === 'all' || (values.details === 'with-steps' && decision.steps.length > 0)) {
        out.write(`${formatDecision(decision, lang)}\n\n`);
      }
    }
  }
  if (values.rejected !== undefined) await writeFile(values.rejected, rejectedLines.map((l) => `${l}\n`).join(''));
  const header = `policy ${policy.id} ${policy.version} (${policy.hash.slice(0, 12)}), as of ${asOf}`;
  if (values.json) process.stderr.write(`${header}\n${formatSummary(summary)}\n`);
  else out.write(`${header}\n${formatSummary(summary)}\n`);
  return summary.cases.rejected + summary.records.rejected > 0 ? 3 : 0;
}

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
