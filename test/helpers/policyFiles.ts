/**
 * Builders and fast-check arbitraries for policy files and flat facts, shared
 * by the policy-layer tests (differential test against json-rules-engine,
 * rule-file security, loader). Candidates for `trappa/testing` once the
 * policy layer is public there.
 */
import fc, { type Arbitrary } from 'fast-check';
import { FACT_CATALOG } from '../../src/model/factCatalog.js';
import type { FactInfo, Facts, Rate } from '../../src/model/facts.js';
import { OPERATORS_BY_FACT_TYPE, type ConditionNode, type LeafCondition, type PolicyFileInput } from '../../src/model/policyFile.js';
import { HuvudmanSchema, SchoolFormSchema } from '../../src/model/vocabulary.js';
import type { Policy } from '../../src/policy/policy.js';

/** A valid rule as plain JSON; `overrides` replace top-level fields. */
export function ruleJson(conditions: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'r-one',
    version: 1,
    effectiveFrom: '2026-01-01',
    step: 'rektor-utredning',
    kind: 'riktlinje',
    basis: { citation: 'SL 7 kap. 19 a §', source: 'Skollagen (2010:800)', url: 'https://lagen.nu/2010:800#K7P19a' },
    conditions,
    ...overrides,
  };
}

/** A valid policy file as plain JSON; `overrides` replace top-level fields. */
export function policyJson(rules: readonly unknown[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'test-policy', version: '2026.1', title: { sv: 'Test', en: 'Test' }, rules, ...overrides };
}

/** A leaf every schema check accepts. */
export const GRADE_LEAF = { fact: 'grade', operator: 'greaterThan', value: 3 } as const;

// ---------------------------------------------------------------------------
// Value pools. Facts and rule thresholds draw from the same pools, so that
// generated facts often sit exactly on, just under or just over a threshold.

/** Numeric thresholds of the bundled rules (4, 9, 10, 18, 20, 40, 90) and a few more. */
export const NUMBER_THRESHOLDS: readonly number[] = [0, 1, 3, 4, 5, 9, 10, 18, 20, 40, 90];

/** Rate thresholds in percent: the bundled 5, 10, 20, edges 0 and 100, and two-decimal ones. */
export const PERCENT_THRESHOLDS: readonly number[] = [0, 0.01, 5, 10, 12.5, 20, 33.33, 50, 99.99, 100];

/** Plausible values of the open string facts (the catalog lists values only for the typology). */
export const STRING_VALUES: Readonly<Record<string, readonly string[]>> = {
  schoolForm: SchoolFormSchema.options,
  huvudman: HuvudmanSchema.options,
  schoolMunicipalityCode: ['0180', '1480', '0114', '1280'],
  residenceMunicipalityCode: ['0180', '1480', '0114', '1280'],
  termId: ['HT2026', 'VT2026', 'VT2027'],
  trend: ['rising', 'falling', 'stable', 'unknown'],
};

function stringValues(fact: string, info: FactInfo): readonly string[] {
  const values = info.values ?? STRING_VALUES[fact];
  if (values === undefined) throw new Error(`No value pool for string fact "${fact}": add one to STRING_VALUES`);
  return values;
}

/** The catalog as entries, in catalog order. */
export const CATALOG_ENTRIES = Object.entries(FACT_CATALOG) as ReadonlyArray<[keyof Facts & string, FactInfo]>;

/** Basis points of a percentage threshold, as the operators compute them. */
export function basisPoints(percent: number): number {
  return Math.round(percent * 100);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * A rate that lies exactly on `percent`, or one minute under or over it:
 * `part / whole = percent / 100` in lowest terms, scaled by k. For 20 % this
 * is `part * 5 === whole`.
 */
export function arbitraryRateAt(percent: number): Arbitrary<Rate> {
  const bp = basisPoints(percent);
  const g = gcd(bp, 10_000) || 10_000;
  return fc.record({ k: fc.integer({ min: 1, max: 60 }), delta: fc.constantFrom(-1, 0, 1) }).map(({ k, delta }) => {
    const whole = (10_000 / g) * k;
    const part = Math.min(whole, Math.max(0, (bp / g) * k + delta));
    return { part, whole };
  });
}

/** Any rate with `whole ≥ part ≥ 0`, weighted towards thresholds and `whole = 0`. */
export function arbitraryRate(): Arbitrary<Rate> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PERCENT_THRESHOLDS).chain(arbitraryRateAt) },
    { weight: 1, arbitrary: fc.constant({ part: 0, whole: 0 }) },
    {
      weight: 3,
      arbitrary: fc
        .integer({ min: 0, max: 100_000 })
        .chain((whole) => fc.record({ part: fc.integer({ min: 0, max: whole }), whole: fc.constant(whole) })),
    },
  );
}

