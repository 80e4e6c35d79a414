import type { AttendanceRecord, StudentCase } from '../../model/studentCase.js';
import { isValidIsoDate } from '../../model/isoDate.js';
import { absencesByStudent } from './absencesByStudent.js';
import { attendanceJudge } from './attendanceOutcome.js';
import { attendanceRepeats } from './attendanceRepeats.js';
import { Ss12000AbsenceSchema, Ss12000CalendarEventSchema, Ss12000OrganisationSchema, Ss12000PersonSchema } from './entities.js';
import type { Ss12000Exclusion, Ss12000Rejection } from './issues.js';
import { oneLessonPerStart } from './oneLessonPerStart.js';
import { parseEntityList } from './parseEntityList.js';
import { readAttendanceList } from './readAttendanceList.js';
import { readAttendances } from './readAttendances.js';
import { createRejectionTracker } from './rejectionTracker.js';
import { referenceMarkings } from './securityMarkings.js';
import { readSideFile } from './sideFileContext.js';
import { referencedStudents, studentCandidates } from './studentCandidates.js';
import { rejectUnusedSideEntries } from './unusedSideEntries.js';

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
  const asOf = options.asOf;
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, got "${asOf}"`);
  // Every step that may reject gets the tracker; the order of the steps is the order of `rejected`.
  const tracker = createRejectionTracker();

  const organisations = parseEntityList('Organisation', bundle.organisations, Ss12000OrganisationSchema, tracker);
  const persons = parseEntityList('Person', bundle.persons, Ss12000PersonSchema, tracker);
  const events = parseEntityList('CalendarEvent', bundle.calendarEvents, Ss12000CalendarEventSchema, tracker);
  const absenceList = parseEntityList('Absence', bundle.absences, Ss12000AbsenceSchema, tracker);
  const attendances = readAttendanceList(bundle.attendances, tracker);
  const markings = referenceMarkings(attendances, absenceList.items);
  const absences = absencesByStudent(absenceList.items, persons, tracker);
  const side = readSideFile(sideFile, tracker);

  const referenced = referencedStudents(attendances.flatMap(({ parsed }) => (parsed.success ? [parsed.data.student.id] : [])));
  const candidates = studentCandidates(referenced, { asOf, organisations, persons, markings, side }, absences, tracker);
  rejectUnusedSideEntries(side, (id) => candidates.has(id), organisations.items, tracker);

  // Records are judged one by one (copies and contradicting versions of one id included), then
  // each student's lessons at one date and start are resolved: neither depends on the export's order.
  const judged = readAttendances(attendances, attendanceJudge(attendanceRepeats(attendances), candidates, events, tracker));
  const tally = oneLessonPerStart(judged, candidates.keys(), tracker);

  const cases: StudentCase[] = [];
  let studentsRejected = 0;
  for (const [id, candidate] of candidates) {
    if (candidate.kind === 'rejected') studentsRejected += 1;
    else cases.push({ ...candidate.case, attendance: [...(tally.lessons.get(id)?.records ?? [])].sort(byDateAndStart) });
  }
  cases.sort((x, y) => (x.student.id < y.student.id ? -1 : x.student.id > y.student.id ? 1 : 0));
  return {
    cases,
    rejected: tracker.list(),
    excluded: tally.excluded,
    rejectedRecords: tally.rejectedRecords,
    conflictingRecords: tally.conflictingRecords,
    counts: {
      students: { read: candidates.size, evaluated: cases.length, rejected: studentsRejected },
      attendance: { read: attendances.length, accepted: tally.accepted, duplicate: tally.duplicate, excluded: tally.excluded.length, rejected: tally.rejected },
    },
  };
}
