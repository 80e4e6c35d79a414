import type { Finding, Severity } from '../policy/finding.js';
import { say, type Templates } from '../model/template.js';
import type { Texts } from './labels.js';
import type { Lang } from './text.js';

/** The severities of a finding. */
export const SEVERITY_TEXT: Readonly<Record<Severity, Texts>> = {
  error: { sv: 'fel', en: 'error' },
  warning: { sv: 'varning', en: 'warning' },
};

/** The sentences of `trappa check`, sv and en. */
export const CHECK_TEXT = {
  finding: { sv: '{file}: {severity} {path}: {message} [{code}]', en: '{file}: {severity} {path}: {message} [{code}]' },
  findingOfRule: { sv: '{file}: {severity} {path}: {message} [{code}, regel {rule}]', en: '{file}: {severity} {path}: {message} [{code}, rule {rule}]' },
  summary: {
    sv: '{files} {files|fil kontrollerad|filer kontrollerade}: {errors} fel, {warnings} {warnings|varning|varningar}',
    en: '{files} {files|file|files} checked: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}',
  },
  cannotRead: { sv: 'filen kan inte läsas: {reason}', en: 'cannot read the file: {reason}' },
} as const satisfies Templates;

/** A finding of one file, as `trappa check` prints it. */
export interface FileFinding extends Finding {
  readonly file: string;
}

/**
 * One finding as a line: file, severity, path, the message in the language,
 * and the code (and rule) in brackets.
 *
 * @param f - the finding with its file
 * @param lang - output language
 * @returns one line
 * @example formatFinding({ file: 'p.json', severity: 'warning', code: 'unused-condition', path: 'conditions.x', message: '…', text: { sv: 'Det namngivna villkoret "x" används inte av någon regel i policyn', en: '…' } }, 'sv')
 * // 'p.json: varning conditions.x: Det namngivna villkoret "x" används inte av någon regel i policyn [unused-condition]'
 */
export function formatFinding(f: FileFinding, lang: Lang): string {
  const slots = { file: f.file, severity: SEVERITY_TEXT[f.severity][lang], path: f.path, message: f.text[lang], code: f.code };
  return f.ruleId === undefined ? say(CHECK_TEXT.finding, lang, slots) : say(CHECK_TEXT.findingOfRule, lang, { ...slots, rule: f.ruleId });
}

/**
 * The last line of `trappa check`: files checked, errors and warnings.
 *
 * @param files - files checked
 * @param errors - findings that are errors
 * @param warnings - findings that are warnings
 * @param lang - output language
 * @returns one line
 * @example formatCheckSummary(1, 1, 1, 'sv') // '1 fil kontrollerad: 1 fel, 1 varning'
 * @example formatCheckSummary(3, 0, 2, 'en') // '3 files checked: 0 errors, 2 warnings'
 */
export function formatCheckSummary(files: number, errors: number, warnings: number, lang: Lang): string {
  return say(CHECK_TEXT.summary, lang, { files, errors, warnings });
}
