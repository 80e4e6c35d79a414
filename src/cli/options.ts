import { readText } from '../io/readText.js';
import { BUILTIN_POLICY_IDS, builtinPolicy, isBuiltinPolicyId, resolveBuiltinPolicy } from '../policy/builtinPolicies.js';
import { loadPolicy, PolicyError } from '../policy/loadPolicy.js';
import { readPolicyFile } from '../io/readPolicyFile.js';
import type { Policy } from '../policy/policy.js';
import { SchoolCalendarSchema, type SchoolCalendar } from '../model/schoolCalendar.js';
import { UsageError } from './usageError.js';
import { escapeControl } from '../adapters/safeText.js';
import { both, type Template } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';

/**
 * A bundled policy by id, or a policy JSON file (which may extend a bundled one).
 * A file over the policy budget's size is refused before it is parsed.
 *
 * @param spec - `stockholm`, `skollagen`, `goteborg` or a path
 * @returns the loaded policy
 * @example await pickPolicy('stockholm')
 */
export function pickPolicy(spec: string): Promise<Policy> | Policy {
  if (isBuiltinPolicyId(spec)) return builtinPolicy(spec);
  return readPolicyFile(spec).then(
    (read) => {
      if (!read.ok) throw new PolicyError(spec, [`(root): ${read.message} [policy-too-large]`]);
      return loadPolicy(JSON.parse(read.text) as unknown, resolveBuiltinPolicy);
    },
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      throw new UsageError(unknownPolicyText(spec));
    },
  );
}

/**
 * Why a `--policy` is neither a bundled id nor a file, with the bundled ids, sv and en.
 *
 * @param spec - what was given
 * @returns the texts
 * @example unknownPolicyText('oslo').sv // 'okänd policy "oslo": de inbyggda policyerna är skollagen, stockholm, goteborg; eller ange sökvägen till en policyfil (JSON)'
 */
export function unknownPolicyText(spec: string): Template {
  const slots = { spec: JSON.stringify(spec), ids: BUILTIN_POLICY_IDS.join(', ') };
  return both(/[/\\]|\.json$/i.test(spec) ? USAGE_TEXT.noPolicyFile : USAGE_TEXT.unknownPolicy, slots);
}

/**
 * Why a `--policy` is neither a bundled id nor a file, with the bundled ids, in English (`unknownPolicyText` has both).
 *
 * @param spec - what was given
 * @returns the message
 * @example unknownPolicyMessage('oslo') // 'unknown policy "oslo": the bundled policies are skollagen, stockholm, goteborg; or give the path of a policy JSON file'
 */
export function unknownPolicyMessage(spec: string): string {
  return unknownPolicyText(spec).en;
}

/**
 * A school calendar file, or undefined for the default calendar.
 *
 * @param path - calendar JSON path, or undefined
 * @returns the calendar
 * @example await pickCalendar(undefined) // undefined
 */
export async function pickCalendar(path: string | undefined): Promise<SchoolCalendar | undefined> {
  if (path === undefined) return undefined;
  const parsed = SchoolCalendarSchema.safeParse(JSON.parse(await readText(path)));
  if (!parsed.success) {
    throw new UsageError(both(USAGE_TEXT.calendar, { file: path, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
  }
  return parsed.data;
}

/**
 * The `--delimiter` of lesson CSV files: `,`, `;`, `|`, or a tab (written
 * `tab`, `\t` or as the character itself).
 *
 * @param text - the option's value
 * @returns the delimiter character
 * @throws {UsageError} for anything else
 * @example pickDelimiter('tab') // '\t'
 */
export function pickDelimiter(text: string): string {
  const delimiter = text === 'tab' || text === '\\t' ? '\t' : text;
  if (![',', ';', '|', '\t'].includes(delimiter)) throw new UsageError(both(USAGE_TEXT.delimiter, { value: `"${escapeControl(text)}"` }));
  return delimiter;
}
