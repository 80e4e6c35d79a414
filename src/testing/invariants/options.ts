import type { Arbitrary } from 'fast-check';
import type { SchoolCalendar } from '../../model/schoolCalendar.js';
import { arbitraryCase, arbitraryDatedCase, type CaseOptions, type DatedCase } from '../arbitraries.js';

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
