import type { z } from 'zod';
import { OpaqueIdSchema, StudentCaseSchema, type AttendanceRecord, type StudentCase, type StudentCaseInput } from '../../model/studentCase.js';
import { isValidIsoDate } from '../../model/isoDate.js';
import { forbiddenKeyMessage, forbiddenKeys } from '../../model/forbiddenKeys.js';
import { conflictMessage, resolveDuplicateLessons } from '../lessonDuplicates.js';
import { formatIssuePath, inputIssues } from '../parseStudentCase.js';
import { eventLesson, studentLesson, type Lesson } from './calendarEventLesson.js';
import { currentEnrolment } from './currentEnrolment.js';
import {
  Ss12000AbsenceSchema,
  Ss12000AttendanceSchema,
  Ss12000CalendarEventSchema,
  Ss12000OrganisationSchema,
  Ss12000PersonSchema,
  type SecurityMarking,
  type Ss12000CalendarEvent,
  type Ss12000Organisation,
  type Ss12000Person,
} from './entities.js';
import { unwrapList } from './envelope.js';
import { fastSs12000Attendance } from './fastAttendance.js';
import { findHuvudman, huvudmanFromOrganisationNumber } from './huvudman.js';
import type { Ss12000Entity, Ss12000Exclusion, Ss12000Issue, Ss12000Rejection } from './issues.js';
import { normaliseMunicipalityCode } from './municipalityCode.js';
import { absenceReasonOf, type ReportedAbsence } from './reportedAbsence.js';
import { SchoolContextSchema, SideFileShellSchema, StudentContextSchema, type SchoolContext, type StudentContext } from './sideFile.js';

/**
 * An SS 12000 export, one list per endpoint. Each list is what the API
 * answers (`{ data: [...], pageToken }`) or a plain array; merge pages into one
 * array before passing them. Lists Trappa does not read (activities, groups,
 * duties…) are not needed.
 */
export interface Ss12000Bundle {
  readonly organisations?: unknown;
  readonly persons?: unknown;
  readonly calendarEvents?: unknown;
  readonly attendances?: unknown;
  readonly absences?: unknown;
}

/** Options for `fromSs12000`. */
export interface FromSs12000Options {
  /**
   * The evaluation date (`YYYY-MM-DD`): only enrolments in force on it count.
   * Without it, the latest-starting enrolment counts, ended or not.
   */
  readonly asOf?: string;
}

/** The cases read from an export, and an account of everything that was not used. */
export interface Ss12000Result {
  /** One validated case per student, ordered by student id; lessons ordered by date and start. */
  readonly cases: readonly StudentCase[];
  readonly rejected: readonly Ss12000Rejection[];
  readonly excluded: readonly Ss12000Exclusion[];
  /**
   * Attendance records rejected for students who were still evaluated, by
   * student id: pass `{ kind: 'rejected-records', count }` to `evaluate`.
   */
  readonly rejectedRecords: Readonly<Record<string, number>>;
  /**
   * Of those, the records rejected because they contradict another record of
   * the same lesson (same id, or same date and start), and at how many
   * lessons, by student id: pass `{ kind: 'conflicting-lessons', count, lessons }`
   * to `evaluate` (`recordWarnings` builds both warnings).
   */
  readonly conflictingRecords: Readonly<Record<string, { readonly count: number; readonly lessons: number }>>;
  /**
   * `students.read = evaluated + rejected`;
   * `attendance.read = accepted + duplicate + excluded + rejected` (`duplicate`: a
   * copy of a record already read, counted once).
   */
  readonly counts: {
    readonly students: { readonly read: number; readonly evaluated: number; readonly rejected: number };
    readonly attendance: { readonly read: number; readonly accepted: number; readonly duplicate: number; readonly excluded: number; readonly rejected: number };
  };
}

interface MutableRejection {
  entity: Ss12000Entity;
  id: string | null;
  issues: Ss12000Issue[];
  attendanceRecords: number;
}

interface ParsedList<T> {
  readonly items: readonly T[];
  readonly byId: ReadonlyMap<string, T>;
  /** The first rejection of each id that could not be used. */
  readonly rejectedById: ReadonlyMap<string, MutableRejection>;
}

