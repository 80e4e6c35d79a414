import type { EvidenceItem } from '../model/decision.js';
import type { DecisionRecord } from './compactDecision.js';
import { factLabel, type Lang } from './text.js';

/** A policy threshold on a rate, as a plot draws it. */
export interface Threshold {
  /** The percentage (e.g. 20). */
  readonly percent: number;
  /** `rateAbove` (over) or `rateAtLeast` (at least). */
  readonly operator: 'rateAbove' | 'rateAtLeast';
  /** The rate facts the policy compares with it (`termAbsence`, `windowInvalidAbsence` …). */
  readonly facts: readonly string[];
}

function leaves(d: DecisionRecord): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const s of d.steps) for (const r of s.reasons) out.push(...r.evidence);
  // A compact decision has no why-not evidence: its thresholds are those of its steps' reasons.
  for (const n of d.notRecommended ?? []) if (n.reason === 'conditions-not-met') for (const r of n.rules) out.push(...r.failed);
  return out;
}

/** Stockholm's "över 20 procent" (see docs/policies.md "Stockholm's över 20 procent"), drawn when no leaf names a threshold. */
const STOCKHOLM_DEFAULT: Threshold = { percent: 20, operator: 'rateAbove', facts: ['termAbsence'] };

/**
 * The rate thresholds a decision's policy compared this student's absence
 * with: the values of the `rateAbove`/`rateAtLeast` leaves in the steps'
 * reasons and in the failed conditions of the steps not recommended, one per
 * percentage, lowest first. When none is found under the Stockholm policy, its
 * 20 %.
 *
 * @param d - a decision
 * @returns the thresholds
 * @example rateThresholds(stockholmDecision) // [{ percent: 20, operator: 'rateAbove', facts: ['termAbsence', 'windowAbsence'] }]
 */
export function rateThresholds(d: DecisionRecord): Threshold[] {
  const byPercent = new Map<number, { operator: Threshold['operator']; facts: Set<string> }>();
  for (const e of leaves(d)) {
    if ((e.operator !== 'rateAbove' && e.operator !== 'rateAtLeast') || typeof e.value !== 'number' || !Number.isFinite(e.value)) continue;
    const t = byPercent.get(e.value) ?? { operator: e.operator, facts: new Set<string>() };
    t.facts.add(e.fact);
    byPercent.set(e.value, t);
  }
  if (byPercent.size === 0) return d.policy.id === 'stockholm' ? [STOCKHOLM_DEFAULT] : [];
  return [...byPercent.entries()].sort(([a], [b]) => a - b).map(([percent, t]) => ({ percent, operator: t.operator, facts: [...t.facts].sort() }));
}

/**
 * A threshold in words, for a plot's legend and text alternative.
 *
 * @param t - the threshold
 * @param lang - output language
 * @returns e.g. 'över 20 % (Frånvaro i terminen (giltig + ogiltig))'
 * @example thresholdText({ percent: 20, operator: 'rateAbove', facts: ['termAbsence'] }, 'sv') // 'över 20 % (Frånvaro i terminen (giltig + ogiltig))'
 */
export function thresholdText(t: Threshold, lang: Lang): string {
  const op = t.operator === 'rateAbove' ? (lang === 'sv' ? 'över' : 'over') : lang === 'sv' ? 'minst' : 'at least';
  const pct = lang === 'sv' ? String(t.percent).replace('.', ',') : String(t.percent);
  return `${op} ${pct} % (${t.facts.map((f) => factLabel(f, lang)).join('; ')})`;
}
