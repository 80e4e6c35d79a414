import { SCHEMA_MESSAGE_TEXT as M } from '../../model/schemaMessageText.js';
import { z } from 'zod';
import { IsoDateSchema } from '../../model/isoDate.js';

/*
 * zod schemas for the SS 12000 entities Trappa reads (2.1.0, tolerating 2.0.0).
 * Only the fields Trappa uses are declared; everything else in an export is
 * accepted and dropped (`z.object` strips unknown keys). Stripping, rather than
 * `z.looseObject`'s pass-through, means names, civic numbers (`civicNo`),
 * street addresses, `absenceReason` free text and `displayName`s never get past
 * this point.
 *
 * Tolerated differences: `attendanceMinutes` (required in 2.0, optional in 2.1)
 * is optional; `meta` (created/modified optional in 2.0) is not read; address
 * and school types are plain strings (2.0 spells "Särskildpostadress", has
 * `KOMVUX` and no `TR`); `null` is read as "not given" for optional fields,
 * as code generators commonly emit it.
 */

/** An optional field: absent or `null` both mean "not given". */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => v ?? undefined).optional();
}

const Id = z.string().min(1, { message: M.nonEmptyId.en });

/** RFC 3339 date-time with an offset or `Z`, as every SS 12000 timestamp. */
export const DateTimeSchema = z.iso.datetime({
  offset: true,
  message: M.dateTime.en,
});

/** `Code_SecurityMarking`, on Person and on every PersonReference. */
export const SecurityMarkingSchema = z.enum(['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring']);
export type SecurityMarking = z.infer<typeof SecurityMarkingSchema>;

const ObjectReference = z.object({ id: Id });
const PersonReference = z.object({ id: Id, securityMarking: optional(SecurityMarkingSchema) });

const Minutes = z.int().min(0, { message: M.wholeMinutes.en });

/** `Attendance`: one student's presence and absence on one lesson (`/attendances`). */
export const Ss12000AttendanceSchema = z.object({
  id: Id,
  calendarEvent: ObjectReference,
  student: PersonReference,
  isReported: z.boolean(),
  attendanceMinutes: optional(Minutes),
  validAbsenceMinutes: optional(Minutes),
  invalidAbsenceMinutes: optional(Minutes),
  otherAttendanceMinutes: optional(Minutes),
});
export type Ss12000Attendance = z.infer<typeof Ss12000AttendanceSchema>;

/** `StudentException`: one student's deviation from one lesson. */
export const Ss12000StudentExceptionSchema = z.object({
  student: PersonReference,
  participates: z.boolean(),
  startTime: optional(DateTimeSchema),
  endTime: optional(DateTimeSchema),
  teachingLength: optional(Minutes),
});
export type Ss12000StudentException = z.infer<typeof Ss12000StudentExceptionSchema>;

/** `CalendarEvent`: one lesson of an activity (`/calendarEvents`). */
export const Ss12000CalendarEventSchema = z.object({
  id: Id,
  startTime: DateTimeSchema,
  endTime: DateTimeSchema,
  cancelled: optional(z.boolean()),
  teachingLengthStudent: optional(Minutes),
  studentExceptions: optional(z.array(Ss12000StudentExceptionSchema)),
});
export type Ss12000CalendarEvent = z.infer<typeof Ss12000CalendarEventSchema>;

/** `Code_AbsenceType`. */
export const AbsenceTypeSchema = z.enum(['Beviljad ledighet', 'Anmäld frånvaro']);

/** `Absence`: granted leave or absence reported by the student or guardians (`/absences`). */
export const Ss12000AbsenceSchema = z.object({
  id: Id,
  startTime: DateTimeSchema,
  endTime: DateTimeSchema,
  type: AbsenceTypeSchema,
  student: PersonReference,
});
export type Ss12000Absence = z.infer<typeof Ss12000AbsenceSchema>;

/** `Enrolment`: where, in which school form and year group a person is a student. */
export const Ss12000EnrolmentSchema = z.object({
  enroledAt: ObjectReference,
  schoolType: z.string().min(1),
  schoolYear: optional(z.int().min(0).max(10)),
  startDate: optional(IsoDateSchema),
  endDate: optional(IsoDateSchema),
  cancelled: optional(z.boolean()),
});
export type Ss12000Enrolment = z.infer<typeof Ss12000EnrolmentSchema>;

/** A municipality code as sent: an integer per the spec (180), or a digit string. */
const MunicipalityCodeInput = z.union([z.int(), z.string()]);

/** `Person.addresses[]`: only the type and the municipality are read. */
export const Ss12000AddressSchema = z.object({
  type: optional(z.string()),
  municipalityCode: optional(MunicipalityCodeInput),
});

/** `Person`: student or guardian (`/persons`). Names and `civicNo` are not read. */
export const Ss12000PersonSchema = z.object({
  id: Id,
  birthDate: optional(IsoDateSchema),
  securityMarking: optional(SecurityMarkingSchema),
  addresses: optional(z.array(Ss12000AddressSchema)),
  enrolments: optional(z.array(Ss12000EnrolmentSchema)),
  responsibles: optional(z.array(z.object({ person: optional(PersonReference) }))),
});
export type Ss12000Person = z.infer<typeof Ss12000PersonSchema>;

/** `Organisation`: a school unit (Skolenhet), its huvudman and what lies between (`/organisations`). */
export const Ss12000OrganisationSchema = z.object({
  id: Id,
  organisationType: z.string().min(1),
  organisationNumber: optional(z.string()),
  parentOrganisation: optional(ObjectReference),
  schoolUnitCode: optional(z.string()),
  municipalityCode: optional(MunicipalityCodeInput),
});
export type Ss12000Organisation = z.infer<typeof Ss12000OrganisationSchema>;
