/**
 * A rules JSON file is code when it can reach json-rules-engine's default
 * JSONPath resolver (rules-engines.md §1.6: jsonpath-plus 10.4.0, which JRE
 * 7.3.1 resolves to, still has a safe-eval bypass). Two walls keep it out:
 *
 * 1. the rule-file schema rejects `path`, `params`, fact references and
 *    anything not allow-listed, each problem named by its place in the file;
 * 2. `createReferenceEngine` always passes `plainKeyPathResolver`, so even a
 *    rule smuggled past the schema never reaches jsonpath-plus.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Facts } from '../../src/model/facts.js';
import type { ConditionNode } from '../../src/model/policyFile.js';
import { BUILTIN_POLICY_IDS, builtinPolicy } from '../../src/policy/builtinPolicies.js';
import { plainKeyPathResolver } from '../../src/verify/pathResolver.js';
import { createReferenceEngine, firedRuleIds } from '../helpers/jreReference.js';
import { loadPolicy, PolicyError } from '../../src/policy/loadPolicy.js';
import { forbiddenKeyMessage } from '../../src/model/forbiddenKeys.js';
import type { Policy, PolicyRule } from '../../src/policy/policy.js';
import { arbitraryFacts, arbitraryPolicyFile, GRADE_LEAF, policyJson, ruleJson } from '../helpers/policyFiles.js';

/** The issues of the PolicyError `json` is rejected with (fails the test if it loads or throws anything else). */
/** The loader's issues, without the `(rule <id>)` suffix schema issues carry (tested on its own below). */
function issuesOf(json: unknown, resolve?: (id: string) => Policy | undefined): readonly string[] {
  return rawIssuesOf(json, resolve).map((i) => i.replace(/ \(rule [^)]*\)$/, ''));
}

function rawIssuesOf(json: unknown, resolve?: (id: string) => Policy | undefined): readonly string[] {
  try {
    loadPolicy(json, resolve);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(PolicyError);
    return (error as PolicyError).issues;
  }
  throw new Error('expected a PolicyError, but the policy loaded');
}

/** The loader's message for a forbidden key (src/model/forbiddenKeys.ts). */
const forbidden = (key: string) => forbiddenKeyMessage(key);

/** A file whose only rule has `leaf` inside an `all`. */
const withLeaf = (leaf: unknown, ruleOverrides: Record<string, unknown> = {}) => policyJson([ruleJson({ all: [leaf] }, ruleOverrides)]);

/** A leaf whose `path` is jsonpath-plus's own RCE regression payload: it only assigns a marker to a global. */
const MARKER = '__trappaJsonPathMarker';
const RCE_PATH = `$..[?(@.constructor[( @.getPrototypeOf(@).constructor('globalThis.${MARKER} = 1')() )])]`;
const FILTER_PATH = '$[?(@.part > 5)].part';

