/**
 * Coverage counts (issue 17, population coverage): counting with the compiled
 * policy gives what the interpreter's complete trace says, and counts of
 * parts merge into the counts of the whole — associative, commutative, with
 * EMPTY_COVERAGE as identity — so a batch may count its buckets in any
 * threads and any order.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { builtinPolicy, type BuiltinPolicyId, type Policy } from '../../src/index.js';
import { inForce } from '../../src/evaluate.js';
import { evaluateConditions, type Trace } from '../../src/policy/evaluateConditions.js';
import { arbitraryDatedCase } from '../../src/testing/arbitraries/index.js';
import {
  countCoverage,
  coverageReport,
  coverageSample,
  decideCase,
  EMPTY_COVERAGE,
  expandCase,
  mergeCoverage,
  parseExampleTable,
  ruleCoverage,
  runExampleCase,
  type CountPair,
  type CoverageCounts,
  type CoverageSample,
} from '../../src/testing/index.js';

type Pairs = Record<string, [number, number]>;

/**
 * The oracle: the interpreter's complete trace (`evaluateConditions`) of
 * every rule in force, walked as docs/kit.md "Coverage: what is counted" says — a
 * named condition and its leaves once per case, however many rules reach it.
 */
function oracleCounts(samples: readonly CoverageSample[]): CoverageCounts {
  const policies: Record<string, { cases: number; asOfs: Record<string, number>; rules: Pairs; leaves: Pairs; conditions: Pairs }> = {};
  const bump = (map: Pairs, key: string, at: 0 | 1): void => {
    const pair = (map[key] ??= [0, 0]);
    pair[at] += 1;
  };
  for (const { policy, asOf, facts } of samples) {
    const p = (policies[policy.hash] ??= { cases: 0, asOfs: {}, rules: {}, leaves: {}, conditions: {} });
    p.cases += 1;
    p.asOfs[asOf] = (p.asOfs[asOf] ?? 0) + 1;
    const walked = new Set<string>();
    const walk = (trace: Trace, owner: string, path: string): void => {
      const join = (step: string): string => (path === '' ? step : `${path}.${step}`);
      switch (trace.kind) {
        case 'leaf':
          bump(p.leaves, `${owner}#${path === '' ? '$' : path}`, trace.result ? 0 : 1);
          return;
        case 'not':
          walk(trace.child, owner, join('not'));
          return;
        case 'condition':
          if (walked.has(trace.name)) return;
          walked.add(trace.name);
          bump(p.conditions, trace.name, trace.result ? 0 : 1);
          walk(trace.child, `condition:${trace.name}`, '');
          return;
        case 'all':
        case 'any':
          trace.children.forEach((c, i) => walk(c, owner, join(`${trace.kind}[${i}]`)));
      }
    };
    for (const rule of policy.rules) {
      if (!inForce(rule, asOf)) continue;
      const key = `${rule.id}@${rule.version}`;
      const trace = evaluateConditions(rule.conditions, facts, policy.conditions);
      bump(p.rules, key, 0);
      if (trace.result) (p.rules[key] as [number, number])[1] += 1;
      walk(trace, `rule:${key}`, '');
    }
  }
  return { policies };
}

const IDS: readonly BuiltinPolicyId[] = ['skollagen', 'stockholm', 'goteborg'];

/** The bundled example tables' decisions (they reach most rules), as samples. */
const tableSamples: CoverageSample[] = IDS.flatMap((id) => {
  const policy = builtinPolicy(id);
  const parsed = parseExampleTable(parseYaml(readFileSync(`examples/tables/${id}.yaml`, 'utf8')));
  if (!parsed.ok) throw new Error(id);
  return parsed.table.cases.flatMap((_, i) => {
    const c = expandCase(parsed.table, i);
    if (!('input' in c)) throw new Error(c.message);
    const r = runExampleCase(c, policy);
    return r.status === 'error' ? [] : [coverageSample(r.decision, policy)];
  });
});

/** Generated students under each bundled policy, on dates from the SoL 2001 rules' last year to HT 2026. */
const generated = fc.tuple(fc.constantFrom(...IDS), arbitraryDatedCase({ asOfRange: { from: '2025-05-01', to: '2026-12-18' } })).map(([id, { asOf, input }]) => {
  const policy = builtinPolicy(id);
  return coverageSample(decideCase(input, policy, asOf), policy);
});

/** A fixed pool: the tables' cases and some generated ones, to split in many ways cheaply. */
const pool: CoverageSample[] = [...tableSamples, ...fc.sample(generated, { numRuns: 12, seed: 17 })];

/** Indices into the pool, with repeats: a part of a run. */
const part = fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 20 }).map((ix) => ix.map((i) => pool[i] as CoverageSample));

