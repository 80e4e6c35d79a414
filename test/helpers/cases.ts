/**
 * Deterministic builders for the rule and evaluate tests: school days from the
 * library's default calendar, lessons with chosen absence, a student case with
 * sensible defaults, and `decide`, which runs the whole public pipeline
 * (`parseStudentCase` → `builtinPolicy` → `evaluate`).
 *
 * Default student: Stockholm stad (0180), kommunal grundskola åk 7, lives in
 * Stockholm, 13 years old on DEFAULT_AS_OF.
 */
import {
  builtinPolicy,
  type BuiltinPolicyId,
  type Decision,
  type NotRecommended,
  type Step,
  type SignalType,
  type StepId,
  type StudentCaseInput,
  type TypologyStrength,
  type TypologyType,
} from '../../src/index.js';
import {
  decideCase,
  DEFAULT_TEST_AS_OF,
  schoolDaysUpTo,
  type ConsentsInput,
  type LessonInput,
  type MeasureInput,
  type SignalInput,
  type StudentInput,
} from '../../src/testing/index.js';

// One source of truth: the input types and the evaluation pipeline are the public kit's (src/testing).
export type { ConsentsInput, LessonInput, MeasureInput, SignalInput };

/** Monday of week 48, 2026: in HT2026 (2026-08-17 – 2026-12-18, höstlov 2026-10-26 – 10-30). The kit's default date. */
export const DEFAULT_AS_OF = DEFAULT_TEST_AS_OF;

type SchoolInput = StudentInput['school'];
type ResidenceInput = NonNullable<StudentInput['residence']>;

/**
 * School days (weekdays in a term, outside breaks and public holidays) from
 * `from` to `to` inclusive, by the library's default calendar around `to`.
 */
export function schoolDays(from: string, to: string): string[] {
  return schoolDaysUpTo(to, undefined, from);
}

/** Absence of one lesson in minutes; omitted parts are 0. `reason` and `guardianReported` as in the input schema. */
export interface LessonAbsence {
  readonly valid?: number;
  readonly invalid?: number;
  readonly reason?: LessonInput['reason'];
  readonly guardianReported?: boolean;
}

export interface LessonsOptions {
  /** Lessons per day (default 1). */
  readonly perDay?: number;
  /** Minutes per lesson (default 60). */
  readonly minutes?: number;
  /** Absence of lesson `i` (0-based within the day) on `date`; default present. */
  readonly absent?: (date: string, i: number) => LessonAbsence | undefined;
}

/** Lessons on each of `days`, starting 08:00, 10 minutes between lessons. */
export function lessons(days: readonly string[], options: LessonsOptions = {}): LessonInput[] {
  const perDay = options.perDay ?? 1;
  const minutes = options.minutes ?? 60;
  const out: LessonInput[] = [];
  for (const date of days) {
    for (let i = 0; i < perDay; i += 1) {
      const startMin = 8 * 60 + i * (minutes + 10);
      const start = `${String(Math.floor(startMin / 60)).padStart(2, '0')}:${String(startMin % 60).padStart(2, '0')}`;
      const a = options.absent?.(date, i) ?? {};
      const lesson: LessonInput = {
        date,
        start,
        scheduledMinutes: minutes,
        validAbsenceMinutes: a.valid ?? 0,
        invalidAbsenceMinutes: a.invalid ?? 0,
      };
      if (a.reason !== undefined) lesson.reason = a.reason;
      if (a.guardianReported !== undefined) lesson.guardianReported = a.guardianReported;
      out.push(lesson);
    }
  }
  return out;
}

/** Whole-day absence for the dates in `absentDays` (valid or invalid), present otherwise. */
export function wholeDaysAbsent(
  days: readonly string[],
  absentDays: readonly string[],
  kind: 'valid' | 'invalid' = 'valid',
  options: Omit<LessonsOptions, 'absent'> = {},
): LessonInput[] {
  const absent = new Set(absentDays);
  const minutes = options.minutes ?? 60;
  return lessons(days, { ...options, absent: (date) => (absent.has(date) ? { [kind]: minutes } : undefined) });
}