/** A count-like number: a threshold or its neighbour, a small count, or a huge one. */
export function arbitraryFactNumber(): Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NUMBER_THRESHOLDS).chain((t) => fc.constantFrom(t - 1, t, t + 1)) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, Number.MAX_SAFE_INTEGER) },
  );
}

function factValueArbitrary(fact: string, info: FactInfo): Arbitrary<unknown> {
  const base: Arbitrary<unknown> =
    info.type === 'number'
      ? arbitraryFactNumber()
      : info.type === 'boolean'
        ? fc.boolean()
        : info.type === 'rate'
          ? arbitraryRate()
          : fc.constantFrom(...stringValues(fact, info));
  return info.nullable === true ? fc.oneof(fc.constant(null), base) : base;
}

/**
 * Flat facts drawn straight from the catalog's types: every fact present,
 * nullable facts sometimes null. Not necessarily consistent with each other
 * (that is `computeFacts`'s job); the engines must agree on any of them.
 */
export function arbitraryFacts(): Arbitrary<Facts> {
  return fc.record(Object.fromEntries(CATALOG_ENTRIES.map(([fact, info]) => [fact, factValueArbitrary(fact, info)]))) as unknown as Arbitrary<Facts>;
}

// ---------------------------------------------------------------------------
// Random policy files.

function leafValueArbitrary(fact: string, info: FactInfo, operator: string): Arbitrary<LeafCondition['value']> {
  const list = operator === 'in' || operator === 'notIn';
  const nullOk = info.nullable === true && (operator === 'equal' || operator === 'notEqual');
  switch (info.type) {
    case 'rate':
      return fc.oneof(fc.constantFrom(...PERCENT_THRESHOLDS), fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100));
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const one = fc.oneof(fc.constantFrom(...NUMBER_THRESHOLDS), fc.integer({ min: 0, max: 400 }));
      if (list) return fc.array(one, { maxLength: 4 });
      return nullOk ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: one }) : one;
    }
    case 'string': {
      const one = fc.constantFrom(...stringValues(fact, info));
      if (list) return fc.uniqueArray(one, { maxLength: 4 });
      return nullOk ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: one }) : one;
    }
  }
}

/**
 * Facts to build leaves over: the catalog with the rarer shapes (nullable
 * facts, rates) repeated, so that null handling and rate boundaries are
 * exercised in most generated policies, not one in sixty.
 */
const LEAF_FACTS = CATALOG_ENTRIES.flatMap((entry) => {
  const [, info] = entry;
  return Array.from({ length: info.nullable === true ? 8 : info.type === 'rate' ? 3 : 1 }, () => entry);
});

/** A leaf over a catalog fact with an operator valid for its type and a value of the right type. */
export function arbitraryLeaf(): Arbitrary<LeafCondition> {
  return fc
    .constantFrom(...LEAF_FACTS)
    .chain(([fact, info]) =>
      fc
        .constantFrom(...OPERATORS_BY_FACT_TYPE[info.type])
        .chain((operator) => leafValueArbitrary(fact, info, operator).map((value) => ({ fact, operator, value }) as LeafCondition)),
    );
}

/**
 * A condition tree of all/any/not over leaves and references to `refs`
 * (named conditions in scope). `top` forbids a bare leaf at the root, as
 * json-rules-engine does.
 */
