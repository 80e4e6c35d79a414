/**
 * The fixture school of the browser tests (test/report/browser.test.ts): three students of
 * skola-1 under Stockholm's policy on Monday 2026-11-23, four 60-minute lessons a day from
 * Monday 2026-08-17 (the first day of the autumn term, ISO week 34), höstlov in week 44.
 *
 * The expected weekly shares below are worked out by hand from the attendance written here,
 * not read from the library: they are what the plots must show.
 */
import type { Decision } from '../../src/model/decision.js';
import { decide, lessons, schoolDays, studentCase } from '../helpers/cases.js';

export const FIXTURE_SCHOOL = 'skola-1';
export const FIXTURE_AS_OF = '2026-11-23';

/**
 * ISO weeks 34 (17 Aug) to 48 (the week of asOf, Monday 23 Nov): 15 weeks, one point per week
 * and series in every plot.
 */
export const FIXTURE_WEEKS = 15;
/** Week 44 (26–30 Oct) is höstlov: no lessons, a hollow point on the axis. Index in the series. */
export const HOSTLOV_INDEX = 10;

/** Weekly share of scheduled time in per cent, week 34 first; null: no lessons (höstlov). */
export type WeeklyPercent = ReadonlyArray<number | null>;

const flat = (value: number): WeeklyPercent => Array.from({ length: FIXTURE_WEEKS }, (_, i) => (i === HOSTLOV_INDEX ? null : value));
const withWeeks = (base: WeeklyPercent, weeks: Record<number, number>): WeeklyPercent =>
  base.map((v, i) => (v === null ? null : (weeks[34 + i] ?? v)));

/**
 * Each student: the attendance, and the weekly shares it gives.
 * - e1 misses the first lesson of every day (invalid) from Thursday 1 Oct: week 40 has 2 of 5
 *   days (1/4 · 2/5 = 10 %), weeks 41–48 25 % (week 48 is its Monday only, still 1 of 4 lessons).
 * - e2 misses the first two lessons (valid, sick) every day of weeks 37 and 38: 50 %.
 * - e3 misses nothing.
 */
export const FIXTURE_STUDENTS = [
  {
    id: 'e1',
    absent: (date: string, lesson: number) => (date >= '2026-10-01' && lesson === 0 ? { invalid: 60 } : undefined),
    invalid: withWeeks(flat(0), { 40: 10, 41: 25, 42: 25, 43: 25, 45: 25, 46: 25, 47: 25, 48: 25 }),
    valid: flat(0),
  },
  {
    id: 'e2',
    absent: (date: string, lesson: number) => (date >= '2026-09-07' && date <= '2026-09-18' && lesson < 2 ? { valid: 60 } : undefined),
    invalid: flat(0),
    valid: withWeeks(flat(0), { 37: 50, 38: 50 }),
  },
  { id: 'e3', absent: () => undefined, invalid: flat(0), valid: flat(0) },
] as const;

/**
 * The fixture school's decisions, evaluated by the public pipeline.
 *
 * @returns one decision per student of FIXTURE_STUDENTS, in that order
 */
export function fixtureDecisions(): Decision[] {
  const days = schoolDays('2026-08-17', FIXTURE_AS_OF);
  return FIXTURE_STUDENTS.map((s) =>
    decide(studentCase({ student: { id: s.id, school: { id: FIXTURE_SCHOOL } }, attendance: lessons(days, { perDay: 4, absent: s.absent }) }), 'stockholm', FIXTURE_AS_OF),
  );
}
