/**
 * The batch's entry into the core (issue 15): `evaluate` with the lessons as packed words
 * (`options.packed`) must give the decision the records give, field for field, under every
 * built-in policy, with and without a previous night (whose open duties are re-dated from the
 * lessons up to that night: `packedUpTo`). The night's decisions are byte-identical because of it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy, evaluate, type BuiltinPolicyId } from '../../src/index.js';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import { resolveDuplicateLessons } from '../../src/adapters/lessonDuplicates.js';
import { packAttendance } from '../../src/metrics/packAttendance.js';
import { arbitraryAsOf, arbitraryCase } from '../../src/testing/index.js';
import { parsed } from '../duties/duties.js';

const datedCase = arbitraryAsOf().chain((asOf) =>
  fc.record({ asOf: fc.constant(asOf), input: arbitraryCase({ asOf }), earlierBy: fc.integer({ min: 1, max: 40 }) }),
);

describe.each(BUILTIN_POLICY_IDS)('evaluate with packed lessons (%s)', (policyId: BuiltinPolicyId) => {
  const policy = builtinPolicy(policyId);
  it('gives the decision the records give, also with a previous night', () => {
    fc.assert(
      fc.property(datedCase, ({ asOf, input, earlierBy }) => {
        const c = parsed(input);
        const records = { ...c, attendance: [...resolveDuplicateLessons(c.attendance).accepted] };
        const packed = packAttendance(records.attendance);
        const bare = { ...c, attendance: [] };
        const earlier = isoDate(dayNumber(asOf) - earlierBy);
        const before = evaluate(records, policy, { asOf: earlier });
        expect(evaluate(bare, policy, { asOf: earlier, packed })).toEqual(before);
        const previous = { asOf: before.asOf, steps: before.steps };
        expect(evaluate(bare, policy, { asOf, packed, previous })).toEqual(evaluate(records, policy, { asOf, previous }));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('refuses lessons given both ways', () => {
    const c = parsed({ student: { id: 'e1', birthDate: '2012-03-01', schoolForm: 'grundskola', grade: 8, school: { id: 's1', huvudman: 'kommunal', municipalityCode: '0180' }, residence: { municipalityCode: '0180' } }, attendance: [{ date: '2026-11-20', start: '08:00', scheduledMinutes: 60 }] } as never);
    expect(() => evaluate(c, policy, { asOf: '2026-11-23', packed: packAttendance(c.attendance) })).toThrow(/either/);
  });
});
