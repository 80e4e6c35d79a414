import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
import type { AttendanceRecord } from '../../model/studentCase.js';
import { boundedMemo } from '../../model/boundedMemo.js';
import { weakMemo } from '../../model/weakMemo.js';
import { eventLesson, studentLesson, type Lesson } from './calendarEventLesson.js';
import type { Ss12000Attendance, Ss12000CalendarEvent } from './entities.js';
import { zodIssues } from './entityIssues.js';
import type { Ss12000Exclusion, Ss12000Issue } from './issues.js';
import type { ParsedList } from './parseEntityList.js';
import { rawId, rawStudentId } from './rawId.js';
import type { AttendanceEntry } from './readAttendanceList.js';
import { absenceReasonOf } from './reportedAbsence.js';
import type { AttendanceRepeats } from './attendanceRepeats.js';
import type { RejectionTracker, TrackedRejection } from './rejectionTracker.js';
import type { Candidate } from './studentCandidates.js';

/**
 * What became of one Attendance record. `studentId` of a rejection: the
 * student it is counted for, if any; `conflict`: the record contradicts
 * another record with its id (`lessons`: 1 for the first record of the id,
 * so each contradicted lesson counts once).
 */
export type AttendanceOutcome =
  | { readonly kind: 'accepted'; readonly studentId: string; readonly attendanceId: string; readonly record: AttendanceRecord }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'excluded'; readonly exclusion: Ss12000Exclusion }
  | {
      readonly kind: 'rejected';
      readonly rejection: TrackedRejection;
      readonly studentId: string | null;
      readonly conflict?: { readonly lessons: number };
    };

/** What Attendance records are judged against. */
export interface AttendanceJudge {
  readonly repeats: AttendanceRepeats;
  readonly candidates: ReadonlyMap<string, Candidate>;
  readonly events: ParsedList<Ss12000CalendarEvent>;
  readonly tracker: RejectionTracker;
  /** The lesson of a CalendarEvent, or the rejection of the event (one per event). */
  readonly lessonOf: (event: Ss12000CalendarEvent) => { ok: true; lesson: Lesson } | { ok: false; rejection: TrackedRejection };
  /** The rejection of a CalendarEvent id that is not in the export (one per id). */
  readonly missingEvent: (eventId: string) => TrackedRejection;
}

/**
 * The context Attendance records are judged in: one rejection per broken or
 * missing CalendarEvent, however many records refer to it.
 *
 * @param repeats - repeated records (`attendanceRepeats`)
 * @param candidates - the students (`studentCandidates`)
 * @param events - the CalendarEvent list
 * @param tracker - where rejections go
 * @returns the judge to pass to `attendanceOutcome`
 * @example attendanceOutcome(entry, 0, attendanceJudge(repeats, candidates, events, tracker)).kind // 'accepted', 'duplicate', 'excluded' or 'rejected'
 */
export function attendanceJudge(
  repeats: AttendanceRepeats,
  candidates: ReadonlyMap<string, Candidate>,
  events: ParsedList<Ss12000CalendarEvent>,
  tracker: RejectionTracker,
): AttendanceJudge {
  return {
    repeats,
    candidates,
    events,
    tracker,
    // Unbounded on purpose: forgetting an event would reject it twice.
    lessonOf: weakMemo((event: Ss12000CalendarEvent) => {
      const base = eventLesson(event);
      return base.ok ? base : { ok: false as const, rejection: tracker.reject('CalendarEvent', event.id, [{ entity: 'CalendarEvent', id: event.id, ...base.issue }]) };
    }),
    missingEvent: boundedMemo(
      (eventId: string) =>
        tracker.reject('CalendarEvent', eventId, [{ entity: 'CalendarEvent', id: eventId, field: 'id', ...said(T.eventMissing) }]),
      Number.POSITIVE_INFINITY,
    ),
  };
}

function rejectedRecord(judge: AttendanceJudge, id: string | null, studentId: string | null, issues: Ss12000Issue[]): AttendanceOutcome {
  return { kind: 'rejected', rejection: judge.tracker.reject('Attendance', id, issues), studentId };
}

