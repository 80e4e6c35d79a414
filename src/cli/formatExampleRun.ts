import type { Decision } from '../model/decision.js';
import type { Difference } from '../testing/exampleTable.js';
import type { CoverageReport, LeafCoverage, PolicyCoverage, Ratio } from '../testing/ruleCoverage.js';
import { formatDecision, formatEvidence, type Lang } from './format.js';

function show(x: unknown): string {
  return x === undefined ? '(none)' : JSON.stringify(x);
}

/**
 * One difference as a line, and for a missing step the conditions that kept it out.
 *
 * @param d - the difference
 * @param decision - the decision it was found in
 * @param lang - language of the evidence lines
 * @returns lines of text
 * @example formatDifference({ kind: 'missing-step', step: 'kartlaggning' }, decision, 'en')[0] //=> 'missing step kartlaggning'
 */
export function formatDifference(d: Difference, decision: Decision, lang: Lang): string[] {
  switch (d.kind) {
    case 'missing-step': {
      const lines = [`missing step ${d.step}`];
      const not = decision.notRecommended.find((n) => n.step === d.step);
      if (not?.reason === 'already-taken') lines.push(`  already taken ${not.measureDate} (${not.ruleIds.join(', ')})`);
      if (not?.reason === 'conditions-not-met') {
        for (const r of not.rules) {
          lines.push(`  ${r.ruleId}:`);
          for (const e of r.failed) lines.push(`    ${formatEvidence(e, lang)}`);
        }
      }
      return lines;
    }
    case 'unexpected-step':
      return [`unexpected step ${d.step} (${d.status}), from ${d.rules.join(', ') || 'the ladder'}`];
    case 'step-field':
      return [`step ${d.step}: ${d.field} expected ${show(d.expected)}, got ${show(d.actual)}`];
    case 'typology':
      return [`typology ${d.type}: expected ${d.expected}, got ${d.actual}`];
    case 'missing-warning':
      return [`missing warning ${d.warning} (warnings: ${d.actual.join(', ') || 'none'})`];
  }
}

function pct(r: Ratio): string {
  return `${r.covered}/${r.total} (${r.percent.toFixed(1)} %)`;
}

function leafText(l: LeafCoverage): string {
  const owner = l.owner.kind === 'rule' ? `${l.owner.ruleId}@${l.owner.version}` : `condition ${l.owner.name}`;
  const seen = !l.evaluated ? 'never evaluated' : l.seenTrue ? 'seen only true' : 'seen only false';
  return `${owner} ${l.path}: ${l.fact} ${l.operator} ${JSON.stringify(l.value)} — ${seen}`;
}

/**
 * A policy's coverage as text: the summary, then each of its own rules that
 * did not fire, each named condition and each leaf of its own rules and
 * conditions not seen both ways (a base policy's rules are counted, not listed).
 *
 * @param p - one policy of a `CoverageReport`
 * @returns lines of text
 * @example formatPolicyCoverage(report.policies[0])[0] //=> 'coverage stockholm 2026.1 (40 cases; asOf 2026-11-23)'
 */
export function formatPolicyCoverage(p: PolicyCoverage): string[] {
  const lines = [
    `coverage ${p.policyId} ${p.version} (${p.cases} case${p.cases === 1 ? '' : 's'}; asOf ${p.asOfs.join(', ')})`,
    `  rules fired:        ${pct(p.summary.rules)}; of ${p.policyId}'s own: ${pct(p.summary.ownRules)}`,
    `  leaf outcomes:      ${pct(p.summary.leaves)}`,
    `  named conditions:   ${pct(p.summary.conditions)}`,
  ];
  // Rules inherited from a base policy are counted above and listed by the base's own table.
  const inherited = p.rules.filter((r) => r.policyId !== p.policyId && r.status !== 'fired').length;
  if (inherited > 0) lines.push(`  ${inherited} rule versions of base policies not fired here (run their tables for them)`);
  const ownRule = new Set(p.rules.filter((r) => r.policyId === p.policyId).map((r) => `${r.ruleId}@${r.version}`));
  for (const r of p.rules) {
    if (r.status !== 'fired' && r.policyId === p.policyId) lines.push(`  rule ${r.ruleId}@${r.version} (${r.policyId}): ${r.status === 'not-fired' ? `not fired in ${r.evaluated} case${r.evaluated === 1 ? '' : 's'}` : 'not in force on any asOf'}`);
  }
  for (const c of p.conditions) {
    if (!(c.seenTrue && c.seenFalse)) lines.push(`  condition ${c.name}: ${!c.evaluated ? 'never evaluated' : c.seenTrue ? 'seen only true' : 'seen only false'}`);
  }
  for (const l of p.leaves) {
    const own = l.owner.kind === 'condition' || ownRule.has(`${l.owner.ruleId}@${l.owner.version}`);
    if (own && !(l.seenTrue && l.seenFalse)) lines.push(`  leaf ${leafText(l)}`);
  }
  return lines;
}

/**
 * A run's coverage as text, one block per policy.
 *
 * @param report - from `ruleCoverage`
 * @returns the text
 * @example formatCoverage(ruleCoverage(samples)).split('\n')[0] //=> 'coverage skollagen 2026.1 (…)'
 */
export function formatCoverage(report: CoverageReport): string {
  return report.policies.flatMap(formatPolicyCoverage).join('\n');
}

/**
 * A failing case: its differences, then the decision's full explanation.
 *
 * @param differences - from `compareDecision`
 * @param decision - the decision
 * @param lang - output language of the explanation
 * @returns indented lines
 * @example formatFailure(result.differences, result.decision, 'sv')
 */
export function formatFailure(differences: readonly Difference[], decision: Decision, lang: Lang): string {
  const lines = differences.flatMap((d) => formatDifference(d, decision, lang)).map((l) => `    ${l}`);
  lines.push('    decision:');
  lines.push(...formatDecision(decision, lang).split('\n').map((l) => `    ${l}`));
  return lines.join('\n');
}
