import type { ListReference } from '../model/decision.js';
import type { Facts } from '../model/facts.js';
import { boundedMemo } from '../model/boundedMemo.js';
import { POLICY_BUDGET } from '../model/policyBudget.js';
import type { ConditionNode, LeafCondition } from '../model/policyFile.js';
import type { Evidence } from './evaluateConditions.js';
import { OPERATORS, rateAbove, rateAtLeast } from './operators.js';
import type { Policy, PolicyRule } from './policy.js';
import { weakMemo } from '../model/weakMemo.js';

/** A leaf test specialised for its operator and threshold, on the fact's value. */
type LeafTest = (actual: unknown) => boolean;

/** Results of one run: one byte per distinct leaf, named condition, rule and node (1 = true). */
export interface CompiledRun {
  readonly leaves: Uint8Array;
  readonly named: Uint8Array;
  readonly rules: Uint8Array;
  /**
   * Every node of the compiled policy, by `CompiledNode.id` (1 = true). An array, not a `Uint8Array`: a
   * typed array over 64 bytes keeps its bytes outside the heap, and making one cost 1–2.5 µs (measured:
   * 185 nodes for the Stockholm policy; 25 ns for 54 bytes).
   */
  readonly nodes: number[];
  /** The fact value each leaf read, by leaf index (what evidence shows as `actual`). */
  readonly actuals: readonly unknown[];
}

/** The shape of a compiled condition tree: each node numbered (`id`) after every node below it and every named condition it uses. */
export type CompiledNode =
  | { readonly kind: 'leaf'; readonly id: number; readonly index: number }
  | { readonly kind: 'all' | 'any'; readonly id: number; readonly children: readonly CompiledNode[] }
  | { readonly kind: 'not'; readonly id: number; readonly child: CompiledNode }
  | { readonly kind: 'condition'; readonly id: number; readonly name: string; readonly index: number };

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
}

/**
 * Every node of a compiled policy as flat tables, in id order: a node's
 * operation, its operand (a leaf, a named condition, the negated node, or
 * where its children start in `kids`) and where its children end. Deciding
 * the nodes in this order reads every node's operands before the node.
 */
interface NodeProgram {
  readonly op: Uint8Array;
  readonly arg: Int32Array;
  readonly end: Int32Array;
  readonly kids: Int32Array;
}

const OP_LEAF = 0;
const OP_CONDITION = 1;
const OP_NOT = 2;
const OP_ALL = 3;
const OP_ANY = 4;

/**
 * A policy compiled ahead: every distinct leaf is tested once per student
 * (a closure specialised for its operator and value), and every node of
 * every named condition and rule is then decided once, in one pass over flat
 * tables (`NodeProgram`), from the leaves' results. No strings are
 * evaluated: the compiler only builds closures and tables over the validated
 * JSON.
 */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly leaves: readonly CompiledLeaf[];
  /** Named conditions in dependency order (a condition after every condition it uses). */
  readonly named: ReadonlyArray<{ readonly name: string; readonly node: CompiledNode }>;
  readonly rules: readonly CompiledRule[];
  readonly program: NodeProgram;
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && !Number.isNaN(x);
}

function leafTest(leaf: LeafCondition): LeafTest {
  const value = leaf.value;
  switch (leaf.operator) {
    case 'equal':
      return (a) => a === value;
    case 'notEqual':
      return (a) => a !== value;
    case 'lessThan':
      return (a) => isNumber(a) && a < (value as number);
    case 'lessThanInclusive':
      return (a) => isNumber(a) && a <= (value as number);
    case 'greaterThan':
      return (a) => isNumber(a) && a > (value as number);
    case 'greaterThanInclusive':
      return (a) => isNumber(a) && a >= (value as number);
    case 'rateAbove':
      return (a) => rateAbove(a, value);
    case 'rateAtLeast':
      return (a) => rateAtLeast(a, value);
    case 'in':
    case 'notIn': {
      // A long list is a set: the same strict equality as indexOf for JSON values (no NaN in a list), in constant time.
      if (!Array.isArray(value) || value.length <= 16) break;
      const set: ReadonlySet<unknown> = new Set(value);
      return leaf.operator === 'in' ? (a) => set.has(a) : (a) => !set.has(a);
    }
  }
  const operator = OPERATORS[leaf.operator];
  if (operator === undefined) throw new Error(`Unknown operator "${leaf.operator}"`);
  return (a) => operator(a, value);
}

/** A leaf's value as evidence shows it: a list longer than `POLICY_BUDGET.maxInlineListValues` is named, not copied into every decision. */
function shownValue(value: LeafCondition['value'], path: string): LeafCondition['value'] | ListReference {
  return Array.isArray(value) && value.length > POLICY_BUDGET.maxInlineListValues ? Object.freeze({ list: path, length: value.length }) : value;
}

