/**
 * Coverage as counts: per policy, how many cases had each rule version in
 * force and fired it, and saw each logical leaf and named condition true and
 * false. Only sums, keyed by name: partial counts (a worker's bucket, one
 * side of a diff, one table) merge by addition, in any order and grouping,
 * into exactly the counts of the whole run (`mergeCoverage`). The report
 * (`coverageReport`) is built from the counts once, at the end.
 *
 * Counting runs the compiled policy (`runCompiled`: every distinct leaf tested
 * once, no short-circuit, the same outcomes as the interpreter's complete
 * trace, test/testing/coverageCounts.test.ts) on each case's facts.
 */
import type { Decision } from '../model/decision.js';
import type { Facts } from '../model/facts.js';
import { compiledFor, inForce } from '../evaluate.js';
import { runCompiled, type CompiledNode, type CompiledPolicy, type CompiledRule } from '../policy/compile.js';
import type { Policy } from '../policy/policy.js';

/** Two counts: cases seen true, cases seen false (a rule: cases in force, cases fired). */
export type CountPair = readonly [number, number];

/**
 * One policy's coverage counts. A key is present exactly when its count is
 * not zero, so equal runs give equal objects.
 */
export interface PolicyCoverageCounts {
  /** Cases counted. */
  readonly cases: number;
  /** Cases per evaluation date (`asOf`). */
  readonly asOfs: Readonly<Record<string, number>>;
  /** Per rule version `id@version` in force on some case's date: [cases in force, cases fired]. */
  readonly rules: Readonly<Record<string, CountPair>>;
  /** Per logical leaf, `rule:<id>@<version>#<path>` or `condition:<name>#<path>`: [cases true, cases false]. */
  readonly leaves: Readonly<Record<string, CountPair>>;
  /** Per named condition reached by a rule in force: [cases true, cases false]. */
  readonly conditions: Readonly<Record<string, CountPair>>;
}

/** Coverage counts of a run, per policy hash. Plain JSON data (it crosses worker threads as it is). */
export interface CoverageCounts {
  readonly policies: Readonly<Record<string, PolicyCoverageCounts>>;
}

/** One evaluation to count: the policy, the date and the facts the rules saw (a decision's `facts`). */
export interface CoverageSample {
  readonly policy: Policy;
  readonly asOf: string;
  readonly facts: Facts;
}

/** What is counted for one policy on one date: the same for every case, so built once. */
interface Plan {
  readonly compiled: CompiledPolicy;
  readonly rules: readonly CompiledRule[];
  readonly ruleKeys: readonly string[];
  readonly leafKeys: readonly string[];
  /** Index into `compiled.leaves` of each of `leafKeys`. */
  readonly leafIndex: Int32Array;
  readonly conditionNames: readonly string[];
  /** Index into `compiled.named` of each of `conditionNames`. */
  readonly conditionIndex: Int32Array;
}

/** A plan and its running counts: `[true, false]` (rules: `[in force, fired]`) pairs, flat. */
interface Tally {
  readonly plan: Plan;
  readonly hash: string;
  readonly asOf: string;
  cases: number;
  readonly rules: Float64Array;
  readonly leaves: Float64Array;
  readonly conditions: Float64Array;
}

function joinPath(path: string, step: string): string {
  return path === '' ? step : `${path}.${step}`;
}

/**
 * The logical leaves of a compiled tree, with their paths (the same paths as
 * the policy file's tree: `all[1].any[0]`, `$` for a tree that is one leaf),
 * not descending into named conditions but collecting the ones it refers to.
 */
function collect(node: CompiledNode, path: string, owner: string, leaves: Array<[string, number]>, refs: string[]): void {
  switch (node.kind) {
    case 'leaf':
      leaves.push([`${owner}#${path === '' ? '$' : path}`, node.index]);
      return;
    case 'not':
      collect(node.child, joinPath(path, 'not'), owner, leaves, refs);
      return;
    case 'condition':
      refs.push(node.name);
      return;
    case 'all':
    case 'any':
      node.children.forEach((c, i) => collect(c, joinPath(path, `${node.kind}[${i}]`), owner, leaves, refs));
  }
}

