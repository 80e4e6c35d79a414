import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
import type { Ss12000Organisation } from './entities.js';
import type { RejectionTracker } from './rejectionTracker.js';
import type { SideFileContext } from './sideFileContext.js';

/**
 * Reject the side-file entries nothing in the export matches: a student key
 * that is no student's Person id, a school key that is no Organisation's
 * school unit code or id. Nothing in the side file is ignored silently.
 *
 * @param side - the side file
 * @param isStudent - whether a Person id is a student of the export
 * @param organisations - every valid Organisation
 * @param tracker - where rejections go
 * @example rejectUnusedSideEntries(side, (id) => candidates.has(id), organisations.items, tracker)
 */
export function rejectUnusedSideEntries(
  side: SideFileContext,
  isStudent: (personId: string) => boolean,
  organisations: readonly Ss12000Organisation[],
  tracker: RejectionTracker,
): void {
  for (const key of side.studentIds) {
    if (!isStudent(key)) {
      tracker.reject('SideFile', key, [{ entity: 'SideFile', id: key, field: `students[${JSON.stringify(key)}]`, ...said(T.sideStudentUnused) }]);
    }
  }
  const schoolKeys = new Set<string>();
  for (const o of organisations) {
    schoolKeys.add(o.id);
    if (o.schoolUnitCode !== undefined) schoolKeys.add(o.schoolUnitCode);
  }
  for (const key of side.schoolKeys) {
    if (!schoolKeys.has(key)) {
      tracker.reject('SideFile', key, [{ entity: 'SideFile', id: key, field: `schools[${JSON.stringify(key)}]`, ...said(T.sideSchoolUnused) }]);
    }
  }
}
