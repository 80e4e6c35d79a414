/**
 * Differential test: Trappa's synchronous interpreter (`evaluateConditions`,
 * which `evaluate` uses to decide which rules fire) and the ahead-compiled
 * evaluator (`compilePolicy`/`firedRules`) must fire exactly the rules
 * json-rules-engine 7 fires, on the bundled policies and on random policy
 * files (rules-engines.md §5.4: JRE stays the reference semantics).
 *
 * The rate operators are Trappa's own, registered on both sides, so for rate
 * leaves JRE only checks the tree semantics; their arithmetic is checked
 * against an independent BigInt oracle on every evaluated rate leaf.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_CATALOG } from '../../src/model/factCatalog.js';
import type { Facts, Rate } from '../../src/model/facts.js';
import type { PolicyFileInput } from '../../src/model/policyFile.js';
import { builtinPolicy, resolveBuiltinPolicy } from '../../src/policy/builtinPolicies.js';
import { compilePolicy, firedRules } from '../../src/policy/compile.js';
import { evaluateConditions, type Trace } from '../../src/policy/evaluateConditions.js';
import { createReferenceEngine, firedRuleIds } from '../helpers/jreReference.js';
import { loadPolicy } from '../../src/policy/loadPolicy.js';
import type { Policy } from '../../src/policy/policy.js';
import {
  arbitraryFacts,
  arbitraryFactsNear,
  arbitraryPolicyFile,
  arbitraryRateAt,
  basisPoints,
  CATALOG_ENTRIES,
  leavesOf,
} from '../helpers/policyFiles.js';

/** What `evaluate` does: a rule fires when its evaluated tree is true. */
function interpreterFired(policy: Policy, facts: Facts): { ids: string[]; traces: Trace[] } {
  const traces = policy.rules.map((rule) => evaluateConditions(rule.conditions, facts, policy.conditions));
  return { ids: policy.rules.filter((_, i) => traces[i]?.result === true).map((r) => r.id).sort(), traces };
}

/** Independent oracle for the rate operators: part/whole against percent, in BigInt; never true on no data. */
function rateOracle(operator: string, actual: Rate, percent: number): boolean {
  if (actual.whole <= 0) return false;
  const lhs = BigInt(actual.part) * 10_000n;
  const rhs = BigInt(actual.whole) * BigInt(basisPoints(percent));
  return operator === 'rateAbove' ? lhs > rhs : lhs >= rhs;
}

interface RateStats {
  leaves: number;
  onBoundary: number;
}

/** Check every evaluated rate leaf against the oracle; count those sitting exactly on their threshold. */
function checkRateLeaves(trace: Trace, stats: RateStats): void {
  switch (trace.kind) {
    case 'leaf': {
      if (trace.operator !== 'rateAbove' && trace.operator !== 'rateAtLeast') return;
      const actual = trace.actual as Rate;
      const percent = trace.value as number;
      expect(trace.result, `${trace.fact} ${trace.operator} ${percent} on ${JSON.stringify(actual)}`).toBe(rateOracle(trace.operator, actual, percent));
      stats.leaves += 1;
      if (actual.whole > 0 && actual.part * 10_000 === actual.whole * basisPoints(percent)) stats.onBoundary += 1;
      return;
    }
    case 'not':
    case 'condition':
      checkRateLeaves(trace.child, stats);
      return;
    case 'all':
    case 'any':
      for (const child of trace.children) checkRateLeaves(child, stats);
  }
}

/** The three evaluators agree on one policy and one facts object. */
async function agree(
  policy: Policy,
  engine: ReturnType<typeof createReferenceEngine>,
  compiled: ReturnType<typeof compilePolicy>,
  facts: Facts,
  stats: RateStats,
  coverage?: Map<string, { fired: number; notFired: number }>,
): Promise<void> {
  const reference = await firedRuleIds(engine, facts);
  if (coverage !== undefined) {
    for (const rule of policy.rules) {
      const c = coverage.get(rule.id) ?? { fired: 0, notFired: 0 };
      if (reference.includes(rule.id)) c.fired += 1;
      else c.notFired += 1;
      coverage.set(rule.id, c);
    }
  }
  const { ids, traces } = interpreterFired(policy, facts);
  expect(ids).toEqual(reference);
  expect(firedRules(compiled, facts)).toEqual(reference);
  for (const trace of traces) checkRateLeaves(trace, stats);
}

