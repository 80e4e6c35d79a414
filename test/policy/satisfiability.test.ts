/**
 * The satisfiability analysis against the interpreter (`evaluateConditions`),
 * never against itself:
 * - sound: whenever it says `unsatisfiable`, no facts make the tree true;
 * - on trees over one fact with integer constants it is also complete: a grid
 *   of values that hits every region the constants make (each constant,
 *   halves between them, beyond both ends, null) is an independent oracle.
 */
import fc, { type Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Facts, Rate } from '../../src/model/facts.js';
import type { ConditionNode, LeafCondition } from '../../src/model/policyFile.js';
import { evaluateConditions } from '../../src/policy/evaluateConditions.js';
import { implies, satisfiability } from '../../src/policy/satisfiability.js';
import { arbitraryFacts } from '../helpers/policyFiles.js';

/** Small pools so that leaves on the same fact meet often. */
const NUMBERS = [0, 1, 2, 3, 4, 5];
const PERCENTS = [0, 5, 10, 20, 100];
const TRENDS = ['rising', 'falling', 'stable'];
const LEVELS = ['ingen', 'svag', 'mattlig', 'stark'];

/** One fact per kind the analysis distinguishes, with the values a leaf may compare it with. */
const FACTS: ReadonlyArray<{ fact: keyof Facts & string; leaf: Arbitrary<LeafCondition>; grid: readonly unknown[] }> = [
  {
    fact: 'grade',
    leaf: fc.oneof(
      fc.record({ operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'), value: fc.constantFrom(...NUMBERS) }),
      fc.record({ operator: fc.constantFrom('in', 'notIn'), value: fc.uniqueArray(fc.constantFrom(...NUMBERS), { maxLength: 3 }) }),
    ).map((l) => ({ fact: 'grade', ...l }) as LeafCondition),
    grid: [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6],
  },
  {
    fact: 'daysSinceOrosanmalan',
    leaf: fc.oneof(
      fc.record({ operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom<number | null>(null, ...NUMBERS) }),
      fc.record({ operator: fc.constantFrom('lessThan', 'greaterThanInclusive'), value: fc.constantFrom(...NUMBERS) }),
      fc.record({ operator: fc.constantFrom('in', 'notIn'), value: fc.uniqueArray(fc.constantFrom(...NUMBERS), { maxLength: 3 }) }),
    ).map((l) => ({ fact: 'daysSinceOrosanmalan', ...l }) as LeafCondition),
    grid: [null, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6],
  },
  {
    fact: 'termAbsence',
    leaf: fc
      .record({ operator: fc.constantFrom('rateAbove', 'rateAtLeast'), value: fc.constantFrom(...PERCENTS) })
      .map((l) => ({ fact: 'termAbsence', ...l }) as LeafCondition),
    // every 0.25 % from 0 to 101 %, and no data
    grid: [{ part: 0, whole: 0 }, ...Array.from({ length: 405 }, (_, k): Rate => ({ part: k, whole: 400 }))],
  },
  {
    fact: 'trend',
    leaf: fc.oneof(
      fc.record({ operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom(...TRENDS) }),
      fc.record({ operator: fc.constantFrom('in', 'notIn'), value: fc.uniqueArray(fc.constantFrom(...TRENDS), { maxLength: 3 }) }),
    ).map((l) => ({ fact: 'trend', ...l }) as LeafCondition),
    grid: [...TRENDS, 'unknown'],
  },
  {
    fact: 'typologySkolk',
    leaf: fc.oneof(
      fc.record({ operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom(...LEVELS) }),
      fc.record({ operator: fc.constantFrom('in', 'notIn'), value: fc.uniqueArray(fc.constantFrom(...LEVELS), { maxLength: 4 }) }),
    ).map((l) => ({ fact: 'typologySkolk', ...l }) as LeafCondition),
    grid: LEVELS,
  },
  {
    fact: 'protectedIdentity',
    leaf: fc.record({ operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }).map((l) => ({ fact: 'protectedIdentity', ...l }) as LeafCondition),
    grid: [true, false],
  },
];

function tree(leaf: Arbitrary<LeafCondition>): Arbitrary<ConditionNode> {
  const { node } = fc.letrec<{ node: ConditionNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      leaf,
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all): ConditionNode => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any): ConditionNode => ({ any })),
      tie('node').map((not): ConditionNode => ({ not })),
    ),
  }));
  return fc.array(node, { minLength: 1, maxLength: 4 }).map((all): ConditionNode => ({ all }));
}

const BASE_FACTS = fc.sample(arbitraryFacts(), { numRuns: 1, seed: 7 })[0] as Facts;

function holdsWith(node: ConditionNode, values: Partial<Record<string, unknown>>, named: Record<string, ConditionNode> = {}): boolean {
  return evaluateConditions(node, { ...BASE_FACTS, ...values } as Facts, named).result;
}

describe('satisfiability', () => {
  it.each(FACTS.map((f) => [f.fact, f] as const))('on one fact (%s) it says unsatisfiable exactly when no value of the grid satisfies the tree', (_, f) => {
    let unsatisfiable = 0;
    fc.assert(
      fc.property(tree(f.leaf), (node) => {
        const verdict = satisfiability(node, {}).kind;
        const witness = f.grid.some((v) => holdsWith(node, { [f.fact]: v }));
        if (verdict === 'unsatisfiable') unsatisfiable += 1;
        expect(verdict === 'unsatisfiable', JSON.stringify(node)).toBe(!witness);
      }),
      { numRuns: 400 },
    );
    expect(unsatisfiable).toBeGreaterThan(10); // the property has teeth: contradictions are generated
  });

  it('is sound on trees over several facts: an unsatisfiable tree is false for every combination of grid values', () => {
    const anyLeaf = fc.oneof(...FACTS.map((f) => f.leaf));
    const assignment = fc.record(Object.fromEntries(FACTS.map((f) => [f.fact, fc.constantFrom(...f.grid)])));
    let checked = 0;
    fc.assert(
      fc.property(tree(anyLeaf), fc.array(assignment, { minLength: 40, maxLength: 40 }), (node, assignments) => {
        if (satisfiability(node, {}).kind !== 'unsatisfiable') return;
        checked += 1;
        for (const values of assignments) expect(holdsWith(node, values), JSON.stringify({ node, values })).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('is sound through named conditions (resolved before the analysis)', () => {
    const grade = FACTS[0] as (typeof FACTS)[number];
    fc.assert(
      fc.property(tree(grade.leaf), tree(grade.leaf), (named, rule) => {
        const node: ConditionNode = { all: [{ condition: 'n' }, rule] };
        if (satisfiability(node, { n: named }).kind !== 'unsatisfiable') return;
        for (const v of grade.grid) expect(holdsWith(node, { grade: v }, { n: named })).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('implies: when it says a ⇒ b, every grid value that satisfies a satisfies b', () => {
    const grade = FACTS[0] as (typeof FACTS)[number];
    fc.assert(
      fc.property(tree(grade.leaf), tree(grade.leaf), (a, b) => {
        if (!implies(a, b, {})) return;
        for (const v of grade.grid) if (holdsWith(a, { grade: v })) expect(holdsWith(b, { grade: v })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('answers unknown (never unsatisfiable) for a missing named condition', () => {
    expect(satisfiability({ all: [{ condition: 'saknas' }] }, {}).kind).toBe('unknown');
  });
});