function leafKey(leaf: LeafCondition): string {
  return JSON.stringify([leaf.fact, leaf.operator, leaf.value]);
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
  // Nodes in the order they are finished: after their children and the named conditions they use.
  const nodes: CompiledNode[] = [];
  const finish = <N extends CompiledNode>(node: N): N => {
    nodes.push(node);
    return node;
  };

  // `path` is where the node is in the policy files, for the evidence of a long list.
  const build = (c: ConditionNode, path: string): CompiledNode => {
    if ('all' in c || 'any' in c) {
      const kind = 'all' in c ? 'all' : 'any';
      const children = ('all' in c ? c.all : c.any).map((child, i) => build(child, `${path}.${kind}[${i}]`));
      return finish({ kind, id: nodes.length, children });
    }
    if ('not' in c) {
      const child = build(c.not, `${path}.not`);
      return finish({ kind: 'not', id: nodes.length, child });
    }
    if ('condition' in c) {
      const index = named(c.condition);
      return finish({ kind: 'condition', id: nodes.length, name: c.condition, index });
    }
    const key = leafKey(c);
    let index = leafIndex.get(key);
    if (index === undefined) {
      index = leaves.length;
      leaves.push({ fact: c.fact, operator: c.operator, value: c.value, shown: shownValue(c.value, `${path}.value`), test: leafTest(c) });
      leafIndex.set(key, index);
    }
    return finish({ kind: 'leaf', id: nodes.length, index });
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

  const rules = policy.rules.map((rule) => ({ rule, node: build(rule.conditions, `rules[${rule.id}@${rule.version}].conditions`) }));
  for (const name of Object.keys(policy.conditions)) named(name);

  return {
    policy,
    leaves,
    named: namedOrder.map((name, i) => ({ name, node: namedNodes[i] as CompiledNode })),
    rules,
    program: nodeProgram(nodes, namedNodes),
  };
}

/** The flat tables of `nodes` (in id order), a condition node pointing at its named condition's root node. */
function nodeProgram(nodes: readonly CompiledNode[], namedNodes: readonly CompiledNode[]): NodeProgram {
  const op = new Uint8Array(nodes.length);
  const arg = new Int32Array(nodes.length);
  const end = new Int32Array(nodes.length);
  const kids: number[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case 'leaf':
        op[node.id] = OP_LEAF;
        arg[node.id] = node.index;
        break;
      case 'condition':
        op[node.id] = OP_CONDITION;
        arg[node.id] = (namedNodes[node.index] as CompiledNode).id;
        break;
      case 'not':
        op[node.id] = OP_NOT;
        arg[node.id] = node.child.id;
        break;
      default:
        op[node.id] = node.kind === 'all' ? OP_ALL : OP_ANY;
        arg[node.id] = kids.length;
        for (const child of node.children) kids.push(child.id);
        end[node.id] = kids.length;
    }
  }
  return { op, arg, end, kids: Int32Array.from(kids) };
}

/**
 * Run a compiled policy on facts: read and test every distinct leaf once,
 * then decide every node from the leaves (`decideNodes`).
 *
 * @param compiled - from `compilePolicy`
 * @param facts - flat facts
 * @param rules - which rules to decide (default: all); e.g. the rules in force on a date
 * @returns the results, by index into `compiled.leaves`, `compiled.named`, `rules` and the nodes, and the facts' values the leaves read
 * @example runCompiled(compiled, facts).rules
 */
export function runCompiled(compiled: CompiledPolicy, facts: Facts, rules: readonly CompiledRule[] = compiled.rules): CompiledRun {
  const { leaves } = compiled;
  const leafResults = new Uint8Array(leaves.length);
  const actuals: unknown[] = new Array<unknown>(leaves.length);
  const read = facts as unknown as Record<string, unknown>;
  for (let i = 0; i < leaves.length; i += 1) {
    const leaf = leaves[i] as CompiledLeaf;
    // One read of the fact a leaf: the value is kept for its evidence.
    const actual = read[leaf.fact];
    actuals[i] = actual;
    leafResults[i] = leaf.test(actual) ? 1 : 0;
  }
  return decideNodes(compiled, leafResults, actuals, rules);
}

/**
 * Decide every node, named condition and rule from the leaves' results: the
 * nodes in id order (each after what it reads), in one pass over the
 * program's tables. The same booleans as deciding each rule's tree on its
 * own (nothing is evaluated that could fail or differ: a node is a boolean
 * over the leaves).
 *
 * @param compiled - from `compilePolicy`
 * @param leafResults - one byte per leaf (1 = true)
 * @param actuals - the facts' values the leaves read
 * @param rules - which rules to decide (default: all)
 * @returns the run
 * @example decideNodes(compiled, run.leaves, run.actuals).rules // a run with leaves changed by hand, decided again
 */
