import { z } from 'zod';
import { ClockTimeSchema, IsoDateSchema } from './isoDate.js';
import { SCHEMA_MESSAGE_TEXT as M } from './schemaMessageText.js';
import { both } from './template.js';
import {
  AbsenceReasonSchema,
  ConsentPurposeSchema,
  ConsentStatusSchema,
  HuvudmanSchema,
  SchoolFormSchema,
  SchoolTeamSchema,
  SignalTypeSchema,
  StepIdSchema,
  StudiehjalpSchema,
} from './vocabulary.js';

/** A Swedish municipality code (kommunkod), always four digits: Stockholm is "0180". */
export const MunicipalityCodeSchema = z
  .string()
  .regex(/^\d{4}$/, { message: M.municipalityCode.en })
  .meta({ description: 'A Swedish municipality code (kommunkod), four digits: Stockholm is "0180".' });

/** The characters of an opaque id: 1–128 of `[A-Za-z0-9_.:-]` (never a tab or line break). */
export const OPAQUE_ID_PATTERN = /^[\w.:-]{1,128}$/;

/**
 * A personnummer or samordningsnummer anywhere in a text, however written: a
 * date of 6 or 8 digits (YYMMDD or YYYYMMDD; the day plus 60 for a
 * samordningsnummer), its parts either run together or split by one and the
 * same character (`1990-01-01`), then at most one character of any kind
 * (`-`, `+`, `_`, `.`, `:`, a letter), then the four last digits; not part of
 * a longer run of digits. Anything before or after is allowed (`pnr:`, `T`,
 * `x`).
 */
const PERSONNUMMER = /(?<!\d)(?:\d{2})?\d{2}([^\dA-Za-z]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])\D?\d{4}(?!\d)/;
/** The shapes refused whatever the date: ten or twelve digits, or six to eight and four around `-` or `+`. */
const PERSONNUMMER_SHAPE = /^\d{10}$|^\d{12}$|^\d{6,8}[-+]\d{4}$/;
/** A UUID in its canonical form: opaque by construction, whatever its hex digits happen to spell. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a text holds something that reads as a personnummer or
 * samordningsnummer, with any separator, prefix or suffix (`19900101-1234`,
 * `900101.1234`, `pnr:19900101-1234`, `T199001011234`, `1990-01-01-1234`).
 * A canonical UUID never does: a UUID is opaque by construction, and one in
 * some thousands would otherwise have its first groups read as a date and
 * four digits.
 *
 * @param text - an id
 * @returns true when the id must not be used
 * @example looksLikePersonnummer('pnr:19900101-1234') // true
 * @example looksLikePersonnummer('elev-0001') // false
 */
export function looksLikePersonnummer(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length && digits < 10; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += 1;
  }
  return digits >= 10 && (PERSONNUMMER_SHAPE.test(text) || (!UUID.test(text) && PERSONNUMMER.test(text)));
}

/**
 * The shapes of a personnummer or samordningsnummer the JSON Schemas refuse
 * with `not: { pattern }`: 10 or 12 digits, or 6–8 digits, `-` or `+`, 4
 * digits. The runtime refuses more (`looksLikePersonnummer`: any separator,
 * prefix or suffix), which the schemas' descriptions say.
 *
 * @example PERSONNUMMER_LIKE_PATTERN.test('20100101-1234') // true
 */
export const PERSONNUMMER_LIKE_PATTERN = PERSONNUMMER_SHAPE;

/** Opaque identifier. Never a name or personnummer: 1–128 visible characters, no spaces. */
export const OpaqueIdSchema = z
  .string()
  .regex(OPAQUE_ID_PATTERN, { message: M.opaqueId.en })
  .refine((id) => !looksLikePersonnummer(id), {
    message: M.personnummer.en,
  })
  .meta({
    description:
      'An opaque id: 1–128 characters of [A-Za-z0-9_.:-]. Never a name or a personnummer: 10 or 12 digits, or 6–8 digits, - or +, 4 digits are refused here; the validator also refuses a personnummer or samordningsnummer anywhere in the id, with any separator, prefix or suffix (pnr:19900101-1234, 900101.1234, T199001011234), except in a canonical UUID.',
    not: { pattern: PERSONNUMMER_LIKE_PATTERN.source },
  });

