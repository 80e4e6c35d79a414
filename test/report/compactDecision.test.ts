/**
 * The compact decision is a projection of the full one (issue 15): every field
 * it has is the full decision's own, it has nothing the full one lacks but the
 * policy reference (a part of the full policy block), and what the next night
 * reads of it (`--previous`) gives the same decision and the same changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicy, BUILTIN_POLICY_IDS, evaluate } from '../../src/index.js';
import type { Decision } from '../../src/model/decision.js';
import { CompactDecisionSchema } from '../../src/model/compactDecisionSchema.js';
import { DecisionSchema } from '../../src/model/decisionSchema.js';
import { compactDecision, type CompactDecision } from '../../src/report/compactDecision.js';
import { decisionJson, decisionOutput } from '../../src/report/decisionOutput.js';
import { diffStepStates, stepStates } from '../../src/run/changes.js';
import { arbitraryCase } from '../../src/testing/arbitraries/index.js';
import { parsed, twoNights } from '../helpers/twoNights.js';

/** The night as a decisions file holds it, read back as the batch reads `--previous`: a JSON line, then its date and step states. */
const readBack = (line: string) => {
  const d = JSON.parse(line) as Pick<Decision, 'asOf' | 'steps'>;
  return { asOf: d.asOf, steps: stepStates(d) };
};

/** Every check of the projection, on one full decision. */
function expectProjection(full: Decision, compact: CompactDecision): void {
  // Every field of compact is the same field of full: the same value (the very object), in the same key order.
  const kept = Object.keys(full).filter((k) => k !== 'notRecommended');
  expect(Object.keys(compact)).toEqual(kept);
  for (const key of kept) {
    if (key === 'policy') continue;
    expect((compact as Record<string, unknown>)[key], key).toBe((full as unknown as Record<string, unknown>)[key]);
  }
  expect(compact.steps).toBe(full.steps);
  expect(compact.facts).toBe(full.facts);
  expect(compact.typology).toBe(full.typology);
  // The policy reference: id, version and hash of the full block, nothing else.
  expect(compact.policy).toEqual({ id: full.policy.id, version: full.policy.version, hash: full.policy.hash });
  // Nothing is in compact that is not in full: as JSON, compact is full with exactly these parts deleted.
  const expected = JSON.parse(JSON.stringify(full)) as Record<string, unknown> & { policy: Record<string, unknown> };
  delete expected['notRecommended'];
  delete expected.policy['rulesInForce'];
  delete expected.policy['calendarHash'];
  expect(decisionJson(full, 'compact')).toBe(JSON.stringify(expected));
  expect(decisionJson(full, 'full')).toBe(JSON.stringify(full));
  // Read back as a compact decision, never as a full one (the why-not evidence is missing).
  const line = JSON.parse(JSON.stringify(compact)) as unknown;
  expect(CompactDecisionSchema.safeParse(line).success).toBe(true);
  expect(DecisionSchema.safeParse(line).success).toBe(false);
  // What --previous reads of a night is the same from either form.
  expect(readBack(JSON.stringify(compact))).toEqual(readBack(JSON.stringify(full)));
}

describe('compactDecision: a projection of the full decision (property)', () => {
  it('on one night: every field of compact is the full decision\'s own; steps, facts, typology identical; only notRecommended and the per-run policy fields left out', () => {
    fc.assert(
      fc.property(arbitraryCase(), fc.constantFrom(...BUILTIN_POLICY_IDS), (input, policyId) => {
        const full = evaluate(parsed(input), builtinPolicy(policyId), { asOf: '2026-11-23' });
        expectProjection(full, compactDecision(full));
      }),
      { numRuns: 60 },
    );
  });

  it('on the next night (held-open duties): the same, and the compact night as --previous gives the same decision and the same changes as the full one', () => {
    fc.assert(
      fc.property(twoNights, ({ night1, night2, policy, first, second }) => {
        const one = evaluate(first, policy, { asOf: night1 });
        const fromFull = readBack(decisionJson(one, 'full'));
        const fromCompact = readBack(decisionJson(one, 'compact'));
        const two = evaluate(second, policy, { asOf: night2, previous: fromFull });
        expect(JSON.stringify(evaluate(second, policy, { asOf: night2, previous: fromCompact }))).toBe(JSON.stringify(two));
        const tonight = { asOf: night2, steps: stepStates(two), measures: second.measures };
        expect(diffStepStates(second.student.id, tonight, fromCompact)).toEqual(diffStepStates(second.student.id, tonight, fromFull));
        expectProjection(two, compactDecision(two));
      }),
      { numRuns: 40 },
    );
  });

  it('writes the compact form for --json compact and the full one for --json', () => {
    const full = evaluate(parsed(fc.sample(arbitraryCase(), { numRuns: 1, seed: 7 })[0]), builtinPolicy('stockholm'), { asOf: '2026-11-23' });
    expect(decisionOutput(full, { output: 'compact', details: 'none', lang: 'sv' })).toBe(JSON.stringify(compactDecision(full)));
    expect(decisionOutput(full, { output: 'json', details: 'none', lang: 'sv' })).toBe(JSON.stringify(full));
    expect(decisionOutput(full, { output: 'compact', details: 'none', lang: 'sv' })).not.toContain('"notRecommended"');
    expect(decisionOutput(full, { output: 'compact', details: 'none', lang: 'sv' })).not.toContain('"rulesInForce"');
  });
});
