import { escapeControl } from '../adapters/safeText.js';
import type { Lang } from './text.js';
import type { VerifyMismatch, VerifyReport } from '../verify/verifyReport.js';

function shown(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/**
 * One mismatch of `trappa verify` as one line: student, rule, where, the leaf
 * with the fact's value, and each engine's outcome (for the node and the rule).
 *
 * @param m - a mismatch from `verifyPolicy`
 * @param lang - output language
 * @returns one line
 * @example formatMismatch({ studentId: 's-1', rule: { id: 'r', version: 1 }, path: 'rules[r@1].conditions.all[0]', via: [], leaf: { fact: 'grade', operator: 'greaterThan', value: 3 }, actual: 7, compiled: false, reference: true, fired: { compiled: false, reference: true } }, 'en')
 * // 's-1  rule r@1  rules[r@1].conditions.all[0]: grade greaterThan 3, fact 7: compiled false, json-rules-engine true; rule fired: compiled no, json-rules-engine yes'
 */
export function formatMismatch(m: VerifyMismatch, lang: Lang): string {
  const sv = lang === 'sv';
  const yes = (b: boolean): string => (b ? (sv ? 'ja' : 'yes') : sv ? 'nej' : 'no');
  const via = m.via.length === 0 ? '' : ` (via ${m.via.join(' → ')})`;
  const what =
    m.leaf === null
      ? sv
        ? 'delarna stämmer överens, kombinationen inte'
        : 'the parts agree, the combination does not'
      : `${m.leaf.fact} ${m.leaf.operator} ${shown(m.leaf.value)}, ${sv ? 'faktavärde' : 'fact'} ${shown(m.actual)}`;
  return escapeControl(
    `${m.studentId}  ${sv ? 'regel' : 'rule'} ${m.rule.id}@${m.rule.version}  ${m.path}${via}: ${what}: ` +
      `${sv ? 'kompilerad' : 'compiled'} ${m.compiled}, json-rules-engine ${m.reference}; ` +
      `${sv ? 'regeln utlöses' : 'rule fired'}: ${sv ? 'kompilerad' : 'compiled'} ${yes(m.fired.compiled)}, json-rules-engine ${yes(m.fired.reference)}`,
  );
}

/**
 * The closing lines of `trappa verify`: what was compared and how many mismatches.
 *
 * @param report - from `verifyPolicy`
 * @param cases - the input's counts (read, rejected)
 * @param lang - output language
 * @returns lines of text
 * @example formatVerifySummary(report, { read: 14, rejected: 1 }, 'en').slice(1)
 * // ['14 cases read, 1 rejected; 13 students verified × 29 rules in force, 2626 leaf outcomes compared with json-rules-engine', '0 mismatches (0 students, 0 rule outcomes differ)']
 */
export function formatVerifySummary(report: VerifyReport, cases: { readonly read: number; readonly rejected: number }, lang: Lang): string[] {
  const sv = lang === 'sv';
  const { policy } = report;
  const n = report.mismatches.length;
  return [
    `policy ${policy.id} ${policy.version} (${policy.hash.slice(0, 12)}), ${sv ? 'per' : 'as of'} ${report.asOf}`,
    sv
      ? `${cases.read} fall lästa, ${cases.rejected} avvisade; ${report.students} elever verifierade × ${report.rules} regler i kraft, ${report.leaves} lövutfall jämförda med json-rules-engine`
      : `${cases.read} cases read, ${cases.rejected} rejected; ${report.students} students verified × ${report.rules} rules in force, ${report.leaves} leaf outcomes compared with json-rules-engine`,
    sv
      ? `${n} ${n === 1 ? 'avvikelse' : 'avvikelser'} (${report.studentsWithMismatches} elever, ${report.rulesFiredDifferently} regelutfall olika)`
      : `${n} ${n === 1 ? 'mismatch' : 'mismatches'} (${report.studentsWithMismatches} students, ${report.rulesFiredDifferently} rule outcomes differ)`,
  ];
}
