import type { AttendanceRecord } from '../../model/studentCase.js';
import { attendanceOutcome, type AttendanceJudge } from './attendanceOutcome.js';
import type { Ss12000Exclusion } from './issues.js';
import type { AttendanceEntry } from './readAttendanceList.js';

/** One student's accepted lessons, in export order, with the Attendance id of each. */
export interface StudentLessons {
  readonly records: readonly AttendanceRecord[];
  readonly attendanceIds: readonly string[];
}

/** Conflicting records of one student: how many were rejected, at how many lessons. */
export interface ConflictCount {
  readonly count: number;
  readonly lessons: number;
}

/** The Attendance records, accounted for: `read = accepted + duplicate + excluded + rejected`. */
export interface AttendanceTally {
  /** Accepted lessons by student id. */
  readonly lessons: ReadonlyMap<string, StudentLessons>;
  readonly excluded: readonly Ss12000Exclusion[];
  /** Rejected records of students who are still evaluated, by student id. */
  readonly rejectedRecords: Readonly<Record<string, number>>;
  /** Of those, the records rejected because they contradict another record of the same lesson. */
  readonly conflictingRecords: Readonly<Record<string, ConflictCount>>;
  readonly accepted: number;
  /** Copies of a record already read, counted once. */
  readonly duplicate: number;
  readonly rejected: number;
}

/**
 * Add conflicting records of one student to a count by student id (in place,
 * keeping the order in which students were first counted).
 *
 * @param counts - the counts so far, by student id
 * @param studentId - the student
 * @param records - rejected records to add
 * @param lessons - contradicted lessons to add
 * @example const c = {}; addConflict(c, 'p1', 2, 1); c // { p1: { count: 2, lessons: 1 } }
 */
export function addConflict(counts: Record<string, ConflictCount>, studentId: string, records: number, lessons: number): void {
  const before = counts[studentId] ?? { count: 0, lessons: 0 };
  counts[studentId] = { count: before.count + records, lessons: before.lessons + lessons };
}

/**
 * Judge every Attendance record in export order (`attendanceOutcome`) and
 * count it once: as a lesson of its student, as a duplicate, as an
 * exclusion, or against one rejection (and against its student, when the
 * student is evaluated).
 *
 * @param attendances - every Attendance entry
 * @param judge - the context (`attendanceJudge`)
 * @returns the lessons, exclusions and counts
 * @example readAttendances(entries, judge).accepted // records accepted so far, before `oneLessonPerStart`
 */
export function readAttendances(attendances: readonly AttendanceEntry[], judge: AttendanceJudge): AttendanceTally {
  const lessons = new Map<string, { records: AttendanceRecord[]; attendanceIds: string[] }>();
  const excluded: Ss12000Exclusion[] = [];
  const rejectedRecords: Record<string, number> = {};
  const conflictingRecords: Record<string, ConflictCount> = {};
  let accepted = 0;
  let duplicate = 0;
  let rejected = 0;
  attendances.forEach((entry, index) => {
    const outcome = attendanceOutcome(entry, index, judge);
    if (outcome.kind === 'accepted') {
      const own = lessons.get(outcome.studentId);
      if (own === undefined) lessons.set(outcome.studentId, { records: [outcome.record], attendanceIds: [outcome.attendanceId] });
      else {
        own.records.push(outcome.record);
        own.attendanceIds.push(outcome.attendanceId);
      }
      accepted += 1;
    } else if (outcome.kind === 'duplicate') {
      duplicate += 1;
    } else if (outcome.kind === 'excluded') {
      excluded.push(outcome.exclusion);
    } else {
      judge.tracker.countRecord(outcome.rejection);
      rejected += 1;
      const { studentId } = outcome;
      if (studentId === null || judge.candidates.get(studentId)?.kind !== 'case') return;
      rejectedRecords[studentId] = (rejectedRecords[studentId] ?? 0) + 1;
      if (outcome.conflict !== undefined) addConflict(conflictingRecords, studentId, 1, outcome.conflict.lessons);
    }
  });
  return { lessons, excluded, rejectedRecords, conflictingRecords, accepted, duplicate, rejected };
}