/** The school the student attends. */
export const SchoolSchema = z
  .strictObject({
    id: OpaqueIdSchema,
    huvudman: HuvudmanSchema,
    municipalityCode: MunicipalityCodeSchema,
    district: z.string().min(1).max(80).optional(),
    teams: z.array(SchoolTeamSchema).default([]),
  })
  .meta({ title: 'School', description: 'The school the student attends: its huvudman, municipality, district (stadsdel) and teams.' });

/** Where the child lives (folkbokföring). Absent only for protected identity. */
export const ResidenceSchema = z
  .strictObject({
    municipalityCode: MunicipalityCodeSchema,
    district: z.string().min(1).max(80).optional(),
  })
  .meta({ title: 'Residence', description: 'Where the child lives (folkbokföring): municipality and district. Absent only for protected identity.' });

/** The student, with no personal data beyond what the rules need. */
export const StudentSchema = z
  .strictObject({
    id: OpaqueIdSchema,
    birthDate: IsoDateSchema,
    schoolForm: SchoolFormSchema,
    /** 0 for förskoleklass; up to 10 in the ten-year grundskola, 11 in the ten-year anpassad grundskola and specialskola (see `SCHOOL_STRUCTURES`). */
    grade: z.int().min(0).max(11).describe('0 for förskoleklass; up to 10 in the ten-year grundskola, 11 in anpassad grundskola and specialskola.'),
    school: SchoolSchema,
    residence: ResidenceSchema.optional(),
    protectedIdentity: z.boolean().default(false).describe('Skyddade personuppgifter: no address-based routing; residence may then be left out.'),
    /**
     * First day the student attends this school, when it is later than the
     * term's start (a late enrolment): term coverage is counted from it.
     * Without it the term is counted from its first day, so lessons missing
     * from an export are never taken for a late start.
     */
    enrolledFrom: IsoDateSchema.optional().describe('First day at this school when later than the term start (a late enrolment): term coverage counts from it.'),
    /** Studiehjälp from CSN (gymnasium): decides whether skolk is reported to CSN. */
    studiehjalp: StudiehjalpSchema.default('unknown').describe('Studiehjälp from CSN (gymnasium): decides whether skolk is reported to CSN.'),
  })
  .superRefine((s, ctx) => {
    if (s.residence === undefined && !s.protectedIdentity) {
      ctx.addIssue({
        code: 'custom',
        path: ['residence'],
        message: M.residenceRequired.en,
      });
    }
  })
  .meta({
    title: 'Student',
    description: 'The student, with no personal data beyond what the rules need. residence is required unless protectedIdentity is true.',
    // The refinement above: residence, or protectedIdentity: true.
    anyOf: [{ required: ['residence'] }, { required: ['protectedIdentity'], properties: { protectedIdentity: { const: true } } }],
  });

/** The fields of one lesson, shared by `AttendanceRecordSchema` and `LessonRecordSchema`. */
export const ATTENDANCE_RECORD_SHAPE = {
  date: IsoDateSchema,
  start: ClockTimeSchema,
  scheduledMinutes: z.int().min(1).max(600),
  validAbsenceMinutes: z.int().min(0).max(600).default(0),
  invalidAbsenceMinutes: z.int().min(0).max(600).default(0),
  reported: z.boolean().default(true),
  guardianReported: z.boolean().default(false),
  reason: AbsenceReasonSchema.default('none'),
};

/** What JSON Schema cannot say of a lesson: it compares no two fields. Listed in the schemas' descriptions. */
export const ABSENCE_WITHIN_LESSON_NOTE =
  'Not expressed by this schema (JSON Schema cannot compare two fields): validAbsenceMinutes + invalidAbsenceMinutes must not exceed scheduledMinutes.';

/**
 * The lesson refinement: valid + invalid absence never exceeds the lesson.
 *
 * @param r - the record, defaults applied
 * @param ctx - zod's refinement context
 * @returns nothing; adds an issue at `invalidAbsenceMinutes`
 * @example AttendanceRecordSchema.safeParse({ date: '2026-11-23', start: '08:10', scheduledMinutes: 40, invalidAbsenceMinutes: 60 }).success // false
 */
export function absenceWithinLesson(
  r: { readonly scheduledMinutes: number; readonly validAbsenceMinutes: number; readonly invalidAbsenceMinutes: number },
  ctx: z.RefinementCtx,
): void {
  if (r.validAbsenceMinutes + r.invalidAbsenceMinutes > r.scheduledMinutes) {
    const text = both(M.absenceOverLesson, { absent: r.validAbsenceMinutes + r.invalidAbsenceMinutes, scheduled: r.scheduledMinutes });
    ctx.addIssue({ code: 'custom', path: ['invalidAbsenceMinutes'], message: text.en, params: { sv: text.sv } });
  }
}

