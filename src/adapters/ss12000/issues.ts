import type { Template } from '../../model/template.js';

/** The SS 12000 entity types Trappa reads, plus Trappa's own side file. */
export type Ss12000Entity = 'Organisation' | 'Person' | 'CalendarEvent' | 'Attendance' | 'Absence' | 'SideFile';

/**
 * One located problem in an SS 12000 export: which entity, which id (null
 * when the record has no readable id), which field (`enrolments[0].schoolYear`,
 * `(root)` for the whole record) and what is wrong. Messages never quote
 * personal data (names, civic numbers, addresses).
 */
export interface Ss12000Issue {
  readonly entity: Ss12000Entity;
  readonly id: string | null;
  readonly field: string;
  /** What is wrong, in English (`text.en`). */
  readonly message: string;
  /** What is wrong, sv and en. */
  readonly text: Template;
}

/**
 * Something that could not be used, with its issues and the number of
 * Attendance records that were not evaluated because of it. Every rejected
 * Attendance record is counted under exactly one rejection, so the
 * `attendanceRecords` of all rejections add up to `counts.attendance.rejected`.
 * An issue may sit on another entity than the rejected one, e.g. an Attendance
 * rejected for a CalendarEvent's student exception.
 */
export interface Ss12000Rejection {
  readonly entity: Ss12000Entity;
  readonly id: string | null;
  readonly issues: readonly Ss12000Issue[];
  readonly attendanceRecords: number;
}

/**
 * An Attendance record deliberately left out: its lesson was cancelled
 * (`CalendarEvent.cancelled`), or the student does not take part in it
 * (`studentExceptions[].participates: false`). Not an error, but counted and
 * listed, so that nothing disappears silently.
 */
export interface Ss12000Exclusion {
  readonly attendanceId: string;
  readonly calendarEventId: string;
  readonly studentId: string;
  readonly reason: 'cancelled-lesson' | 'not-participating';
}
