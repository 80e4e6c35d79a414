/**
 * `verifyPolicy`: the compiled evaluator `evaluate` uses against
 * json-rules-engine on the same facts. On the bundled fixtures and on drawn
 * cases the two agree on every leaf; a compiled closure broken on purpose is
 * reported where it is broken (student, rule, path in the policy, leaf), and
 * nowhere else. Expected places are found by walking the policy's own JSON,
 * not by the comparison under test; leaf outcomes by the interpreter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultCalendarFor } from '../../src/calendar/defaultCalendar.js';
import { compiledFor, measureCase, rulesInForce } from '../../src/evaluate.js';
import { parseStudentCase } from '../../src/adapters/parseStudentCase.js';
import type { Facts } from '../../src/model/facts.js';
import type { ConditionNode, LeafCondition } from '../../src/model/policyFile.js';
import type { StudentCase, StudentCaseInput } from '../../src/model/studentCase.js';
import { builtinPolicy, type BuiltinPolicyId } from '../../src/policy/builtinPolicies.js';
import type { CompiledLeaf, CompiledPolicy, CompiledRule, CompiledRun } from '../../src/policy/compile.js';
import { evaluateConditions } from '../../src/policy/evaluateConditions.js';
import type { Policy } from '../../src/policy/policy.js';
import { arbitraryCase } from '../../src/testing/index.js';
import { loadJsonRulesEngine, ReferenceEngineMissingError } from '../../src/verify/referenceEngine.js';
import { verifyPolicy } from '../../src/verify/index.js';
import { generateSchool } from '../../fixtures/school.js';
import { nodeAt, placesOf } from '../helpers/policyPlaces.js';

/**
 * A rule decided wrongly on purpose (its root node answers the opposite while every leaf is right), as a
 * bug in deciding the nodes would: set by one test, undefined (the real evaluator) for every other.
 */
const broken: { rule: CompiledRule | undefined; node: number | undefined } = { rule: undefined, node: undefined };

vi.mock('../../src/policy/compile.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/policy/compile.js')>();
  const runCompiled = (compiled: CompiledPolicy, facts: Facts, rules: readonly CompiledRule[] = compiled.rules): CompiledRun => {
    const run = actual.runCompiled(compiled, facts, rules);
    const at = broken.rule === undefined ? -1 : rules.indexOf(broken.rule);
    if (at >= 0 && broken.rule !== undefined) {
      run.rules[at] = (run.rules[at] as number) ^ 1;
      run.nodes[broken.rule.node.id] = (run.nodes[broken.rule.node.id] as number) ^ 1;
    }
    if (broken.node !== undefined) run.nodes[broken.node] = (run.nodes[broken.node] as number) ^ 1;
    return run;
  };
  return { ...actual, runCompiled };
});

afterEach(() => {
  broken.rule = undefined;
  broken.node = undefined;
});

const AS_OF = '2026-11-23';
const POLICIES: readonly BuiltinPolicyId[] = ['stockholm', 'goteborg', 'skollagen'];

function parsed(inputs: readonly unknown[]): StudentCase[] {
  return inputs.map((input) => {
    const result = parseStudentCase(input);
    if (!result.ok) throw new Error('fixture case rejected');
    return result.case;
  });
}

/** Every case of fixtures/cases/*.json and fixtures/cases/goteborg/*.json. */
const FIXTURE_CASES = parsed(
  ['fixtures/cases', 'fixtures/cases/goteborg'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as unknown[]),
  ),
);

/** A policy object of its own: `compiledFor` compiles it afresh, so a test may break its closures. */
function freshPolicy(id: BuiltinPolicyId): Policy {
  return { ...builtinPolicy(id) };
}

function factsOf(c: StudentCase, policy: Policy): Facts {
  return measureCase(c, AS_OF, defaultCalendarFor(AS_OF), policy.parameters).facts;
}

describe.each(POLICIES)('verifyPolicy on the bundled fixtures, policy %s', (id) => {
  it('finds no mismatch, and compares every leaf of every rule in force for every student', async () => {
    const policy = builtinPolicy(id);
    const report = await verifyPolicy(FIXTURE_CASES, policy, { asOf: AS_OF });
    expect(report.mismatches).toEqual([]);
    expect(report.studentsWithMismatches).toBe(0);
    expect(report.rulesFiredDifferently).toBe(0);
    expect(report.students).toBe(FIXTURE_CASES.length);
    const inForce = rulesInForce(policy, AS_OF);
    expect(report.rules).toBe(inForce.length);
    // json-rules-engine tests every leaf (no fact priorities, so no short-circuit); each occurrence counts.
    const leavesPerStudent = inForce.reduce((n, r) => n + placesOf(policy, '', r.conditions, null).length, 0);
    expect(report.leaves).toBe(FIXTURE_CASES.length * leavesPerStudent);
    expect(report.policy).toEqual({ id, version: policy.version, hash: policy.hash });
  });
});

