/**
 * `evaluate(..., { whyNot: false })` (issue 15): the batch's evaluation when it writes the compact
 * form or no decisions. It must be the full decision less its `conditions-not-met` entries, and
 * nothing else: same steps with the same reasons and evidence, same facts, same `already-taken`
 * entries, under every built-in policy, with and without a previous night. So its compact
 * projection is the full decision's, byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy, evaluate, type BuiltinPolicyId, type Decision } from '../../src/index.js';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import { compactDecision } from '../../src/report/compactDecision.js';
import { arbitraryAsOf, arbitraryCase } from '../../src/testing/index.js';
import { parsed } from '../duties/duties.js';

const datedCase = arbitraryAsOf().chain((asOf) =>
  fc.record({ asOf: fc.constant(asOf), input: arbitraryCase({ asOf }), earlierBy: fc.integer({ min: 1, max: 40 }) }),
);

/** The full decision as the option promises it: without the steps whose rules did not fire. */
function withoutWhyNot(d: Decision): Decision {
  return { ...d, notRecommended: d.notRecommended.filter((n) => n.reason !== 'conditions-not-met') };
}

describe.each(BUILTIN_POLICY_IDS)('evaluate without the why-not evidence (%s)', (policyId: BuiltinPolicyId) => {
  const policy = builtinPolicy(policyId);
  it('is the full decision less its conditions-not-met entries, also with a previous night', () => {
    let dropped = 0;
    fc.assert(
      fc.property(datedCase, ({ asOf, input, earlierBy }) => {
        const c = parsed(input);
        const earlier = isoDate(dayNumber(asOf) - earlierBy);
        const before = evaluate(c, policy, { asOf: earlier });
        const previous = { asOf: before.asOf, steps: before.steps };
        for (const options of [{ asOf }, { asOf, previous }]) {
          const full = evaluate(c, policy, options);
          const lean = evaluate(c, policy, { ...options, whyNot: false });
          expect(lean).toEqual(withoutWhyNot(full));
          expect(JSON.stringify(compactDecision(lean))).toBe(JSON.stringify(compactDecision(full)));
          dropped += full.notRecommended.length - lean.notRecommended.length;
        }
      }),
      { numRuns: 50 },
    );
    // The option must have had something to leave out.
    expect(dropped).toBeGreaterThan(0);
  }, 30_000);
});