/** A record that passed the schema: copies and contradicting versions of its id first, then its student, its lesson, and its minutes. */
function validOutcome(a: Ss12000Attendance, index: number, judge: AttendanceJudge): AttendanceOutcome {
  const studentId = a.student.id;
  if (judge.repeats.isLaterCopy(index)) return { kind: 'duplicate' };
  const copies = judge.repeats.differentRecords(a.id);
  if (copies > 1) {
    return {
      kind: 'rejected',
      rejection: judge.tracker.reject('Attendance', a.id, [{ entity: 'Attendance', id: a.id, field: 'id', ...said(T.sameId, { n: copies }) }]),
      studentId,
      // The first record of the id stands for the lesson the versions contradict each other on.
      conflict: { lessons: judge.repeats.isFirstOfId(a.id, index) ? 1 : 0 },
    };
  }
  const candidate = judge.candidates.get(studentId);
  if (candidate === undefined) throw new Error(`internal: no candidate for referenced student ${studentId}`);
  if (candidate.kind === 'rejected') return { kind: 'rejected', rejection: candidate.rejection, studentId: null };
  const eventId = a.calendarEvent.id;
  const event = judge.events.byId.get(eventId);
  if (event === undefined) return { kind: 'rejected', rejection: judge.events.rejectedById.get(eventId) ?? judge.missingEvent(eventId), studentId };
  if (event.cancelled === true) return { kind: 'excluded', exclusion: { attendanceId: a.id, calendarEventId: eventId, studentId, reason: 'cancelled-lesson' } };
  const base = judge.lessonOf(event);
  if (!base.ok) return { kind: 'rejected', rejection: base.rejection, studentId };
  const own = studentLesson(event, base.lesson, studentId);
  if (own.kind === 'not-participating') return { kind: 'excluded', exclusion: { attendanceId: a.id, calendarEventId: eventId, studentId, reason: 'not-participating' } };
  if (own.kind === 'invalid') return rejectedRecord(judge, a.id, studentId, [{ entity: 'CalendarEvent', id: eventId, ...own.issue }]);
  const lesson = own.lesson;
  const valid = a.validAbsenceMinutes ?? 0;
  const invalid = a.invalidAbsenceMinutes ?? 0;
  if (valid + invalid > lesson.scheduledMinutes) {
    return rejectedRecord(judge, a.id, studentId, [
      {
        entity: 'Attendance',
        id: a.id,
        field: 'invalidAbsenceMinutes',
        ...said(T.absenceOverLesson, { absent: valid + invalid, scheduled: lesson.scheduledMinutes, event: eventId }),
      },
    ]);
  }
  const { reason, guardianReported } = absenceReasonOf(valid + invalid, lesson.startMs, lesson.endMs, candidate.absences);
  return {
    kind: 'accepted',
    studentId,
    attendanceId: a.id,
    record: {
      date: lesson.date,
      start: lesson.start,
      scheduledMinutes: lesson.scheduledMinutes,
      validAbsenceMinutes: valid,
      invalidAbsenceMinutes: invalid,
      reported: a.isReported,
      guardianReported,
      reason,
    },
  };
}

/**
 * Judge one Attendance record: accepted as a lesson of its student, a
 * duplicate (a copy of an earlier record with its id), excluded (cancelled
 * lesson, or one the student does not take part in), or rejected under
 * exactly one rejection (its own, or its student's, or its lesson's). Records
 * of one student at one date and start are resolved afterwards
 * (`oneLessonPerStart`).
 *
 * @param entry - the record and what the schema made of it
 * @param index - its position in the list (names a record without id)
 * @param judge - the context (`attendanceJudge`)
 * @returns the outcome
 * @example attendanceOutcome(entries[0], 0, judge) // e.g. { kind: 'accepted', studentId: 'p1', attendanceId: 'a1', record: { date: '2026-11-23', ... } }
 */
export function attendanceOutcome(entry: AttendanceEntry, index: number, judge: AttendanceJudge): AttendanceOutcome {
  const { raw, parsed } = entry;
  if (parsed.success) return validOutcome(parsed.data, index, judge);
  const id = rawId(raw);
  return rejectedRecord(judge, id, rawStudentId(raw), zodIssues('Attendance', id, parsed.error, id === null ? `[${index}]` : ''));
}