describe('verifyPolicy on the generated fixture schools', () => {
  it.each([
    ['stockholm', 'stockholm'],
    ['stockholm', 'skollagen'],
    ['goteborg', 'goteborg'],
  ] as const)('the %s school under %s: no mismatch', async (city, id) => {
    const cases = parsed(generateSchool({ city, students: 60, termEnd: AS_OF }));
    const report = await verifyPolicy(cases, builtinPolicy(id), { asOf: AS_OF });
    expect(report.students).toBe(60);
    expect(report.mismatches).toEqual([]);
  });
});

describe('verifyPolicy on drawn cases (property)', () => {
  it.each(POLICIES)('%s: the compiled rules and json-rules-engine agree on every leaf', async (id) => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryCase(), { minLength: 1, maxLength: 4 }), async (inputs: StudentCaseInput[]) => {
        const report = await verifyPolicy(parsed(inputs), builtinPolicy(id), { asOf: AS_OF });
        expect(report.mismatches).toEqual([]);
        expect(report.students).toBe(inputs.length);
      }),
      { numRuns: 15, seed: 14 },
    );
  });

  it('takes an async iterable of cases as well', async () => {
    async function* cases(): AsyncGenerator<StudentCase> {
      yield* FIXTURE_CASES.slice(0, 3);
    }
    expect((await verifyPolicy(cases(), builtinPolicy('skollagen'), { asOf: AS_OF })).students).toBe(3);
  });
});

describe('verifyPolicy reports a broken compiled evaluation where it is broken', () => {
  it('a leaf closure that answers the opposite: every student, every rule and every place using the leaf, nothing else', async () => {
    const policy = freshPolicy('stockholm');
    const compiled = compiledFor(policy);
    const index = compiled.leaves.findIndex((l) => l.fact === 'termAbsence' && l.operator === 'rateAbove');
    expect(index).toBeGreaterThanOrEqual(0);
    const leaf = compiled.leaves[index] as CompiledLeaf & { test: CompiledLeaf['test'] };
    const honest = leaf.test;
    leaf.test = (facts) => !honest(facts);
    const target = { fact: leaf.fact, operator: leaf.operator, value: leaf.value } as LeafCondition;
    const cases = FIXTURE_CASES.slice(0, 5);

    const report = await verifyPolicy(cases, policy, { asOf: AS_OF });

    const places = rulesInForce(policy, AS_OF).flatMap((r) => [...new Set(placesOf(policy, `rules[${r.id}@${r.version}].conditions`, r.conditions, target))].map((path) => ({ rule: r, path })));
    expect(places.length).toBeGreaterThan(0);
    const expected = cases.flatMap((c) => places.map((p) => `${c.student.id} ${p.rule.id}@${p.rule.version} ${p.path}`));
    expect(report.mismatches.map((m) => `${m.studentId} ${m.rule.id}@${m.rule.version} ${m.path}`).sort()).toEqual(expected.sort());
    expect(report.studentsWithMismatches).toBe(cases.length);
    for (const m of report.mismatches) {
      expect(m.leaf).toEqual(target);
      expect(nodeAt(policy, m.path)).toEqual(target);
      // Inside a named condition the path starts at it, and `via` ends with it.
      const owner = /^conditions\.([a-z0-9-]+)/.exec(m.path)?.[1];
      if (owner === undefined) expect(m.via).toEqual([]);
      else expect(m.via.at(-1)).toBe(owner);
      const c = cases.find((x) => x.student.id === m.studentId) as StudentCase;
      const facts = factsOf(c, policy);
      const truth = evaluateConditions({ all: [target] }, facts, {}).result;
      expect(m.actual).toEqual(facts.termAbsence);
      expect(m.reference).toBe(truth);
      expect(m.compiled).toBe(!truth);
      const rule = policy.rules.find((r) => r.id === m.rule.id && r.version === m.rule.version);
      expect(m.fired.reference).toBe(evaluateConditions(rule?.conditions as ConditionNode, facts, policy.conditions).result);
    }
  });

  it('a rule decided the opposite while its leaves agree: reported at the rule root, without a leaf', async () => {
    const policy = freshPolicy('goteborg');
    const compiled = compiledFor(policy);
    const inForce = new Set(rulesInForce(policy, AS_OF));
    const rule = compiled.rules.find((r) => inForce.has(r.rule)) as CompiledRule;
    broken.rule = rule;
    const cases = FIXTURE_CASES.slice(0, 4);

    const report = await verifyPolicy(cases, policy, { asOf: AS_OF });

    expect(report.mismatches).toHaveLength(cases.length);
    expect(report.rulesFiredDifferently).toBe(cases.length);
    for (const [i, m] of report.mismatches.entries()) {
      const c = cases[i] as StudentCase;
      const truth = evaluateConditions(rule.rule.conditions, factsOf(c, policy), policy.conditions).result;
      expect(m).toMatchObject({
        studentId: c.student.id,
        rule: { id: rule.rule.id, version: rule.rule.version },
        path: `rules[${rule.rule.id}@${rule.rule.version}].conditions`,
        via: [],
        leaf: null,
        compiled: !truth,
        reference: truth,
        fired: { compiled: !truth, reference: truth },
      });
    }
  });

  it('one node decided the opposite inside a rule (the leaf right, the rule right): reported at that node, and only there', async () => {
    const policy = freshPolicy('stockholm');
    const compiled = compiledFor(policy);
    const inForce = new Set(rulesInForce(policy, AS_OF));
    // A rule in force whose root is an all or any with a leaf among its children: that leaf's place in this rule.
    const found = compiled.rules
      .filter((r) => inForce.has(r.rule))
      .flatMap((r) => (r.node.kind === 'all' || r.node.kind === 'any' ? r.node.children.flatMap((c, i) => (c.kind === 'leaf' ? [{ r, c, i, kind: r.node.kind }] : [])) : []))[0];
    expect(found).toBeDefined();
    const { r, c, i, kind } = found as NonNullable<typeof found>;
    broken.node = c.id;
    const cases = FIXTURE_CASES.slice(0, 4);

    const report = await verifyPolicy(cases, policy, { asOf: AS_OF });

    expect(report.rulesFiredDifferently).toBe(0);
    const leaf = compiled.leaves[(c as { index: number }).index] as CompiledLeaf;
    expect(report.mismatches.map((m) => [m.studentId, m.rule.id, m.path, m.leaf?.fact])).toEqual(
      cases.map((k) => [k.student.id, r.rule.id, `rules[${r.rule.id}@${r.rule.version}].conditions.${kind}[${i}]`, leaf.fact]),
    );
    for (const m of report.mismatches) expect(m.compiled).toBe(!m.reference);
  });

  it('the bundled policy object is left alone (the broken leaf above was on a copy\'s compiled policy; the broken rule is a flag reset after each test)', async () => {
    expect((await verifyPolicy(FIXTURE_CASES.slice(0, 5), builtinPolicy('stockholm'), { asOf: AS_OF })).mismatches).toEqual([]);
  });
});