describe('rule-file schema: only allow-listed shapes load', () => {
  it('accepts the minimal valid file the other cases mutate', () => {
    expect(loadPolicy(withLeaf(GRADE_LEAF)).rules.map((r) => r.id)).toEqual(['r-one']);
  });

  it.each([
    ['all', (leaf: unknown) => ({ all: [leaf] }), 'rules[0].conditions.all[0]'],
    ['any', (leaf: unknown) => ({ any: [GRADE_LEAF, leaf] }), 'rules[0].conditions.any[1]'],
    ['not', (leaf: unknown) => ({ not: leaf }), 'rules[0].conditions.not'],
    ['nested', (leaf: unknown) => ({ all: [{ any: [{ not: leaf }] }] }), 'rules[0].conditions.all[0].any[0].not'],
  ])('rejects `path` on a leaf under %s, naming the leaf and the field', (_, wrap, where) => {
    for (const path of [RCE_PATH, FILTER_PATH, '$.part', 'part']) {
      const issues = issuesOf(policyJson([ruleJson(wrap({ fact: 'termAbsence', operator: 'rateAbove', value: 20, path }))]));
      expect(issues).toEqual([`${where}: Unrecognized key: "path"`]);
    }
  });

  it('rejects `path` on a leaf of a named condition, naming the condition', () => {
    const issues = issuesOf(
      policyJson([ruleJson({ condition: 'c' })], { conditions: { c: { all: [{ ...GRADE_LEAF, path: RCE_PATH }] } } }),
    );
    expect(issues).toEqual(['conditions.c.all[0]: Unrecognized key: "path"']);
  });

  // BUG (reported): schema issues name the rule by index only. crossChecks issues say
  // `rules[0] (r-one): …`; zod's do not, so a reviewer must count rules to find it.
  it('names the rule id in a schema issue (rules[0] (r-one)…)', () => {
    const issues = rawIssuesOf(withLeaf({ ...GRADE_LEAF, path: '$.x' }, { id: 'sl-some-rule' }));
    expect(issues.join('\n')).toContain('(rule sl-some-rule)');
  });

  it('names the leaf and "path" wherever a random valid file gets a `path` (property)', () => {
    fc.assert(
      fc.property(arbitraryPolicyFile(), fc.nat(), (file, pick) => {
        // Collect every leaf with its JSON path, then put `path` on one of them.
        const spots: Array<{ leaf: Record<string, unknown>; where: string }> = [];
        const walk = (node: ConditionNode, where: string): void => {
          if ('all' in node) node.all.forEach((c, i) => walk(c, `${where}.all[${i}]`));
          else if ('any' in node) node.any.forEach((c, i) => walk(c, `${where}.any[${i}]`));
          else if ('not' in node) walk(node.not, `${where}.not`);
          else if (!('condition' in node)) spots.push({ leaf: node as unknown as Record<string, unknown>, where });
        };
        const copy = structuredClone(file);
        copy.rules.forEach((r, i) => walk(r.conditions as ConditionNode, `rules[${i}].conditions`));
        for (const [name, node] of Object.entries(copy.conditions ?? {})) walk(node as ConditionNode, `conditions.${name}`);
        fc.pre(spots.length > 0);
        const spot = spots[pick % spots.length] as (typeof spots)[number];
        spot.leaf.path = RCE_PATH;
        expect(issuesOf(copy)).toEqual([`${spot.where}: Unrecognized key: "path"`]);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['params', { ...GRADE_LEAF, params: { id: 1 } }, 'rules[0].conditions.all[0]: Unrecognized key: "params"'],
    ['name', { ...GRADE_LEAF, name: 'x' }, 'rules[0].conditions.all[0]: Unrecognized key: "name"'],
    ['priority', { ...GRADE_LEAF, priority: 2 }, 'rules[0].conditions.all[0]: Unrecognized key: "priority"'],
    // Forbidden keys are refused before the schema, by name (issue 12, D12).
    ['constructor', { ...GRADE_LEAF, constructor: { prototype: {} } }, `rules[0].conditions.all[0].constructor: ${forbidden('constructor')}`],
    ['__proto__ (as JSON.parse makes it)', JSON.parse('{"fact":"grade","operator":"greaterThan","value":3,"__proto__":{"x":1}}'), `rules[0].conditions.all[0].__proto__: ${forbidden('__proto__')}`],
    ['unknown fact', { ...GRADE_LEAF, fact: 'grades' }, 'rules[0].conditions.all[0].fact: Unknown fact "grades"'],
  ])('rejects a leaf with %s', (_, leaf, issue) => {
    expect(issuesOf(withLeaf(leaf))).toEqual([issue]);
  });

  it.each([
    ['a fact reference as value', { ...GRADE_LEAF, value: { fact: 'ageYears' } }],
    ['a fact reference with a path as value', { ...GRADE_LEAF, value: { fact: 'termAbsence', path: RCE_PATH } }],
    ['an object in a list value', { fact: 'grade', operator: 'in', value: [{ fact: 'ageYears' }] }],
    ['an unknown operator', { ...GRADE_LEAF, operator: 'regex' }],
    ['a JRE operator decorator', { ...GRADE_LEAF, operator: 'not:greaterThan' }],
    ['a JRE array operator', { ...GRADE_LEAF, operator: 'contains' }],
    ['an inherited operator name', { ...GRADE_LEAF, operator: 'constructor' }],
    ['a missing value', { fact: 'grade', operator: 'greaterThan' }],
    ['NaN as value', { ...GRADE_LEAF, value: Number.NaN }],
    ['Infinity as value', { ...GRADE_LEAF, value: Number.POSITIVE_INFINITY }],
    ['in on a boolean fact (a list of booleans)', { fact: 'protectedIdentity', operator: 'in', value: [true] }],
  ])('rejects a leaf with %s (location: the rule\'s conditions)', (_, leaf) => {
    const issues = issuesOf(withLeaf(leaf));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue).toMatch(/^rules\[0\]\.conditions/);
  });

  // BUG (reported): when no branch of the condition union matches (unknown operator, object
  // value, NaN …), zod gives one `invalid_union` issue "Invalid input" at `rules[0].conditions`,
  // naming neither the leaf, the field nor the bad value.
  it('names the field of an unknown operator (rules[0].conditions.all[0].operator)', () => {
    expect(issuesOf(withLeaf({ ...GRADE_LEAF, operator: 'regex' })).join('\n')).toContain('rules[0].conditions.all[0].operator');
  });

  it.each([
    ['rateAbove on a number fact', { fact: 'grade', operator: 'rateAbove', value: 20 }, '.operator'],
    ['greaterThan on a rate fact', { fact: 'termAbsence', operator: 'greaterThan', value: 20 }, '.operator'],
    ['greaterThan on a string fact', { fact: 'schoolForm', operator: 'greaterThan', value: 3 }, '.operator'],
    ['a string compared with a number fact', { fact: 'grade', operator: 'equal', value: '4' }, '.value'],
    ['a number compared with a boolean fact', { fact: 'protectedIdentity', operator: 'equal', value: 1 }, '.value'],
    ['null for a non-nullable fact', { fact: 'grade', operator: 'equal', value: null }, '.value'],
    ['null with a numeric operator on a nullable fact', { fact: 'daysSinceOrosanmalan', operator: 'lessThan', value: null }, '.value'],
    ['a scalar for in', { fact: 'grade', operator: 'in', value: 4 }, '.value'],
    ['a list for equal', { fact: 'grade', operator: 'equal', value: [4] }, '.value'],
    ['a typology level that does not exist', { fact: 'typologySkolk', operator: 'equal', value: 'hog' }, '.value'],
    ['a rate threshold over 100 %', { fact: 'termAbsence', operator: 'rateAbove', value: 120 }, '.value'],
    ['a rate threshold with three decimals', { fact: 'termAbsence', operator: 'rateAbove', value: 12.345 }, '.value'],
    ['a negative rate threshold', { fact: 'termAbsence', operator: 'rateAtLeast', value: -1 }, '.value'],
  ])('rejects %s, naming the field', (_, leaf, field) => {
    const issues = issuesOf(withLeaf(leaf));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.startsWith(`rules[0].conditions.all[0]${field}: `), issue).toBe(true);
  });

  // BUG (reported, src/model/policyFile.ts): `FACT_CATALOG[leaf.fact]` reads inherited
  // properties, so a fact named after an Object.prototype member makes the superRefine throw
  // a TypeError out of loadPolicy instead of a PolicyError. Fix: Object.hasOwn(FACT_CATALOG, fact).
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('rejects the inherited name %s as an unknown fact with a PolicyError', (fact) => {
    expect(issuesOf(withLeaf({ ...GRADE_LEAF, fact }))).toEqual([`rules[0].conditions.all[0].fact: Unknown fact "${fact}"`]);
  });

  it.each([
    ['a bare leaf at the root of a rule', GRADE_LEAF],
    ['an empty all', { all: [] }],
    ['an empty any', { any: [] }],
    ['two roots at once', { all: [GRADE_LEAF], any: [GRADE_LEAF] }],
  ])('rejects %s (json-rules-engine needs one all/any/not/condition root)', (_, conditions) => {
    expect(issuesOf(policyJson([ruleJson(conditions)])).join('\n')).toMatch(/^rules\[0\]\.conditions/);
  });

  it.each([
    ['an unknown top-level key', { extra: 1 }, '(root): Unrecognized key: "extra"'],
    ['a JRE `rules` engine option at the top', { allowUndefinedFacts: true }, '(root): Unrecognized key: "allowUndefinedFacts"'],
    ['a malformed version', { version: '1.0' }, 'version: Expected a version like 2026.1'],
  ])('rejects a file with %s', (_, overrides, issue) => {
    expect(issuesOf(policyJson([ruleJson({ all: [GRADE_LEAF] })], overrides))).toEqual([issue]);
  });

  it('rejects a __proto__ key at the root of a parsed file', () => {
    const text = JSON.stringify(policyJson([ruleJson({ all: [GRADE_LEAF] })])).replace('{', '{"__proto__":{"polluted":true},');
    expect(issuesOf(JSON.parse(text))).toEqual([`__proto__: ${forbidden('__proto__')}`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['event', { event: { type: 'x', params: { fact: 'grade' } } }],
    ['onSuccess', { onSuccess: 'x' }],
    ['name', { name: 'x' }],
    ['__proto__', JSON.parse('{"__proto__":{"kind":"lagkrav"}}') as Record<string, unknown>],
  ])('rejects a rule with the key %s', (key, overrides) => {
    const issues = issuesOf(policyJson([{ ...ruleJson({ all: [GRADE_LEAF] }), ...overrides }]));
    expect(issues).toEqual([key === '__proto__' ? `rules[0].__proto__: ${forbidden(key)}` : `rules[0]: Unrecognized key: "${key}"`]);
  });

  it.each([
    ['a fractional priority', { priority: 1.5 }, 'rules[0].priority'],
    ['priority 0', { priority: 0 }, 'rules[0].priority'],
    ['an id with upper case', { id: 'R-One' }, 'rules[0].id'],
    ['an unknown step', { step: 'ring-polisen' }, 'rules[0].step'],
    ['an unknown kind', { kind: 'rad' }, 'rules[0].kind'],
  ])('rejects a rule with %s', (_, overrides, where) => {
    const issues = issuesOf(policyJson([ruleJson({ all: [GRADE_LEAF] }, overrides)]));
    expect(issues.length).toBe(1);
    expect(issues[0]?.startsWith(`${where}: `), issues[0]).toBe(true);
  });

  it('rejects duplicate rule ids, naming the second one', () => {
    const rule = ruleJson({ all: [GRADE_LEAF] });
    expect(issuesOf(policyJson([rule, ruleJson({ all: [GRADE_LEAF] }, { id: 'r-two' }), rule]))).toEqual([
      'rules[2].id: duplicate rule id "r-one"',
    ]);
  });

  it('rejects a rule id that the base policy already has (no silent override)', () => {
    const base = builtinPolicy('skollagen');
    const taken = (base.rules[0] as PolicyRule).id;
    const issues = issuesOf(policyJson([ruleJson({ all: [GRADE_LEAF] }, { id: taken })], { extends: 'skollagen' }), (id) =>
      id === 'skollagen' ? base : undefined,
    );
    expect(issues).toEqual([`rules[0].id: duplicate rule id "${taken}"`]);
  });

  describe('effective dates', () => {
    const dated = (dates: Record<string, unknown>) => policyJson([ruleJson({ all: [GRADE_LEAF] }, dates)]);

    it('accepts a one-day range and an open end', () => {
      expect(loadPolicy(dated({ effectiveFrom: '2026-07-01', effectiveTo: '2026-07-01' })).rules[0]?.effectiveTo).toBe('2026-07-01');
      expect(loadPolicy(dated({ effectiveFrom: '2026-07-01' })).rules[0]?.effectiveTo).toBeUndefined();
    });

    it.each([
      ['effectiveTo before effectiveFrom', { effectiveFrom: '2026-07-02', effectiveTo: '2026-07-01' }, 'rules[0].effectiveTo: effectiveTo must not be before effectiveFrom'],
      ['an impossible date', { effectiveFrom: '2026-02-29' }, 'rules[0].effectiveFrom: Expected a calendar date written YYYY-MM-DD'],
      ['a date-time', { effectiveFrom: '2026-07-01T00:00:00Z' }, 'rules[0].effectiveFrom: Expected a calendar date written YYYY-MM-DD'],
      ['a bad effectiveTo', { effectiveTo: '2026-13-01' }, 'rules[0].effectiveTo: Expected a calendar date written YYYY-MM-DD'],
      ['no effectiveFrom', { effectiveFrom: undefined }, 'rules[0].effectiveFrom: Invalid input: expected string, received undefined'],
    ])('rejects %s', (_, dates, issue) => {
      expect(issuesOf(dated(dates))).toEqual([issue]);
    });
  });

  describe('extends and named conditions', () => {
    it('rejects an unknown base policy', () => {
      expect(issuesOf(policyJson([ruleJson({ all: [GRADE_LEAF] })], { extends: 'uppsala' }))).toEqual([
        'extends: unknown base policy "uppsala"',
      ]);
    });

    it('rejects a file whose base chain leads back to itself (extends cycle)', () => {
      const first = loadPolicy(policyJson([ruleJson({ all: [GRADE_LEAF] })], { id: 'loop' }));
      const again = policyJson([ruleJson({ all: [GRADE_LEAF] }, { id: 'r-two' })], { id: 'loop', extends: 'loop' });
      expect(issuesOf(again, (id) => (id === 'loop' ? first : undefined))).toEqual(['extends: cycle loop → loop']);
    });

    it.each([
      ['at the root of a rule', { condition: 'saknas' }, 'rules[0] (r-one): unknown condition "saknas"'],
      ['inside a rule', { all: [GRADE_LEAF, { not: { condition: 'saknas' } }] }, 'rules[0] (r-one): unknown condition "saknas"'],
      ['named like an Object.prototype member', { all: [{ condition: 'constructor' }] }, 'rules[0] (r-one): unknown condition "constructor"'],
    ])('rejects a reference to an unknown named condition %s', (_, conditions, issue) => {
      expect(issuesOf(policyJson([ruleJson(conditions)]))).toEqual([issue]);
    });

    it('rejects an unknown reference inside a named condition, and a self-reference', () => {
      expect(issuesOf(policyJson([ruleJson({ condition: 'a' })], { conditions: { a: { any: [{ condition: 'b' }] } } }))).toEqual([
        'conditions.a: unknown condition "b"',
      ]);
      expect(issuesOf(policyJson([ruleJson({ condition: 'a' })], { conditions: { a: { not: { condition: 'a' } } } }))).toEqual([
        'conditions.a: refers to itself (a → a)',
      ]);
    });

    // BUG (reported): only direct self-reference is checked; a → b → a loads, and then
    // evaluateConditions overflows the stack (compilePolicy throws a plain Error).
    it('rejects a cycle through two named conditions', () => {
      issuesOf(
        policyJson([ruleJson({ condition: 'a' })], { conditions: { a: { all: [{ condition: 'b' }] }, b: { not: { condition: 'a' } } } }),
      );
    });

    it('rejects a named condition the base already defines, and names that are not kebab-case', () => {
      const issues = issuesOf(
        policyJson([ruleJson({ condition: 'misstanke-att-barn-far-illa' })], {
          extends: 'skollagen',
          conditions: { 'misstanke-att-barn-far-illa': { all: [GRADE_LEAF] } },
        }),
        (id) => (id === 'skollagen' ? builtinPolicy('skollagen') : undefined),
      );
      expect(issues).toEqual(['conditions.misstanke-att-barn-far-illa: already defined by "skollagen"']);
      expect(issuesOf(policyJson([ruleJson({ all: [GRADE_LEAF] })], { conditions: { __proto__x: { all: [GRADE_LEAF] } } }))).toEqual([
        'conditions.__proto__x: Invalid key in record',
      ]);
    });

    it('a bare leaf is not a named condition (json-rules-engine setCondition needs a root)', () => {
      expect(issuesOf(policyJson([ruleJson({ condition: 'a' })], { conditions: { a: GRADE_LEAF } }))).toEqual(['conditions.a: Invalid input']);
    });
  });

  it('the bundled policies carry no path, params or fact-reference values', () => {
    const forbidden: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
      else if (value !== null && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'path' || key === 'params') forbidden.push(`${where}.${key}`);
          if (key === 'value' && v !== null && typeof v === 'object' && !Array.isArray(v)) forbidden.push(`${where}.value`);
          walk(v, `${where}.${key}`);
        }
      }
    };
    for (const id of ['skollagen', 'stockholm'] as const) {
      const policy = builtinPolicy(id);
      walk({ rules: policy.rules.map((r) => r.conditions), conditions: policy.conditions }, id);
    }
    expect(forbidden).toEqual([]);
    expect(BUILTIN_POLICY_IDS).toContain('stockholm');
  });
});

