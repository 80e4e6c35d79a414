import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy } from '../../src/index.js';
import { arbitraryAttendance, arbitraryCase, DEFAULT_TEST_AS_OF, invariants, type MeasureInput } from '../../src/testing/index.js';
import { decide } from '../helpers/cases.js';

/**
 * Measures that tie: the same step recorded twice on the same day with
 * different outcomes (e.g. a rektor records an investigation as started and as
 * obehövlig on one day). The input order must still not matter. Sharper than
 * the kit's shuffled cases, where ties are rare.
 */
const tiedMeasures = fc
  .record({
    // One lesson a day is enough here and keeps shrinking a counterexample fast.
    attendance: arbitraryAttendance({ maxLessonsPerDay: 1 }),
    measures: fc.array(
      fc.record({
        step: fc.constantFrom('rektor-utredning', 'orosanmalan', 'eht'),
        date: fc.constantFrom('2026-11-20', DEFAULT_TEST_AS_OF),
        outcome: fc.constantFrom('done', 'started', 'obehovligt'),
      }),
      { minLength: 2, maxLength: 4 },
    ),
  })
  .chain(({ attendance, measures }) =>
    fc.shuffledSubarray(measures, { minLength: measures.length, maxLength: measures.length }).chain((shuffled) =>
      arbitraryCase({ attendance: fc.constant(attendance) }).map((input) => ({
        input: { ...input, measures: measures as MeasureInput[] },
        shuffled: { ...input, measures: shuffled as MeasureInput[] },
      })),
    ),
  );

describe.each(BUILTIN_POLICY_IDS)('evaluate is deterministic (%s)', (policyId) => {
  it('gives the same decision, byte for byte, twice and for lessons, signals and measures in any order (kit invariant "determinism")', () => {
    fc.assert(invariants.determinism(builtinPolicy(policyId)), { numRuns: 100 });
  });

  it('does not depend on the input order of measures that tie on step and date', () => {
    fc.assert(
      fc.property(tiedMeasures, ({ input, shuffled }) => {
        expect(decide(shuffled, policyId)).toStrictEqual(decide(input, policyId));
      }),
      { numRuns: 100 },
    );
  }, 20_000); // room to shrink a counterexample
});