function planFor(policy: Policy, asOf: string): Plan {
  const compiled = compiledFor(policy);
  const rules = compiled.rules.filter((r) => inForce(r.rule, asOf));
  const namedIndex = new Map(compiled.named.map((n, i) => [n.name, i]));
  const leaves: Array<[string, number]> = [];
  const reached = new Set<string>();
  const pending: string[] = [];
  for (const r of rules) collect(r.node, '', `rule:${r.rule.id}@${r.rule.version}`, leaves, pending);
  // A named condition reached by any rule in force is evaluated once per case, its leaves with it.
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (reached.has(name)) continue;
    reached.add(name);
    const index = namedIndex.get(name);
    if (index === undefined) throw new Error(`Unknown condition "${name}"`);
    collect((compiled.named[index] as CompiledPolicy['named'][number]).node, '', `condition:${name}`, leaves, pending);
  }
  const conditionNames = [...reached];
  return {
    compiled,
    rules,
    ruleKeys: rules.map((r) => `${r.rule.id}@${r.rule.version}`),
    leafKeys: leaves.map(([key]) => key),
    leafIndex: Int32Array.from(leaves, ([, index]) => index),
    conditionNames,
    conditionIndex: Int32Array.from(conditionNames, (name) => namedIndex.get(name) as number),
  };
}

/** A streaming counter: `add` each case, then `counts()`. */
export interface CoverageCounter {
  /** Count one case. */
  add(sample: CoverageSample): void;
  /** The counts so far (a fresh object; counting may go on). */
  counts(): CoverageCounts;
}

/**
 * A counter that takes cases one at a time, for a stream of decisions (the
 * batch counts each bucket with one, then merges the buckets' counts). The
 * work per case is one run of the compiled policy and one pass over its
 * leaves: a few microseconds, against the tens to hundreds `evaluate` takes.
 *
 * @returns a counter with `add(sample)` and `counts()`
 * @example
 * const counter = coverageCounter();
 * for (const d of decisions) counter.add(coverageSample(d, policy));
 * counter.counts().policies[policy.hash]?.cases //=> decisions.length
 */
export function coverageCounter(): CoverageCounter {
  const tallies = new Map<Policy, Map<string, Tally>>();
  return {
    add({ policy, asOf, facts }: CoverageSample): void {
      let byDate = tallies.get(policy);
      if (byDate === undefined) {
        byDate = new Map();
        tallies.set(policy, byDate);
      }
      let tally = byDate.get(asOf);
      if (tally === undefined) {
        const plan = planFor(policy, asOf);
        tally = {
          plan,
          hash: policy.hash,
          asOf,
          cases: 0,
          rules: new Float64Array(2 * plan.ruleKeys.length),
          leaves: new Float64Array(2 * plan.leafKeys.length),
          conditions: new Float64Array(2 * plan.conditionNames.length),
        };
        byDate.set(asOf, tally);
      }
      const { plan } = tally;
      const run = runCompiled(plan.compiled, facts, plan.rules);
      tally.cases += 1;
      // Pairs are [true, false] (rules: [in force, fired]); a result byte of 1 counts at 2i, of 0 at 2i + 1.
      for (let i = 0; i < plan.rules.length; i += 1) {
        bump(tally.rules, 2 * i);
        if (run.rules[i] === 1) bump(tally.rules, 2 * i + 1);
      }
      for (let i = 0; i < plan.leafIndex.length; i += 1) bump(tally.leaves, run.leaves[plan.leafIndex[i] as number] === 1 ? 2 * i : 2 * i + 1);
      for (let i = 0; i < plan.conditionIndex.length; i += 1) bump(tally.conditions, run.named[plan.conditionIndex[i] as number] === 1 ? 2 * i : 2 * i + 1);
    },
    counts(): CoverageCounts {
      let total: CoverageCounts = EMPTY_COVERAGE;
      for (const byDate of tallies.values()) for (const tally of byDate.values()) total = mergeCoverage(total, tallyCounts(tally));
      return total;
    },
  };
}

function bump(counts: Float64Array, at: number): void {
  counts[at] = (counts[at] as number) + 1;
}