describe('plainKeyPathResolver: never JSONPath', () => {
  it('resolves plain dotted keys to own properties only', () => {
    const value = { part: 3, whole: 10, nested: { a: 1 } };
    expect(plainKeyPathResolver(value, '$.part')).toBe(3);
    expect(plainKeyPathResolver(value, '.whole')).toBe(10);
    expect(plainKeyPathResolver(value, '$.nested.a')).toBe(1);
    expect(plainKeyPathResolver(value, '$.missing')).toBeUndefined();
    for (const inherited of ['$.constructor', '$.__proto__', '$.toString', '$.nested.constructor', '$.part.constructor']) {
      expect(plainKeyPathResolver(value, inherited), inherited).toBeUndefined();
    }
  });

  it.each([
    RCE_PATH,
    FILTER_PATH,
    '$..[?(@.constructor)]',
    '$..part',
    "$['part']",
    '$.*',
    '$.a[0]',
    '$',
    '',
    'part',
    '$.constructor.constructor("return 1")()',
  ])('refuses %j', (path) => {
    expect(() => plainKeyPathResolver({ part: 1, whole: 2 }, path)).toThrow(/^Refusing JSONPath/);
  });

  it('refuses any path with a character outside [$.A-Za-z0-9_] (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => /[^$.A-Za-z0-9_]/.test(s)),
        (path) => {
          expect(() => plainKeyPathResolver({ a: 1 }, path)).toThrow(/^Refusing JSONPath/);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('createReferenceEngine: a rule smuggled past the schema never reaches jsonpath-plus', () => {
  // Count calls of jsonpath-plus's JSONPath as json-rules-engine's almanac makes them: the
  // almanac looks the export up on every call, so wrapping the CommonJS export intercepts it.
  const jsonPathPlus = createRequire(createRequire(import.meta.url).resolve('json-rules-engine'))('jsonpath-plus') as {
    JSONPath: (...args: unknown[]) => unknown;
  };
  const original = jsonPathPlus.JSONPath;
  let jsonPathCalls = 0;
  const g = globalThis as Record<string, unknown>;

  beforeEach(() => {
    jsonPathCalls = 0;
    delete g[MARKER];
    jsonPathPlus.JSONPath = (...args: unknown[]) => {
      jsonPathCalls += 1;
      return original(...args);
    };
  });
  afterEach(() => {
    jsonPathPlus.JSONPath = original;
    delete g[MARKER];
  });

  // The payload needs an object as the first thing `$..` descends into (a flat rate, or one
  // whose numbers come first, does not trigger it). Facts are flat, so this shape is the
  // attacker's best case; the control proves the payload is live for exactly this shape.
  const NESTED_RATE = { minutes: { valid: 1 }, part: 1, whole: 5 };
  const [sample] = fc.sample(arbitraryFacts(), { numRuns: 1, seed: 7 });
  const facts = { ...(sample as Facts), termAbsence: NESTED_RATE, windowAbsence: NESTED_RATE, reportingRate: NESTED_RATE } as Facts;

  /** A hand-built Policy: what loadPolicy would never produce. */
  function smuggled(conditions: unknown, named: Record<string, unknown> = {}): Policy {
    const rule = { ...(ruleJson(conditions) as unknown as PolicyRule), policyId: 'smuggled', priority: 1 };
    return {
      id: 'smuggled',
      version: '2026.1',
      title: { sv: 's', en: 's' },
      hash: 'x',
      chain: ['smuggled'],
      parameters: builtinPolicy('skollagen').parameters,
      conditions: named as Policy['conditions'],
      rules: [rule],
    };
  }

  it('control: with json-rules-engine\'s default resolver the payload runs code in this process', async () => {
    // If this control fails after a dependency upgrade, the payload no longer works against the
    // installed jsonpath-plus: replace it with a current one, or the tests below prove nothing.
    const engine = new Engine([
      { conditions: { all: [{ fact: 'termAbsence', operator: 'equal', value: 1, path: RCE_PATH }] } as TopLevelCondition, event: { type: 'x' } },
    ]);
    await engine.run({ termAbsence: NESTED_RATE }).catch(() => undefined);
    expect(jsonPathCalls).toBeGreaterThan(0);
    expect(g[MARKER]).toBe(1);
  });

  it.each([
    ['a leaf path on a rate fact', smuggled({ all: [{ fact: 'termAbsence', operator: 'rateAbove', value: 20, path: RCE_PATH }] })],
    ['a leaf path in a named condition', smuggled({ condition: 'c' }, { c: { any: [{ fact: 'windowAbsence', operator: 'equal', value: 1, path: RCE_PATH }] } })],
    ['a fact reference with a path as value', smuggled({ all: [{ fact: 'grade', operator: 'equal', value: { fact: 'termAbsence', path: RCE_PATH } }] })],
    ['a filter expression', smuggled({ not: { fact: 'reportingRate', operator: 'equal', value: 1, path: FILTER_PATH } })],
  ])('%s: the run is refused, no code runs, jsonpath-plus is never called', async (_, policy) => {
    const engine = createReferenceEngine(policy, policy.rules);
    await expect(firedRuleIds(engine, facts)).rejects.toThrow(/Refusing JSONPath/);
    expect(g[MARKER]).toBeUndefined();
    expect(jsonPathCalls).toBe(0);
  });

  it('a plain dotted path is resolved by the safe resolver, not jsonpath-plus', async () => {
    const policy = smuggled({ all: [{ fact: 'termAbsence', operator: 'equal', value: 7, path: '$.part' }] });
    const engine = createReferenceEngine(policy, policy.rules);
    expect(await firedRuleIds(engine, { ...facts, termAbsence: { part: 7, whole: 9 } })).toEqual(['r-one']);
    expect(await firedRuleIds(engine, { ...facts, termAbsence: { part: 6, whole: 9 } })).toEqual([]);
    expect(jsonPathCalls).toBe(0);
  });

  it('running the bundled policies never calls jsonpath-plus', async () => {
    for (const id of ['skollagen', 'stockholm'] as const) {
      const policy = builtinPolicy(id);
      const engine = createReferenceEngine(policy, policy.rules);
      for (const f of fc.sample(arbitraryFacts(), { numRuns: 20, seed: 3 })) await firedRuleIds(engine, f);
    }
    expect(jsonPathCalls).toBe(0);
  });

  it('an undefined fact is an error, not a silently passing notEqual (§1.4)', async () => {
    const policy = smuggled({ all: [{ fact: 'noSuchFact', operator: 'notEqual', value: 1 }] });
    await expect(firedRuleIds(createReferenceEngine(policy, policy.rules), facts)).rejects.toThrow(/Undefined fact: noSuchFact/);
  });
});
