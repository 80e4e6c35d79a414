/**
 * The "beyond short illness" rates (issue 11 point 5): absence less the guardian-reported sick
 * minutes of the five days with the most of them. Properties: never above the plain rate, never
 * below it by more than five days' sick minutes, and monotone (more absence never lowers it), which
 * "more absence never removes a step" needs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, lessons, schoolDays, studentCase, type LessonAbsence } from '../helpers/cases.js';

const AS_OF = '2026-11-23';
const DAYS = schoolDays('2026-10-19', AS_OF); // 21 school days (höstlov 10-26 – 10-30)

/** Per day: none, sick (guardian-reported or not), invalid or valid other, whole day or one lesson. */
const dayAbsence = fc.oneof(
  fc.constant(undefined),
  fc.record({
    kind: fc.constantFrom('sick-reported', 'sick', 'invalid', 'valid'),
    lessons: fc.integer({ min: 1, max: 5 }),
  }),
);
type Day = (typeof dayAbsence extends fc.Arbitrary<infer T> ? T : never);

function caseOf(plan: readonly Day[]) {
  return studentCase({
    attendance: lessons(schoolDays('2026-08-17', AS_OF), {
      perDay: 5,
      absent: (date, i): LessonAbsence | undefined => {
        const p = plan[DAYS.indexOf(date)];
        if (p === undefined || i >= p.lessons) return undefined;
        if (p.kind === 'invalid') return { invalid: 60 };
        if (p.kind === 'valid') return { valid: 60 };
        return { valid: 60, reason: 'sick', guardianReported: p.kind === 'sick-reported' };
      },
    }),
  });
}

const plans = fc.array(dayAbsence, { minLength: DAYS.length, maxLength: DAYS.length });

describe('windowAbsenceBeyondShortIllness and termAbsenceBeyondShortIllness', () => {
  it('a flu week of five whole reported sick days is left out whole; a sixth day is not', () => {
    const week: Day[] = DAYS.map((_, i) => (i >= 15 && i < 20 ? { kind: 'sick-reported', lessons: 5 } : undefined));
    expect(decide(caseOf(week), 'skollagen', AS_OF).facts.windowAbsenceBeyondShortIllness.part).toBe(0);
    const six = week.map((d, i) => (i === 3 ? { kind: 'sick-reported' as const, lessons: 5 } : d));
    expect(decide(caseOf(six), 'skollagen', AS_OF).facts.windowAbsenceBeyondShortIllness.part).toBe(300);
  });

  it('property: between the plain rate less five whole days and the plain rate, with the same whole', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const f = decide(caseOf(plan), 'skollagen', AS_OF).facts;
        for (const [beyond, plain] of [
          [f.windowAbsenceBeyondShortIllness, f.windowAbsence],
          [f.termAbsenceBeyondShortIllness, f.termAbsence],
        ] as const) {
          expect(beyond.whole).toBe(plain.whole);
          expect(beyond.part).toBeLessThanOrEqual(plain.part);
          expect(beyond.part).toBeGreaterThanOrEqual(Math.max(0, plain.part - 5 * 300));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: more absence on one day never lowers it (monotone)', () => {
    fc.assert(
      fc.property(plans, fc.nat({ max: DAYS.length - 1 }), dayAbsence, (plan, at, extra) => {
        const before = plan[at];
        // More absence on day `at`: same kind with more lessons, or a whole new absence where there was none.
        const more: Day =
          before === undefined ? extra : extra === undefined ? before : { kind: before.kind, lessons: Math.max(before.lessons, extra.lessons) };
        const after = plan.map((d, i) => (i === at ? more : d));
        const f0 = decide(caseOf(plan), 'skollagen', AS_OF).facts;
        const f1 = decide(caseOf(after), 'skollagen', AS_OF).facts;
        expect(f1.windowAbsenceBeyondShortIllness.part).toBeGreaterThanOrEqual(f0.windowAbsenceBeyondShortIllness.part);
        expect(f1.termAbsenceBeyondShortIllness.part).toBeGreaterThanOrEqual(f0.termAbsenceBeyondShortIllness.part);
      }),
      { numRuns: 60 },
    );
  });
});
