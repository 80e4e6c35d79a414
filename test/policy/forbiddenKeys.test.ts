/**
 * `__proto__`, `constructor` and `prototype` keys are refused wherever they
 * appear in a policy file (issue 12, D12). `JSON.parse` keeps `__proto__` as
 * an own property, and zod's records drop it without a word
 * (`conditions.__proto__` vanished); an own-key walk before the schema names
 * each one by its path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_KEYS } from '../../src/model/forbiddenKeys.js';
import { resolveBuiltinPolicy } from '../../src/policy/builtinPolicies.js';
import { checkPolicy } from '../../src/policy/checkPolicy.js';
import { loadPolicy, PolicyError } from '../../src/policy/loadPolicy.js';
import { hasForbiddenKey, namesKey, withOwnKey } from '../helpers/hostilePolicies.js';
import { arbitraryPolicyFile, GRADE_LEAF, policyJson, ruleJson } from '../helpers/policyFiles.js';

function loaderIssues(json: unknown): readonly string[] {
  try {
    loadPolicy(json, resolveBuiltinPolicy);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(PolicyError);
    return (error as PolicyError).issues;
  }
  throw new Error('expected a PolicyError, but the policy loaded');
}

describe('forbidden keys in a policy file', () => {
  it('conditions.__proto__ is refused, not dropped', () => {
    const text = JSON.stringify(policyJson([ruleJson({ all: [GRADE_LEAF] })], { conditions: { ok: { all: [GRADE_LEAF] } } })).replace('"ok":', '"__proto__":');
    const json = JSON.parse(text) as unknown;
    expect(checkPolicy(json)).toEqual([
      {
        severity: 'error',
        code: 'forbidden-key',
        path: 'conditions.__proto__',
        message: expect.stringContaining('"__proto__"'),
        text: { sv: expect.stringMatching(/^Nyckeln "__proto__" är inte tillåten/), en: expect.stringMatching(/^Key "__proto__" is not allowed/) },
      },
    ]);
    expect(loaderIssues(json)).toEqual([expect.stringMatching(/^conditions\.__proto__: Key "__proto__" is not allowed/)]);
    expect(({} as Record<string, unknown>)['all']).toBeUndefined();
  });

  it.each(FORBIDDEN_KEYS)('"%s" inside a rule names the rule', (key) => {
    const { value, path } = withOwnKey(policyJson([ruleJson({ all: [GRADE_LEAF] }, { id: 'min-regel' })]), key, 5);
    expect(path).toBe(`rules[0].conditions.all[0].${key}`);
    expect(checkPolicy(value)).toEqual([expect.objectContaining({ code: 'forbidden-key', path, ruleId: 'min-regel' })]);
    expect(loaderIssues(value)).toEqual([expect.stringContaining('(rule min-regel)')]);
  });

  it('any valid policy file with a forbidden key added at any depth is refused at that path (property)', () => {
    fc.assert(
      fc.property(arbitraryPolicyFile(), fc.constantFrom(...FORBIDDEN_KEYS), fc.nat(), (file, key, pick) => {
        const { value, path } = withOwnKey(file, key, pick);
        expect(checkPolicy(value)).toContainEqual(expect.objectContaining({ code: 'forbidden-key', severity: 'error', path }));
        expect(loaderIssues(value).some((i) => i.startsWith(`${path}: `))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('any JSON object with a forbidden key at any depth is refused (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...FORBIDDEN_KEYS), fc.nat(), (json, key, pick) => {
        const { value } = withOwnKey({ id: 'x', wrapped: json }, key, pick);
        const forbidden = checkPolicy(value).filter((f) => f.code === 'forbidden-key');
        // The key added, or a forbidden key the generated value already held (refused there first).
        expect(forbidden.some((f) => namesKey(f.path, key, hasForbiddenKey(json)))).toBe(true);
        expect(() => loadPolicy(value)).toThrow(PolicyError);
      }),
      { numRuns: 300 },
    );
  });
});
