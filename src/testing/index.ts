/**
 * `trappa/testing`: fast-check arbitraries and ready-made invariants for
 * property-testing a policy. The project's own property tests use the same
 * code. Needs `fast-check` 4 (an optional peer dependency of `trappa`).
 *
 * @example
 * import { checkInvariants } from 'trappa/testing';
 * it('keeps every invariant', () => checkInvariants(myPolicy, { asOf: '2026-11-23' }));
 */
export {
  arbitraryAsOf,
  arbitraryAttendance,
  arbitraryCase,
  arbitraryConsents,
  arbitraryDatedCase,
  arbitraryInvalidLesson,
  arbitraryMeasures,
  arbitrarySignals,
  arbitraryStudent,
  schoolDaysUpTo,
  ATTENDANCE_PATTERNS,
  DEFAULT_TEST_AS_OF,
  TEST_MUNICIPALITY_CODES,
  type AsOfOptions,
  type AttendanceOptions,
  type AttendancePattern,
  type CaseOptions,
  type ConsentsInput,
  type DatedCase,
  type LessonInput,
  type MeasureInput,
  type SignalInput,
  type StudentInput,
  type StudentOptions,
  type TimelineOptions,
} from './arbitraries/index.js';
export { decideCase, hasStep, stepKeys } from './decide.js';
export {
  findViolation,
  formatViolation,
  propertyOf,
  InvariantFailure,
  type Failure,
  type InvariantCheck,
  type RunOptions,
  type Violation,
} from './invariant.js';
export { invariants, invariantChecks, type InvariantId } from './invariants/index.js';
export type { InvariantOptions } from './invariants/options.js';
export { determinismCheck, type ShuffledCase } from './invariants/determinism.js';
export { monotonicEscalationCheck, type AbsenceIncrease, type CaseWithMoreAbsence } from './invariants/monotonicEscalation.js';
export { orosanmalanNotGatedCheck, HARM_SIGNAL_TYPES, type CaseWithAlternatives } from './invariants/orosanmalanNotGated.js';
export { noGuardianStepForAdultsCheck } from './invariants/noGuardianStepForAdults.js';
export { consentGatedBlockedCheck } from './invariants/consentGatedBlocked.js';
export { everyStepHasBasisCheck } from './invariants/everyStepHasBasis.js';
export { lagkravKeptCheck, type LagkravKeptOptions } from './invariants/lagkravKept.js';
export { dutiesHeldOpenCheck, type CaseOnTwoNights } from './invariants/dutiesHeldOpen.js';
export { checkInvariants, findViolations, InvariantError, type CheckOptions } from './checkInvariants.js';
export { thresholdBoundary, type BoundaryCase, type BoundarySpec, type ThresholdComparison } from './thresholdBoundary.js';
export {
  AbsenceKindSchema,
  AbsencePatternSchema,
  CompactAttendanceSchema,
  LessonSlotSchema,
  ScheduleSchema,
  WeekdaySchema,
  expandAttendance,
  type AbsencePattern,
  type CompactAttendance,
  type CompactAttendanceInput,
  type ExpandOptions,
  type LessonRecordInput,
  type Weekday,
} from './expandAttendance.js';
export {
  ExampleCaseSchema,
  ExampleTableSchema,
  ExpectationSchema,
  StepExpectationSchema,
  compareDecision,
  expandCase,
  parseExampleTable,
  type Difference,
  type ExampleCase,
  type ExampleCaseInput,
  type ExampleTable,
  type ExampleTableInput,
  type ExpandedCase,
  type Expectation,
  type StepExpectation,
  type TableIssue,
} from './exampleTable.js';
export { runExampleCase, type ExampleResult } from './runExampleCase.js';
export {
  coverageBelow,
  coverageReport,
  ruleCoverage,
  type ConditionCoverage,
  type CoverageReport,
  type LeafCoverage,
  type LeafOwner,
  type PolicyCoverage,
  type Ratio,
  type RuleCoverage,
} from './ruleCoverage.js';
export {
  EMPTY_COVERAGE,
  countCoverage,
  coverageCounter,
  coverageSample,
  mergeCoverage,
  type CountPair,
  type CoverageCounter,
  type CoverageCounts,
  type CoverageSample,
  type PolicyCoverageCounts,
} from './coverageCounts.js';
export { toExampleCase, type CounterexampleInput, type ToExampleCaseOptions } from './toExampleCase.js';
