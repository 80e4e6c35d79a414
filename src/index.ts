export { evaluate, rulesInForce, type EvaluateOptions } from './evaluate.js';
export { parseStudentCase, type CaseParseResult, type InputIssue, type RejectedRecord } from './adapters/parseStudentCase.js';
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
export { jsonSchema, JSON_SCHEMA_NAMES, type JsonSchemaName } from './jsonSchemas.js';
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
export { runBatch, workerCount, BatchAbortedError, PARALLEL_FROM_BYTES, type BatchRun, type BatchReport } from './batch/runBatch.js';
export { BatchInputError, bucketCount, type BatchFiles } from './batch/partition.js';
export { verifyDecisionsFile, PreviousFileError, DECISIONS_FORMAT, type DecisionsTrailer, type PreviousFileProblem } from './batch/decisionsFile.js';
export { OutputUnwritableError, OutputLockedError, OutputWriteError, type LockHolder } from './batch/outputErrors.js';
export type { BatchSettings } from './batch/evaluateBucket.js';
export type { RejectedLine } from './batch/rejectionLog.js';
export { ProgressBar, formatProgress, type ProgressState } from './batch/progress.js';
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
} from './batch/changes.js';
export { LESSON_CSV_COLUMNS, type LessonRecord } from './batch/lessonRecord.js';
export { LESSON_CSV_ALIASES, lessonCsvColumn, type LessonCsvColumn } from './batch/lessonCsvAliases.js';
export type { RunSummary, SchoolSummary } from './cli/summary.js';
export { diffPolicies, type DiffOptions } from './diff/diffPolicies.js';
export { diffDecisions, type StepChange, type StepKey, type FieldChange, type StepField, type RuleRef } from './diff/diffDecisions.js';
export type { PolicyDiff, PolicyRef, StepDiffCounts, DiffSample } from './diff/policyDiff.js';
export { renderSchoolReports, renderSchoolReport, type ReportOptions, type SchoolReport } from './report/schoolReport.js';
