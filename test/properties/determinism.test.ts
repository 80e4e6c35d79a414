import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAttendance, arbitraryCase, arbitraryDatedCase, DEFAULT_TEST_AS_OF, type MeasureInput } from '../../src/testing/arbitraries.js';
import { decide } from '../helpers/cases.js';
import { PROPERTY_POLICIES } from '../helpers/properties.js';

/** The case with its lessons, signals and measures in a drawn order. */
const shuffledCase = arbitraryDatedCase().chain(({ asOf, input }) => {
  const attendance = input.attendance ?? [];
  const signals = input.signals ?? [];
  const measures = input.measures ?? [];
  return fc
    .record({
      attendance: fc.shuffledSubarray(attendance, { minLength: attendance.length, maxLength: attendance.length }),
      signals: fc.shuffledSubarray(signals, { minLength: signals.length, maxLength: signals.length }),
      measures: fc.shuffledSubarray(measures, { minLength: measures.length, maxLength: measures.length }),
    })
    .map((order) => ({ asOf, input, shuffled: { ...input, ...order } }));
});

/**
 * Measures that tie: the same step recorded twice on the same day with
 * different outcomes (e.g. a rektor records an investigation as started and as
 * obehövlig on one day). The input order must still not matter.
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

describe.each(PROPERTY_POLICIES)('evaluate is deterministic (%s)', (policyId) => {
  it('gives deep-equal decisions for the same case evaluated twice (style.md: context is an argument, never a global)', () => {
    fc.assert(
      fc.property(arbitraryDatedCase(), ({ asOf, input }) => {
        expect(decide(input, policyId, asOf)).toStrictEqual(decide(input, policyId, asOf));
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the input order of lessons, signals or measures', () => {
    fc.assert(
      fc.property(shuffledCase, ({ asOf, input, shuffled }) => {
        expect(decide(shuffled, policyId, asOf)).toStrictEqual(decide(input, policyId, asOf));
      }),
      { numRuns: 100 },
    );
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
