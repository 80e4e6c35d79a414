/**
 * Named conditions form a DAG, not a tree (issue 12, D8): a 1.6 KB policy of
 * 24 named conditions, each referring twice to the next, is 2^23 leaves when
 * expanded as a tree. The loader, `checkPolicy`, the compiler, the
 * explanation, the trigger dating and the diff keys each expand a named
 * condition once, so their work grows with the file, not with the paths
 * through it. Work is counted (analysis steps, evidence items, key sizes),
 * not timed; the timeouts are only a safety net.
 */
import { describe, expect, it } from 'vitest';
import { compiledFor } from '../../src/policy/compiledFor.js';
import type { Facts } from '../../src/model/facts.js';
import { checkPolicy } from '../../src/policy/checkPolicy.js';
import { compilePolicy, explainCompiled, runCompiled } from '../../src/policy/compile.js';
import { loadPolicy, PolicyError } from '../../src/policy/loadPolicy.js';
import { createAnalysis, satisfiability } from '../../src/policy/satisfiability.js';
import { ruleKeys } from '../../src/diff/sameFiredRules.js';
import { decideCase } from '../../src/testing/index.js';
import { DEFAULT_AS_OF, studentCase } from '../helpers/cases.js';
import { diamondLadder, doublingLadder } from '../helpers/hostilePolicies.js';
import { policyJson, ruleJson } from '../helpers/policyFiles.js';

const FACTS = { grade: 7 } as unknown as Facts;
const LEVELS = Array.from({ length: 24 }, (_, i) => `l${i}`);

/** Analysis steps to decide whether the rule of a ladder can ever hold. */
function analysisSteps(json: Record<string, unknown>): number {
  const policy = loadPolicy(json);
  const analysis = createAnalysis(policy.conditions);
  const verdict = satisfiability(policy.rules[0]!.conditions, policy.conditions, 'rules[0].conditions', analysis);
  expect(verdict.kind).toBe('satisfiable');
  return analysis.steps;
}

describe.each(['all', 'any', 'mixed'] as const)('a 24-level doubling ladder (%s)', (kind) => {
  const json = doublingLadder(24, { kind });

  it('is a small file', () => {
    expect(JSON.stringify(json).length).toBeLessThan(2_000);
  });

  it('checks with no finding within 5 000 analysis steps (the budget is 5 000 000)', { timeout: 20_000 }, () => {
    expect(checkPolicy(json, { analysisSteps: 5_000 })).toEqual([]);
  });

  it('analysis work grows linearly with the levels: 24 levels cost at most 2.5 × 12', { timeout: 20_000 }, () => {
    const twelve = analysisSteps(doublingLadder(12, { kind }));
    const twentyFour = analysisSteps(json);
    expect(twentyFour).toBeLessThanOrEqual(2.5 * twelve);
    expect(twentyFour).toBeLessThan(1_000);
  });

  it('explains a fired rule with one evidence item, reached through every level', { timeout: 20_000 }, () => {
    const compiled = compilePolicy(loadPolicy(json));
    const run = runCompiled(compiled, FACTS);
    expect(run.rules[0]).toBe(1);
    expect(explainCompiled(compiled, compiled.rules[0]!, run)).toEqual([
      { fact: 'grade', operator: 'greaterThan', value: 3, actual: 7, result: true, via: LEVELS },
    ]);
  });

  it('gives a small decision, dated through the DAG', { timeout: 20_000 }, () => {
    const decision = decideCase(studentCase(), loadPolicy(json), DEFAULT_AS_OF);
    const step = decision.steps.find((s) => s.id === 'rektor-utredning');
    expect(step?.reasons.map((r) => r.evidence.length)).toEqual([1]);
    expect(JSON.stringify(decision).length).toBeLessThan(20_000);
  });

  it('gives a diff key of the size of the file', { timeout: 20_000 }, () => {
    const policy = loadPolicy(json);
    const { keys } = ruleKeys(compiledFor(policy), () => true, policy.conditions);
    expect(keys[0]?.length).toBeLessThan(4 * JSON.stringify(json).length);
  });
});

describe('a diamond ladder: 2^24 distinct reference paths', () => {
  const json = diamondLadder(24);

  it('checks with no finding within 20 000 analysis steps', { timeout: 20_000 }, () => {
    expect(checkPolicy(json, { analysisSteps: 20_000 })).toEqual([]);
  });

  it('explains each named condition once: two leaves', { timeout: 20_000 }, () => {
    const compiled = compilePolicy(loadPolicy(json));
    const run = runCompiled(compiled, FACTS);
    const evidence = explainCompiled(compiled, compiled.rules[0]!, run);
    expect(evidence.map((e) => [e.operator, e.via.length])).toEqual([
      ['greaterThan', 24],
      ['lessThan', 24],
    ]);
  });
});

describe('the loader follows each named condition once', () => {
  it('a lagkrav rule reading the typology through a 24-level ladder: one issue, with one path', { timeout: 20_000 }, () => {
    const json = doublingLadder(24);
    const conditions = json['conditions'] as Record<string, unknown>;
    conditions['l23'] = { all: [{ fact: 'typologySkolvagran', operator: 'equal', value: 'stark' }] };
    let issues: readonly string[] = [];
    try {
      loadPolicy(json);
    } catch (error) {
      issues = (error as PolicyError).issues;
    }
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain('typologySkolvagran');
    expect(issues[0]).toContain(`through condition ${LEVELS.map((l) => `"${l}"`).join(' → ')}`);
  });
});

describe('the analysis budget', () => {
  it('when spent, the rest is not analysed and one warning says so', () => {
    const ladder = doublingLadder(24);
    // l0 says grade > 3: with grade < 3 beside it the rule can never hold, which takes more than 10 steps to find.
    const json = policyJson([ruleJson({ all: [{ condition: 'l0' }, { fact: 'grade', operator: 'lessThan', value: 3 }] })], { conditions: ladder['conditions'] });
    expect(checkPolicy(json).map((f) => f.code)).toEqual(['unsatisfiable']);
    const starved = checkPolicy(json, { analysisSteps: 10 });
    expect(starved.map((f) => [f.code, f.severity])).toEqual([['analysis-incomplete', 'warning']]);
    expect(starved[0]?.message).toContain('10');
  });
});
