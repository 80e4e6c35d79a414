import type { Decision } from '../model/decision.js';
import type { Difference } from '../testing/exampleTable.js';
import { formatDecision, formatEvidence, type Lang } from './decisionText.js';

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
