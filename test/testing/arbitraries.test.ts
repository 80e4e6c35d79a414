import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears } from '../../src/calendar/age.js';
import { AttendanceRecordSchema, parseStudentCase } from '../../src/index.js';
import {
  arbitraryAsOf,
  arbitraryAttendance,
  arbitraryCase,
  arbitraryDatedCase,
  arbitraryInvalidLesson,
  arbitraryStudent,
  decideCase,
  schoolDaysUpTo,
  type LessonInput,
} from '../../src/testing/index.js';
import { builtinPolicy } from '../../src/index.js';

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

const absentMinutes = (l: LessonInput): number => (l.validAbsenceMinutes ?? 0) + (l.invalidAbsenceMinutes ?? 0);

/** Dates on which every lesson of the day is wholly absent. */
function wholeDays(lessons: readonly LessonInput[]): string[] {
  const byDate = new Map<string, LessonInput[]>();
  for (const l of lessons) byDate.set(l.date, [...(byDate.get(l.date) ?? []), l]);
  return [...byDate].filter(([, ls]) => ls.every((l) => absentMinutes(l) === l.scheduledMinutes)).map(([d]) => d);
}

describe('attendance patterns do what they say', () => {
  it('none: present at every lesson', () => {
    fc.assert(fc.property(arbitraryAttendance({ pattern: 'none' }), (ls) => {
      expect(ls.filter((l) => absentMinutes(l) > 0)).toEqual([]);
    }), { numRuns: 50 });
  });

  it('valid-only: never a minute of invalid absence', () => {
    fc.assert(fc.property(arbitraryAttendance({ pattern: 'valid-only' }), (ls) => {
      expect(ls.every((l) => (l.invalidAbsenceMinutes ?? 0) === 0)).toBe(true);
    }), { numRuns: 50 });
  });

  it('scattered: at most one absent lesson a day, never a whole day', () => {
    fc.assert(
      fc.property(arbitraryAttendance({ pattern: 'scattered' }), (ls) => {
        expect(wholeDays(ls)).toEqual([]);
        const perDay = new Map<string, number>();
        for (const l of ls) if (absentMinutes(l) > 0) perDay.set(l.date, (perDay.get(l.date) ?? 0) + 1);
        for (const n of perDay.values()) expect(n).toBe(1);
      }),
      { numRuns: 50 },
    );
  });

  it('whole-days: every absent lesson lies in a day wholly absent, and streaks occur', () => {
    let streaks = 0;
    fc.assert(
      fc.property(arbitraryAttendance({ pattern: 'whole-days' }), (ls) => {
        const whole = new Set(wholeDays(ls));
        for (const l of ls) if (absentMinutes(l) > 0) expect(whole.has(l.date)).toBe(true);
        if (whole.size >= 2) streaks += 1;
      }),
      { numRuns: 100 },
    );
    expect(streaks).toBeGreaterThan(0);
  });

  it('rising: the rolling window usually has more absence than the window before (trend "rising")', () => {
    const policy = builtinPolicy('skollagen');
    const trends = fc
      .sample(arbitraryCase({ attendance: arbitraryAttendance({ pattern: 'rising' }) }), { numRuns: 200, seed: 7 })
      .map((input) => decideCase(input, policy, '2026-11-23').facts.trend);
    const rising = trends.filter((t) => t === 'rising').length;
    const falling = trends.filter((t) => t === 'falling').length;
    expect(rising).toBeGreaterThan(falling * 2);
  });

  it('shrinks a counterexample towards one recorded day and one absent lesson', () => {
    const details = fc.check(fc.property(arbitraryAttendance(), (ls) => ls.every((l) => absentMinutes(l) === 0)), { numRuns: 200, seed: 3 });
    expect(details.failed).toBe(true);
    expect(details.counterexample?.[0]).toHaveLength(1);
  });
});