describe('verifyPolicy: context and the optional peer', () => {
  it('refuses an invalid date, as evaluate does', async () => {
    await expect(verifyPolicy([], builtinPolicy('stockholm'), { asOf: '2026-02-30' })).rejects.toThrow(RangeError);
  });

  it('without json-rules-engine: a clear message with the command that installs it', async () => {
    const missing = Object.assign(new Error("Cannot find package 'json-rules-engine' imported from /app/node_modules/trappa/dist/verify.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await loadJsonRulesEngine(() => Promise.reject(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReferenceEngineMissingError);
    expect((error as Error).message).toBe('trappa verify needs json-rules-engine, an optional peer dependency of trappa: npm install json-rules-engine@^7.3.1');
    const cjs = Object.assign(new Error("Cannot find module 'json-rules-engine'"), { code: 'MODULE_NOT_FOUND' });
    await expect(loadJsonRulesEngine(() => Promise.reject(cjs))).rejects.toBeInstanceOf(ReferenceEngineMissingError);
  });

  it('any other failure to load it is not disguised as a missing package', async () => {
    const broken = Object.assign(new Error("Cannot find package 'jsonpath-plus'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadJsonRulesEngine(() => Promise.reject(broken))).rejects.toBe(broken);
    await expect(loadJsonRulesEngine(() => Promise.reject(new SyntaxError('x')))).rejects.toBeInstanceOf(SyntaxError);
  });

  it('the peer range in the message is the one package.json declares', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }>; dependencies: Record<string, string> };
    expect(pkg.peerDependencies['json-rules-engine']).toBe('^7.3.1');
    expect(pkg.peerDependenciesMeta['json-rules-engine']?.optional).toBe(true);
    expect(pkg.dependencies['json-rules-engine']).toBeUndefined();
  });
});