type Candidate =
  | {
      readonly kind: 'case';
      readonly case: StudentCase;
      readonly attendance: AttendanceRecord[];
      /** The Attendance id of each record in `attendance`. */
      readonly attendanceIds: string[];
      readonly absences: readonly ReportedAbsence[];
    }
  | { readonly kind: 'rejected'; readonly rejection: MutableRejection };

const PROTECTING_MARKINGS: ReadonlySet<SecurityMarking> = new Set(['Skyddad folkbokföring', 'Sekretessmarkering']);

function rawId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
}

function rawStudentId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  return rawId((value as { student?: unknown }).student);
}

function zodIssues(entity: Ss12000Entity, id: string | null, error: z.ZodError, prefix = ''): Ss12000Issue[] {
  return inputIssues(error, prefix).map((i) => ({ entity, id, field: i.path, message: i.message }));
}

/** `__proto__`, `constructor` and `prototype` keys in a side-file value, as issues (the schema's records would drop them). */
function forbiddenKeyIssues(entity: Ss12000Entity, id: string | null, value: unknown, prefix = ''): Ss12000Issue[] {
  return forbiddenKeys(value).map((f) => ({ entity, id, field: formatIssuePath(f.path, prefix), message: forbiddenKeyMessage(f.key) }));
}

function byDateAndStart(a: AttendanceRecord, b: AttendanceRecord): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/**
 * Read an SS 12000 export (2.1.0, tolerating 2.0.0) into Trappa's
 * `StudentCase`s. Attendance records become lessons: the date and start are
 * the Europe/Stockholm civil time of the lesson (or of the student's
 * exception), scheduled minutes come from `teachingLengthStudent` or the
 * event's span (or the exception); lessons of cancelled events and lessons a
 * student does not take part in are excluded; `isReported: false` stays an
 * unreported lesson (it lowers the reporting rate, not the attendance);
 * `Absence` records give the reason and whether the guardians reported it.
 * The student comes from `Person` and the enrolment in force (school form from
 * `schoolType`, grade from `schoolYear`, school unit from `enroledAt`), the
 * home municipality from the folkbokföring address (normalised to four
 * digits), protected identity from `securityMarking`. The side file adds what
 * SS 12000 does not carry.
 *
 * Nothing is dropped silently: every Attendance record is accepted, counted
 * as a duplicate (a copy of a record already read: same id and content, or
 * the same student, date, start and content), excluded, or counted under
 * exactly one rejection, and every rejection names the entity, id and field.
 * Records that contradict each other (one id with different content, or one
 * student's lesson at one date and start reported differently) are all
 * rejected, whatever their order. Names, civic numbers, street addresses and free-text
 * reasons are never read.
 *
 * @param bundle - the export, one list per endpoint
 * @param sideFile - optional context joined by person id and school unit (see `Ss12000SideFileSchema`)
 * @param options - `asOf` selects the enrolment in force
 * @returns the cases, rejections, exclusions and counts
 * @example
 * const { cases, rejected } = fromSs12000({ organisations, persons, calendarEvents, attendances, absences }, sideFile, { asOf: '2026-11-23' });
 * cases.map((c) => evaluate(c, builtinPolicy('stockholm'), { asOf: '2026-11-23' }));
 */
