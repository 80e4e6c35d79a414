import { spoken } from './issueText.js';
import type { AttendanceRecord } from '../../model/studentCase.js';
import { conflictText, resolveDuplicateLessons } from '../lessonDuplicates.js';
import { addConflict, type AttendanceTally, type ConflictCount } from './readAttendances.js';
import type { RejectionTracker } from './rejectionTracker.js';

/**
 * Resolve each student's accepted lessons that share a date and start (two
 * Attendance ids for one lesson, or two events at the same time): copies of
 * one record count once (`duplicate`); versions that differ are all rejected
 * (one Attendance rejection per record, naming the others and the fields that
 * differ, never a value) and counted as conflicting. Students are taken in
 * `studentIds` order, which is the order of the rejections.
 *
 * @param tally - the records as `readAttendances` counted them
 * @param studentIds - the evaluated students, in candidate order
 * @param tracker - where rejections go
 * @returns the tally with one lesson per student, date and start; `read` still adds up
 * @example oneLessonPerStart(tally, ['p1'], tracker).duplicate // tally.duplicate plus the copies found here
 */
export function oneLessonPerStart(tally: AttendanceTally, studentIds: Iterable<string>, tracker: RejectionTracker): AttendanceTally {
  const lessons = new Map(tally.lessons);
  const rejectedRecords: Record<string, number> = { ...tally.rejectedRecords };
  const conflictingRecords: Record<string, ConflictCount> = { ...tally.conflictingRecords };
  let { accepted, duplicate, rejected } = tally;
  for (const studentId of studentIds) {
    const own = tally.lessons.get(studentId);
    if (own === undefined) continue;
    const resolved = resolveDuplicateLessons(own.records);
    if (resolved.accepted === own.records) continue;
    duplicate += resolved.duplicates.length;
    accepted -= resolved.duplicates.length;
    for (const c of resolved.conflicts) {
      const ids = c.records.map((i) => own.attendanceIds[i] ?? null);
      for (const id of ids) {
        const others = ids.filter((other) => other !== id).map((other) => `Attendance ${other ?? '(no id)'}`);
        tracker.countRecord(tracker.reject('Attendance', id, [{ entity: 'Attendance', id, field: 'calendarEvent.id', ...spoken(conflictText(others, c.fields)) }]));
        rejected += 1;
        rejectedRecords[studentId] = (rejectedRecords[studentId] ?? 0) + 1;
        accepted -= 1;
      }
      addConflict(conflictingRecords, studentId, c.records.length, 1);
    }
    lessons.set(studentId, { records: resolved.accepted, attendanceIds: keptIds(own.attendanceIds, own.records, resolved.accepted) });
  }
  return { lessons, excluded: tally.excluded, rejectedRecords, conflictingRecords, accepted, duplicate, rejected };
}

/** The ids of the kept records (`kept` is `records` filtered, in order). */
function keptIds(ids: readonly string[], records: readonly AttendanceRecord[], kept: readonly AttendanceRecord[]): string[] {
  const out: string[] = [];
  let k = 0;
  records.forEach((r, i) => {
    if (kept[k] === r) {
      out.push(ids[i] as string);
      k += 1;
    }
  });
  return out;
}