/** Overrides for `studentCase`: student, school and residence fields merge into the defaults. */
export interface CaseOverrides {
  readonly student?: Partial<Omit<StudentInput, 'school' | 'residence'>> & {
    readonly school?: Partial<SchoolInput>;
    /** `null` leaves the residence out (only valid with protected identity). */
    readonly residence?: ResidenceInput | null;
  };
  readonly attendance?: readonly LessonInput[];
  readonly consents?: ConsentsInput;
  readonly signals?: readonly SignalInput[];
  readonly measures?: readonly MeasureInput[];
}

/** The default school: a kommunal school of Stockholm stad. */
export const DEFAULT_SCHOOL: SchoolInput = { id: 'skola-1', huvudman: 'kommunal', municipalityCode: '0180', district: 'Skarpnäck' };
/** The default residence: Stockholm. */
export const DEFAULT_RESIDENCE: ResidenceInput = { municipalityCode: '0180', district: 'Skarpnäck' };

/** A student case input: Stockholm kommunal grundskola åk 7, residence 0180, age 13 on DEFAULT_AS_OF. */
export function studentCase(overrides: CaseOverrides = {}): StudentCaseInput {
  const { school, residence, ...rest } = overrides.student ?? {};
  const student: StudentInput = {
    id: 'elev-1',
    birthDate: '2013-03-15',
    schoolForm: 'grundskola',
    grade: 7,
    ...rest,
    school: { ...DEFAULT_SCHOOL, ...school },
  };
  if (residence !== null) student.residence = residence ?? DEFAULT_RESIDENCE;
  return {
    student,
    attendance: [...(overrides.attendance ?? [])],
    consents: overrides.consents ?? {},
    signals: [...(overrides.signals ?? [])],
    measures: [...(overrides.measures ?? [])],
  };
}

/**
 * Run the public pipeline (the kit's `decideCase`: `parseStudentCase` on the
 * case's JSON, then `evaluate`). Throws when the case or a lesson is
 * rejected: a fixture the schema refuses is a broken fixture, not a finding.
 */
export function decide(input: StudentCaseInput, policy: BuiltinPolicyId = 'stockholm', asOf: string = DEFAULT_AS_OF): Decision {
  return decideCase(input, builtinPolicy(policy), asOf);
}

/** Ids of the recommended steps, in decision order. */
export function stepIds(decision: Decision): StepId[] {
  return decision.steps.map((s) => s.id);
}

/** The recommended step `id` (not `samtycke` for another step); throws when it is missing. */
export function step(decision: Decision, id: StepId): Step {
  const found = decision.steps.find((s) => s.id === id && s.forStep === undefined);
  if (found === undefined) throw new Error(`step "${id}" not recommended; steps: [${stepIds(decision).join(', ')}]`);
  return found;
}

/** The `samtycke` step asking consent for `forStep`, or undefined. */
export function consentRequest(decision: Decision, forStep: StepId): Step | undefined {
  return decision.steps.find((s) => s.id === 'samtycke' && s.forStep === forStep);
}

/** The not-recommended entry for `id`, or undefined. */
export function notRecommended(decision: Decision, id: StepId): NotRecommended | undefined {
  return decision.notRecommended.find((n) => n.step === id);
}

/** Ids of the rules behind a step. */
export function ruleIds(s: Step): string[] {
  return s.reasons.map((r) => r.ruleId);
}

/** Every evidence leaf of a step, flattened across its reasons. */
export function evidence(s: Step): Array<Step['reasons'][number]['evidence'][number]> {
  return s.reasons.flatMap((r) => r.evidence);
}

/** Signals of the given types, all recorded on `date` (default: the start of HT2026). */
export function signalsOf(types: readonly SignalType[], date = '2026-08-17'): SignalInput[] {
  return types.map((type) => ({ type, date }));
}

/** The typology of a decision as `[type, strength]` pairs, in decision order. */
export function typologyOf(decision: Decision): Array<[TypologyType, TypologyStrength]> {
  return decision.typology.hypotheses.map((h) => [h.type, h.strength]);
}
