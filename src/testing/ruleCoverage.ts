/**
 * Rule and condition coverage of a run: which rules fired, which condition
 * leaves were seen true and false, per loaded policy. The report is built
 * from coverage counts (`coverageCounts.ts`: mergeable sums, counted by
 * re-running the compiled policy on each decision's facts).
 *
 * "Evaluated" means what Trappa's engine does: every leaf of every rule in
 * force on the case's `asOf` is tested, with no short-circuit (the compiled
 * engine tests each distinct leaf once per student, and json-rules-engine's
 * outcome is the same, test/policy/jreDifferential.test.ts). A leaf is
 * therefore "never evaluated" exactly when no case of the run had a rule in
 * force that reaches it. Coverage counts logical leaves: a leaf of a named
 * condition is counted once, under that condition, however many rules use it
 * and however the file is laid out.
 */
import type { ConditionNode } from '../model/policyFile.js';
import type { Policy } from '../policy/policy.js';
import { countCoverage, type CountPair, type CoverageCounts, type CoverageSample, type PolicyCoverageCounts } from './coverageCounts.js';

/** Where a leaf sits: in a rule's own tree or in a named condition's body. */
export type LeafOwner = { readonly kind: 'rule'; readonly ruleId: string; readonly version: number } | { readonly kind: 'condition'; readonly name: string };

/** One logical leaf: its owner, its path in the owner's tree (e.g. `all[1].any[0]`), and what the run saw. */
export interface LeafCoverage {
  readonly owner: LeafOwner;
  readonly path: string;
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly seenTrue: boolean;
  readonly seenFalse: boolean;
  readonly evaluated: boolean;
  /** Cases in which the leaf was true. */
  readonly casesTrue: number;
  /** Cases in which the leaf was false. */
  readonly casesFalse: number;
}

/** One rule version: how often it was in force on a case's date, and how often it fired. */
export interface RuleCoverage {
  readonly ruleId: string;
  readonly version: number;
  /** The policy file that defines the rule. */
  readonly policyId: string;
  readonly status: 'fired' | 'not-fired' | 'not-in-force';
  /** Cases in which the rule version was in force (and so evaluated). */
  readonly evaluated: number;
  /** Cases in which it fired. */
  readonly fired: number;
}

/** One named condition: whether it was reached, and seen true and false. */
export interface ConditionCoverage {
  readonly name: string;
  readonly seenTrue: boolean;
  readonly seenFalse: boolean;
  readonly evaluated: boolean;
  /** Cases in which the condition held. */
  readonly casesTrue: number;
  /** Cases in which it did not. */
  readonly casesFalse: number;
}

/** A count and its share in per cent (one decimal; 100 when the total is 0). */
export interface Ratio {
  readonly covered: number;
  readonly total: number;
  readonly percent: number;
}

/** Coverage of one loaded policy (its whole chain). */
export interface PolicyCoverage {
  readonly policyId: string;
  readonly version: string;
  readonly hash: string;
  readonly cases: number;
  readonly asOfs: readonly string[];
  readonly rules: readonly RuleCoverage[];
  readonly conditions: readonly ConditionCoverage[];
  readonly leaves: readonly LeafCoverage[];
  readonly summary: {
    /** Rule versions that fired, of all in the chain. */
    readonly rules: Ratio;
    /** Rule versions of the policy's own file that fired. */
    readonly ownRules: Ratio;
    /** Leaf outcomes seen (true and false count one each), of twice the leaves. */
    readonly leaves: Ratio;
    /** Named-condition outcomes seen, of twice the named conditions. */
    readonly conditions: Ratio;
  };
}

/** Coverage of a run: one entry per policy (by hash). */
export interface CoverageReport {
  readonly policies: readonly PolicyCoverage[];
  /** Leaf outcomes over every policy of the run. */
  readonly leaves: Ratio;
}

function ratio(covered: number, total: number): Ratio {
  return { covered, total, percent: total === 0 ? 100 : Math.floor((covered * 1000) / total) / 10 };
}

function ownerKey(owner: LeafOwner): string {
  return owner.kind === 'rule' ? `rule:${owner.ruleId}@${owner.version}` : `condition:${owner.name}`;
}

/** The leaves of a tree, not descending into named conditions, with their paths. */
function staticLeaves(node: ConditionNode, path: string, out: Array<{ path: string; fact: string; operator: string; value: unknown }>): void {
  if ('all' in node) node.all.forEach((c, i) => staticLeaves(c, joinPath(path, `all[${i}]`), out));
  else if ('any' in node) node.any.forEach((c, i) => staticLeaves(c, joinPath(path, `any[${i}]`), out));
  else if ('not' in node) staticLeaves(node.not, joinPath(path, 'not'), out);
  else if (!('condition' in node)) out.push({ path: path === '' ? '$' : path, fact: node.fact, operator: node.operator, value: node.value });
}

function joinPath(path: string, step: string): string {
  return path === '' ? step : `${path}.${step}`;
}

function seen(pair: CountPair | undefined): { seenTrue: boolean; seenFalse: boolean; evaluated: boolean; casesTrue: number; casesFalse: number } {
  const [t, f] = pair ?? [0, 0];
  return { seenTrue: t > 0, seenFalse: f > 0, evaluated: t + f > 0, casesTrue: t, casesFalse: f };
}

