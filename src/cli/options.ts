import { readText } from '../io/readText.js';
import { BUILTIN_POLICY_IDS, builtinPolicy, isBuiltinPolicyId, resolveBuiltinPolicy } from '../policy/builtinPolicies.js';
import { loadPolicy, PolicyError } from '../policy/loadPolicy.js';
import { readPolicyFile } from '../io/readPolicyFile.js';
import type { Policy } from '../policy/policy.js';
import { SchoolCalendarSchema, type SchoolCalendar } from '../model/schoolCalendar.js';
import { UsageError } from './usageError.js';
import { escapeControl } from '../adapters/safeText.js';
import { jsonErrorText } from '../adapters/jsonError.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { valueAt } from '../adapters/shownValue.js';
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
      if (!read.ok) throw policyFileError(spec, both({ sv: '(root): {message} [policy-too-large]', en: '(root): {message} [policy-too-large]' }, (lang) => ({ message: read.texts[lang] })));
      let json: unknown;
      try {
        json = JSON.parse(read.text);
      } catch (error) {
        // V8's message quotes the file: its words and place only (`jsonErrorText`).
        throw policyFileError(spec, both({ sv: '(root): {message}', en: '(root): {message}' }, (lang) => ({ message: jsonErrorText(error, read.text)[lang] })));
      }
      return loadPolicy(json, resolveBuiltinPolicy);
    },
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      throw new UsageError(unknownPolicyText(spec));
    },
  );
}

/** A policy file that is not a policy before its content is looked at (too large, not JSON). */
function policyFileError(spec: string, text: Template): PolicyError {
  return new PolicyError(spec, [text.en], [text]);
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
  const text = await readText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(both(USAGE_TEXT.calendar, (lang) => ({ file: path, issues: jsonErrorText(error, text)[lang] })));
  }
  const parsed = SchoolCalendarSchema.safeParse(json);
  if (!parsed.success) {
    const { issues } = parsed.error;
    const at = (i: (typeof issues)[number]): string => i.path.join('.') || '(root)';
    throw new UsageError(both(USAGE_TEXT.calendar, (lang) => ({ file: path, issues: issues.map((i) => `${at(i)}: ${lang === 'sv' ? swedishIssueMessage(i, valueAt(json, i.path)) : i.message}`).join('; ') })));
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
