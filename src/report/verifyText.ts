import { escapeControl } from '../adapters/safeText.js';
import type { Lang } from './text.js';
import { say, type Templates } from '../model/template.js';
import type { VerifyMismatch, VerifyReport } from '../verify/verifyReport.js';

/** The sentences of `trappa verify`, sv and en. */
export const VERIFY_TEXT = {
  mismatch: {
    sv: '{student}  regel {rule}  {path}{via}: {what}: kompilerad {compiled}, json-rules-engine {reference}; regeln utlöses: kompilerad {firedCompiled}, json-rules-engine {firedReference}',
    en: '{student}  rule {rule}  {path}{via}: {what}: compiled {compiled}, json-rules-engine {reference}; rule fired: compiled {firedCompiled}, json-rules-engine {firedReference}',
  },
  leaf: { sv: '{fact} {operator} {value}, faktavärde {actual}', en: '{fact} {operator} {value}, fact {actual}' },
  combination: { sv: 'delarna stämmer överens, kombinationen inte', en: 'the parts agree, the combination does not' },
  met: { sv: 'uppfyllt', en: 'met' },
  notMet: { sv: 'inte uppfyllt', en: 'not met' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  nothing: { sv: 'inget värde', en: 'no value' },
  policy: { sv: 'policy {id} {version} ({hash}), per {asOf}', en: 'policy {id} {version} ({hash}), as of {asOf}' },
  compared: {
    sv: '{read} fall {read|läst|lästa}, {rejected} {rejected|avvisat|avvisade}; {students} {students|elev verifierad|elever verifierade} × {rules} {rules|regel|regler} i kraft, {leaves} lövutfall {leaves|jämfört|jämförda} med json-rules-engine',
    en: '{read} {read|case|cases} read, {rejected} rejected; {students} {students|student|students} verified × {rules} {rules|rule|rules} in force, {leaves} leaf {leaves|outcome|outcomes} compared with json-rules-engine',
  },
  mismatches: {
    sv: '{n} {n|avvikelse|avvikelser} ({students} {students|elev|elever}, {outcomes} regelutfall olika)',
    en: '{n} {n|mismatch|mismatches} ({students} {students|student|students}, {outcomes} rule {outcomes|outcome differs|outcomes differ})',
  },
} as const satisfies Templates;

/** A value of a leaf or a fact as the line shows it: a rate as minutes of minutes, anything else as JSON. */
function shown(value: unknown, lang: Lang): string {
  if (value === undefined) return VERIFY_TEXT.nothing[lang];
  const rate = value as { part?: unknown; whole?: unknown } | null;
  if (typeof rate === 'object' && rate !== null && typeof rate.part === 'number' && typeof rate.whole === 'number' && Object.keys(rate).length === 2) return `${rate.part}/${rate.whole}`;
  return JSON.stringify(value);
}

/**
 * One mismatch of `trappa verify` as one line: student, rule, where, the leaf
 * with the fact's value, and each engine's outcome in words (the condition
 * met or not, the rule fired or not), never a raw `true`/`false`.
 *
 * @param m - a mismatch from `verifyPolicy`
 * @param lang - output language
 * @returns one line
 * @example formatMismatch({ studentId: 's-1', rule: { id: 'r', version: 1 }, path: 'rules[r@1].conditions.all[0]', via: [], leaf: { fact: 'grade', operator: 'greaterThan', value: 3 }, actual: 7, compiled: false, reference: true, fired: { compiled: false, reference: true } }, 'sv')
 * // 's-1  regel r@1  rules[r@1].conditions.all[0]: grade greaterThan 3, faktavärde 7: kompilerad inte uppfyllt, json-rules-engine uppfyllt; regeln utlöses: kompilerad nej, json-rules-engine ja'
 */
export function formatMismatch(m: VerifyMismatch, lang: Lang): string {
  const met = (b: boolean): string => (b ? VERIFY_TEXT.met : VERIFY_TEXT.notMet)[lang];
  const yes = (b: boolean): string => (b ? VERIFY_TEXT.yes : VERIFY_TEXT.no)[lang];
  const what =
    m.leaf === null
      ? VERIFY_TEXT.combination[lang]
      : say(VERIFY_TEXT.leaf, lang, { fact: m.leaf.fact, operator: m.leaf.operator, value: shown(m.leaf.value, lang), actual: shown(m.actual, lang) });
  return escapeControl(
    say(VERIFY_TEXT.mismatch, lang, {
      student: m.studentId,
      rule: `${m.rule.id}@${m.rule.version}`,
      path: m.path,
      via: m.via.length === 0 ? '' : ` (via ${m.via.join(' → ')})`,
      what,
      compiled: met(m.compiled),
      reference: met(m.reference),
      firedCompiled: yes(m.fired.compiled),
      firedReference: yes(m.fired.reference),
    }),
  );
}

/**
 * The closing lines of `trappa verify`: what was compared and how many
 * mismatches, each count with its singular or plural ("1 elev", "2 elever").
 *
 * @param report - from `verifyPolicy`
 * @param cases - the input's counts (read, rejected)
 * @param lang - output language
 * @returns the lines
 * @example formatVerifySummary(report, { read: 14, rejected: 1 }, 'en').slice(1)
 * // ['14 cases read, 1 rejected; 13 students verified × 29 rules in force, 2626 leaf outcomes compared with json-rules-engine', '0 mismatches (0 students, 0 rule outcomes differ)']
 * @example formatVerifySummary(report, { read: 1, rejected: 0 }, 'sv')[2] // '1 avvikelse (1 elev, 1 regelutfall olika)'
 */
export function formatVerifySummary(report: VerifyReport, cases: { readonly read: number; readonly rejected: number }, lang: Lang): string[] {
  const { policy } = report;
  return [
    say(VERIFY_TEXT.policy, lang, { id: policy.id, version: policy.version, hash: policy.hash.slice(0, 12), asOf: report.asOf }),
    say(VERIFY_TEXT.compared, lang, { read: cases.read, rejected: cases.rejected, students: report.students, rules: report.rules, leaves: report.leaves }),
    say(VERIFY_TEXT.mismatches, lang, { n: report.mismatches.length, students: report.studentsWithMismatches, outcomes: report.rulesFiredDifferently }),
  ];
}
