import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
import type { StudentCase } from '../../model/studentCase.js';
import { currentEnrolment } from './currentEnrolment.js';
import type { ReportedAbsence } from './reportedAbsence.js';
import type { RejectionTracker, TrackedRejection } from './rejectionTracker.js';
import { studentCaseOf, type StudentSources } from './studentCaseOf.js';

/** A student of the export: a case to evaluate (its absences kept for the lessons), or the rejection its records count against. */
export type Candidate =
  | { readonly kind: 'case'; readonly case: StudentCase; readonly absences: readonly ReportedAbsence[] }
  | { readonly kind: 'rejected'; readonly rejection: TrackedRejection };

/**
 * The ids of the students Attendance records refer to, in order of first reference.
 *
 * @param attendances - the valid Attendance records' student ids, in export order
 * @returns each id once
 * @example referencedStudents(['p2', 'p1', 'p2']) // ['p2', 'p1']
 */
export function referencedStudents(attendances: Iterable<string>): readonly string[] {
  return [...new Set(attendances)];
}

/**
 * Every student of the export, by Person id: each Person enrolled on `asOf`
 * or referenced by an Attendance record (in Person order), then each
 * referenced id that is no valid Person. A student whose case cannot be read,
 * who is missing from the export, or whose side file was rejected, is a
 * rejection.
 *
 * @param referenced - student ids referenced by Attendance records (`referencedStudents`)
 * @param sources - what cases are read from
 * @param absences - valid Absence records by student
 * @param tracker - where rejections go
 * @returns the candidates, in the order found
 * @example studentCandidates(['p1'], sources, new Map(), tracker).get('p1')?.kind // 'case' or 'rejected'
 */
export function studentCandidates(
  referenced: readonly string[],
  sources: StudentSources,
  absences: ReadonlyMap<string, readonly ReportedAbsence[]>,
  tracker: RejectionTracker,
): ReadonlyMap<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  const { persons, side } = sources;
  const candidateOf = (id: string): Candidate => {
    if (side.rejection !== undefined) return { kind: 'rejected', rejection: side.rejection };
    const person = persons.byId.get(id);
    if (person === undefined) {
      const rejection =
        persons.rejectedById.get(id) ??
        tracker.reject('Person', id, [{ entity: 'Person', id, field: 'id', ...said(T.studentMissing) }]);
      return { kind: 'rejected', rejection };
    }
    const built = studentCaseOf(person, sources);
    return built.ok ? { kind: 'case', case: built.case, absences: absences.get(id) ?? [] } : { kind: 'rejected', rejection: tracker.reject('Person', id, built.issues) };
  };
  const add = (id: string): void => {
    if (!candidates.has(id)) candidates.set(id, candidateOf(id));
  };
  const referencedSet = new Set(referenced);
  for (const person of persons.items) {
    if (referencedSet.has(person.id) || currentEnrolment(person.enrolments ?? [], sources.asOf).kind === 'found') add(person.id);
  }
  for (const id of referenced) add(id);
  return candidates;
}
