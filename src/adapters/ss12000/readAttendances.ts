import type { AttendanceRecord } from '../../model/studentCase.js';
import { attendanceOutcome, type AttendanceJudge } from './attendanceOutcome.js';
import type { Ss12000Exclusion } from './issues.js';
import type { AttendanceEntry } from './readAttendanceList.js';

/** The Attendance records, accounted for: `read = accepted + excluded + rejected`. */
export interface AttendanceTally {
  /** Accepted lessons by student id, in export order. */
  readonly lessons: ReadonlyMap<string, readonly AttendanceRecord[]>;
  readonly excluded: readonly Ss12000Exclusion[];
  /** Rejected records of students who are still evaluated, by student id. */
  readonly rejectedRecords: Readonly<Record<string, number>>;
  readonly accepted: number;
  readonly rejected: number;
}

/**
 * Judge every Attendance record in export order (`attendanceOutcome`) and
 * count it once: as a lesson of its student, as an exclusion, or against one
 * rejection (and against its student, when the student is evaluated).
 *
 * @param attendances - every Attendance entry
 * @param judge - the context (`attendanceJudge`)
 * @returns the lessons, exclusions and counts
 * @example readAttendances(entries, judge).accepted + readAttendances(entries, judge).excluded.length // at most entries.length
 */
export function readAttendances(attendances: readonly AttendanceEntry[], judge: AttendanceJudge): AttendanceTally {
  const lessons = new Map<string, AttendanceRecord[]>();
  const excluded: Ss12000Exclusion[] = [];
  const rejectedRecords: Record<string, number> = {};
  let accepted = 0;
  let rejected = 0;
  attendances.forEach((entry, index) => {
    const outcome = attendanceOutcome(entry, index, judge);
    if (outcome.kind === 'accepted') {
      const list = lessons.get(outcome.studentId);
      if (list === undefined) lessons.set(outcome.studentId, [outcome.record]);
      else list.push(outcome.record);
      accepted += 1;
    } else if (outcome.kind === 'excluded') {
      excluded.push(outcome.exclusion);
    } else {
      judge.tracker.countRecord(outcome.rejection);
      rejected += 1;
      const { studentId } = outcome;
      if (studentId !== null && judge.candidates.get(studentId)?.kind === 'case') rejectedRecords[studentId] = (rejectedRecords[studentId] ?? 0) + 1;
    }
  });
  return { lessons, excluded, rejectedRecords, accepted, rejected };
}
