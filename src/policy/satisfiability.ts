import { FACT_CATALOG } from '../model/factCatalog.js';
import type { FactInfo, Rate } from '../model/facts.js';
import { POLICY_BUDGET } from '../model/policyBudget.js';
import { weakMemo } from '../model/weakMemo.js';
import type { ConditionNode, LeafCondition } from '../model/policyFile.js';
import { OPERATORS } from './operators.js';

/** A leaf, possibly negated, with where it sits in the file. */
export interface Literal {
  readonly fact: string;
  readonly operator: string;
  readonly value: LeafCondition['value'];
  readonly negated: boolean;
  /** JSON path of the leaf (through a named condition: `conditions.<name>…`). */
  readonly path: string;
}

/** Why a condition tree can never be true: in one alternative, these leaves on one fact contradict each other. */
export interface Contradiction {
  readonly fact: string;
  readonly literals: readonly Literal[];
}

/**
 * The outcome of the analysis. `unsatisfiable` is only ever claimed when no
 * facts at all make the tree true (sound); `unknown` means the tree was too
 * large to analyse or refers to something missing, and is treated as
 * satisfiable.
 */
export type Satisfiability =
  | { readonly kind: 'satisfiable' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'unsatisfiable'; readonly contradictions: readonly Contradiction[] };

/** Alternatives (a disjunction of conjunctions) kept at most while expanding a tree. */
const MAX_ALTERNATIVES = 4096;

type Conjunction = readonly Literal[];

/** The tree cannot be analysed (too many alternatives, an unresolvable reference): the verdict is `unknown`. */
class TooLarge extends Error {}

/** The analysis's work budget ran out: this and every later verdict is `unknown`. */
class BudgetSpent extends TooLarge {}

/**
 * One analysis of a policy's conditions, shared by every question asked
 * about them (each rule, each named condition, each pair of rules): each
 * named condition is expanded once per polarity and remembered — a DAG, not
 * a tree — and the work is counted against a budget, so a hostile file ends
 * in `unknown`, never in a hang.
 */
export interface Analysis {
  /** The named conditions this analysis resolves references with. */
  readonly named: Readonly<Record<string, ConditionNode>>;
  /** Work units spent: one per literal placed in an alternative and per value tested. */
  readonly steps: number;
  /** The most it may spend. */
  readonly budget: number;
  /** True once the budget ran out: every later verdict is `unknown`. */
  readonly spent: boolean;
}

interface AnalysisState extends Analysis {
  steps: number;
  spent: boolean;
  /** Expansions of named conditions by polarity and name (`+name`, `-name`); null when not analysable. */
  readonly memo: Map<string, Expansion | null>;
  /** Expansions of whole trees for `implies`, by tree, positive and negated. */
  readonly roots: WeakMap<ConditionNode, Map<boolean, Expansion | null>>;
  /** A number per literal, for the keys of alternatives. */
  readonly ids: Map<Literal, number>;
  /** The key of each alternative: its literals' numbers, sorted (remembered per alternative). */
  readonly keyOf: (c: Conjunction) => string;
}

/**
 * A new analysis of the conditions of one policy.
 *
 * @param named - the named conditions in scope: pass this same object to `satisfiability` and `implies` with the analysis
 * @param budget - work units it may spend (default `POLICY_BUDGET.maxAnalysisSteps`)
 * @returns the analysis, to pass to `satisfiability` and `implies`
 * @example
 * const named = {};
 * const analysis = createAnalysis(named);
 * satisfiability({ all: [{ fact: 'grade', operator: 'greaterThan', value: 3 }] }, named, 'conditions', analysis); // { kind: 'satisfiable' }
 * analysis.steps // 6
 */
export function createAnalysis(named: Readonly<Record<string, ConditionNode>>, budget: number = POLICY_BUDGET.maxAnalysisSteps): Analysis {
  const ids = new Map<Literal, number>();
  const keyOf = weakMemo((c: Conjunction) =>
    c
      .map((l) => ids.get(l) as number)
      .sort((a, b) => a - b)
      .join(','),
  );
  const state: AnalysisState = { named, budget, steps: 0, spent: false, memo: new Map(), roots: new WeakMap(), ids, keyOf };
  return state;
}

function stateOf(analysis: Analysis | undefined, named: Readonly<Record<string, ConditionNode>>): AnalysisState {
  const state = (analysis ?? createAnalysis(named)) as AnalysisState;
  if (state.named !== named) throw new Error('satisfiability: the analysis was created for other named conditions');
  return state;
}