/** One policy's report from its counts: every rule version, leaf and named condition of the policy, counted or not. */
function policyReport(policy: Policy, counts: PolicyCoverageCounts): PolicyCoverage {
  const rules: RuleCoverage[] = policy.rules.map((rule) => {
    const r = counts.rules[`${rule.id}@${rule.version}`];
    const status = r === undefined ? 'not-in-force' : r[1] > 0 ? 'fired' : 'not-fired';
    return { ruleId: rule.id, version: rule.version, policyId: rule.policyId, status, evaluated: r?.[0] ?? 0, fired: r?.[1] ?? 0 };
  });
  const owners: Array<{ owner: LeafOwner; node: ConditionNode }> = [
    ...policy.rules.map((rule) => ({ owner: { kind: 'rule' as const, ruleId: rule.id, version: rule.version }, node: rule.conditions })),
    ...Object.entries(policy.conditions).map(([name, node]) => ({ owner: { kind: 'condition' as const, name }, node })),
  ];
  const leaves: LeafCoverage[] = owners.flatMap(({ owner, node }) => {
    const found: Array<{ path: string; fact: string; operator: string; value: unknown }> = [];
    staticLeaves(node, '', found);
    return found.map((l) => ({ owner, ...l, ...seen(counts.leaves[`${ownerKey(owner)}#${l.path}`]) }));
  });
  const conditions: ConditionCoverage[] = Object.keys(policy.conditions).map((name) => ({ name, ...seen(counts.conditions[name]) }));
  const own = rules.filter((r) => r.policyId === policy.id);
  const outcomes = (xs: ReadonlyArray<{ seenTrue: boolean; seenFalse: boolean }>): number => xs.reduce((n, x) => n + Number(x.seenTrue) + Number(x.seenFalse), 0);
  return {
    policyId: policy.id,
    version: policy.version,
    hash: policy.hash,
    cases: counts.cases,
    asOfs: Object.keys(counts.asOfs).sort(),
    rules,
    conditions,
    leaves,
    summary: {
      rules: ratio(rules.filter((r) => r.status === 'fired').length, rules.length),
      ownRules: ratio(own.filter((r) => r.status === 'fired').length, own.length),
      leaves: ratio(outcomes(leaves), leaves.length * 2),
      conditions: ratio(outcomes(conditions), conditions.length * 2),
    },
  };
}

/**
 * The coverage report of counted cases: per policy, every rule version
 * (fired / not fired / not in force), every logical leaf and named condition
 * (seen true, seen false, never evaluated) with the number of cases, and the
 * summary ratios.
 *
 * @param counts - from `countCoverage`, `coverageCounter` or `mergeCoverage`
 * @param policies - the policies to report, in this order (one per hash; a policy without cases is reported with none)
 * @returns the report; `summary.leaves.percent` is what `--threshold` compares
 * @throws {Error} when the counts hold a policy that is not among `policies`
 * @example coverageReport(EMPTY_COVERAGE, [builtinPolicy('skollagen')]).policies[0]?.cases //=> 0
 */
export function coverageReport(counts: CoverageCounts, policies: readonly Policy[]): CoverageReport {
  const byHash = new Map(policies.map((p) => [p.hash, p]));
  const missing = Object.keys(counts.policies).filter((hash) => !byHash.has(hash));
  if (missing.length > 0) throw new Error(`coverage counts of a policy not given (hash ${missing.map((h) => h.slice(0, 12)).join(', ')})`);
  const report = [...byHash.values()].map((p) => policyReport(p, counts.policies[p.hash] ?? { cases: 0, asOfs: {}, rules: {}, leaves: {}, conditions: {} }));
  const covered = report.reduce((n, p) => n + p.summary.leaves.covered, 0);
  const total = report.reduce((n, p) => n + p.summary.leaves.total, 0);
  return { policies: report, leaves: ratio(covered, total) };
}

/**
 * Coverage of a run: for each sample's facts, every rule in force on its date
 * and every leaf and named condition those rules reach, evaluated without
 * short-circuit; per policy, which rules fired and which leaves and named
 * conditions were seen true and false.
 *
 * @param samples - one per evaluated case (see `coverageSample`)
 * @returns the report, one entry per policy in order of first use
 * @example ruleCoverage([coverageSample(decision, builtinPolicy('stockholm'))]).policies[0].summary.rules
 * //=> e.g. { covered: 9, total: 35, percent: 25.7 }
 */
export function ruleCoverage(samples: Iterable<CoverageSample>): CoverageReport {
  const list = [...samples];
  return coverageReport(countCoverage(list), list.map((s) => s.policy));
}

/**
 * Whether a run meets a leaf-coverage threshold: every policy's leaf coverage at or above it.
 *
 * @param report - from `ruleCoverage`
 * @param percent - the threshold, 0–100
 * @returns the policies under it (empty: met)
 * @example coverageBelow(report, 80).map((p) => p.policyId) //=> [] when every policy reaches 80 %
 */
export function coverageBelow(report: CoverageReport, percent: number): PolicyCoverage[] {
  return report.policies.filter((p) => p.summary.leaves.percent < percent);
}

/** Coverage as a run's JSON summary carries it: the report, and with a threshold the policies under it. */
export interface CoverageJson {
  readonly coverage: CoverageReport;
  readonly threshold?: number;
  /** Ids of the policies whose leaf coverage is under `threshold`. */
  readonly belowThreshold?: readonly string[];
}

/**
 * The coverage fields of a JSON summary (`trappa evaluate --summary-json`,
 * `trappa diff --json`): the same report `trappa test --json` prints, and the
 * threshold's verdict as its summary line has it.
 *
 * @param report - from `coverageReport`
 * @param threshold - the `--threshold`, if given
 * @returns `{ coverage, threshold?, belowThreshold? }`
 * @example coverageJson(report, 80).belowThreshold //=> [] when every policy reaches 80 %
 */
export function coverageJson(report: CoverageReport, threshold: number | undefined): CoverageJson {
  return threshold === undefined ? { coverage: report } : { coverage: report, threshold, belowThreshold: coverageBelow(report, threshold).map((p) => p.policyId) };
}
