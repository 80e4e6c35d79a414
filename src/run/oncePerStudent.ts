import { inputIssue, INPUT_ISSUE_TEXT } from '../adapters/issueText.js';
import type { InputIssue } from '../adapters/parseStudentCase.js';
import type { StudentCase } from '../model/studentCase.js';

/**
 * One case a student in a run of case files (`trappa evaluate`, `verify` and
 * `diff` on JSON and NDJSON cases), as the batch keeps one line a student: a
 * valid case whose student id an accepted case of the run already had is
 * rejected, naming where the student was first given (never the id). Without
 * it a student given twice (two files, or one file joined from two exports)
 * got two decisions, and two lines in a report, with exit 0.
 *
 * Only accepted cases count: a student whose first case was rejected is
 * evaluated from the next valid one, so the run still has at most one
 * decision a student. The ids are kept for the run (a case run is a school
 * or a test set; a city goes through the batch).
 *
 * @returns a check for `admitCase`'s `refuse`, given each case and its location; it remembers the ones it lets through
 * @example const once = oncePerStudent(); admitCase(item, counts, (c) => once(c, item.location))
 */
export function oncePerStudent(): (c: StudentCase, location: string) => InputIssue | undefined {
  const firstAt = new Map<string, string>();
  return (c, location) => {
    const first = firstAt.get(c.student.id);
    if (first !== undefined) return inputIssue('student.id', INPUT_ISSUE_TEXT.duplicateStudent, { location: first });
    firstAt.set(c.student.id, location);
    return undefined;
  };
}
