/**
 * fast-check arbitraries for Trappa's input: valid `StudentCaseInput` objects
 * (what a caller writes before `parseStudentCase` applies defaults), built
 * from small parts that a policy author can override one at a time.
 *
 * Every generated case passes `parseStudentCase` with no rejected records.
 * Attendance lies on school days of the default calendar up to `asOf`;
 * signals and measures are dated on or before `asOf`. Case-level knobs
 * (share of absence, share of it invalid, lesson length) vary per case, so
 * runs cover both present students and students over every threshold.
 *
 * Part of the public `trappa/testing` kit (src/testing/index.ts), which the
 * project's own property tests (test/properties) use too. One file per part:
 * dates, student, attendance, invalid lessons, consents, signals and measures
 * (timeline), whole cases.
 */
export { DEFAULT_TEST_AS_OF, type ConsentsInput, type LessonInput, type MeasureInput, type SignalInput, type StudentInput } from './inputs.js';
export { arbitraryAsOf, schoolDaysUpTo, type AsOfOptions } from './dates.js';
export { arbitraryStudent, TEST_MUNICIPALITY_CODES, type StudentOptions } from './student.js';
export { arbitraryAttendance, ATTENDANCE_PATTERNS, type AttendanceOptions, type AttendancePattern } from './attendance.js';
export { arbitraryInvalidLesson } from './invalidLesson.js';
export { arbitraryConsents } from './consents.js';
export { arbitraryMeasures, arbitrarySignals, type TimelineOptions } from './timeline.js';
export { arbitraryCase, arbitraryDatedCase, type CaseOptions, type DatedCase } from './cases.js';
