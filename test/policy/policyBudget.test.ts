/**
 * Policies with a budget (issue 12, D8): a policy nested too deep, with an
 * `in` list too long, too many rules or too many bytes is refused by
 * `loadPolicy` and reported by `checkPolicy`, each as one finding naming its
 * place (rule id + condition path) — never a stack overflow, a hang or a heap
 * exhausted by copies. The hostile files are generated here, not stored.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatEvidence } from '../../src/report/decisionText.js';
import type { Decision, EvidenceItem } from '../../src/model/decision.js';
import { decideCase } from '../../src/testing/index.js';
import { DEFAULT_AS_OF, studentCase } from '../helpers/cases.js';
import { BUILTIN_POLICY_IDS, builtinPolicy } from '../../src/policy/builtinPolicies.js';
import { checkPolicy } from '../../src/policy/checkPolicy.js';
import type { Finding } from '../../src/policy/finding.js';
import { loadPolicy, PolicyError } from '../../src/policy/loadPolicy.js';
import { POLICY_BUDGET } from '../../src/model/policyBudget.js';
import { deeplyNested, doublingLadder, longInList, manyRules, referenceChain } from '../helpers/hostilePolicies.js';
import { GRADE_LEAF, policyJson, ruleJson } from '../helpers/policyFiles.js';

function loaderIssues(json: unknown): readonly string[] {
  try {
    loadPolicy(json);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(PolicyError);
    return (error as PolicyError).issues;
  }
  throw new Error('expected a PolicyError, but the policy loaded');
}

const codes = (findings: readonly Finding[]) => findings.map((f) => f.code);

describe('the bundled policies are well inside every budget', () => {
  it.each(['skollagen', 'stockholm', 'goteborg'])('rules/%s.json', (id) => {
    const text = readFileSync(new URL(`../../rules/${id}.json`, import.meta.url), 'utf8');
    expect(Buffer.byteLength(text) * 10).toBeLessThan(POLICY_BUDGET.maxBytes);
    expect(checkPolicy(JSON.parse(text) as unknown).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('with their bases: rules and named conditions at most a tenth of the limits', () => {
    for (const id of BUILTIN_POLICY_IDS) {
      const policy = builtinPolicy(id);
      expect(policy.rules.length * 10).toBeLessThan(POLICY_BUDGET.maxRules);
      expect(Object.keys(policy.conditions).length * 10).toBeLessThan(POLICY_BUDGET.maxNamedConditions);
    }
  });
});

describe('nesting', () => {
  it.each(['not', 'all'] as const)('a rule nested 1 000 levels (%s) is one too-deep finding at the limit, with the rule id', (wrap) => {
    const json = deeplyNested(1_000, wrap);
    const findings = checkPolicy(json);
    expect(codes(findings)).toEqual(['too-deep']);
    const [f] = findings as [Finding];
    expect(f).toMatchObject({ severity: 'error', ruleId: 'r-one' });
    const step = wrap === 'not' ? '.not' : '.all[0]';
    // The first level past the limit, not the bottom of the tree.
    expect(f.path).toBe(`rules[0].conditions${step.repeat(POLICY_BUDGET.maxConditionDepth)}${wrap === 'not' ? '.not' : '.all'}`);
    expect(f.message).toContain(`more than ${POLICY_BUDGET.maxConditionDepth} levels`);
    const issues = loaderIssues(json);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain('rules[0].conditions');
    expect(issues[0]).toContain('(rule r-one)');
    expect(issues.join('\n')).not.toMatch(/call stack/i);
  });

  it('100 000 levels: still one finding, no stack overflow', () => {
    expect(codes(checkPolicy(deeplyNested(100_000)))).toEqual(['too-deep']);
  });

  it.each(['not', 'all'] as const)('a tree (%s) exactly at the limit loads, one level more does not', (wrap) => {
    expect(loadPolicy(deeplyNested(POLICY_BUDGET.maxConditionDepth, wrap)).rules).toHaveLength(1);
    expect(codes(checkPolicy(deeplyNested(POLICY_BUDGET.maxConditionDepth + 1, wrap)))).toEqual(['too-deep']);
  });

  it('deep through named conditions: a chain of 1 000 references is one finding on the rule and one on the chain head', () => {
    const findings = checkPolicy(referenceChain(1_000));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'too-deep', path: 'rules[0].conditions', ruleId: 'r-one', message: expect.stringContaining('c0 → c1 → c2 → …') }),
      expect.objectContaining({ code: 'too-deep', path: 'conditions.c0' }),
    ]);
    expect(loaderIssues(referenceChain(1_000))).toHaveLength(2);
  });

  it('a cycle through 1 000 named conditions: one short finding per name, found in linear time', { timeout: 20_000 }, () => {
    const conditions = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`c${i}`, { any: [GRADE_LEAF, { condition: `c${(i + 1) % 1_000}` }] }]));
    const findings = checkPolicy(policyJson([ruleJson({ condition: 'c0' })], { conditions }));
    expect(findings.filter((f) => f.code === 'condition-cycle')).toHaveLength(1_000);
    expect(findings.find((f) => f.path === 'conditions.c0')?.message).toBe('refers to itself (c0 → c1 → c2 → … → c0)');
  });

  it('a cycle through 1 000 named conditions each 60 levels deep: findings, not a stack overflow', { timeout: 20_000 }, () => {
    const deep = (ref: string): unknown => {
      let node: unknown = { any: [GRADE_LEAF, { condition: ref }] };
      for (let i = 0; i < 60; i += 1) node = { not: node };
      return node;
    };
    const conditions = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`c${i}`, deep(`c${(i + 1) % 1_000}`)]));
    const findings = checkPolicy(policyJson([ruleJson({ condition: 'c0' })], { conditions }));
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(['condition-cycle']));
  });

  it('a doubling ladder of 40 levels is too deep; of 24 it loads', () => {
    expect(codes(checkPolicy(doublingLadder(40))).filter((c) => c === 'too-deep').length).toBeGreaterThan(0);
    expect(loadPolicy(doublingLadder(24)).rules).toHaveLength(1);
  });

  it('nesting outside conditions is bounded too (JSON depth, before the schema)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    const findings = checkPolicy(policyJson([ruleJson({ all: [GRADE_LEAF] })], { title: { sv: deep, en: 'x' } }));
    expect(codes(findings)).toEqual(['too-deep']);
    expect(findings[0]?.path.startsWith('title.sv[0][0]')).toBe(true);
  });
});

describe('in/notIn lists', () => {
  it('a 10⁶-value list is refused at the leaf, with the rule id (and the file is too large)', () => {
    const findings = checkPolicy(longInList(1_000_000));
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'list-too-long', severity: 'error', path: 'rules[0].conditions.all[1].value', ruleId: 'r-one', message: expect.stringContaining('1000000 values') }),
    );
    expect(codes(findings)).toContain('policy-too-large');
    expect(loaderIssues(longInList(1_000_000))).toContainEqual(expect.stringMatching(/^rules\[0\]\.conditions\.all\[1\]\.value: .*1000000 values.*\(rule r-one\)$/));
  });

  it('in a named condition: the condition path', () => {
    const findings = checkPolicy(longInList(POLICY_BUDGET.maxListValues + 1, 'named'));
    expect(findings).toEqual([expect.objectContaining({ code: 'list-too-long', path: 'conditions.lista.all[0].value' })]);
  });

  it('a list at the limit loads', () => {
    expect(loadPolicy(longInList(POLICY_BUDGET.maxListValues)).rules).toHaveLength(1);
  });
});

describe('size', () => {
  it('20 000 rules are refused: too many rules (at `rules`) and too many bytes, at once', () => {
    const json = manyRules(20_000);
    const findings = checkPolicy(json);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'policy-too-large', path: 'rules', message: expect.stringContaining('20000 rules') }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'policy-too-large', path: '(root)', message: expect.stringContaining('bytes') }));
    expect(loaderIssues(json).some((i) => i.startsWith('rules: '))).toBe(true);
  });

  it('a file within the rule limit but over the byte limit', () => {
    const json = policyJson(
      Array.from({ length: 300 }, (_, i) => ruleJson({ all: [{ fact: 'grade', operator: 'in', value: Array.from({ length: POLICY_BUDGET.maxListValues }, (_, j) => j + i) }] }, { id: `r-${i}` })),
    );
    expect(checkPolicy(json)).toEqual([expect.objectContaining({ code: 'policy-too-large', path: '(root)' })]);
  });

  it('too many rules counting the base: refused at `rules`', () => {
    const json = manyRules(POLICY_BUDGET.maxRules - 10);
    const issues = (() => {
      try {
        loadPolicy({ ...json, extends: 'skollagen' }, (id) => (id === 'skollagen' ? builtinPolicy('skollagen') : undefined));
      } catch (error) {
        return (error as PolicyError).issues;
      }
      return [];
    })();
    expect(issues).toContainEqual(expect.stringMatching(/^rules: .*with the policies it extends/));
  });

  it('too many named conditions', () => {
    const conditions = Object.fromEntries(Array.from({ length: POLICY_BUDGET.maxNamedConditions + 1 }, (_, i) => [`c${i}`, { all: [GRADE_LEAF] }]));
    const findings = checkPolicy(policyJson([ruleJson({ condition: 'c0' })], { conditions }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'policy-too-large', path: 'conditions' }));
  });
});

describe('decisions name long lists instead of copying them', () => {
  const step = (decision: Decision) => decision.steps.find((s) => s.id === 'rektor-utredning');

  it.each([
    ['rule', 'rules[r-one@1].conditions.all[1].value'],
    ['named', 'conditions.lista.all[0].value'],
  ] as const)('a list at the limit (in a %s) is shown as its place and length', (where, list) => {
    const decision = decideCase(studentCase(), loadPolicy(longInList(POLICY_BUDGET.maxListValues, where)), DEFAULT_AS_OF);
    const evidence = step(decision)?.reasons[0]?.evidence ?? [];
    expect(evidence.find((e) => e.operator === 'in')).toEqual({
      fact: 'grade',
      operator: 'in',
      value: { list, length: POLICY_BUDGET.maxListValues },
      actual: 7,
      result: true,
      via: where === 'named' ? ['lista'] : [],
    });
    expect(JSON.stringify(decision).length).toBeLessThan(10_000);
    expect(formatEvidence(evidence.find((e) => e.operator === 'in') as EvidenceItem, 'en')).toBe(`✓ Grade: 7 – in the list ${list} (1000 values)`);
  });

  it('a short list is still copied', () => {
    const decision = decideCase(studentCase(), loadPolicy(longInList(POLICY_BUDGET.maxInlineListValues)), DEFAULT_AS_OF);
    expect(step(decision)?.reasons[0]?.evidence.find((e) => e.operator === 'in')?.value).toEqual(Array.from({ length: POLICY_BUDGET.maxInlineListValues }, (_, i) => i));
  });

  it('a long list decides like a short one (notIn too)', () => {
    for (const operator of ['in', 'notIn'] as const) {
      for (const shift of [0, 8]) {
        const json = longInList(POLICY_BUDGET.maxListValues);
        const rule = (json['rules'] as Array<{ conditions: { all: Array<Record<string, unknown>> } }>)[0];
        const leaf = rule?.conditions.all[1] as Record<string, unknown>;
        leaf['operator'] = operator;
        leaf['value'] = Array.from({ length: POLICY_BUDGET.maxListValues }, (_, i) => i + shift);
        const decision = decideCase(studentCase(), loadPolicy(json), DEFAULT_AS_OF); // grade 7
        const inList = shift === 0;
        expect(step(decision) !== undefined, `${operator} shift ${shift}`).toBe(operator === 'in' ? inList : !inList);
      }
    }
  });
});
