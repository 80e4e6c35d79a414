/**
 * Rule and condition coverage of a run: which rules fired, which condition
 * leaves were seen true and false, per loaded policy. Built on the
 * interpreter's trace (`evaluateConditions`), re-run on each decision's facts.
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
import type { Decision } from '../model/decision.js';
import type { Facts } from '../model/facts.js';
import type { ConditionNode } from '../model/policyFile.js';
import { inForce } from '../policy/rulesInForce.js';
import { evaluateConditions, type Trace } from '../policy/evaluateConditions.js';
import type { Policy } from '../policy/policy.js';

/** One evaluation to count: the policy, the date and the facts the rules saw (a decision's `facts`). */
export interface CoverageSample {
  readonly policy: Policy;
  readonly asOf: string;
  readonly facts: Facts;
}

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
}

/** One rule version: how often it was in force on a case's date, and how often it fired. */
export interface RuleCoverage {
  readonly ruleId: string;
  readonly version: number;
  /** The policy file that defines the rule. */
  readonly policyId: string;
  readonly status: 'fired' | 'not-fired' | 'not-in-force';
  readonly evaluated: number;
  readonly fired: number;
}

/** One named condition: whether it was reached, and seen true and false. */
export interface ConditionCoverage {
  readonly name: string;
  readonly seenTrue: boolean;
  readonly seenFalse: boolean;
  readonly evaluated: boolean;
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

/** Coverage of a run: one entry per policy (by hash), in order of first use. */
export interface CoverageReport {
  readonly policies: readonly PolicyCoverage[];
  /** Leaf outcomes over every policy of the run. */
  readonly leaves: Ratio;
}

interface Seen {
  t: boolean;
  f: boolean;
  e: boolean;
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

class Accumulator {
  readonly leaves = new Map<string, Seen>();
  readonly named = new Map<string, Seen>();
  readonly rules = new Map<string, { evaluated: number; fired: number }>();
  readonly asOfs = new Set<string>();
  cases = 0;

  constructor(readonly policy: Policy) {}

  add(sample: CoverageSample): void {
    this.cases += 1;
    this.asOfs.add(sample.asOf);
    const walked = new Set<string>();
    for (const rule of this.policy.rules) {
      if (!inForce(rule, sample.asOf)) continue;
      const trace = evaluateConditions(rule.conditions, sample.facts, this.policy.conditions);
      const key = `${rule.id}@${rule.version}`;
      const r = this.rules.get(key) ?? { evaluated: 0, fired: 0 };
      r.evaluated += 1;
      if (trace.result) r.fired += 1;
      this.rules.set(key, r);
      this.walk(trace, `rule:${key}`, '', walked);
    }
  }

  private mark(map: Map<string, Seen>, key: string, result: boolean): void {
    const s = map.get(key) ?? { t: false, f: false, e: false };
    s.e = true;
    if (result) s.t = true;
    else s.f = true;
    map.set(key, s);
  }

  private walk(trace: Trace, owner: string, path: string, walked: Set<string>): void {
    switch (trace.kind) {
      case 'leaf':
        this.mark(this.leaves, `${owner}#${path === '' ? '$' : path}`, trace.result);
        return;
      case 'not':
        this.walk(trace.child, owner, joinPath(path, 'not'), walked);
        return;
      case 'condition':
        if (walked.has(trace.name)) return;
        walked.add(trace.name);
        this.mark(this.named, trace.name, trace.result);
        this.walk(trace.child, `condition:${trace.name}`, '', walked);
        return;
      case 'all':
      case 'any':
        trace.children.forEach((c, i) => this.walk(c, owner, joinPath(path, `${trace.kind}[${i}]`), walked));
    }
  }

  report(): PolicyCoverage {
    const policy = this.policy;
    const rules: RuleCoverage[] = policy.rules.map((rule) => {
      const r = this.rules.get(`${rule.id}@${rule.version}`);
      const status = r === undefined ? 'not-in-force' : r.fired > 0 ? 'fired' : 'not-fired';
      return { ruleId: rule.id, version: rule.version, policyId: rule.policyId, status, evaluated: r?.evaluated ?? 0, fired: r?.fired ?? 0 };
    });
    const owners: Array<{ owner: LeafOwner; node: ConditionNode }> = [
      ...policy.rules.map((rule) => ({ owner: { kind: 'rule' as const, ruleId: rule.id, version: rule.version }, node: rule.conditions })),
      ...Object.entries(policy.conditions).map(([name, node]) => ({ owner: { kind: 'condition' as const, name }, node })),
    ];
    const leaves: LeafCoverage[] = owners.flatMap(({ owner, node }) => {
      const found: Array<{ path: string; fact: string; operator: string; value: unknown }> = [];
      staticLeaves(node, '', found);
      return found.map((l) => {
        const s = this.leaves.get(`${ownerKey(owner)}#${l.path}`);
        return { owner, ...l, seenTrue: s?.t ?? false, seenFalse: s?.f ?? false, evaluated: s?.e ?? false };
      });
    });
    const conditions: ConditionCoverage[] = Object.keys(policy.conditions).map((name) => {
      const s = this.named.get(name);
      return { name, seenTrue: s?.t ?? false, seenFalse: s?.f ?? false, evaluated: s?.e ?? false };
    });
    const own = rules.filter((r) => r.policyId === policy.id);
    const outcomes = (xs: ReadonlyArray<{ seenTrue: boolean; seenFalse: boolean }>): number => xs.reduce((n, x) => n + Number(x.seenTrue) + Number(x.seenFalse), 0);
    return {
      policyId: policy.id,
      version: policy.version,
      hash: policy.hash,
      cases: this.cases,
      asOfs: [...this.asOfs].sort(),
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
}

/**
 * Coverage of a run: re-evaluate every rule in force on each sample's facts
 * with the interpreter's complete trace and collect, per policy, which rules
 * fired and which leaves and named conditions were seen true and false.
 *
 * @param samples - one per evaluated case (see `coverageSample`)
 * @returns the report; `summary.leaves.percent` is what `--threshold` compares
 * @example ruleCoverage([coverageSample(decision, builtinPolicy('stockholm'))]).policies[0].summary.rules
 * //=> e.g. { covered: 9, total: 35, percent: 25.7 }
 */
export function ruleCoverage(samples: Iterable<CoverageSample>): CoverageReport {
  const byHash = new Map<string, Accumulator>();
  for (const s of samples) {
    let acc = byHash.get(s.policy.hash);
    if (acc === undefined) {
      acc = new Accumulator(s.policy);
      byHash.set(s.policy.hash, acc);
    }
    acc.add(s);
  }
  const policies = [...byHash.values()].map((a) => a.report());
  const covered = policies.reduce((n, p) => n + p.summary.leaves.covered, 0);
  const total = policies.reduce((n, p) => n + p.summary.leaves.total, 0);
  return { policies, leaves: ratio(covered, total) };
}

/**
 * The coverage sample of a decision: its policy, date and facts.
 *
 * @param decision - a decision made with `policy`
 * @param policy - the policy (the decision records only its id and hash)
 * @returns the sample
 * @throws {Error} when the decision was made with another policy (hash differs)
 * @example coverageSample(evaluate(c, p, { asOf }), p).asOf //=> asOf
 */
export function coverageSample(decision: Decision, policy: Policy): CoverageSample {
  if (decision.policy.hash !== policy.hash) throw new Error(`decision ${decision.studentId} was made with policy ${decision.policy.id} ${decision.policy.hash.slice(0, 12)}, not ${policy.id} ${policy.hash.slice(0, 12)}`);
  return { policy, asOf: decision.asOf, facts: decision.facts };
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