function spend(s: AnalysisState, units: number): void {
  s.steps += units;
  if (s.steps > s.budget) {
    s.spent = true;
    throw new BudgetSpent('analysis budget spent');
  }
}

function infoOf(fact: string): FactInfo | undefined {
  return Object.hasOwn(FACT_CATALOG, fact) ? FACT_CATALOG[fact as keyof typeof FACT_CATALOG] : undefined;
}

function constants(literals: readonly Literal[]): unknown[] {
  return literals.flatMap((l) => (Array.isArray(l.value) ? l.value : [l.value]));
}

/** Sorted distinct numbers, with points below, between and above them: one per region the operators can tell apart. */
function numberCandidates(values: readonly number[]): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === 0) return [0];
  const out: number[] = [];
  const first = sorted[0] as number;
  out.push(first - (Math.abs(first) + 1));
  sorted.forEach((v, i) => {
    out.push(v);
    const next = sorted[i + 1];
    if (next !== undefined) out.push(v / 2 + next / 2);
  });
  const last = sorted[sorted.length - 1] as number;
  out.push(last + (Math.abs(last) + 1));
  return out;
}

/** Rates on, between, below and above every threshold (exactly as the operators compute basis points), and "no data". */
function rateCandidates(percents: readonly number[]): Rate[] {
  const bps = [...new Set(percents.map((p) => Math.round(p * 100)))].sort((a, b) => a - b);
  const out: Rate[] = [{ part: 0, whole: 0 }, { part: 1, whole: 1 }];
  if (bps.length === 0) return out;
  out.push({ part: (bps[0] as number) - 1, whole: 10_000 });
  bps.forEach((bp, i) => {
    out.push({ part: bp, whole: 10_000 });
    const next = bps[i + 1];
    if (next !== undefined) out.push({ part: bp + next, whole: 20_000 });
  });
  out.push({ part: (bps[bps.length - 1] as number) + 1, whole: 10_000 });
  return out;
}

/**
 * Values of a fact that together behave like every value it can take under
 * the given leaves: each leaf's outcome depends only on which region (equal
 * to a constant, or strictly between two) a value lies in, and there is one
 * candidate per region. Undefined when the fact is not in the catalog.
 */
