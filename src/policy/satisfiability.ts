import { FACT_CATALOG } from '../model/factCatalog.js';
import type { FactInfo, Rate } from '../model/facts.js';
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

class TooLarge extends Error {}

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

function impossible(fact: string, literals: readonly Literal[]): boolean {
  const values = candidates(fact, literals);
  return values !== undefined && !values.some((v) => literals.every((l) => holds(l, v)));
}

/**
 * The first contradiction in a conjunction: leaves on one fact that no value
 * of that fact satisfies together, reduced to a minimal set (each leaf in it
 * is needed), in tree order.
 */
function contradictionIn(conjunction: Conjunction): Contradiction | undefined {
  const byFact = new Map<string, Literal[]>();
  for (const literal of conjunction) {
    const list = byFact.get(literal.fact) ?? [];
    list.push(literal);
    byFact.set(literal.fact, list);
  }
  for (const [fact, literals] of byFact) {
    if (!impossible(fact, literals)) continue;
    // A minimal core: drop every leaf the contradiction does not need, so the message names only the culprits.
    let core = literals;
    for (let i = core.length - 1; i >= 0 && core.length > 1; i -= 1) {
      const without = core.filter((_, j) => j !== i);
      if (impossible(fact, without)) core = without;
    }
    return { fact, literals: core };
  }
  return undefined;
}

interface Expansion {
  /** Alternatives not (yet) known to be contradictory. */
  readonly alive: Conjunction[];
  /** Contradictions of the alternatives dropped, in order. */
  readonly dead: Contradiction[];
}

/**
 * A condition tree as alternatives (disjunctive normal form) of literals,
 * negation pushed to the leaves. Alternatives found contradictory are dropped
 * as soon as they appear, which keeps the expansion small.
 */
function expand(
  node: ConditionNode,
  negated: boolean,
  path: string,
  named: Readonly<Record<string, ConditionNode>>,
  visiting: readonly string[],
): Expansion {
  if ('not' in node) return expand(node.not, !negated, `${path}.not`, named, visiting);
  if ('condition' in node) {
    const target = Object.hasOwn(named, node.condition) ? named[node.condition] : undefined;
    if (target === undefined || visiting.includes(node.condition)) throw new TooLarge('unresolvable condition');
    return expand(target, negated, `conditions.${node.condition}`, named, [...visiting, node.condition]);
  }
  if ('all' in node || 'any' in node) {
    const children = 'all' in node ? node.all : node.any;
    const key = 'all' in node ? 'all' : 'any';
    const conjunctive = ('all' in node) !== negated;
    const parts = children.map((child, i) => expand(child, negated, `${path}.${key}[${i}]`, named, visiting));
    if (!conjunctive) {
      const alive = parts.flatMap((p) => p.alive);
      if (alive.length > MAX_ALTERNATIVES) throw new TooLarge('too many alternatives');
      return { alive, dead: parts.flatMap((p) => p.dead) };
    }
    let alive: Conjunction[] = [[]];
    const dead: Contradiction[] = [];
    for (const part of parts) {
      dead.push(...part.dead);
      const next: Conjunction[] = [];
      for (const left of alive) {
        for (const right of part.alive) {
          const joined = [...left, ...right];
          const contradiction = contradictionIn(joined);
          if (contradiction === undefined) next.push(joined);
          else dead.push(contradiction);
          if (next.length > MAX_ALTERNATIVES) throw new TooLarge('too many alternatives');
        }
      }
      alive = next;
      if (alive.length === 0) break;
    }
    return { alive, dead };
  }
  const leaf: Literal = { fact: node.fact, operator: node.operator, value: node.value, negated, path };
  const contradiction = contradictionIn([leaf]);
  return contradiction === undefined ? { alive: [[leaf]], dead: [] } : { alive: [], dead: [contradiction] };
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
 * @returns the verdict, with the contradictions when unsatisfiable
 * @example satisfiability({ all: [{ fact: 'grade', operator: 'greaterThan', value: 20 }, { fact: 'grade', operator: 'lessThan', value: 10 }] }, {}).kind // 'unsatisfiable'
 */
export function satisfiability(node: ConditionNode, named: Readonly<Record<string, ConditionNode>>, path = 'conditions'): Satisfiability {
  try {
    const { alive, dead } = expand(node, false, path, named, []);
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
 * @returns true only when every facts that satisfy `a` satisfy `b`
 * @example implies({ all: [{ fact: 'grade', operator: 'greaterThan', value: 5 }] }, { all: [{ fact: 'grade', operator: 'greaterThan', value: 3 }] }, {}) // true
 */
export function implies(a: ConditionNode, b: ConditionNode, named: Readonly<Record<string, ConditionNode>>): boolean {
  return satisfiability({ all: [a, { not: b }] }, named).kind === 'unsatisfiable';
}
