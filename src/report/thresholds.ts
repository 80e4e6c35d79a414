import type { EvidenceItem } from '../model/decision.js';
import type { Facts } from '../model/facts.js';
import type { ConditionNode } from '../model/policyFile.js';
import { boundedMemo } from '../model/boundedMemo.js';
import { weakMemo } from '../model/weakMemo.js';
import type { Policy } from '../policy/policy.js';
import { rulesInForce } from '../policy/rulesInForce.js';
import type { DecisionRecord } from './compactDecision.js';
import { mayApplyTo } from './ruleForStudent.js';
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

/** One rate leaf of a policy: the fact, the comparison and the percentage. */
type RateLeaf = Pick<EvidenceItem, 'fact'> & { readonly operator: Threshold['operator']; readonly value: number };

const isRateLeaf = (e: { operator: string; value: unknown }): e is RateLeaf =>
  (e.operator === 'rateAbove' || e.operator === 'rateAtLeast') && typeof e.value === 'number' && Number.isFinite(e.value);

/** The rate leaves of a condition tree, named conditions followed (each once). */
function rateLeaves(node: ConditionNode, named: Readonly<Record<string, ConditionNode>>, seen: Set<string> = new Set()): RateLeaf[] {
  if ('all' in node) return node.all.flatMap((c) => rateLeaves(c, named, seen));
  if ('any' in node) return node.any.flatMap((c) => rateLeaves(c, named, seen));
  if ('not' in node) return rateLeaves(node.not, named, seen);
  if ('condition' in node) {
    const target = named[node.condition];
    if (target === undefined || seen.has(node.condition)) return [];
    seen.add(node.condition);
    return rateLeaves(target, named, seen);
  }
  return isRateLeaf(node) ? [{ fact: node.fact, operator: node.operator, value: node.value }] : [];
}

/** The rules in force on a date that compare a rate, each with its rate leaves: the same list for every student of a night. */
const ratedRules = weakMemo((policy: Policy) =>
  boundedMemo((asOf: string) =>
    rulesInForce(policy, asOf)
      .map((rule) => ({ conditions: rule.conditions as ConditionNode, leaves: rateLeaves(rule.conditions as ConditionNode, policy.conditions) }))
      .filter((r) => r.leaves.length > 0),
  ),
);

/** Leaves as thresholds: one per percentage, lowest first, with the facts compared with it. */
function byPercent(leaves: Iterable<RateLeaf>): Threshold[] {
  const found = new Map<number, { operator: Threshold['operator']; facts: Set<string> }>();
  for (const e of leaves) {
    const t = found.get(e.value) ?? { operator: e.operator, facts: new Set<string>() };
    t.facts.add(e.fact);
    found.set(e.value, t);
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([percent, t]) => ({ percent, operator: t.operator, facts: [...t.facts].sort() }));
}

/**
 * The rate thresholds of a policy for one student: the `rateAbove` /
 * `rateAtLeast` leaves of every rule in force on `asOf` that the student's
 * own context (age, school form, grade, huvudman, municipalities, see
 * `mayApplyTo`) does not rule out, one per percentage, lowest first. Read from
 * the policy, not from a decision's evidence: a compact decision (no why-not
 * evidence) and a full one give the same lines.
 *
 * @param policy - the policy the decision was made under
 * @param asOf - the decision's date (which version of each rule is in force)
 * @param facts - the decision's facts
 * @returns the thresholds
 * @example policyThresholds(builtinPolicy('stockholm'), '2026-11-23', cityGrundskolaFacts).map((t) => t.percent) // [5, 10, 20]
 * @example policyThresholds(builtinPolicy('stockholm'), '2026-11-23', fristaendeFacts).map((t) => t.percent) // [10, 20]: no city rule applies
 */
export function policyThresholds(policy: Policy, asOf: string, facts: Facts): Threshold[] {
  const applying = ratedRules(policy)(asOf).filter((r) => mayApplyTo(r.conditions, facts, policy.conditions));
  return byPercent(applying.flatMap((r) => r.leaves));
}

/** The leaves a decision's evidence names: its steps' reasons and, in a full decision, the failed conditions of the steps not recommended. */
function evidenceLeaves(d: DecisionRecord): RateLeaf[] {
  const out: EvidenceItem[] = [];
  for (const s of d.steps) for (const r of s.reasons) out.push(...r.evidence);
  for (const n of d.notRecommended ?? []) if (n.reason === 'conditions-not-met') for (const r of n.rules) out.push(...r.failed);
  return out.flatMap((e) => (isRateLeaf(e) ? [{ fact: e.fact, operator: e.operator, value: e.value }] : []));
}

/** Stockholm's "över 20 procent" (see docs/policies.md "Stockholm's över 20 procent"), drawn when no leaf names a threshold. */
const STOCKHOLM_DEFAULT: Threshold = { percent: 20, operator: 'rateAbove', facts: ['termAbsence'] };

/**
 * The rate thresholds a decision's policy compares this student's absence
 * with. With the policy (`resolveReportPolicy`): `policyThresholds`, the same
 * for a compact and a full decision. Without it (a custom policy the report
 * was not given): what the decision's evidence names — its steps' reasons
 * and, in a full decision only, the failed conditions of the steps not
 * recommended — and, when that is nothing under a policy with Stockholm's
 * id, its 20 %.
 *
 * @param d - a decision
 * @param policy - the decision's policy, when known
 * @returns the thresholds, one per percentage, lowest first
 * @example rateThresholds(cityStudent, builtinPolicy('stockholm')).map((t) => t.percent) // [5, 10, 20]
 * @example rateThresholds(compactDecisionWithoutSteps) // [{ percent: 20, operator: 'rateAbove', facts: ['termAbsence'] }] under a policy with id 'stockholm'
 */
export function rateThresholds(d: DecisionRecord, policy?: Policy): Threshold[] {
  if (policy !== undefined) return policyThresholds(policy, d.asOf, d.facts);
  const found = byPercent(evidenceLeaves(d));
  if (found.length === 0) return d.policy.id === 'stockholm' ? [STOCKHOLM_DEFAULT] : [];
  return found;
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
