import type { DecisionForm } from '../report/decisionOutput.js';
import { UsageError } from './usageError.js';
import { both } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';

const FORMS: readonly DecisionForm[] = ['full', 'compact'];

/**
 * `--json` with an optional form, which `node:util`'s `parseArgs` cannot
 * take (an option either always or never has a value): `--json` alone is
 * `--json=full`, and `--json full` / `--json compact` (the next argument, when
 * it is a form) become `--json=full` / `--json=compact`. `--json=<form>` is
 * kept as it is. Nothing after `--` is touched. A file named `compact` or
 * `full` right after `--json` is therefore read as the form: write it `./compact`.
 *
 * @param args - the command's arguments
 * @returns the arguments with every `--json` carrying its value, for `parseArgs` with `json: { type: 'string' }`
 * @example jsonFormArgs(['a.ndjson', '--json', 'compact']) // ['a.ndjson', '--json=compact']
 * @example jsonFormArgs(['--json', 'a.ndjson']) // ['--json=full', 'a.ndjson']
 */
export function jsonFormArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (arg !== '--json') {
      out.push(arg);
      continue;
    }
    const next = args[i + 1];
    if (next !== undefined && (FORMS as readonly string[]).includes(next)) {
      out.push(`--json=${next}`);
      i += 1;
    } else out.push('--json=full');
  }
  return out;
}

/**
 * The form `--json` asked for, checked.
 *
 * @param value - the option's value after `jsonFormArgs`, or undefined when `--json` was not given
 * @returns `full`, `compact`, or undefined (no JSON: text)
 * @throws {UsageError} for another value (`--json=short`)
 * @example jsonForm('compact') // 'compact'
 * @example jsonForm(undefined) // undefined
 */
export function jsonForm(value: string | undefined): DecisionForm | undefined {
  if (value === undefined) return undefined;
  if ((FORMS as readonly string[]).includes(value)) return value as DecisionForm;
  throw new UsageError(both(USAGE_TEXT.jsonForm, { value: `"${value}"` }));
}

/**
 * The form `--decisions-form` asked for, checked: `compact` by default.
 *
 * @param value - the option's value, or undefined
 * @returns the form
 * @throws {UsageError} for another value
 * @example decisionsForm(undefined) // 'compact'
 */
export function decisionsForm(value: string | undefined): DecisionForm {
  if (value === undefined) return 'compact';
  if ((FORMS as readonly string[]).includes(value)) return value as DecisionForm;
  throw new UsageError(both(USAGE_TEXT.decisionsForm, { value: `"${value}"` }));
}

/**
 * The output format's `output` for a `--json` form.
 *
 * @param form - the form, or undefined when `--json` was not given
 * @returns `json` (full), `compact`, or undefined (text)
 * @example jsonOutput('full') // 'json'
 */
export function jsonOutput(form: DecisionForm | undefined): 'json' | 'compact' | undefined {
  return form === undefined ? undefined : form === 'full' ? 'json' : 'compact';
}
