/**
 * Two nights of one student for the property tests of what a night hands to
 * the next (`--previous`, the change feed, compact and full decisions files):
 * night 2 is 1–30 days after night 1 (across weekends, lov and the Christmas
 * break) and only adds lessons dated after night 1.
 */
import fc from 'fast-check';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import { builtinPolicy, BUILTIN_POLICY_IDS, parseStudentCase, type BuiltinPolicyId, type Policy } from '../../src/index.js';
import type { StudentCase } from '../../src/model/studentCase.js';
import { arbitraryAsOf, arbitraryAttendance, arbitraryCase } from '../../src/testing/arbitraries/index.js';

/**
 * A case input validated by the public `parseStudentCase`; a rejected one is a broken fixture.
 *
 * @param input - a student case input
 * @returns the case
 * @example parsed(fc.sample(arbitraryCase(), 1)[0]).student.id // 'elev-…'
 */
export function parsed(input: unknown): StudentCase {
  const r = parseStudentCase(input);
  if (!r.ok) throw new Error(`fixture case rejected: ${JSON.stringify(r.issues)}`);
  return r.case;
}

/** Two nights of one student under one bundled policy. */
export interface TwoNights {
  readonly night1: string;
  readonly night2: string;
  readonly policyId: BuiltinPolicyId;
  readonly policy: Policy;
  /** The case as night 1 sees it: the lessons up to night 1. */
  readonly first: StudentCase;
  /** The case as night 2 sees it: night 1's and the lessons after it. */
  readonly second: StudentCase;
}

/** Two nights 1–30 days apart between 2026-08-24 and 2027-01-17; night 2's case only adds lessons dated after night 1. */
export const twoNights: fc.Arbitrary<TwoNights> = arbitraryAsOf({ from: '2026-08-24', to: '2026-12-18' }).chain((night1) =>
  fc.integer({ min: 1, max: 30 }).chain((days) => {
    const night2 = isoDate(dayNumber(night1) + days);
    return fc
      .record({
        context: arbitraryCase({ asOf: night1, attendance: fc.constant([]) }),
        attendance: arbitraryAttendance({ asOf: night2 }),
        policyId: fc.constantFrom(...BUILTIN_POLICY_IDS),
      })
      .map(({ context, attendance, policyId }) => ({
        night1,
        night2,
        policyId,
        policy: builtinPolicy(policyId),
        first: parsed({ ...context, attendance: attendance.filter((l) => l.date <= night1) }),
        second: parsed({ ...context, attendance }),
      }));
  }),
);