export function arbitraryConditionTree(refs: readonly string[], top: boolean): Arbitrary<ConditionNode> {
  const { node } = fc.letrec<{ node: ConditionNode; branch: ConditionNode; leaf: ConditionNode }>((tie) => ({
    leaf:
      refs.length === 0
        ? arbitraryLeaf()
        : fc.oneof({ weight: 4, arbitrary: arbitraryLeaf() }, { weight: 1, arbitrary: fc.constantFrom(...refs).map((condition) => ({ condition })) }),
    branch: fc.oneof(
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
    node: fc.oneof({ depthSize: 'small', maxDepth: 4 }, tie('leaf'), tie('branch')),
  }));
  if (!top) return node;
  const rootRef = refs.length === 0 ? [] : [fc.constantFrom(...refs).map((condition): ConditionNode => ({ condition }))];
  return fc.oneof(
    fc.array(node, { minLength: 1, maxLength: 5 }).map((all): ConditionNode => ({ all })),
    fc.array(node, { minLength: 1, maxLength: 5 }).map((any): ConditionNode => ({ any })),
    node.map((not): ConditionNode => ({ not })),
    ...rootRef,
  );
}

/** Named conditions `c0`, `c1`, …: each may use only those before it, so there is no cycle. */
function arbitraryNamedConditions(inherited: readonly string[]): Arbitrary<Record<string, ConditionNode>> {
  return fc.integer({ min: 0, max: 3 }).chain((n) => {
    const names = Array.from({ length: n }, (_, i) => `c${i}`);
    return fc
      .tuple(...names.map((_, i) => arbitraryConditionTree([...inherited, ...names.slice(0, i)], true)))
      .map((trees) => Object.fromEntries(trees.map((tree, i) => [names[i], tree])));
  });
}

/** Options for `arbitraryPolicyFile`. */
export interface PolicyFileOptions {
  /** Extend this loaded policy (its named conditions are in scope). */
  readonly base?: Policy;
}

/**
 * A random, valid policy file: 1–6 rules of kind `riktlinje`/`stod` (so the
 * typology may be read) with random priorities, and 0–3 named conditions.
 */
export function arbitraryPolicyFile(options: PolicyFileOptions = {}): Arbitrary<PolicyFileInput> {
  const inherited = options.base === undefined ? [] : Object.keys(options.base.conditions);
  return arbitraryNamedConditions(inherited).chain((conditions) => {
    const refs = [...inherited, ...Object.keys(conditions)];
    const rule = fc.record({
      conditions: arbitraryConditionTree(refs, true),
      priority: fc.integer({ min: 1, max: 3 }),
      kind: fc.constantFrom('riktlinje' as const, 'stod' as const),
      step: fc.constantFrom('mentor-kontakt' as const, 'eht' as const, 'kartlaggning' as const),
    });
    return fc.array(rule, { minLength: 1, maxLength: 6 }).map(
      (rules): PolicyFileInput => ({
        id: 'random-policy',
        version: '2026.1',
        title: { sv: 'Slumpad', en: 'Random' },
        ...(options.base === undefined ? {} : { extends: options.base.id }),
        conditions: conditions as NonNullable<PolicyFileInput['conditions']>, // every root is all/any/not/condition (top = true)
        rules: rules.map(
          (r, i) => ruleJson(r.conditions, { id: `random-${i}`, priority: r.priority, kind: r.kind, step: r.step }) as PolicyFileInput['rules'][number],
        ),
      }),
    );
  });
}

/** Every leaf of a tree, following no references. */
export function leavesOf(node: ConditionNode): LeafCondition[] {
  if ('all' in node) return node.all.flatMap(leavesOf);
  if ('any' in node) return node.any.flatMap(leavesOf);
  if ('not' in node) return leavesOf(node.not);
  if ('condition' in node) return [];
  return [node];
}

/** Every leaf a tree reaches, following references to named conditions (each name once). */
export function reachableLeaves(node: ConditionNode, named: Readonly<Record<string, ConditionNode>>, seen: Set<string> = new Set()): LeafCondition[] {
  if ('all' in node) return node.all.flatMap((c) => reachableLeaves(c, named, seen));
  if ('any' in node) return node.any.flatMap((c) => reachableLeaves(c, named, seen));
  if ('not' in node) return reachableLeaves(node.not, named, seen);
  if ('condition' in node) {
    const target = named[node.condition];
    if (target === undefined || seen.has(node.condition)) return [];
    seen.add(node.condition);
    return reachableLeaves(target, named, seen);
  }
  return [node];
}

/** A value of the leaf's fact on the leaf's decision boundary: the value itself, a list member, a threshold ±1, a rate on the percentage. */
function boundaryValue(leaf: LeafCondition): Arbitrary<unknown> {
  const v = leaf.value;
  if (leaf.operator === 'rateAbove' || leaf.operator === 'rateAtLeast') return arbitraryRateAt(v as number);
  if (Array.isArray(v)) return v.length === 0 ? fc.constant(undefined) : fc.constantFrom(...v);
  if (typeof v === 'number' && leaf.operator !== 'equal' && leaf.operator !== 'notEqual') return fc.constantFrom(v - 1, v, v + 1);
  return fc.constant(v);
}

/**
 * Facts aimed at one rule of the policy: random catalog facts, then most of
 * the facts that rule reads set on its leaves' boundaries. Makes rules with
 * many conjuncts fire (and just fail) often enough for a differential test:
 * a leaf is left random about once in 3n times for a rule of n leaves (at
 * most once in 6), so a rule of 20 leaves still gets all of them set in about
 * seven draws of ten (Göteborg's vite rule has 20).
 */
export function arbitraryFactsNear(policy: Policy): Arbitrary<Facts> {
  return fc
    .tuple(arbitraryFacts(), fc.constantFrom(...policy.rules))
    .chain(([facts, rule]) => {
      const leaves = reachableLeaves(rule.conditions, policy.conditions);
      const freq = Math.max(5, 3 * leaves.length);
      return fc
        .tuple(...leaves.map((leaf) => fc.option(boundaryValue(leaf), { freq, nil: undefined })))
        .map((values) => {
          const out: Record<string, unknown> = { ...facts };
          values.forEach((value, i) => {
            if (value !== undefined) out[(leaves[i] as LeafCondition).fact] = value;
          });
          return out as unknown as Facts;
        });
    });
}