describe('countCoverage', () => {
  it('equals the interpreter\'s complete trace on the bundled tables and generated students', () => {
    expect(countCoverage(tableSamples)).toEqual(oracleCounts(tableSamples));
    fc.assert(
      fc.property(fc.array(generated, { minLength: 1, maxLength: 3 }), (samples) => {
        expect(countCoverage(samples)).toEqual(oracleCounts(samples));
      }),
      { numRuns: 10 },
    );
  });

  it('is plain JSON: through JSON (or a worker thread\'s structured clone) it is the same', () => {
    const counts = countCoverage(pool);
    expect(JSON.parse(JSON.stringify(counts))).toEqual(counts);
    expect(structuredClone(counts)).toEqual(counts);
  });

  it('has a key exactly where a count is not zero, and rules in force ≥ fired, leaves true + false ≤ cases, dates add up to cases', () => {
    const counts = countCoverage(pool);
    for (const p of Object.values(counts.policies)) {
      const pairs: CountPair[] = [...Object.values(p.rules), ...Object.values(p.leaves), ...Object.values(p.conditions)];
      expect(pairs.every(([a, b]) => a + b > 0)).toBe(true);
      expect(Object.values(p.rules).every(([inForceCases, fired]) => fired <= inForceCases && inForceCases <= p.cases)).toBe(true);
      expect(Object.values(p.leaves).every(([t, f]) => t + f <= p.cases)).toBe(true);
      expect(Object.values(p.asOfs).reduce((a, b) => a + b, 0)).toBe(p.cases);
    }
  });
});

describe('mergeCoverage', () => {
  it('merging the counts of two parts is counting their union', () => {
    fc.assert(
      fc.property(part, part, (xs, ys) => {
        expect(mergeCoverage(countCoverage(xs), countCoverage(ys))).toEqual(countCoverage([...xs, ...ys]));
      }),
      { numRuns: 60 },
    );
  });

  it('is commutative (to the byte: keys come out sorted) and associative, with EMPTY_COVERAGE as identity', () => {
    fc.assert(
      fc.property(part, part, part, (xs, ys, zs) => {
        const [a, b, c] = [countCoverage(xs), countCoverage(ys), countCoverage(zs)];
        expect(JSON.stringify(mergeCoverage(a, b))).toBe(JSON.stringify(mergeCoverage(b, a)));
        expect(mergeCoverage(mergeCoverage(a, b), c)).toEqual(mergeCoverage(a, mergeCoverage(b, c)));
        expect(mergeCoverage(a, EMPTY_COVERAGE)).toEqual(a);
        expect(mergeCoverage(EMPTY_COVERAGE, a)).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it('the report of merged counts is the report of the whole run, however the run is cut into buckets', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), fc.array(fc.nat({ max: pool.length }), { maxLength: 6 }), (order, cuts) => {
        const bounds = [0, ...[...cuts].sort((x, y) => x - y), order.length];
        const buckets = bounds.slice(1).map((end, i) => order.slice(bounds[i], end));
        const merged = buckets.map(countCoverage).reduce(mergeCoverage, EMPTY_COVERAGE);
        const policies: Policy[] = IDS.map((id) => builtinPolicy(id));
        expect(coverageReport(merged, policies)).toEqual(coverageReport(countCoverage(pool), policies));
      }),
      { numRuns: 30 },
    );
  });
});

describe('coverageReport', () => {
  it('lists the given policies in order, one without cases at none (0 %), and refuses counts of a policy not given', () => {
    const [skollagen, stockholm] = [builtinPolicy('skollagen'), builtinPolicy('stockholm')];
    const report = coverageReport(EMPTY_COVERAGE, [stockholm, skollagen, stockholm]);
    expect(report.policies.map((p) => [p.policyId, p.cases, p.summary.leaves.covered])).toEqual([
      ['stockholm', 0, 0],
      ['skollagen', 0, 0],
    ]);
    expect(report.policies[0]?.rules.every((r) => r.status === 'not-in-force')).toBe(true);
    const some = tableSamples.filter((s) => s.policy === stockholm);
    expect(() => coverageReport(countCoverage(some), [skollagen])).toThrow(/not given/);
  });

  it('ruleCoverage of samples is the report of their counts, with the per-case numbers of each leaf', () => {
    const report = ruleCoverage(tableSamples);
    expect(report.policies.map((p) => p.policyId)).toEqual(['skollagen', 'stockholm', 'goteborg']);
    for (const p of report.policies) {
      for (const l of p.leaves) expect([l.seenTrue, l.seenFalse, l.evaluated]).toEqual([l.casesTrue > 0, l.casesFalse > 0, l.casesTrue + l.casesFalse > 0]);
    }
  });
});
