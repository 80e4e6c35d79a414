/**
 * `trappa/core`: the evaluator without any Node built-in, for a browser, an
 * edge runtime or a web worker. Evaluate a case, parse input, the bundled
 * policies as data, check a policy, compare decisions (between policies and
 * between nights), read an SS 12000 export already in memory, render the
 * school report. Everything here is pure: data in, data out.
 *
 * The main entry (`trappa`) re-exports all of it and adds the Node parts: the
 * nightly batch over files, its outputs and locks.
 *
 * @example
 * import { builtinPolicy, evaluate, parseStudentCase } from 'trappa/core';
 * const parsed = parseStudentCase(input);
 * if (parsed.ok) evaluate(parsed.case, builtinPolicy('stockholm'), { asOf: '2026-11-23' });
 */
export { evaluate, rulesInForce, type EvaluateOptions } from './evaluate.js';
export { parseStudentCase, type CaseParseResult, type InputIssue, type ParseCaseOptions, type RejectedRecord } from './adapters/parseStudentCase.js';
export { resolveDuplicateLessons, type LessonConflict, type LessonResolution } from './adapters/lessonDuplicates.js';
export { packAttendance } from './metrics/packAttendance.js';
export type { PackedLessons } from './model/packedLessons.js';
export { recordWarnings, caseTally, type RecordTally } from './adapters/recordWarnings.js';
export { builtinPolicy, resolveBuiltinPolicy, BUILTIN_POLICY_IDS, type BuiltinPolicyId } from './policy/builtinPolicies.js';
export { loadPolicy, PolicyError, type PolicyResolver } from './policy/loadPolicy.js';
export { checkPolicy, type CheckPolicyOptions } from './policy/checkPolicy.js';
export { FINDING_CODES, type Finding, type FindingCode, type Severity } from './policy/finding.js';
export { POLICY_BUDGET } from './model/policyBudget.js';
export { DEFAULT_PARAMETERS, type Policy, type PolicyParameters, type PolicyRule } from './policy/policy.js';
export { defaultSwedishSchoolCalendar, defaultCalendarFor } from './calendar/defaultCalendar.js';
export { swedishPublicHolidays, type Holiday } from './calendar/publicHolidays.js';
export { STEP_CATALOG, type StepDefinition } from './steps/catalog.js';
export { FACT_CATALOG } from './model/factCatalog.js';
export { studentCaseJsonSchema, policyFileJsonSchema, type JsonSchema } from './model/jsonSchema.js';
export {
  StudentCaseSchema,
  AttendanceRecordSchema,
  type StudentCase,
  type StudentCaseInput,
  type AttendanceRecord,
  type Student,
  type School,
  type Residence,
  type Consents,
  type Signal,
  type Measure,
} from './model/studentCase.js';
export { SchoolCalendarSchema, type SchoolCalendar } from './model/schoolCalendar.js';
export { PolicyFileSchema, type PolicyFile, type PolicyFileInput, type Rule, type Basis } from './model/policyFile.js';
export type { Facts, Rate, Trend } from './model/facts.js';
export type {
  Decision,
  WeeklySeries,
  Step,
  Reason,
  EvidenceItem,
  ListReference,
  Routing,
  ConsentState,
  ChildConsentPath,
  NotRecommended,
  Warning,
  Escalation,
  DateSource,
  NoticeOccasion,
  ExpiredSignal,
} from './model/decision.js';
export { closingMeasure } from './steps/closing.js';
export type { PreviousNight } from './steps/heldOpen.js';
export type { DatedValue } from './model/datedParameter.js';
export type { StepId, StepKind, SchoolForm, SignalType, Urgency, Role } from './model/vocabulary.js';
export type { Typology, Hypothesis, TypologyEvidence, TypologyType, TypologyStrength, TypologyLevel, PatternId } from './model/typology.js';
export {
  fromSs12000,
  type Ss12000Bundle,
  type Ss12000Result,
  type FromSs12000Options,
} from './adapters/ss12000/fromSs12000.js';
export type { Ss12000Entity, Ss12000Issue, Ss12000Rejection, Ss12000Exclusion } from './adapters/ss12000/issues.js';
export { Ss12000SideFileSchema, type Ss12000SideFile } from './adapters/ss12000/sideFile.js';
export {
  diffStepStates,
  stepStates,
  CHANGE_KINDS,
  type Change,
  type StepState,
  type EscalationCause,
  type ClosingMeasureRef,
  type PreviousStates,
  type TonightStates,
} from './run/changes.js';
export { diffPolicies, type DiffOptions } from './diff/diffPolicies.js';
export { diffDecisions, type StepChange, type StepKey, type FieldChange, type StepField, type RuleRef } from './diff/diffDecisions.js';
export type { PolicyDiff, PolicyRef, StepDiffCounts, DiffSample } from './diff/policyDiff.js';
export { renderSchoolReports, renderSchoolReport, schoolReport, type ReportOptions, type SchoolReport } from './report/schoolReport.js';
export { DecisionSchema } from './model/decisionSchema.js';
export { CompactDecisionSchema } from './model/compactDecisionSchema.js';
export { compactDecision, type CompactDecision, type DecisionRecord } from './report/compactDecision.js';
