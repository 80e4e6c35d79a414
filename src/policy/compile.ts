import type { ListReference } from '../model/decision.js';
import type { Facts } from '../model/facts.js';
import { boundedMemo } from '../model/boundedMemo.js';
import { POLICY_BUDGET } from '../model/policyBudget.js';
import type { ConditionNode, LeafCondition } from '../model/policyFile.js';
import type { Evidence } from './evaluateConditions.js';
import { OPERATORS, rateAbove, rateAtLeast } from './operators.js';
import type { Policy, PolicyRule } from './policy.js';
import { weakMemo } from '../model/weakMemo.js';

/** A leaf test specialised for its operator and threshold. */
type LeafTest = (facts: Facts) => boolean;

/** Results of one run: one byte per distinct leaf, named condition and rule (1 = true). */
export interface CompiledRun {
  readonly leaves: Uint8Array;
  readonly named: Uint8Array;
  readonly rules: Uint8Array;
}

/** The shape of a compiled condition tree, before each node gets its `holds`. */
type NodeShape =
  | { readonly kind: 'leaf'; readonly index: number }
  | { readonly kind: 'all' | 'any'; readonly children: readonly CompiledNode[] }
  | { readonly kind: 'not'; readonly child: CompiledNode }
  | { readonly kind: 'condition'; readonly name: string; readonly index: number };

/**
 * A condition tree over the compiled leaf and named-condition tables. Each
 * node carries its own decision over a run, built once at compile time:
 * evaluation and explanation call it with no lookup per node and student.
 */
export type CompiledNode = NodeShape & { readonly holds: (run: CompiledRun) => boolean };

/** One distinct leaf of the policy: shared by every rule and named condition that uses it. */
export interface CompiledLeaf {
  readonly fact: string;
  readonly operator: string;
  readonly value: LeafCondition['value'];
  /** The value as evidence shows it: the value, or where a long list is (first place it appears). */
  readonly shown: LeafCondition['value'] | ListReference;
  readonly test: LeafTest;
}

/** A rule compiled against the policy's leaf table. */
export interface CompiledRule {
  readonly rule: PolicyRule;
  readonly node: CompiledNode;
  readonly holds: (run: CompiledRun) => boolean;
}

/**
 * A policy compiled ahead into synchronous closures: every distinct leaf is
 * tested once per student, every named condition is decided once, and each
 * rule is a boolean over those results. No strings are evaluated: the
 * compiler only builds closures over the validated JSON.
 */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly leaves: readonly CompiledLeaf[];
  /** Named conditions in dependency order (a condition after every condition it uses). */
  readonly named: ReadonlyArray<{ readonly name: string; readonly node: CompiledNode; readonly holds: (run: CompiledRun) => boolean }>;
  readonly rules: readonly CompiledRule[];
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && !Number.isNaN(x);
}

function leafTest(leaf: LeafCondition): LeafTest {
  const key = leaf.fact as keyof Facts;
  const value = leaf.value;
  switch (leaf.operator) {
    case 'equal':
      return (f) => f[key] === value;
    case 'notEqual':
      return (f) => f[key] !== value;
    case 'lessThan':
      return (f) => {
        const a = f[key];
        return isNumber(a) && a < (value as number);
      };
    case 'lessThanInclusive':
      return (f) => {
        const a = f[key];
        return isNumber(a) && a <= (value as number);
      };
    case 'greaterThan':
      return (f) => {
        const a = f[key];
        return isNumber(a) && a > (value as number);
      };
    case 'greaterThanInclusive':
      return (f) => {
        const a = f[key];
        return isNumber(a) && a >= (value as number);
      };
    case 'rateAbove':
      return (f) => rateAbove(f[key], value);
    case 'rateAtLeast':
      return (f) => rateAtLeast(f[key], value);
    case 'in':
    case 'notIn': {
      // A long list is a set: the same strict equality as indexOf for JSON values (no NaN in a list), in constant time.
      if (!Array.isArray(value) || value.length <= 16) break;
      const set: ReadonlySet<unknown> = new Set(value);
      return leaf.operator === 'in' ? (f) => set.has(f[key]) : (f) => !set.has(f[key]);
    }
  }
  const operator = OPERATORS[leaf.operator];
  if (operator === undefined) throw new Error(`Unknown operator "${leaf.operator}"`);
  return (f) => operator(f[key], value);
}

/** A leaf's value as evidence shows it: a list longer than `POLICY_BUDGET.maxInlineListValues` is named, not copied into every decision. */
function shownValue(value: LeafCondition['value'], path: string): LeafCondition['value'] | ListReference {
  return Array.isArray(value) && value.length > POLICY_BUDGET.maxInlineListValues ? Object.freeze({ list: path, length: value.length }) : value;
}

