import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDatedCase, type LessonInput } from '../../src/testing/arbitraries.js';
import { decide } from '../helpers/cases.js';
import { PROPERTY_POLICIES, stepKeys } from '../helpers/properties.js';

/**
 * Where present minutes of a lesson turn into absence: `minutes` more of
 * valid or invalid absence, capped at what is still present. Nothing else of
 * the lesson changes, so the scheduled minutes (every rate's denominator)
 * stay the same.
 */
interface Increase {
  readonly pick: boolean;
  readonly invalid: boolean;
  readonly minutes: number;
}
const increase: fc.Arbitrary<Increase> = fc.record({ pick: fc.boolean(), invalid: fc.boolean(), minutes: fc.integer({ min: 1, max: 600 }) });

function withMoreAbsence(lesson: LessonInput, change: Increase | undefined): LessonInput {
  if (change === undefined || !change.pick) return lesson;
  const valid = lesson.validAbsenceMinutes ?? 0;
  const invalid = lesson.invalidAbsenceMinutes ?? 0;
  const add = Math.min(change.minutes, lesson.scheduledMinutes - valid - invalid);
  return change.invalid ? { ...lesson, validAbsenceMinutes: valid, invalidAbsenceMinutes: invalid + add } : { ...lesson, validAbsenceMinutes: valid + add, invalidAbsenceMinutes: invalid };
}

/** A case and the same case with more absence on some of its lessons. */
const caseWithMoreAbsence = arbitraryDatedCase().chain(({ asOf, input }) => {
  const attendance = input.attendance ?? [];
  return fc
    .array(increase, { minLength: attendance.length, maxLength: attendance.length })
    .map((changes) => ({ asOf, input, more: { ...input, attendance: attendance.map((l, i) => withMoreAbsence(l, changes[i])) } }));
});

describe.each(PROPERTY_POLICIES)('more absence never removes a step (%s)', (policyId) => {
  it('keeps every recommended, blocked or overdue step when present minutes turn into valid or invalid absence (§1.4 "oavsett om det är fråga om giltig eller ogiltig frånvaro")', () => {
    let grew = 0;
    fc.assert(
      fc.property(caseWithMoreAbsence, ({ asOf, input, more }) => {
        const before = stepKeys(decide(input, policyId, asOf));
        const after = stepKeys(decide(more, policyId, asOf));
        expect(after).toEqual(expect.arrayContaining(before));
        if (after.length > before.length) grew += 1;
      }),
      { numRuns: 150 },
    );
    // Not vacuous: the added absence did cross thresholds in some runs.
    expect(grew).toBeGreaterThan(0);
  });
});