function pairs(keys: readonly string[], counts: Float64Array): Record<string, CountPair> {
  const out: Record<string, CountPair> = {};
  keys.forEach((key, i) => {
    out[key] = [counts[2 * i] as number, counts[2 * i + 1] as number];
  });
  return out;
}

function tallyCounts(t: Tally): CoverageCounts {
  if (t.cases === 0) return EMPTY_COVERAGE;
  return {
    policies: {
      [t.hash]: {
        cases: t.cases,
        asOfs: { [t.asOf]: t.cases },
        rules: pairs(t.plan.ruleKeys, t.rules),
        leaves: pairs(t.plan.leafKeys, t.leaves),
        conditions: pairs(t.plan.conditionNames, t.conditions),
      },
    },
  };
}

/**
 * No coverage: the counts of a run without cases, and the identity of `mergeCoverage`.
 *
 * @example mergeCoverage(EMPTY_COVERAGE, counts) //=> counts (an equal object)
 */
export const EMPTY_COVERAGE: CoverageCounts = Object.freeze({ policies: Object.freeze({}) });

function sortedKeys(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function sumNumbers(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(sortedKeys(a, b).map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
}

function sumPairs(a: Readonly<Record<string, CountPair>>, b: Readonly<Record<string, CountPair>>): Record<string, CountPair> {
  return Object.fromEntries(
    sortedKeys(a, b).map((k) => {
      const x = a[k] ?? [0, 0];
      const y = b[k] ?? [0, 0];
      return [k, [x[0] + y[0], x[1] + y[1]] as const];
    }),
  );
}

function mergePolicy(a: PolicyCoverageCounts | undefined, b: PolicyCoverageCounts | undefined): PolicyCoverageCounts {
  const none: PolicyCoverageCounts = { cases: 0, asOfs: {}, rules: {}, leaves: {}, conditions: {} };
  const x = a ?? none;
  const y = b ?? none;
  return {
    cases: x.cases + y.cases,
    asOfs: sumNumbers(x.asOfs, y.asOfs),
    rules: sumPairs(x.rules, y.rules),
    leaves: sumPairs(x.leaves, y.leaves),
    conditions: sumPairs(x.conditions, y.conditions),
  };
}

/**
 * The counts of two parts of a run, added: associative and commutative, with
 * `EMPTY_COVERAGE` as identity, and equal to counting the parts' cases
 * together (test/testing/coverageCounts.test.ts). Pure; keys come out sorted.
 *
 * @param a - counts of one part (a bucket, a table, one side of a diff)
 * @param b - counts of another part
 * @returns the counts of both
 * @example mergeCoverage(countCoverage(xs), countCoverage(ys)) //=> equal to countCoverage([...xs, ...ys])
 */
export function mergeCoverage(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
  return { policies: Object.fromEntries(sortedKeys(a.policies, b.policies).map((hash) => [hash, mergePolicy(a.policies[hash], b.policies[hash])])) };
}

/**
 * The coverage counts of some cases.
 *
 * @param samples - one per evaluated case (see `coverageSample`)
 * @returns the counts, per policy hash
 * @example countCoverage([coverageSample(decision, policy)]).policies[policy.hash]?.cases //=> 1
 */
export function countCoverage(samples: Iterable<CoverageSample>): CoverageCounts {
  const counter = coverageCounter();
  for (const s of samples) counter.add(s);
  return counter.counts();
}

/**
 * The coverage sample of a decision: its policy, date and facts.
 *
 * @param decision - a decision made with `policy`
 * @param policy - the policy (the decision records only its id and hash)
 * @returns the sample
 * @throws {Error} when the decision was made with another policy (hash differs)
 * @example coverageSample(evaluate(c, p, { asOf: '2026-11-23' }), p).asOf //=> '2026-11-23'
 */
export function coverageSample(decision: Decision, policy: Policy): CoverageSample {
  if (decision.policy.hash !== policy.hash) throw new Error(`decision ${decision.studentId} was made with policy ${decision.policy.id} ${decision.policy.hash.slice(0, 12)}, not ${policy.id} ${policy.hash.slice(0, 12)}`);
  return { policy, asOf: decision.asOf, facts: decision.facts };
}
