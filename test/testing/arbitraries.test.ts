import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears } from '../../src/calendar/age.js';
import { AttendanceRecordSchema, parseStudentCase } from '../../src/index.js';
import {
  arbitraryAsOf,
  arbitraryCase,
  arbitraryDatedCase,
  arbitraryInvalidLesson,
  arbitraryStudent,
  schoolDaysUpTo,
} from '../../src/testing/arbitraries.js';

describe('the testing kit keeps its promises', () => {
  it('draws cases that parseStudentCase accepts whole, with every record on a school day up to asOf and nothing dated after it', () => {
    fc.assert(
      fc.property(arbitraryDatedCase(), ({ asOf, input }) => {
        const parsed = parseStudentCase(input);
        expect(parsed.ok && parsed.rejectedRecords).toEqual([]);
        const days = new Set(schoolDaysUpTo(asOf));
        for (const r of input.attendance ?? []) expect(days.has(r.date)).toBe(true);
        for (const s of input.signals ?? []) expect(s.date <= asOf).toBe(true);
        for (const m of input.measures ?? []) expect(m.date <= asOf).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps ages within the requested range, birthdays on the day included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 20 }).chain((minAge) => fc.integer({ min: minAge, max: 20 }).map((maxAge) => ({ minAge, maxAge }))),
        arbitraryAsOf(),
        fc.nat(),
        ({ minAge, maxAge }, asOf, seed) => {
          const [student] = fc.sample(arbitraryStudent({ asOf, minAge, maxAge }), { numRuns: 1, seed });
          if (student === undefined) throw new Error('no sample');
          const age = ageInYears(student.birthDate, asOf);
          expect(age).toBeGreaterThanOrEqual(minAge);
          expect(age).toBeLessThanOrEqual(maxAge);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('honours overrides and protected identity', () => {
    fc.assert(
      fc.property(arbitraryCase({ protectedIdentity: true, signals: fc.constant([]) }), (input) => {
        expect(input.student.protectedIdentity).toBe(true);
        expect(input.signals).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('draws invalid lessons that the record schema always rejects', () => {
    fc.assert(
      fc.property(arbitraryInvalidLesson(), (value) => {
        expect(AttendanceRecordSchema.safeParse(value).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('draws only school days when asked', () => {
    const days = new Set(schoolDaysUpTo('2026-12-18'));
    fc.assert(
      fc.property(arbitraryAsOf({ schoolDaysOnly: true }), (asOf) => {
        expect(days.has(asOf)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