export function decideNodes(compiled: CompiledPolicy, leafResults: Uint8Array, actuals: readonly unknown[], rules: readonly CompiledRule[] = compiled.rules): CompiledRun {
  const { op, arg, end, kids } = compiled.program;
  const nodes = new Array<number>(op.length);
  for (let id = 0; id < op.length; id += 1) {
    switch (op[id]) {
      case OP_LEAF:
        nodes[id] = leafResults[arg[id] as number] as number;
        break;
      case OP_CONDITION:
        nodes[id] = nodes[arg[id] as number] as number;
        break;
      case OP_NOT:
        nodes[id] = (nodes[arg[id] as number] as number) ^ 1;
        break;
      default: {
        // An `all` is decided false by a false child, an `any` true by a true one; with none, the other way.
        const decisive = op[id] === OP_ALL ? 0 : 1;
        let value = decisive ^ 1;
        for (let k = arg[id] as number; k < (end[id] as number); k += 1) {
          if (nodes[kids[k] as number] === decisive) {
            value = decisive;
            break;
          }
        }
        nodes[id] = value;
      }
    }
  }
  const named = new Uint8Array(compiled.named.length);
  for (let i = 0; i < named.length; i += 1) named[i] = nodes[(compiled.named[i] as CompiledPolicy['named'][number]).node.id] as number;
  const ruleResults = new Uint8Array(rules.length);
  for (let i = 0; i < rules.length; i += 1) ruleResults[i] = nodes[(rules[i] as CompiledRule).node.id] as number;
  return { leaves: leafResults, named, rules: ruleResults, nodes, actuals };
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
 * The last path each condition node was entered from and the path it gave
 * (by node id): a named condition is mostly reached along one path, and one
 * comparison is cheaper than the two lookups of `viaWith`. The arrays are
 * `viaWith`'s own, so the evidence is the same either way.
 */
const VIA_CACHE = weakMemo((_program: NodeProgram) => ({ from: [] as Array<readonly string[] | undefined>, to: [] as Array<readonly string[]> }));

/** What one `explainCompiled` call works with (one object a call; the walk is synchronous). */
interface Explaining {
  readonly compiled: CompiledPolicy;
  readonly run: CompiledRun;
  readonly out: Evidence[];
  readonly via: { readonly from: Array<readonly string[] | undefined>; readonly to: Array<readonly string[]> };
  /** The first 31 named conditions explained, as bits; the rest in `explained` (a policy has some ten). */
  mask: number;
  explained: Set<number> | undefined;
}

function explainNode(x: Explaining, node: CompiledNode, via: readonly string[]): void {
  switch (node.kind) {
    case 'leaf': {
      const leaf = x.compiled.leaves[node.index] as CompiledLeaf;
      x.out.push({ fact: leaf.fact, operator: leaf.operator, value: leaf.shown, actual: x.run.actuals[node.index], result: x.run.leaves[node.index] === 1, via });
      return;
    }
    case 'not':
      explainNode(x, node.child, via);
      return;
    case 'condition': {
      if (node.index < 31) {
        const bit = 1 << node.index;
        if ((x.mask & bit) !== 0) return;
        x.mask |= bit;
      } else {
        x.explained ??= new Set();
        if (x.explained.has(node.index)) return;
        x.explained.add(node.index);
      }
      let inner: readonly string[];
      if (x.via.from[node.id] === via) inner = x.via.to[node.id] as readonly string[];
      else {
        inner = viaWith(via, node.name);
        x.via.from[node.id] = via;
        x.via.to[node.id] = inner;
      }
      explainNode(x, namedNode(x.compiled, node.index), inner);
      return;
    }
    default: {
      const { nodes } = x.run;
      const result = nodes[node.id];
      // An `all` that holds and an `any` that fails are decided by every child; otherwise by the children that decided it.
      const keepAll = (node.kind === 'all') === (result === 1);
      for (const child of node.children) {
        if (keepAll || nodes[child.id] === result) explainNode(x, child, via);
      }
    }
  }
}

/**
 * The decisive evidence of a compiled rule: exactly what
 * `decisiveEvidence(evaluateConditions(...))` gives, built from the run's
 * results (every node's, and the value each leaf read) without testing or
 * deciding anything again. Each named condition is explained once per rule,
 * the first time it is reached (a DAG, not a tree: a condition referred to
 * twice on each of 24 levels is one leaf, not 2^23). A list over
 * `POLICY_BUDGET.maxInlineListValues` values is shown as a `ListReference`.
 *
 * @param compiled - from `compilePolicy`
 * @param rule - one of `compiled.rules`
 * @param run - from `runCompiled` (or `decideNodes`) on the policy's rules
 * @returns the decisive leaves, in tree order
 * @example explainCompiled(compiled, compiled.rules[0], run) // for a rule { all: [grade > 3] } and grade 7: [{ fact: 'grade', operator: 'greaterThan', value: 3, actual: 7, result: true, via: [] }]
 */
export function explainCompiled(compiled: CompiledPolicy, rule: CompiledRule, run: CompiledRun): Evidence[] {
  const x: Explaining = { compiled, run, out: [], via: VIA_CACHE(compiled.program), mask: 0, explained: undefined };
  explainNode(x, rule.node, ROOT_VIA);
  return x.out;
}
