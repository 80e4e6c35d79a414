import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { builtinPolicy, loadPolicy, resolveBuiltinPolicy, type PolicyFileInput } from '../../src/index.js';
import {
  checkInvariants,
  findViolation,
  findViolations,
  invariantChecks,
  InvariantError,
  invariants,
  orosanmalanNotGatedCheck,
  thresholdBoundary,
  type CaseWithAlternatives,
  type DatedCase,
} from '../../src/testing/index.js';
import skollagenJson from '../../rules/skollagen.json';

/** National law without its orosanmälan rules: breaks SoL 14:1 (domain §2.1). */
function lawWithoutOrosanmalan() {
  const file = structuredClone(skollagenJson) as PolicyFileInput;
  return loadPolicy({ ...file, id: 'utan-orosanmalan', rules: file.rules.filter((r) => r.step !== 'orosanmalan') }, resolveBuiltinPolicy);
}

describe('checkInvariants', () => {
  it('passes silently for a policy that keeps every invariant', () => {
    expect(() => checkInvariants(builtinPolicy('skollagen'), { numRuns: 30 })).not.toThrow();
  }, 60_000);

  it('throws an InvariantError naming the invariant, policy, replay seed and path, steps and the shrunk case as JSON', () => {
    let error: unknown;
    try {
      checkInvariants(lawWithoutOrosanmalan(), { numRuns: 100, only: ['orosanmalan-not-gated'] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvariantError);
    const { message, violations } = error as InvariantError;
    expect(message).toContain('Invariant "orosanmalan-not-gated" broken by policy utan-orosanmalan');
    expect(message).toContain('orosanmalan missing for a child under 18 with suspected harm');
    expect(message).toMatch(/replay: \{ seed: -?\d+, path: "[\d:]+" \}/);
    expect(message).toContain('steps: [');
    expect(message).toContain(`counterexample: ${JSON.stringify(violations[0]?.counterexample)}`);
    expect(violations.map((v) => v.invariant)).toEqual(['orosanmalan-not-gated']);
  }, 60_000);

  it('replays a reported failure from its seed and path, to the same counterexample', () => {
    const policy = lawWithoutOrosanmalan();
    const first = findViolation(orosanmalanNotGatedCheck(policy), { numRuns: 100 });
    if (first === undefined) throw new Error('expected a violation');
    const again = findViolation(orosanmalanNotGatedCheck(policy), { seed: first.seed, path: first.path });
    expect(again?.counterexample).toEqual(first.counterexample);
  }, 60_000);

  it('runs only the chosen invariants, and extra checks after them', () => {
    const policy = builtinPolicy('stockholm');
    const extra = thresholdBoundary(policy, { step: 'kartlaggning', fact: 'windowAbsenceBeyondShortIllness', value: 20, minTermSchoolDays: 20 });
    expect(findViolations(policy, { numRuns: 10, only: ['determinism'], extra: [extra] })).toEqual([]);
    expect(invariantChecks(policy).map((c) => c.id)).toEqual([
      'determinism',
      'monotonic-escalation',
      'orosanmalan-not-gated',
      'no-guardian-step-for-adults',
      'consent-gated-blocked',
      'every-step-has-basis',
      'lagkrav-kept',
      'duties-held-open',
    ]);
  }, 60_000);

  it('reports a crash that is not a violation as an error naming the invariant, not as a counterexample', () => {
    const check = { ...orosanmalanNotGatedCheck(builtinPolicy('skollagen')), check: () => { throw new TypeError('boom'); } };
    expect(() => findViolation(check, { numRuns: 1 })).toThrow(/invariant orosanmalan-not-gated \(policy skollagen\) crashed .*boom/);
  }, 60_000);
});

describe('thresholdBoundary refuses a spec it cannot check, naming the field', () => {
  it('a fact that is not a rate', () => {
    expect(() => thresholdBoundary(builtinPolicy('stockholm'), { step: 'kartlaggning', fact: 'grade', value: 20 })).toThrow('fact "grade" is not a rate fact');
  }, 60_000);

  it('a percentage with more than two decimals', () => {
    expect(() => thresholdBoundary(builtinPolicy('stockholm'), { step: 'kartlaggning', fact: 'termAbsence', value: 20.001 })).toThrow('value 20.001 is not a percentage');
  }, 60_000);

  it('a percentage no school day can hold in whole minutes', () => {
    expect(() => thresholdBoundary(builtinPolicy('stockholm'), { step: 'kartlaggning', fact: 'termAbsence', value: 33.33 })).toThrow('cannot be written in whole minutes');
  }, 60_000);
});

describe('types', () => {
  it('each invariant is a fast-check property over its own value', () => {
    expectTypeOf(invariants.orosanmalanNotGated(builtinPolicy('stockholm'))).toEqualTypeOf<fc.IPropertyWithHooks<[CaseWithAlternatives]>>();
    expectTypeOf(invariants.lagkravKept(builtinPolicy('stockholm'))).toEqualTypeOf<fc.IPropertyWithHooks<[DatedCase]>>();
    // @ts-expect-error a policy id is not a policy: load it first (builtinPolicy, loadPolicy)
    invariants.determinism('stockholm');
  }, 60_000);
});
