import fc, { type Arbitrary } from 'fast-check';
import type { StudentCaseInput } from '../../model/studentCase.js';
import type { SchoolCalendar } from '../../model/schoolCalendar.js';
import { arbitraryAsOf, arbitraryCase, arbitraryDatedCase, type CaseOptions, type DatedCase } from '../arbitraries/index.js';

/** What every invariant is tried on: the evaluation date and calendar. */
export interface InvariantOptions {
  /** Evaluate every case on this date (default: a date drawn from HT2026 per case, weekends and lov included). */
  readonly asOf?: string;
  /** The school calendar (default: `defaultCalendarFor(asOf)`, as `evaluate` uses). */
  readonly calendar?: SchoolCalendar;
  /**
   * Shape the drawn cases, e.g. `{ student: myStudents }` so that most students attend the
   * schools your policy is about. An invariant's own needs win (e.g. `minAge: 18` for
   * `no-guardian-step-for-adults`); a `student` override is used as given, so such an
   * invariant then checks only the cases that fit it.
   */
  readonly cases?: Omit<CaseOptions, 'asOf' | 'calendar'>;
}

/**
 * Dated cases for an invariant: on `options.asOf` when given, else on a drawn date.
 *
 * @param options - the invariant options
 * @param caseOptions - what to fix or override in the drawn cases
 * @returns an arbitrary `{ asOf, input }`
 * @example datedCases({ asOf: '2026-11-23' }, { minAge: 18 })
 */
export function datedCases(options: InvariantOptions, caseOptions: Omit<CaseOptions, 'asOf' | 'calendar'> = {}): Arbitrary<DatedCase> {
  const merged = { ...options.cases, ...caseOptions };
  const withCalendar = options.calendar === undefined ? merged : { ...merged, calendar: options.calendar };
  if (options.asOf === undefined) return arbitraryDatedCase(withCalendar);
  const asOf = options.asOf;
  return arbitraryCase({ ...withCalendar, asOf }).map((input) => ({ asOf, input }));
}

/**
 * The evaluation dates of an invariant: `options.asOf`, or a date of HT2026 drawn per case.
 *
 * @param options - the invariant options
 * @returns an arbitrary ISO date
 * @example evaluationDates({ asOf: '2026-11-23' }) // always '2026-11-23'
 */
export function evaluationDates(options: InvariantOptions): Arbitrary<string> {
  return options.asOf === undefined ? arbitraryAsOf() : fc.constant(options.asOf);
}

/**
 * Cases for one evaluation date, shaped by `options.cases` and the invariant's own needs
 * (which win). Build a whole value from these inside one `evaluationDates(…).chain`, so
 * that fast-check shrinks every part of it.
 *
 * @param asOf - the evaluation date
 * @param options - the invariant options
 * @param caseOptions - what the invariant fixes or overrides
 * @returns an arbitrary case input
 * @example evaluationDates({}).chain((asOf) => casesOn(asOf, {}, { maxAge: 17 }))
 */
export function casesOn(asOf: string, options: InvariantOptions, caseOptions: Omit<CaseOptions, 'asOf' | 'calendar'> = {}): Arbitrary<StudentCaseInput> {
  const merged = { ...options.cases, ...caseOptions, asOf };
  return arbitraryCase(options.calendar === undefined ? merged : { ...merged, calendar: options.calendar });
}

