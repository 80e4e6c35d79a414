import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
import type { Ss12000Absence, Ss12000Person } from './entities.js';
import type { ParsedList } from './parseEntityList.js';
import type { ReportedAbsence } from './reportedAbsence.js';
import type { RejectionTracker } from './rejectionTracker.js';

/**
 * The valid Absence records of each student, reduced to interval and type.
 * An Absence that ends before it starts, or whose student is not in the
 * export, is rejected.
 *
 * @param absences - the valid Absence records
 * @param persons - the Person list (a rejected person still has absences)
 * @param tracker - where rejections go
 * @returns absences by student id
 * @example absencesByStudent(absences.items, persons, tracker).get('p1')?.[0]?.type // e.g. 'Anmäld frånvaro'
 */
export function absencesByStudent(absences: readonly Ss12000Absence[], persons: ParsedList<Ss12000Person>, tracker: RejectionTracker): ReadonlyMap<string, readonly ReportedAbsence[]> {
  const byStudent = new Map<string, ReportedAbsence[]>();
  for (const a of absences) {
    const startMs = Date.parse(a.startTime);
    const endMs = Date.parse(a.endTime);
    if (!(endMs > startMs)) {
      tracker.reject('Absence', a.id, [{ entity: 'Absence', id: a.id, field: 'endTime', ...said(T.endAfterStart) }]);
      continue;
    }
    if (!persons.byId.has(a.student.id) && !persons.rejectedById.has(a.student.id)) {
      tracker.reject('Absence', a.id, [{ entity: 'Absence', id: a.id, field: 'student.id', ...said(T.personMissing, { id: a.student.id }) }]);
      continue;
    }
    const list = byStudent.get(a.student.id) ?? [];
    list.push({ startMs, endMs, type: a.type });
    byStudent.set(a.student.id, list);
  }
  return byStudent;
}
