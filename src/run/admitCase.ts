import type { LessonConflict } from '../adapters/lessonDuplicates.js';
import { parseStudentCase, type InputIssue, type ParseCaseOptions, type RejectedRecord } from '../adapters/parseStudentCase.js';
import type { StudentCase } from '../model/studentCase.js';
import type { Template } from '../model/template.js';
import type { RunSummary } from './runSummary.js';
import type { InputItem, UnparsableItem } from '../adapters/caseItems.js';

/** What became of one input case, with the counts already taken. */
export type Admission =
  | { readonly status: 'unparsable'; readonly location: string; readonly error: string; readonly text: Template; readonly studentId: string | null }
  | { readonly status: 'rejected'; readonly location: string; readonly studentId: string | null; readonly issues: readonly InputIssue[] }
  | {
      readonly status: 'accepted';
      readonly location: string;
      readonly case: StudentCase;
      readonly rejectedRecords: readonly RejectedRecord[];
      /** Records that were identical copies (counted as `duplicate`), by attendance index. */
      readonly duplicates: readonly number[];
      readonly conflicts: readonly LessonConflict[];
    };

/**
 * Validate one input case and count it: the case is read, and accepted or
 * rejected whole; its lesson records are read, and accepted, counted as a
 * duplicate or rejected one by one (all rejected with the case). `refuse` may
 * turn a valid case away (e.g. a repeated student id), counted as rejected
 * like an invalid one. The one place `trappa evaluate`, `trappa diff` and the
 * batch keep `read = accepted + duplicate + rejected`; each reports the result
 * its own way.
 *
 * @param item - an item from `readInput`
 * @param counts - the run's counts, updated (`cases.evaluated` is the caller's)
 * @param refuse - an extra check on a valid case: an issue to reject it with, or undefined
 * @param options - for `parseStudentCase` (the batch resolves duplicates itself, across files)
 * @returns the admission
 * @example const a = admitCase(item, summary); if (a.status === 'accepted') evaluate(a.case, …)
 */
export function admitCase(
  item: InputItem | UnparsableItem,
  counts: Pick<RunSummary, 'cases' | 'records'>,
  refuse?: (c: StudentCase) => InputIssue | undefined,
  options?: ParseCaseOptions,
): Admission {
  counts.cases.read += 1;
  if ('error' in item) {
    counts.cases.rejected += 1;
    return { status: 'unparsable', location: item.location, error: item.error, text: item.text, studentId: item.studentId };
  }
  const attendance = (item.value as { attendance?: unknown } | null)?.attendance;
  const recordCount = Array.isArray(attendance) ? attendance.length : 0;
  counts.records.read += recordCount;
  const parsed = parseStudentCase(item.value, options);
  const refusal = parsed.ok ? refuse?.(parsed.case) : undefined;
  if (!parsed.ok || refusal !== undefined) {
    counts.cases.rejected += 1;
    counts.records.rejected += recordCount;
    return parsed.ok
      ? { status: 'rejected', location: item.location, studentId: parsed.case.student.id, issues: [refusal as InputIssue] }
      : { status: 'rejected', location: item.location, studentId: parsed.studentId, issues: parsed.issues };
  }
  counts.records.accepted += parsed.case.attendance.length;
  counts.records.duplicate += parsed.duplicates.length;
  counts.records.rejected += parsed.rejectedRecords.length;
  return { status: 'accepted', location: item.location, case: parsed.case, rejectedRecords: parsed.rejectedRecords, duplicates: parsed.duplicates, conflicts: parsed.conflicts };
}
