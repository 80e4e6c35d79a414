import fc, { type Arbitrary } from 'fast-check';
import type { SchoolCalendar } from '../../model/schoolCalendar.js';
import type { StudentCaseInput } from '../../model/studentCase.js';
import { arbitraryAttendance } from './attendance.js';
import { arbitraryConsents } from './consents.js';
import { arbitraryAsOf, type AsOfOptions } from './dates.js';
import { DEFAULT_TEST_AS_OF, type ConsentsInput, type LessonInput, type MeasureInput, type SignalInput, type StudentInput } from './inputs.js';
import { arbitraryStudent, type StudentOptions } from './student.js';
import { arbitraryMeasures, arbitrarySignals } from './timeline.js';

/**
 * Options for `arbitraryCase`. Each part can be replaced by your own
 * arbitrary (use `fc.constant(x)` for a fixed value); the others are drawn.
 * `minAge`, `maxAge` and `protectedIdentity` shape the drawn student only,
 * not a `student` override; an override is used as given, dates included.
 */
export interface CaseOptions extends Omit<StudentOptions, 'asOf'> {
  /** Evaluation date every part is drawn for (default `DEFAULT_TEST_AS_OF`). */
  readonly asOf?: string;
  /** Calendar for the lessons (default `defaultCalendarFor(asOf)`). */
  readonly calendar?: SchoolCalendar;
  readonly student?: Arbitrary<StudentInput>;
  readonly attendance?: Arbitrary<LessonInput[]>;
  readonly consents?: Arbitrary<ConsentsInput>;
  readonly signals?: Arbitrary<SignalInput[]>;
  readonly measures?: Arbitrary<MeasureInput[]>;
}

/**
 * A valid student case for evaluation on `asOf`: student, attendance,
 * consents, signals and measures, each from the arbitraries above unless
 * overridden.
 *
 * @param options - evaluation date, age range, and per-part overrides
 * @returns an arbitrary `StudentCaseInput` that `parseStudentCase` accepts whole
 * @example
 * fc.assert(fc.property(arbitraryCase({ minAge: 18, signals: fc.constant([]) }), (input) => {
 *   const decision = evaluate(parseStudentCase(input).case, builtinPolicy('skollagen'), { asOf: DEFAULT_TEST_AS_OF });
 *   return !decision.steps.some((s) => s.id === 'orosanmalan');
 * }));
 */
export function arbitraryCase(options: CaseOptions = {}): Arbitrary<StudentCaseInput> {
  const asOf = options.asOf ?? DEFAULT_TEST_AS_OF;
  const studentOptions: StudentOptions = {
    asOf,
    ...(options.minAge === undefined ? {} : { minAge: options.minAge }),
    ...(options.maxAge === undefined ? {} : { maxAge: options.maxAge }),
    ...(options.protectedIdentity === undefined ? {} : { protectedIdentity: options.protectedIdentity }),
  };
  return fc.record({
    student: options.student ?? arbitraryStudent(studentOptions),
    attendance: options.attendance ?? arbitraryAttendance(options.calendar === undefined ? { asOf } : { asOf, calendar: options.calendar }),
    consents: options.consents ?? arbitraryConsents(),
    signals: options.signals ?? arbitrarySignals({ asOf }),
    measures: options.measures ?? arbitraryMeasures({ asOf }),
  });
}

/** A case together with the date it is evaluated on. */
export interface DatedCase {
  readonly asOf: string;
  readonly input: StudentCaseInput;
}

/**
 * A case and its evaluation date, the date drawn first (see `arbitraryAsOf`)
 * and every dated part drawn for it.
 *
 * @param options - case options (without `asOf`) and the date range
 * @returns an arbitrary `{ asOf, input }`
 * @example fc.sample(arbitraryDatedCase({ asOfRange: { schoolDaysOnly: true } }), 1)[0]?.asOf // e.g. '2026-09-30'
 */
export function arbitraryDatedCase(options: Omit<CaseOptions, 'asOf'> & { readonly asOfRange?: AsOfOptions } = {}): Arbitrary<DatedCase> {
  const { asOfRange, ...rest } = options;
  return arbitraryAsOf(asOfRange).chain((asOf) => arbitraryCase({ ...rest, asOf }).map((input) => ({ asOf, input })));
}