function leafKey(leaf: LeafCondition): string {
  return JSON.stringify([leaf.fact, leaf.operator, leaf.value]);
}

/** A node with its closure over the run: built bottom-up, so every child already has its own. */
function withHolds(node: NodeShape): CompiledNode {
  const holds = buildHolds(node);
  switch (node.kind) {
    case 'leaf':
      return { kind: node.kind, index: node.index, holds };
    case 'condition':
      return { kind: node.kind, name: node.name, index: node.index, holds };
    case 'not':
      return { kind: node.kind, child: node.child, holds };
    default:
      return { kind: node.kind, children: node.children, holds };
  }
}

function buildHolds(node: NodeShape): (run: CompiledRun) => boolean {
  switch (node.kind) {
    case 'leaf': {
      const i = node.index;
      return (r) => r.leaves[i] === 1;
    }
    case 'condition': {
      const i = node.index;
      return (r) => r.named[i] === 1;
    }
    case 'not': {
      const child = node.child.holds;
      return (r) => !child(r);
    }
    case 'all': {
      const children = node.children.map((c) => c.holds);
      return (r) => {
        for (const c of children) if (!c(r)) return false;
        return true;
      };
    }
    case 'any': {
      const children = node.children.map((c) => c.holds);
      return (r) => {
        for (const c of children) if (c(r)) return true;
        return false;
      };
    }
  }
}

/**
 * Compile a loaded policy. Compile once per policy and reuse: the result is
 * immutable and safe to share between evaluations (not between threads).
 *
 * @param policy - a policy from `loadPolicy` or `builtinPolicy`
 * @returns the compiled policy
 * @throws {Error} on a named-condition cycle or an unknown condition or operator (the loader rejects these first)
 * @example const compiled = compilePolicy(builtinPolicy('stockholm')); firedRules(compiled, facts)
 */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const leaves: CompiledLeaf[] = [];
  const leafIndex = new Map<string, number>();
  const namedOrder: string[] = [];
  const namedIndex = new Map<string, number>();
  const namedNodes: CompiledNode[] = [];
  const visiting = new Set<string>();

  // `path` is where the node is in the policy files, for the evidence of a long list.
  const build = (c: ConditionNode, path: string): CompiledNode => {
    if ('all' in c) return withHolds({ kind: 'all', children: c.all.map((child, i) => build(child, `${path}.all[${i}]`)) });
    if ('any' in c) return withHolds({ kind: 'any', children: c.any.map((child, i) => build(child, `${path}.any[${i}]`)) });
    if ('not' in c) return withHolds({ kind: 'not', child: build(c.not, `${path}.not`) });
    if ('condition' in c) return withHolds({ kind: 'condition', name: c.condition, index: named(c.condition) });
    const key = leafKey(c);
    let index = leafIndex.get(key);
    if (index === undefined) {
      index = leaves.length;
      leaves.push({ fact: c.fact, operator: c.operator, value: c.value, shown: shownValue(c.value, `${path}.value`), test: leafTest(c) });
      leafIndex.set(key, index);
    }
    return withHolds({ kind: 'leaf', index });
  };

  // Each named condition is built once, whatever refers to it: the policy is a DAG, not a tree.
  const named = (name: string): number => {
    const known = namedIndex.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new Error(`Named condition "${name}" refers to itself`);
    const body = Object.hasOwn(policy.conditions, name) ? policy.conditions[name] : undefined;
    if (body === undefined) throw new Error(`Unknown condition "${name}"`);
    visiting.add(name);
    const node = build(body, `conditions.${name}`);
    visiting.delete(name);
    const index = namedOrder.length;
    namedOrder.push(name);
    namedNodes.push(node);
    namedIndex.set(name, index);
    return index;
  };

  const rules = policy.rules.map((rule) => {
    const node = build(rule.conditions, `rules[${rule.id}@${rule.version}].conditions`);
    return { rule, node, holds: node.holds };
  });
  for (const name of Object.keys(policy.conditions)) named(name);

  return {
    policy,
    leaves,
    named: namedOrder.map((name, i) => ({ name, holds: (namedNodes[i] as CompiledNode).holds, node: namedNodes[i] as CompiledNode })),
    rules,
  };
}

/**
 * Run a compiled policy on facts: test every leaf once, decide the named
 * conditions in dependency order, then every rule.
 *
 * @param compiled - from `compilePolicy`
 * @param facts - flat facts
 * @param rules - which rules to decide (default: all); e.g. the rules in force on a date
 * @returns the results, by index into `compiled.leaves`, `compiled.named`, and `rules`
 * @example runCompiled(compiled, facts).rules
 */
