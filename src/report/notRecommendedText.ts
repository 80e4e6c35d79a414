import type { Decision } from '../model/decision.js';
import { STEP_CATALOG } from '../steps/catalog.js';
import { formatEvidence, type Lang } from './text.js';

/**
 * The why-not part of a decision as text (`trappa explain`): every step the
 * policy considered and did not recommend, with the rules and the leaf
 * conditions that failed, or the measure that already took it. What a
 * compact decision leaves out, in the indentation of `formatDecision`.
 *
 * @param d - a full decision
 * @param lang - output language
 * @returns the lines, joined; empty when every considered step was recommended
 * @example formatNotRecommended({ notRecommended: [{ step: 'skolsocialt-team', reason: 'conditions-not-met', rules: [{ ruleId: 'sthlm-skolsocialt-team', failed: [{ fact: 'grade', operator: 'greaterThanInclusive', value: 4, actual: 3, result: false, via: [] }] }] }] }, 'en')
 * // '  Not recommended:\n  ◦ skolsocialt-team Offer support from the school-social team – conditions not met\n      sthlm-skolsocialt-team\n        ✗ Grade: 3 – not at least 4'
 */
export function formatNotRecommended(d: Pick<Decision, 'notRecommended'>, lang: Lang): string {
  if (d.notRecommended.length === 0) return '';
  const sv = lang === 'sv';
  const lines = [`  ${sv ? 'Inte rekommenderade:' : 'Not recommended:'}`];
  for (const n of d.notRecommended) {
    const label = `${n.step} ${STEP_CATALOG[n.step][lang]}`;
    if (n.reason === 'already-taken') {
      lines.push(`  ◦ ${label} – ${sv ? 'redan vidtagen' : 'already taken'} ${n.measureDate} (${n.ruleIds.join(', ')})`);
      continue;
    }
    lines.push(`  ◦ ${label} – ${sv ? 'villkoren uppfylls inte' : 'conditions not met'}`);
    for (const rule of n.rules) {
      lines.push(`      ${rule.ruleId}`);
      // The same leaf can fail through two named conditions; say it once.
      for (const line of new Set(rule.failed.map((e) => formatEvidence(e, lang)))) lines.push(`        ${line}`);
    }
  }
  return lines.join('\n');
}
