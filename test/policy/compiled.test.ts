/**
 * The compiled evaluator that `evaluate` uses explains exactly as the
 * interpreter does: same result and same decisive evidence for every rule
 * (the differential test already holds the fired rules equal to json-rules-engine's).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicy, loadPolicy, resolveBuiltinPolicy } from '../../src/index.js';
import { compilePolicy, explainCompiled, runCompiled } from '../../src/policy/compile.js';
import { evaluateConditions } from '../../src/policy/evaluateConditions.js';
import { decisiveEvidence } from '../helpers/decisiveEvidence.js';
import type { Facts } from '../../src/model/facts.js';
import type { Policy } from '../../src/policy/policy.js';
import { arbitraryFacts, arbitraryFactsNear, arbitraryPolicyFile } from '../helpers/policyFiles.js';

function agreeOn(policy: Policy, facts: Facts): void {
  const compiled = compilePolicy(policy);
  const run = runCompiled(compiled, facts);
  compiled.rules.forEach((r, i) => {
    const trace = evaluateConditions(r.rule.conditions, facts, policy.conditions);
    expect(run.rules[i] === 1, r.rule.id).toBe(trace.result);
    expect(explainCompiled(compiled, r, run)).toStrictEqual(decisiveEvidence(trace));
  });
}

describe.each(['skollagen', 'stockholm', 'goteborg'] as const)('compiled %s explains like the interpreter', (id) => {
  const policy = builtinPolicy(id);
  it('on random and on threshold-aimed facts (property)', () => {
    fc.assert(fc.property(fc.oneof(arbitraryFacts(), arbitraryFactsNear(policy)), (facts) => agreeOn(policy, facts)), { numRuns: 300 });
  });
});

describe('compiled random policy files explain like the interpreter', () => {
  it('standalone and extending skollagen (property)', () => {
    fc.assert(
      fc.property(arbitraryPolicyFile(), arbitraryFacts(), (file, facts) => {
        agreeOn(loadPolicy(file, resolveBuiltinPolicy), facts);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a named-condition cycle that bypassed the loader', () => {
    const policy = { ...builtinPolicy('skollagen'), conditions: { ...builtinPolicy('skollagen').conditions, a: { all: [{ condition: 'b' }] }, b: { not: { condition: 'a' } } } } as Policy;
    expect(() => compilePolicy(policy)).toThrow(/refers to itself/);
  });
});