export function runCompiled(compiled: CompiledPolicy, facts: Facts, rules: readonly CompiledRule[] = compiled.rules): CompiledRun {
  const leafResults = new Uint8Array(compiled.leaves.length);
  for (let i = 0; i < compiled.leaves.length; i += 1) leafResults[i] = (compiled.leaves[i] as CompiledLeaf).test(facts) ? 1 : 0;
  const run = { leaves: leafResults, named: new Uint8Array(compiled.named.length), rules: new Uint8Array(rules.length) };
  for (let i = 0; i < compiled.named.length; i += 1) run.named[i] = (compiled.named[i] as CompiledPolicy['named'][number]).holds(run) ? 1 : 0;
  for (let i = 0; i < rules.length; i += 1) run.rules[i] = (rules[i] as CompiledRule).holds(run) ? 1 : 0;
  return run;
}

/**
 * Ids of the rules that fire, sorted: the same events json-rules-engine
 * produces for the same policy and facts (see the differential test).
 *
 * @param compiled - from `compilePolicy`
 * @param facts - flat facts
 * @returns fired rule ids, sorted
 * @example firedRules(compilePolicy(builtinPolicy('stockholm')), facts) // ['sl-7-19a-franvaroutredning', ...]
 */
export function firedRules(compiled: CompiledPolicy, facts: Facts): string[] {
  const run = runCompiled(compiled, facts);
  return compiled.rules.filter((_, i) => run.rules[i] === 1).map((r) => r.rule.id).sort();
}

function namedNode(compiled: CompiledPolicy, index: number): CompiledNode {
  return (compiled.named[index] as CompiledPolicy['named'][number]).node;
}

/** `via` paths are shared, frozen arrays: the same path in every decision is one array, not one per leaf and student. */
const VIA_PATHS = weakMemo((via: readonly string[]) => boundedMemo((name: string): readonly string[] => Object.freeze([...via, name])));
const ROOT_VIA: readonly string[] = Object.freeze([]);

function viaWith(via: readonly string[], name: string): readonly string[] {
  return VIA_PATHS(via)(name);
}

/**
 * The decisive evidence of a compiled rule: exactly what
 * `decisiveEvidence(evaluateConditions(...))` gives, built from the run's
 * results without re-testing any leaf. Each named condition is explained once
 * per rule, the first time it is reached (a DAG, not a tree: a condition
 * referred to twice on each of 24 levels is one leaf, not 2^23). A list over
 * `POLICY_BUDGET.maxInlineListValues` values is shown as a `ListReference`.
 *
 * @param compiled - from `compilePolicy`
 * @param rule - one of `compiled.rules`
 * @param run - from `runCompiled`
 * @param facts - the facts the run saw (for the actual values)
 * @returns the decisive leaves, in tree order
 * @example explainCompiled(compiled, compiled.rules[0], run, facts) // for a rule { all: [grade > 3] } and grade 7: [{ fact: 'grade', operator: 'greaterThan', value: 3, actual: 7, result: true, via: [] }]
 */
export function explainCompiled(compiled: CompiledPolicy, rule: CompiledRule, run: CompiledRun, facts: Facts): Evidence[] {
  const out: Evidence[] = [];
  let explainedMask = 0;
  let explained: Set<number> | undefined;
  const walk = (node: CompiledNode, via: readonly string[]): void => {
    switch (node.kind) {
      case 'leaf': {
        const leaf = compiled.leaves[node.index] as CompiledLeaf;
        out.push({
          fact: leaf.fact,
          operator: leaf.operator,
          value: leaf.shown,
          actual: (facts as unknown as Record<string, unknown>)[leaf.fact],
          result: run.leaves[node.index] === 1,
          via,
        });
        return;
      }
      case 'not':
        walk(node.child, via);
        return;
      case 'condition':
        // The first 31 named conditions in a bit mask, the rest in a set: a policy has some ten.
        if (node.index < 31) {
          const bit = 1 << node.index;
          if ((explainedMask & bit) !== 0) return;
          explainedMask |= bit;
        } else {
          explained ??= new Set();
          if (explained.has(node.index)) return;
          explained.add(node.index);
        }
        walk(namedNode(compiled, node.index), viaWith(via, node.name));
        return;
      case 'all':
      case 'any': {
        const result = node.holds(run);
        const keepAll = (node.kind === 'all') === result;
        for (const child of node.children) {
          if (keepAll || child.holds(run) === result) walk(child, via);
        }
      }
    }
  };
  walk(rule.node, ROOT_VIA);
  return out;
}
