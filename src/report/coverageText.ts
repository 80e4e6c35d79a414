import type { CoverageReport, LeafCoverage, PolicyCoverage, Ratio } from '../testing/ruleCoverage.js';
import type { Lang } from './decisionText.js';

const TEXT = {
  sv: {
    header: (id: string, version: string, cases: number, asOfs: string) => `täckning ${id} ${version} (${cases} fall; per ${asOfs})`,
    rules: 'regler som utlöstes:',
    own: (id: string) => `av ${id}s egna`,
    leaves: 'utfall av villkorsblad:',
    conditions: 'namngivna villkor:',
    inherited: (n: number) => `${n} regelversioner i baspolicyer utlöstes inte här (listas inte: kör baspolicyn för dem)`,
    notFired: (n: number) => `utlöstes inte i ${n} fall`,
    notInForce: 'i kraft inget av datumen',
    never: 'aldrig prövat',
    onlyTrue: 'bara sant',
    onlyFalse: 'bara falskt',
    condition: 'villkor',
    leaf: 'blad',
    rule: 'regel',
    below: (id: string, percent: string, threshold: string) => `täckningen av ${id} är ${percent} %, under tröskeln ${threshold} %`,
  },
  en: {
    header: (id: string, version: string, cases: number, asOfs: string) => `coverage ${id} ${version} (${cases} case${cases === 1 ? '' : 's'}; asOf ${asOfs})`,
    rules: 'rules fired:',
    own: (id: string) => `of ${id}'s own`,
    leaves: 'leaf outcomes:',
    conditions: 'named conditions:',
    inherited: (n: number) => `${n} rule versions of base policies not fired here (not listed: run the base policy for them)`,
    notFired: (n: number) => `not fired in ${n} case${n === 1 ? '' : 's'}`,
    notInForce: 'not in force on any asOf',
    never: 'never evaluated',
    onlyTrue: 'seen only true',
    onlyFalse: 'seen only false',
    condition: 'condition',
    leaf: 'leaf',
    rule: 'rule',
    below: (id: string, percent: string, threshold: string) => `coverage of ${id} is ${percent} %, under the threshold ${threshold} %`,
  },
} as const;

/** A percentage as the report holds it (one decimal, rounded down), with a decimal comma in Swedish. */
function percent(x: number, lang: Lang): string {
  const text = x.toFixed(1);
  return lang === 'sv' ? text.replace('.', ',') : text;
}

function pct(r: Ratio, lang: Lang): string {
  return `${r.covered}/${r.total} (${percent(r.percent, lang)} %)`;
}

function seen(x: { seenTrue: boolean; evaluated: boolean }, lang: Lang): string {
  const t = TEXT[lang];
  return !x.evaluated ? t.never : x.seenTrue ? t.onlyTrue : t.onlyFalse;
}

function leafText(l: LeafCoverage, lang: Lang): string {
  const owner = l.owner.kind === 'rule' ? `${l.owner.ruleId}@${l.owner.version}` : `${TEXT[lang].condition} ${l.owner.name}`;
  return `${owner} ${l.path}: ${l.fact} ${l.operator} ${JSON.stringify(l.value)} — ${seen(l, lang)}`;
}

/**
 * A policy's coverage as text: the summary, then each of its own rules that
 * did not fire, each named condition and each leaf of its own rules and
 * conditions not seen both ways (a base policy's rules are counted, not listed).
 *
 * @param p - one policy of a `CoverageReport`
 * @param lang - output language (default sv)
 * @param detail - `full` (default) or `summary` (the first lines only)
 * @returns lines of text
 * @example formatPolicyCoverage(report.policies[0], 'en')[0] //=> 'coverage stockholm 2026.1 (40 cases; asOf 2026-11-23)'
 */
export function formatPolicyCoverage(p: PolicyCoverage, lang: Lang = 'sv', detail: 'full' | 'summary' = 'full'): string[] {
  const t = TEXT[lang];
  const labels = [t.rules, t.leaves, t.conditions];
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  const lines = [
    t.header(p.policyId, p.version, p.cases, p.asOfs.join(', ')),
    `  ${t.rules.padEnd(width)} ${pct(p.summary.rules, lang)}; ${t.own(p.policyId)}: ${pct(p.summary.ownRules, lang)}`,
    `  ${t.leaves.padEnd(width)} ${pct(p.summary.leaves, lang)}`,
    `  ${t.conditions.padEnd(width)} ${pct(p.summary.conditions, lang)}`,
  ];
  if (detail === 'summary') return lines;
  // Rules inherited from a base policy are counted above and listed by the base's own table.
  const inherited = p.rules.filter((r) => r.policyId !== p.policyId && r.status !== 'fired').length;
  if (inherited > 0) lines.push(`  ${t.inherited(inherited)}`);
  const ownRule = new Set(p.rules.filter((r) => r.policyId === p.policyId).map((r) => `${r.ruleId}@${r.version}`));
  for (const r of p.rules) {
    if (r.status !== 'fired' && r.policyId === p.policyId) lines.push(`  ${t.rule} ${r.ruleId}@${r.version} (${r.policyId}): ${r.status === 'not-fired' ? t.notFired(r.evaluated) : t.notInForce}`);
  }
  for (const c of p.conditions) {
    if (!(c.seenTrue && c.seenFalse)) lines.push(`  ${t.condition} ${c.name}: ${seen(c, lang)}`);
  }
  for (const l of p.leaves) {
    const own = l.owner.kind === 'condition' || ownRule.has(`${l.owner.ruleId}@${l.owner.version}`);
    if (own && !(l.seenTrue && l.seenFalse)) lines.push(`  ${t.leaf} ${leafText(l, lang)}`);
  }
  return lines;
}

/**
 * A run's coverage as text, one block per policy.
 *
 * @param report - from `ruleCoverage` or `coverageReport`
 * @param lang - output language (default sv)
 * @returns the text
 * @example formatCoverage(ruleCoverage(samples), 'en').split('\n')[0] //=> 'coverage skollagen 2026.1 (18 cases; asOf 2025-06-02, 2026-11-23)'
 */
export function formatCoverage(report: CoverageReport, lang: Lang = 'sv'): string {
  return report.policies.flatMap((p) => formatPolicyCoverage(p, lang)).join('\n');
}

/**
 * One line per policy under a leaf-coverage threshold.
 *
 * @param below - from `coverageBelow`
 * @param threshold - the threshold in per cent
 * @param lang - output language
 * @returns lines of text (none when the threshold is met)
 * @example formatBelowThreshold(coverageBelow(report, 99), 99, 'en') //=> ['coverage of stockholm is 60.6 %, under the threshold 99 %']
 */
export function formatBelowThreshold(below: readonly PolicyCoverage[], threshold: number, lang: Lang): string[] {
  return below.map((p) => TEXT[lang].below(p.policyId, percent(p.summary.leaves.percent, lang), lang === 'sv' ? String(threshold).replace('.', ',') : String(threshold)));
}
