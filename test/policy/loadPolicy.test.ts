import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import skollagenJson from '../../rules/skollagen.json';
import stockholmJson from '../../rules/stockholm.json';
import type { PolicyFileInput } from '../../src/model/policyFile.js';
import { builtinPolicy, resolveBuiltinPolicy } from '../../src/policy/builtinPolicies.js';
import { canonicalJson } from '../../src/policy/canonicalJson.js';
import { loadPolicy, PolicyError } from '../../src/policy/loadPolicy.js';
import { DEFAULT_PARAMETERS, type Policy } from '../../src/policy/policy.js';
import { arbitraryPolicyFile, GRADE_LEAF, policyJson, ruleJson } from '../helpers/policyFiles.js';

const ids = (p: Policy) => p.rules.map((r) => r.id);

describe('extends: stockholm builds on skollagen', () => {
  const skollagen = builtinPolicy('skollagen');
  const stockholm = builtinPolicy('stockholm');

  it('chains the ids, most specific first', () => {
    expect(skollagen.chain).toEqual(['skollagen']);
    expect(stockholm.chain).toEqual(['stockholm', 'skollagen']);
  });

  it('has every base rule, unchanged and first, then its own rules in file order', () => {
    expect(ids(stockholm)).toEqual([...skollagenJson.rules.map((r) => r.id), ...stockholmJson.rules.map((r) => r.id)]);
    expect(stockholm.rules.slice(0, skollagen.rules.length)).toEqual(skollagen.rules);
    expect(new Set(stockholm.rules.slice(0, skollagen.rules.length).map((r) => r.policyId))).toEqual(new Set(['skollagen']));
    expect(new Set(stockholm.rules.slice(skollagen.rules.length).map((r) => r.policyId))).toEqual(new Set(['stockholm']));
  });

  it('merges the named conditions of both files', () => {
    expect(Object.keys(stockholm.conditions).sort()).toEqual(
      [...Object.keys(skollagenJson.conditions), ...Object.keys((stockholmJson as { conditions?: object }).conditions ?? {})].sort(),
    );
    for (const [name, node] of Object.entries(skollagen.conditions)) expect(stockholm.conditions[name]).toEqual(node);
  });

  it('inherits the base parameters when it sets none', () => {
    expect(stockholm.parameters).toEqual(skollagen.parameters);
    expect(skollagen.parameters).toEqual({ ...DEFAULT_PARAMETERS, ...skollagenJson.parameters });
  });

  it('merges parameters key by key down a three-file chain', () => {
    const child = loadPolicy(
      policyJson([ruleJson({ condition: 'allvarlig-franvaro' }, { id: 'child-rule' })], {
        id: 'child',
        extends: 'stockholm',
        parameters: { trendMarginPercent: 7 },
      }),
      resolveBuiltinPolicy,
    );
    const grandchild = loadPolicy(
      policyJson([ruleJson({ all: [GRADE_LEAF] }, { id: 'grandchild-rule' })], {
        id: 'grandchild',
        extends: 'child',
        parameters: { minimumReportingPercent: 80, trendMarginPercent: 6 },
      }),
      (id) => (id === 'child' ? child : undefined),
    );
    expect(child.parameters).toEqual({ ...stockholm.parameters, trendMarginPercent: 7 });
    expect(grandchild.parameters).toEqual({ ...stockholm.parameters, trendMarginPercent: 6, minimumReportingPercent: 80 });
    expect(grandchild.chain).toEqual(['grandchild', 'child', 'stockholm', 'skollagen']);
    expect(ids(grandchild)).toEqual([...ids(stockholm), 'child-rule', 'grandchild-rule']);
  });

  it('does not let an extending file override a base rule id (rules are only added)', () => {
    const taken = skollagenJson.rules[0]?.id as string;
    expect(() => loadPolicy(policyJson([ruleJson({ all: [GRADE_LEAF] }, { id: taken })], { extends: 'skollagen' }), resolveBuiltinPolicy)).toThrow(
      PolicyError,
    );
  });
});

/** The same JSON value with object keys in a random order at every level. */
function arbitraryReordered(value: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(value)) return fc.tuple(...value.map(arbitraryReordered)).map((items) => items as unknown[]);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return fc.constant({});
    return fc
      .tuple(fc.shuffledSubarray(entries, { minLength: entries.length }), ...entries.map(([, v]) => arbitraryReordered(v)))
      .map(([order, ...values]) => {
        const byKey = new Map(entries.map(([k], i) => [k, values[i]]));
        return Object.fromEntries(order.map(([k]) => [k, byKey.get(k)]));
      });
  }
  return fc.constant(value);
}