/**
 * One lesson for one student. Minutes are integers; absence never exceeds the
 * lesson. `reported: false` means the teacher has not reported the lesson yet:
 * it is left out of every rate and counted in the reporting rate instead.
 */
export const AttendanceRecordSchema = z
  .strictObject(ATTENDANCE_RECORD_SHAPE)
  .superRefine(absenceWithinLesson)
  .meta({
    title: 'Attendance record',
    description: `One lesson for one student, minutes as integers. reported: false means the teacher has not reported the lesson yet. ${ABSENCE_WITHIN_LESSON_NOTE}`,
  });

const PartyConsentSchema = z.strictObject({
  guardians: ConsentStatusSchema.default('not-asked'),
  student: ConsentStatusSchema.default('not-asked'),
});

/** Consent per purpose and party. A missing entry means "not asked". */
export const ConsentsSchema = z
  .partialRecord(ConsentPurposeSchema, PartyConsentSchema)
  .default({})
  .describe('Consent per purpose and party (guardians, student). A missing entry means not asked.');

/** What JSON Schema cannot say of a signal. */
export const UNTIL_NOT_BEFORE_DATE_NOTE = 'Not expressed by this schema (JSON Schema cannot compare two fields): until must not be before date.';

/**
 * A structured observation by staff, dated. `until` ends it: after that date
 * it triggers nothing (the decision lists it under `expiredSignals`). Without
 * `until`, the policy's `signalValidityDays` for the kind applies, if any.
 */
export const SignalSchema = z
  .strictObject({
    type: SignalTypeSchema,
    date: IsoDateSchema,
    until: IsoDateSchema.optional(),
  })
  .refine((s) => s.until === undefined || s.until >= s.date, {
    message: M.untilBeforeDate.en,
    path: ['until'],
  })
  .meta({ title: 'Signal', description: `A staff observation, dated; until ends it. ${UNTIL_NOT_BEFORE_DATE_NOTE}` });

/**
 * A step already taken. `obehovligt` records the rektor's decision that an investigation is
 * unnecessary (SL 7:19 a). An orosanmälan closes the duty to report only when `done`, and an
 * `obehovligt` same-day notice closes nothing (`recordsStep`).
 */
export const MeasureSchema = z
  .strictObject({
    step: StepIdSchema,
    date: IsoDateSchema,
    outcome: z.enum(['done', 'started', 'obehovligt']).default('done'),
  })
  .meta({
    title: 'Measure',
    description:
      'A step already taken, with its date. obehovligt records the rektor\'s decision that an investigation is unnecessary (SL 7:19 a). An orosanmalan closes the duty to report only when done (a started or obehovligt report is no report: SoL 14:1), and an obehovligt vardnadshavare-informeras closes nothing (SL 7:17).',
  });

/**
 * Everything Trappa needs to know about one student. The schema is strict:
 * unknown keys are errors, so a misspelt field never silently drops data.
 */
export const StudentCaseSchema = z
  .strictObject({
    student: StudentSchema,
    attendance: z.array(AttendanceRecordSchema).default([]),
    consents: ConsentsSchema,
    signals: z.array(SignalSchema).default([]),
    measures: z.array(MeasureSchema).default([]),
  })
  .meta({
    title: 'Trappa student case',
    description: [
      'Everything Trappa needs to know about one student (the input of trappa evaluate, one case per NDJSON line). Strict: unknown keys are errors.',
      'Expressed here as in the validator: opaque ids that are not personnummer-like, real calendar dates, residence unless protectedIdentity is true.',
      ABSENCE_WITHIN_LESSON_NOTE,
      UNTIL_NOT_BEFORE_DATE_NOTE,
    ].join(' '),
  });

export type School = z.infer<typeof SchoolSchema>;
export type Residence = z.infer<typeof ResidenceSchema>;
export type Student = z.infer<typeof StudentSchema>;
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;
export type Consents = z.infer<typeof ConsentsSchema>;
export type Signal = z.infer<typeof SignalSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
/** A validated case (defaults applied). */
export type StudentCase = z.infer<typeof StudentCaseSchema>;
/** What a caller may write before defaults are applied. */
export type StudentCaseInput = z.input<typeof StudentCaseSchema>;