const RATE_FACTS = CATALOG_ENTRIES.filter(([, info]) => info.type === 'rate').map(([fact]) => fact);

/** Random facts with every rate fact set to a rate exactly on, or one minute either side of, `percent`. */
function factsWithRatesAt(percent: number): fc.Arbitrary<Facts> {
  return fc
    .tuple(arbitraryFacts(), fc.tuple(...RATE_FACTS.map(() => arbitraryRateAt(percent))))
    .map(([facts, rates]) => ({ ...facts, ...Object.fromEntries(RATE_FACTS.map((fact, i) => [fact, rates[i]])) }) as Facts);
}

/** A policy file with 1–n facts objects, about half of them aimed at one of its rules' thresholds. */
function withFacts(files: fc.Arbitrary<PolicyFileInput>, load: (file: PolicyFileInput) => Policy, n: number): fc.Arbitrary<[PolicyFileInput, Facts[]]> {
  return files.chain((file) =>
    fc.tuple(fc.constant(file), fc.array(fc.oneof(arbitraryFacts(), arbitraryFactsNear(load(file))), { minLength: 1, maxLength: n })),
  );
}

describe('the generators', () => {
  it('cover every catalog fact and keep whole ≥ part ≥ 0', () => {
    fc.assert(
      fc.property(arbitraryFacts(), (facts) => {
        expect(Object.keys(facts).sort()).toEqual(Object.keys(FACT_CATALOG).sort());
        for (const fact of RATE_FACTS) {
          const r = facts[fact] as Rate;
          expect(Number.isInteger(r.part) && Number.isInteger(r.whole) && r.whole >= r.part && r.part >= 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('put a 20 % rate exactly on part·5 = whole', () => {
    fc.assert(
      fc.property(arbitraryRateAt(20), (r) => {
        expect(Math.abs(r.part * 5 - r.whole)).toBeLessThanOrEqual(5);
      }),
    );
    expect(fc.sample(arbitraryRateAt(20), { numRuns: 200, seed: 1 }).some((r) => r.part * 5 === r.whole)).toBe(true);
  });
});

describe.each(['skollagen', 'stockholm', 'goteborg'] as const)('bundled policy %s: interpreter, compiled and json-rules-engine fire the same rules', (id) => {
  const policy = builtinPolicy(id);
  const engine = createReferenceEngine(policy, policy.rules);
  const compiled = compilePolicy(policy);

  it('on random facts drawn from the fact catalog', async () => {
    const stats: RateStats = { leaves: 0, onBoundary: 0 };
    await fc.assert(
      fc.asyncProperty(arbitraryFacts(), (facts) => agree(policy, engine, compiled, facts, stats)),
      { numRuns: 400 },
    );
    expect(stats.leaves).toBeGreaterThan(0);
    expect(stats.onBoundary).toBeGreaterThan(0);
  }, 60_000);

  it('on facts aimed at one rule\'s thresholds, deciding every rule both ways', async () => {
    const stats: RateStats = { leaves: 0, onBoundary: 0 };
    const coverage = new Map<string, { fired: number; notFired: number }>();
    await fc.assert(
      fc.asyncProperty(arbitraryFactsNear(policy), (facts) => agree(policy, engine, compiled, facts, stats, coverage)),
      // 1500: Göteborg's vite rule (issue 11: 20 leaves) fires in some 5–25 of them; at 600 it sometimes did not fire at all.
      { numRuns: 1500 },
    );
    const undecided = policy.rules.filter((r) => (coverage.get(r.id)?.fired ?? 0) === 0 || (coverage.get(r.id)?.notFired ?? 0) === 0);
    expect(undecided.map((r) => r.id)).toEqual([]);
    expect(stats.onBoundary).toBeGreaterThan(0);
    // json-rules-engine runs 1500 times per policy: 3–4 s alone, longer on a loaded machine.
  }, 60_000);

  it.each([5, 10, 20])('with every rate exactly on %s %% or one minute either side', async (percent) => {
    const stats: RateStats = { leaves: 0, onBoundary: 0 };
    await fc.assert(
      fc.asyncProperty(factsWithRatesAt(percent), (facts) => agree(policy, engine, compiled, facts, stats)),
      { numRuns: 150 },
    );
    // Only rates aimed at a threshold the policy uses are on a boundary by construction.
    const thresholds = policy.rules
      .flatMap((r) => leavesOf(r.conditions))
      .concat(Object.values(policy.conditions).flatMap(leavesOf))
      .filter((l) => l.operator === 'rateAbove' || l.operator === 'rateAtLeast')
      .map((l) => l.value);
    if (thresholds.includes(percent)) expect(stats.onBoundary).toBeGreaterThan(0);
  });

  it('a rate of exactly 20 % is not over 20 % in either engine (part·5 = whole)', async () => {
    const leaves = policy.rules.flatMap((r) => leavesOf(r.conditions)).concat(Object.values(policy.conditions).flatMap(leavesOf));
    const at20 = leaves.filter((l) => l.operator === 'rateAbove' && l.value === 20);
    if (id === 'stockholm') expect(at20.length).toBeGreaterThan(0);
    const [sample] = fc.sample(arbitraryFacts(), { numRuns: 1, seed: 42 });
    const base = sample as Facts;
    const exact = Object.fromEntries(RATE_FACTS.map((f) => [f, { part: 300, whole: 1500 }]));
    const over = Object.fromEntries(RATE_FACTS.map((f) => [f, { part: 301, whole: 1500 }]));
    for (const rates of [exact, over]) {
      const facts = { ...base, ...rates } as Facts;
      const stats: RateStats = { leaves: 0, onBoundary: 0 };
      await agree(policy, engine, compiled, facts, stats);
      for (const leaf of at20) {
        const trace = evaluateConditions({ all: [leaf] }, facts, {});
        expect(trace.result).toBe(rates === over);
      }
    }
  });
});

describe('random policy files: interpreter, compiled and json-rules-engine fire the same rules', () => {
  it('standalone files with named conditions', async () => {
    const stats: RateStats = { leaves: 0, onBoundary: 0 };
    await fc.assert(
      fc.asyncProperty(withFacts(arbitraryPolicyFile(), (file) => loadPolicy(file), 4), async ([file, factsList]) => {
        const policy = loadPolicy(file);
        const engine = createReferenceEngine(policy, policy.rules);
        const compiled = compilePolicy(policy);
        for (const facts of factsList) await agree(policy, engine, compiled, facts, stats);
      }),
      { numRuns: 300 },
    );
    expect(stats.leaves).toBeGreaterThan(0);
    expect(stats.onBoundary).toBeGreaterThan(0);
  }, 60_000);

  it('files that extend skollagen and use its named conditions', async () => {
    const base = builtinPolicy('skollagen');
    const stats: RateStats = { leaves: 0, onBoundary: 0 };
    await fc.assert(
      fc.asyncProperty(withFacts(arbitraryPolicyFile({ base }), (file) => loadPolicy(file, resolveBuiltinPolicy), 3), async ([file, factsList]) => {
        const policy = loadPolicy(file, resolveBuiltinPolicy);
        expect(policy.rules.length).toBe(base.rules.length + file.rules.length);
        const engine = createReferenceEngine(policy, policy.rules);
        const compiled = compilePolicy(policy);
        for (const facts of factsList) await agree(policy, engine, compiled, facts, stats);
      }),
      { numRuns: 100 },
    );
  });
});