type Mutation = (file: PolicyFileInput) => void;

/** Small edits that keep a file valid but change its content. */
const MUTATIONS: ReadonlyArray<[string, Mutation]> = [
  ['rule version', (f) => void ((f.rules[0] as { version: number }).version += 1)],
  ['effectiveFrom', (f) => void ((f.rules[0] as { effectiveFrom: string }).effectiveFrom = '2025-12-31')],
  ['title', (f) => void (f.title.en += '!')],
  ['basis citation', (f) => void ((f.rules[0] as { basis: { citation: string } }).basis.citation += ' st. 2')],
  ['parameter', (f) => void (f.parameters = { ...f.parameters, followUpIntervalSchoolDays: 33 })],
  ['rule order', (f) => void f.rules.push(...f.rules.splice(0, 1))],
  ['extra rule', (f) => void f.rules.push(ruleJson({ all: [GRADE_LEAF] }, { id: 'extra-rule' }) as PolicyFileInput['rules'][number])],
  ['root operator', (f) => {
    const c = (f.rules[0] as { conditions: Record<string, unknown> }).conditions;
    if ('all' in c) (f.rules[0] as { conditions: unknown }).conditions = { any: c.all };
    else if ('any' in c) (f.rules[0] as { conditions: unknown }).conditions = { all: c.any };
    else (f.rules[0] as { conditions: unknown }).conditions = { not: c };
  }],
];

describe('content hash', () => {
  it('is a SHA-256 hex string, stable across loads of the same content', () => {
    const a = loadPolicy(structuredClone(skollagenJson));
    const b = loadPolicy(JSON.parse(JSON.stringify(skollagenJson, null, 2)));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect(builtinPolicy('skollagen').hash).toBe(a.hash);
  });

  it('does not depend on key order (property, over random files)', () => {
    let reorderedText = 0;
    fc.assert(
      fc.property(
        arbitraryPolicyFile().chain((file) => fc.tuple(fc.constant(file), arbitraryReordered(file))),
        ([file, reordered]) => {
          if (JSON.stringify(reordered) !== JSON.stringify(file)) reorderedText += 1;
          expect(canonicalJson(reordered)).toBe(canonicalJson(file));
          expect(loadPolicy(reordered).hash).toBe(loadPolicy(file).hash);
        },
      ),
      { numRuns: 100 },
    );
    expect(reorderedText).toBeGreaterThan(50);
  });

  it('does not depend on key order of the bundled files', () => {
    fc.assert(
      fc.property(arbitraryReordered(stockholmJson), (reordered) => {
        expect(loadPolicy(reordered, resolveBuiltinPolicy).hash).toBe(builtinPolicy('stockholm').hash);
      }),
      { numRuns: 20 },
    );
  });

  it('changes with any change of content (property, over random files)', () => {
    fc.assert(
      fc.property(arbitraryPolicyFile(), fc.constantFrom(...MUTATIONS), (file, [, mutate]) => {
        const changed = structuredClone(file);
        mutate(changed);
        fc.pre(canonicalJson(changed) !== canonicalJson(file)); // e.g. reordering a one-rule file
        expect(loadPolicy(changed).hash).not.toBe(loadPolicy(file).hash);
      }),
      { numRuns: 200 },
    );
  });

  it('changes when only the base changes (the hash covers the whole chain)', () => {
    const child = policyJson([ruleJson({ all: [GRADE_LEAF] }, { id: 'child-rule' })], { id: 'child', extends: 'base' });
    const base1 = loadPolicy(policyJson([ruleJson({ all: [GRADE_LEAF] })], { id: 'base' }));
    const base2 = loadPolicy(policyJson([ruleJson({ all: [GRADE_LEAF] })], { id: 'base', parameters: { trendMarginPercent: 6 } }));
    expect(base1.hash).not.toBe(base2.hash);
    const h1 = loadPolicy(child, () => base1).hash;
    expect(loadPolicy(child, () => base1).hash).toBe(h1);
    expect(loadPolicy(child, () => base2).hash).not.toBe(h1);
    expect(builtinPolicy('stockholm').hash).not.toBe(builtinPolicy('skollagen').hash);
  });

  it('canonicalJson sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});