function candidates(fact: string, literals: readonly Literal[]): unknown[] | undefined {
  const info = infoOf(fact);
  if (info === undefined) return undefined;
  const values = constants(literals);
  let base: unknown[];
  switch (info.type) {
    case 'boolean':
      base = [true, false];
      break;
    case 'number':
      base = numberCandidates(values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
      break;
    case 'rate':
      base = rateCandidates(values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
      break;
    case 'string': {
      // A closed list is the fact's whole domain; otherwise any string not among the constants stands for all of them.
      const strings = values.filter((v): v is string => typeof v === 'string');
      base = info.values !== undefined ? [...info.values] : [...new Set(strings), `\u0000none-of-${strings.join('|')}`];
      break;
    }
  }
  return info.nullable === true ? [...base, null] : base;
}

function holds(literal: Literal, actual: unknown): boolean {
  const operator = OPERATORS[literal.operator];
  if (operator === undefined) return true; // unknown operators are reported elsewhere; never claim a contradiction on them
  return operator(actual, literal.value) !== literal.negated;
}

function impossible(fact: string, literals: readonly Literal[], s: AnalysisState): boolean {
  // Charged before the work: every candidate value against every constant of every leaf.
  let constantsCount = 0;
  for (const l of literals) constantsCount += Array.isArray(l.value) ? Math.max(1, l.value.length) : 1;
  spend(s, constantsCount);
  const values = candidates(fact, literals);
  if (values === undefined) return false;
  spend(s, values.length * constantsCount);
  return !values.some((v) => literals.every((l) => holds(l, v)));
}

/**
 * The first contradiction in a conjunction: leaves on one fact that no value
 * of that fact satisfies together, reduced to a minimal set (each leaf in it
 * is needed), in tree order. Only the facts in `facts` are looked at when
 * given (the others are known to be consistent).
 */
function contradictionIn(conjunction: Conjunction, s: AnalysisState, facts?: ReadonlySet<string>): Contradiction | undefined {
  const byFact = new Map<string, Literal[]>();
  for (const literal of conjunction) {
    if (facts !== undefined && !facts.has(literal.fact)) continue;
    const list = byFact.get(literal.fact) ?? [];
    list.push(literal);
    byFact.set(literal.fact, list);
  }
  for (const [fact, literals] of byFact) {
    if (!impossible(fact, literals, s)) continue;
    // A minimal core: drop every leaf the contradiction does not need, so the message names only the culprits.
    let core = literals;
    for (let i = core.length - 1; i >= 0 && core.length > 1; i -= 1) {
      const without = core.filter((_, j) => j !== i);
      if (impossible(fact, without, s)) core = without;
    }
    return { fact, literals: core };
  }
  return undefined;
}

interface Expansion {
  /** Alternatives (conjunctions of literals) not known to be contradictory, each once. */
  readonly alive: readonly Conjunction[];
  /** Contradictions of the alternatives dropped, in order, each once. */
  readonly dead: readonly Contradiction[];
}

/** Contradictions of several parts, each once (a named condition reached twice brings the same ones twice). */
function deadOf(parts: readonly Expansion[]): Contradiction[] {
  const seen = new Set<Contradiction>();
  for (const p of parts) for (const c of p.dead) seen.add(c);
  return [...seen];
}

/** Alternatives of any of the parts, each once. */
function disjoin(parts: readonly Expansion[], s: AnalysisState): Expansion {
  const seen = new Set<string>();
  const alive: Conjunction[] = [];
  for (const part of parts) {
    spend(s, part.alive.length);
    for (const c of part.alive) {
      const key = s.keyOf(c);
      if (seen.has(key)) continue;
      seen.add(key);
      alive.push(c);
    }
  }
  if (alive.length > MAX_ALTERNATIVES) throw new TooLarge('too many alternatives');
  return { alive, dead: deadOf(parts) };
}

/** `left` and the literals of `right` it does not have yet (the same literal twice adds nothing). */
function join(left: Conjunction, right: Conjunction): Conjunction {
  if (left.length === 0) return right;
  const have = new Set(left);
  const added = right.filter((l) => !have.has(l));
  return added.length === 0 ? left : [...left, ...added];
}

/** Alternatives of all the parts together: one per choice of an alternative of each, contradictory ones dropped. */
function conjoin(parts: readonly Expansion[], s: AnalysisState): Expansion {
  let alive: readonly Conjunction[] = [[]];
  const dead = new Set<Contradiction>();
  for (const part of parts) {
    for (const c of part.dead) dead.add(c);
    const next: Conjunction[] = [];
    const seen = new Set<string>();
    for (const left of alive) {
      for (const right of part.alive) {
        const joined = join(left, right);
        spend(s, joined.length);
        const key = s.keyOf(joined);
        if (seen.has(key)) continue;
        seen.add(key);
        // Each side is consistent alone: only a fact both sides read can contradict.
        const leftFacts = new Set(left.map((l) => l.fact));
        const shared = new Set(right.filter((l) => leftFacts.has(l.fact)).map((l) => l.fact));
        const contradiction = joined === left || shared.size === 0 ? undefined : contradictionIn(joined, s, shared);
        if (contradiction === undefined) next.push(joined);
        else dead.add(contradiction);
        if (next.length > MAX_ALTERNATIVES) throw new TooLarge('too many alternatives');
      }
    }
    alive = next;
    if (alive.length === 0) break;
  }
  return { alive, dead: [...dead] };
}

/** A named condition's expansion, computed once per polarity and remembered. */
function expandNamed(name: string, negated: boolean, s: AnalysisState, visiting: readonly string[]): Expansion {
  const key = `${negated ? '-' : '+'}${name}`;
  const known = s.memo.get(key);
  if (known === null) throw new TooLarge('not analysable');
  if (known !== undefined) return known;
  const target = Object.hasOwn(s.named, name) ? s.named[name] : undefined;
  if (target === undefined || visiting.includes(name)) throw new TooLarge('unresolvable condition');
  try {
    const expansion = expand(target, negated, `conditions.${name}`, s, [...visiting, name]);
    s.memo.set(key, expansion);
    return expansion;
  } catch (error) {
    if (error instanceof TooLarge && !(error instanceof BudgetSpent)) s.memo.set(key, null);
    throw error;
  }
}

/**
 * A condition tree as alternatives (disjunctive normal form) of literals,
 * negation pushed to the leaves. Alternatives found contradictory are dropped
 * as soon as they appear, which keeps the expansion small; named conditions
 * are expanded once (`expandNamed`).
 */
function expand(node: ConditionNode, negated: boolean, path: string, s: AnalysisState, visiting: readonly string[]): Expansion {
  if ('not' in node) return expand(node.not, !negated, `${path}.not`, s, visiting);
  if ('condition' in node) return expandNamed(node.condition, negated, s, visiting);
  if ('all' in node || 'any' in node) {
    const children = 'all' in node ? node.all : node.any;
    const key = 'all' in node ? 'all' : 'any';
    const parts = children.map((child, i) => expand(child, negated, `${path}.${key}[${i}]`, s, visiting));
    return ('all' in node) !== negated ? conjoin(parts, s) : disjoin(parts, s);
  }
  spend(s, 1);
  const leaf: Literal = { fact: node.fact, operator: node.operator, value: node.value, negated, path };
  s.ids.set(leaf, s.ids.size);
  const contradiction = contradictionIn([leaf], s);
  return contradiction === undefined ? { alive: [[leaf]], dead: [] } : { alive: [], dead: [contradiction] };
}

/** A whole tree's expansion for `implies`, remembered per tree object and polarity. */
function expandRoot(node: ConditionNode, negated: boolean, s: AnalysisState): Expansion {
  let byPolarity = s.roots.get(node);
  if (byPolarity === undefined) {
    byPolarity = new Map();
    s.roots.set(node, byPolarity);
  }
  const known = byPolarity.get(negated);
  if (known === null) throw new TooLarge('not analysable');
  if (known !== undefined) return known;
  try {
    const expansion = expand(node, negated, 'conditions', s, []);
    byPolarity.set(negated, expansion);
    return expansion;
  } catch (error) {
    if (error instanceof TooLarge && !(error instanceof BudgetSpent)) byPolarity.set(negated, null);
    throw error;
  }
}

/**
 * Whether a condition tree can ever be true, analysed per fact after named
 * conditions are resolved and negations pushed to the leaves. Sound: it
 * claims `unsatisfiable` only when, in every alternative, the leaves on some
 * one fact exclude every value that fact can take (`x > 20 and x < 10`,
 * `equal 3` with `notIn [3]`, a leaf and its `not`). Facts are treated as
 * independent and numbers as real, so contradictions between different facts
 * or that need integers are not found (the tree is then `satisfiable`).
 *
 * @param node - a condition tree
 * @param named - the named conditions in scope
 * @param path - JSON path of `node`, used in the contradictions (default `conditions`)
 * @param analysis - shared work and budget (`createAnalysis(named)`, default: a new one): named conditions are expanded once per analysis
 * @returns the verdict, with the contradictions when unsatisfiable; `unknown` when the tree is too large or the budget is spent
 * @example satisfiability({ all: [{ fact: 'grade', operator: 'greaterThan', value: 20 }, { fact: 'grade', operator: 'lessThan', value: 10 }] }, {}).kind // 'unsatisfiable'
 */
export function satisfiability(
  node: ConditionNode,
  named: Readonly<Record<string, ConditionNode>>,
  path = 'conditions',
  analysis?: Analysis,
): Satisfiability {
  const s = stateOf(analysis, named);
  if (s.spent) return { kind: 'unknown' };
  try {
    const { alive, dead } = expand(node, false, path, s, []);
    return alive.length > 0 ? { kind: 'satisfiable' } : { kind: 'unsatisfiable', contradictions: dead };
  } catch (error) {
    if (error instanceof TooLarge) return { kind: 'unknown' };
    throw error;
  }
}

/**
 * Whether `a` implies `b` for certain (`a and not b` is unsatisfiable). Sound
 * like `satisfiability`: false also when the analysis cannot tell.
 *
 * @param a - a condition tree
 * @param b - a condition tree
 * @param named - the named conditions in scope
 * @param analysis - shared work and budget (`createAnalysis(named)`); each tree is expanded once per analysis
 * @returns true only when every facts that satisfy `a` satisfy `b`
 * @example implies({ all: [{ fact: 'grade', operator: 'greaterThan', value: 5 }] }, { all: [{ fact: 'grade', operator: 'greaterThan', value: 3 }] }, {}) // true
 */
export function implies(a: ConditionNode, b: ConditionNode, named: Readonly<Record<string, ConditionNode>>, analysis?: Analysis): boolean {
  const s = stateOf(analysis, named);
  if (s.spent) return false;
  try {
    return conjoin([expandRoot(a, false, s), expandRoot(b, true, s)], s).alive.length === 0;
  } catch (error) {
    if (error instanceof TooLarge) return false;
    throw error;
  }
}