export function fromSs12000(bundle: Ss12000Bundle, sideFile?: unknown, options: FromSs12000Options = {}): Ss12000Result {
  const rejected: MutableRejection[] = [];
  const reject = (entity: Ss12000Entity, id: string | null, issues: Ss12000Issue[], attendanceRecords = 0): MutableRejection => {
    const r: MutableRejection = { entity, id, issues, attendanceRecords };
    rejected.push(r);
    return r;
  };
  const asOf = options.asOf;
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, got "${asOf}"`);

  function parseList<T extends { id: string }>(entity: Ss12000Entity, value: unknown, schema: z.ZodType<T>): ParsedList<T> {
    const items: T[] = [];
    const byId = new Map<string, T>();
    const rejectedById = new Map<string, MutableRejection>();
    if (value === undefined) return { items, byId, rejectedById };
    const list = unwrapList(value);
    if (!list.ok) {
      reject(entity, null, [{ entity, id: null, field: '(root)', message: list.message }]);
      return { items, byId, rejectedById };
    }
    // Copies of one record (overlapping pages) count once; records that share an id but differ
    // are all rejected, whatever their order, since nothing says which one is right.
    const times = new Map<string, number>();
    for (const raw of list.items) {
      const id = rawId(raw);
      if (id !== null) times.set(id, (times.get(id) ?? 0) + 1);
    }
    const copies = new Map<string, Set<string>>(); // only for ids that occur more than once
    for (const raw of list.items) {
      const id = rawId(raw);
      if (id !== null && (times.get(id) ?? 0) > 1) copies.set(id, (copies.get(id) ?? new Set<string>()).add(JSON.stringify(raw)));
    }
    list.items.forEach((raw, index) => {
      const id = rawId(raw);
      if (id !== null && (copies.get(id)?.size ?? 1) > 1) {
        const r = reject(entity, id, [{ entity, id, field: 'id', message: `${copies.get(id)?.size ?? 0} different records have this id; none is used` }]);
        if (!rejectedById.has(id)) rejectedById.set(id, r);
        copies.delete(id); // one rejection for the group
        return;
      }
      if (id !== null && (byId.has(id) || rejectedById.has(id))) return; // an identical copy, or the rest of a rejected group
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const r = reject(entity, id, zodIssues(entity, id, parsed.error, id === null ? `[${index}]` : ''));
        if (id !== null) rejectedById.set(id, r);
        return;
      }
      byId.set(parsed.data.id, parsed.data);
      items.push(parsed.data);
    });
    return { items, byId, rejectedById };
  }

  // ---- entities -------------------------------------------------------------------------------
  const organisations = parseList('Organisation', bundle.organisations, Ss12000OrganisationSchema);
  const persons = parseList('Person', bundle.persons, Ss12000PersonSchema);
  const events = parseList('CalendarEvent', bundle.calendarEvents, Ss12000CalendarEventSchema);
  const absenceList = parseList('Absence', bundle.absences, Ss12000AbsenceSchema);

  const attendanceList = bundle.attendances === undefined ? { ok: true as const, items: [] } : unwrapList(bundle.attendances);
  if (!attendanceList.ok) reject('Attendance', null, [{ entity: 'Attendance', id: null, field: '(root)', message: attendanceList.message }]);
  const attendanceItems = attendanceList.ok ? attendanceList.items : [];
  const attendances = attendanceItems.map((raw) => {
    const fast = fastSs12000Attendance(raw);
    return { raw, parsed: fast === undefined ? Ss12000AttendanceSchema.safeParse(raw) : { success: true as const, data: fast } };
  });

  // Security markings also travel on every PersonReference; the strongest one seen counts.
  const markings = new Map<string, Set<SecurityMarking>>();
  const mark = (id: string, marking: SecurityMarking | undefined): void => {
    if (marking === undefined) return;
    const set = markings.get(id) ?? new Set<SecurityMarking>();
    set.add(marking);
    markings.set(id, set);
  };
  const referenced: string[] = [];
  const referencedSet = new Set<string>();
  for (const { parsed } of attendances) {
    if (!parsed.success) continue;
    const student = parsed.data.student;
    mark(student.id, student.securityMarking);
    if (!referencedSet.has(student.id)) {
      referencedSet.add(student.id);
      referenced.push(student.id);
    }
  }

  const absencesByStudent = new Map<string, ReportedAbsence[]>();
  for (const a of absenceList.items) {
    mark(a.student.id, a.student.securityMarking);
    const startMs = Date.parse(a.startTime);
    const endMs = Date.parse(a.endTime);
    if (!(endMs > startMs)) {
      reject('Absence', a.id, [{ entity: 'Absence', id: a.id, field: 'endTime', message: 'Expected endTime after startTime' }]);
      continue;
    }
    if (!persons.byId.has(a.student.id) && !persons.rejectedById.has(a.student.id)) {
      reject('Absence', a.id, [{ entity: 'Absence', id: a.id, field: 'student.id', message: `Person ${a.student.id} is not in the export` }]);
      continue;
    }
    const list = absencesByStudent.get(a.student.id) ?? [];
    list.push({ startMs, endMs, type: a.type });
    absencesByStudent.set(a.student.id, list);
  }

  // ---- side file -------------------------------------------------------------------------------
  // A forbidden key in the outline rejects the side file; one inside an entry rejects that school or student (below).
  const outlineForbidden = (sideFile === undefined ? [] : forbiddenKeys(sideFile))
    .filter((f) => f.path.length <= 2)
    .map((f): Ss12000Issue => ({ entity: 'SideFile', id: null, field: formatIssuePath(f.path), message: forbiddenKeyMessage(f.key) }));
  const shell = sideFile === undefined || outlineForbidden.length > 0 ? undefined : SideFileShellSchema.safeParse(sideFile);
  const sideRejection =
    outlineForbidden.length > 0
      ? reject('SideFile', null, outlineForbidden)
      : shell !== undefined && !shell.success
        ? reject('SideFile', null, zodIssues('SideFile', null, shell.error))
        : undefined;
  const sideSchools = shell?.success === true ? shell.data.schools : {};
  const sideStudents = shell?.success === true ? shell.data.students : {};
  const usedSideSchools = new Set<string>();

  const schoolContexts = new Map<string, { ok: true; context: SchoolContext | undefined } | { ok: false; issues: Ss12000Issue[] }>();
  function schoolContext(key: string): { ok: true; context: SchoolContext | undefined } | { ok: false; issues: Ss12000Issue[] } {
    const known = schoolContexts.get(key);
    if (known !== undefined) return known;
    let result: { ok: true; context: SchoolContext | undefined } | { ok: false; issues: Ss12000Issue[] };
    if (!Object.hasOwn(sideSchools, key)) result = { ok: true, context: undefined };
    else {
      usedSideSchools.add(key);
      const forbidden = forbiddenKeyIssues('SideFile', key, sideSchools[key], `schools[${JSON.stringify(key)}]`);
      const parsed = SchoolContextSchema.safeParse(sideSchools[key]);
      result =
        forbidden.length > 0
          ? { ok: false, issues: forbidden }
          : parsed.success
            ? { ok: true, context: parsed.data }
            : { ok: false, issues: zodIssues('SideFile', key, parsed.error, `schools[${JSON.stringify(key)}]`) };
    }
    schoolContexts.set(key, result);
    return result;
  }

  // ---- students --------------------------------------------------------------------------------
  function isProtected(person: Ss12000Person): boolean {
    const all = new Set<SecurityMarking>(markings.get(person.id));
    if (person.securityMarking !== undefined) all.add(person.securityMarking);
    // A guardian with protected personal data protects the child's address too.
    for (const r of person.responsibles ?? []) {
      if (r.person === undefined) continue;
      if (r.person.securityMarking !== undefined) all.add(r.person.securityMarking);
      const guardian = persons.byId.get(r.person.id);
      if (guardian?.securityMarking !== undefined) all.add(guardian.securityMarking);
    }
    for (const m of all) if (PROTECTING_MARKINGS.has(m)) return true;
    return false;
  }

  function buildCase(person: Ss12000Person): { ok: true; case: StudentCase } | { ok: false; issues: Ss12000Issue[] } {
    const issues: Ss12000Issue[] = [];
    const at = (field: string, message: string): void => {
      issues.push({ entity: 'Person', id: person.id, field, message });
    };

    let context: StudentContext | undefined;
    if (Object.hasOwn(sideStudents, person.id)) {
      const forbidden = forbiddenKeyIssues('SideFile', person.id, sideStudents[person.id], `students[${JSON.stringify(person.id)}]`);
      const parsed = StudentContextSchema.safeParse(sideStudents[person.id]);
      if (forbidden.length > 0) issues.push(...forbidden);
      else if (parsed.success) context = parsed.data;
      else issues.push(...zodIssues('SideFile', person.id, parsed.error, `students[${JSON.stringify(person.id)}]`));
    }

    const idCheck = OpaqueIdSchema.safeParse(person.id);
    if (!idCheck.success) at('id', idCheck.error.issues[0]?.message ?? 'Not usable as an opaque id');
    if (person.birthDate === undefined) at('birthDate', 'Missing: Trappa needs the birth date for age-dependent duties');

    const choice = currentEnrolment(person.enrolments ?? [], asOf);
    let school: StudentCaseInput['student']['school'] | undefined;
    let schoolForm: StudentCaseInput['student']['schoolForm'] | undefined;
    let grade: number | undefined;
    let enrolledFrom: string | undefined;
    if (choice.kind === 'none') at(choice.field, choice.message);
    else {
      const { enrolment, index } = choice;
      schoolForm = choice.schoolForm;
      // Enrolment.startDate: term coverage counts from it when it is later than the term's start (a late enrolment).
      enrolledFrom = enrolment.startDate;
      grade = enrolment.schoolYear ?? (schoolForm === 'forskoleklass' ? 0 : undefined);
      if (grade === undefined) at(`enrolments[${index}].schoolYear`, 'Missing: Trappa needs the year group (årskurs)');
      const unitId = enrolment.enroledAt.id;
      const unit = organisations.byId.get(unitId);
      if (unit === undefined) {
        at(
          `enrolments[${index}].enroledAt.id`,
          organisations.rejectedById.has(unitId) ? `Organisation ${unitId} was rejected` : `Organisation ${unitId} is not in the export`,
        );
      } else {
        school = resolveSchool(unit, schoolForm, issues);
      }
    }

    const protectedIdentity = isProtected(person);
    let residence: { municipalityCode: string; district?: string } | undefined;
    if (!protectedIdentity) {
      const addresses = person.addresses ?? [];
      const index = addresses.findIndex((a) => (a.type ?? 'Folkbokföring') === 'Folkbokföring');
      const address = addresses[index];
      if (address === undefined) {
        at('addresses', 'No Folkbokföring address: Trappa needs the home municipality to route to the hemkommun and social services');
      } else {
        const code = normaliseMunicipalityCode(address.municipalityCode);
        if (code === undefined) {
          at(`addresses[${index}].municipalityCode`, address.municipalityCode === undefined ? 'Missing' : 'Not a Swedish municipality code (län 01–25, four digits)');
        } else {
          residence = { municipalityCode: code, ...(context?.residenceDistrict === undefined ? {} : { district: context.residenceDistrict }) };
        }
      }
    }

    if (issues.length > 0 || school === undefined || schoolForm === undefined || grade === undefined || person.birthDate === undefined) {
      return { ok: false, issues };
    }
    const input: StudentCaseInput = {
      student: {
        id: person.id,
        birthDate: person.birthDate,
        schoolForm,
        grade,
        school,
        ...(residence === undefined ? {} : { residence }),
        protectedIdentity,
        ...(enrolledFrom === undefined ? {} : { enrolledFrom }),
        ...(context?.studiehjalp === undefined ? {} : { studiehjalp: context.studiehjalp }),
      },
      attendance: [],
      ...(context === undefined ? {} : { consents: context.consents, signals: context.signals, measures: context.measures }),
    };
    const parsed = StudentCaseSchema.safeParse(input);
    if (!parsed.success) return { ok: false, issues: zodIssues('Person', person.id, parsed.error, 'StudentCase') };
    return { ok: true, case: parsed.data };
  }

  function resolveSchool(
    unit: Ss12000Organisation,
    schoolForm: StudentCaseInput['student']['schoolForm'],
    issues: Ss12000Issue[],
  ): StudentCaseInput['student']['school'] | undefined {
    const before = issues.length;
    const orgIssue = (id: string, field: string, message: string): void => {
      issues.push({ entity: 'Organisation', id, field, message });
    };
    const key = unit.schoolUnitCode ?? unit.id;
    let context = schoolContext(key);
    if (context.ok && context.context === undefined && key !== unit.id) context = schoolContext(unit.id);
    if (!context.ok) issues.push(...context.issues);
    const ctx = context.ok ? context.context : undefined;

    if (!OpaqueIdSchema.safeParse(key).success) orgIssue(unit.id, unit.schoolUnitCode === undefined ? 'id' : 'schoolUnitCode', 'Not usable as an opaque school id');
    const municipalityCode = normaliseMunicipalityCode(unit.municipalityCode);
    if (municipalityCode === undefined) {
      orgIssue(unit.id, 'municipalityCode', unit.municipalityCode === undefined ? 'Missing: the municipality where the school unit is' : 'Not a Swedish municipality code');
    }
    const huvudmanOrg = findHuvudman(unit, organisations.byId);
    const huvudman =
      ctx?.huvudman ??
      (huvudmanOrg?.organisationNumber === undefined ? undefined : huvudmanFromOrganisationNumber(huvudmanOrg.organisationNumber)) ??
      (schoolForm === 'specialskola' || schoolForm === 'sameskola' ? 'statlig' : undefined);
    if (huvudman === undefined) {
      orgIssue(
        huvudmanOrg?.id ?? unit.id,
        huvudmanOrg === undefined ? 'parentOrganisation' : 'organisationNumber',
        `Cannot tell whether the huvudman is kommunal, fristående or statlig; set schools[${JSON.stringify(key)}].huvudman in the side file`,
      );
    }
    if (issues.length > before || municipalityCode === undefined || huvudman === undefined) return undefined;
    return {
      id: key,
      huvudman,
      municipalityCode,
      ...(ctx?.district === undefined ? {} : { district: ctx.district }),
      teams: ctx?.teams ?? [],
    };
  }

  const candidates = new Map<string, Candidate>();
  const addCandidate = (id: string): void => {
    if (candidates.has(id)) return;
    if (sideRejection !== undefined) {
      candidates.set(id, { kind: 'rejected', rejection: sideRejection });
      return;
    }
    const person = persons.byId.get(id);
    if (person === undefined) {
      const earlier = persons.rejectedById.get(id);
      candidates.set(id, {
        kind: 'rejected',
        rejection:
          earlier ??
          reject('Person', id, [{ entity: 'Person', id, field: 'id', message: 'Referenced as the student of Attendance records but not in the export' }]),
      });
      return;
    }
    const built = buildCase(person);
    candidates.set(
      id,
      built.ok
        ? { kind: 'case', case: built.case, attendance: [], attendanceIds: [], absences: absencesByStudent.get(id) ?? [] }
        : { kind: 'rejected', rejection: reject('Person', id, built.issues) },
    );
  };
  for (const person of persons.items) {
    if (referencedSet.has(person.id) || currentEnrolment(person.enrolments ?? [], asOf).kind === 'found') addCandidate(person.id);
  }
  for (const id of referenced) addCandidate(id);

  for (const key of Object.keys(sideStudents)) {
    if (!candidates.has(key)) {
      reject('SideFile', key, [{ entity: 'SideFile', id: key, field: `students[${JSON.stringify(key)}]`, message: 'No student with this Person id in the export' }]);
    }
  }
  for (const key of Object.keys(sideSchools)) {
    if (usedSideSchools.has(key)) continue;
    if (!organisations.items.some((o) => o.schoolUnitCode === key || o.id === key)) {
      reject('SideFile', key, [{ entity: 'SideFile', id: key, field: `schools[${JSON.stringify(key)}]`, message: 'No Organisation with this schoolUnitCode or id in the export' }]);
    }
  }

  // ---- attendance ------------------------------------------------------------------------------
  const excluded: Ss12000Exclusion[] = [];
  const rejectedRecords: Record<string, number> = {};
  const lessons = new Map<string, { ok: true; lesson: Lesson } | { ok: false; rejection: MutableRejection }>();
  const missingEvents = new Map<string, MutableRejection>();
  // Repeated records are resolved without regard to their order in the export: copies of one
  // record count once (`duplicate`); records that contradict each other (one id with different
  // content here, one student's date and start once mapped, below) are all rejected, since
  // nothing says which one is right.
  const timesById = new Map<string, number>();
  for (const { parsed } of attendances) if (parsed.success) timesById.set(parsed.data.id, (timesById.get(parsed.data.id) ?? 0) + 1);
  const copiesById = new Map<string, Set<string>>(); // only for ids that occur more than once
  for (const { raw, parsed } of attendances) {
    if (!parsed.success) continue;
    const { id } = parsed.data;
    if ((timesById.get(id) ?? 0) > 1) copiesById.set(id, (copiesById.get(id) ?? new Set<string>()).add(JSON.stringify(raw)));
  }
  const seenAttendance = new Set<string>();
  /** Of an id with different versions: the versions already rejected (a later copy of one is a duplicate). */
  const rejectedVersions = new Map<string, Set<string>>();
  let accepted = 0;
  let duplicate = 0;
  let rejectedAttendance = 0;
  const conflictingRecords: Record<string, { count: number; lessons: number }> = {};
  const countConflict = (studentId: string, records: number, lessons: number): void => {
    if (candidates.get(studentId)?.kind !== 'case') return;
    const c = (conflictingRecords[studentId] ??= { count: 0, lessons: 0 });
    c.count += records;
    c.lessons += lessons;
  };

  const countAgainst = (rejection: MutableRejection, studentId: string | null): void => {
    rejection.attendanceRecords += 1;
    rejectedAttendance += 1;
    if (studentId !== null && candidates.get(studentId)?.kind === 'case') rejectedRecords[studentId] = (rejectedRecords[studentId] ?? 0) + 1;
  };
  const rejectAttendance = (id: string | null, studentId: string | null, issues: Ss12000Issue[]): void => {
    countAgainst(reject('Attendance', id, issues), studentId);
  };

  function lessonOfEvent(event: Ss12000CalendarEvent): { ok: true; lesson: Lesson } | { ok: false; rejection: MutableRejection } {
    const known = lessons.get(event.id);
    if (known !== undefined) return known;
    const base = eventLesson(event);
    const result = base.ok
      ? base
      : { ok: false as const, rejection: reject('CalendarEvent', event.id, [{ entity: 'CalendarEvent', id: event.id, ...base.issue }]) };
    lessons.set(event.id, result);
    return result;
  }

  attendances.forEach(({ raw, parsed }, index) => {
    if (!parsed.success) {
      const id = rawId(raw);
      rejectAttendance(id, rawStudentId(raw), zodIssues('Attendance', id, parsed.error, id === null ? `[${index}]` : ''));
      return;
    }
    const a = parsed.data;
    const studentId = a.student.id;
    const copies = copiesById.get(a.id)?.size ?? 1;
    if (copies > 1) {
      const text = JSON.stringify(raw);
      const rejectedOnes = rejectedVersions.get(a.id) ?? new Set<string>();
      if (rejectedOnes.has(text)) {
        duplicate += 1;
        return;
      }
      rejectedVersions.set(a.id, rejectedOnes.add(text));
      rejectAttendance(a.id, studentId, [
        { entity: 'Attendance', id: a.id, field: 'id', message: `${copies} different records have this id; none is used` },
      ]);
      countConflict(studentId, 1, rejectedOnes.size === 1 ? 1 : 0);
      return;
    }
    if (seenAttendance.has(a.id)) {
      duplicate += 1;
      return;
    }
    seenAttendance.add(a.id);
    const candidate = candidates.get(studentId);
    if (candidate === undefined) throw new Error(`internal: no candidate for referenced student ${studentId}`);
    if (candidate.kind === 'rejected') {
      countAgainst(candidate.rejection, null);
      return;
    }
    const eventId = a.calendarEvent.id;
    const event = events.byId.get(eventId);
    if (event === undefined) {
      let rejection = events.rejectedById.get(eventId) ?? missingEvents.get(eventId);
      if (rejection === undefined) {
        rejection = reject('CalendarEvent', eventId, [
          { entity: 'CalendarEvent', id: eventId, field: 'id', message: 'Referenced by Attendance records but not in the export' },
        ]);
        missingEvents.set(eventId, rejection);
      }
      countAgainst(rejection, studentId);
      return;
    }
    if (event.cancelled === true) {
      excluded.push({ attendanceId: a.id, calendarEventId: eventId, studentId, reason: 'cancelled-lesson' });
      return;
    }
    const base = lessonOfEvent(event);
    if (!base.ok) {
      countAgainst(base.rejection, studentId);
      return;
    }
    const own = studentLesson(event, base.lesson, studentId);
    if (own.kind === 'not-participating') {
      excluded.push({ attendanceId: a.id, calendarEventId: eventId, studentId, reason: 'not-participating' });
      return;
    }
    if (own.kind === 'invalid') {
      rejectAttendance(a.id, studentId, [{ entity: 'CalendarEvent', id: eventId, ...own.issue }]);
      return;
    }
    const lesson = own.lesson;
    const valid = a.validAbsenceMinutes ?? 0;
    const invalid = a.invalidAbsenceMinutes ?? 0;
    if (valid + invalid > lesson.scheduledMinutes) {
      rejectAttendance(a.id, studentId, [
        {
          entity: 'Attendance',
          id: a.id,
          field: 'invalidAbsenceMinutes',
          message: `Valid + invalid absence (${valid + invalid} min) exceeds the lesson's ${lesson.scheduledMinutes} minutes (CalendarEvent ${eventId})`,
        },
      ]);
      return;
    }
    const { reason, guardianReported } = absenceReasonOf(valid + invalid, lesson.startMs, lesson.endMs, candidate.absences);
    candidate.attendanceIds.push(a.id);
    candidate.attendance.push({
      date: lesson.date,
      start: lesson.start,
      scheduledMinutes: lesson.scheduledMinutes,
      validAbsenceMinutes: valid,
      invalidAbsenceMinutes: invalid,
      reported: a.isReported,
      guardianReported,
      reason,
    });
    accepted += 1;
  });

  // ---- one lesson per date and start ------------------------------------------------------------
  // Two records of one student at one date and start (two Attendance ids for one lesson, or two
  // events at the same time) are copies when they map to the same record, else a conflict.
  for (const [studentId, candidate] of candidates) {
    if (candidate.kind !== 'case') continue;
    const resolved = resolveDuplicateLessons(candidate.attendance);
    if (resolved.accepted === candidate.attendance) continue;
    duplicate += resolved.duplicates.length;
    accepted -= resolved.duplicates.length;
    for (const c of resolved.conflicts) {
      const ids = c.records.map((i) => candidate.attendanceIds[i] ?? null);
      for (const id of ids) {
        const others = ids.filter((other) => other !== id).map((other) => `Attendance ${other ?? '(no id)'}`);
        rejectAttendance(id, studentId, [{ entity: 'Attendance', id, field: 'calendarEvent.id', message: conflictMessage(others, c.fields) }]);
        accepted -= 1;
      }
      countConflict(studentId, c.records.length, 1);
    }
    const kept = resolved.accepted;
    candidate.attendance.length = 0;
    for (const r of kept) candidate.attendance.push(r);
  }

  // ---- result ----------------------------------------------------------------------------------
  const cases: StudentCase[] = [];
  let studentsRejected = 0;
  for (const candidate of candidates.values()) {
    if (candidate.kind === 'rejected') studentsRejected += 1;
    else cases.push({ ...candidate.case, attendance: [...candidate.attendance].sort(byDateAndStart) });
  }
  cases.sort((x, y) => (x.student.id < y.student.id ? -1 : x.student.id > y.student.id ? 1 : 0));
  return {
    cases,
    rejected: rejected.map((r) => ({ entity: r.entity, id: r.id, issues: r.issues, attendanceRecords: r.attendanceRecords })),
    excluded,
    rejectedRecords,
    conflictingRecords,
    counts: {
      students: { read: candidates.size, evaluated: cases.length, rejected: studentsRejected },
      attendance: { read: attendanceItems.length, accepted, duplicate, excluded: excluded.length, rejected: rejectedAttendance },
    },
  };
}
