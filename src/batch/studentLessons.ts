import { conflictText, resolveDuplicateLessons } from '../adapters/lessonDuplicates.js';
import { issueAt } from '../adapters/issueText.js';
import type { AttendanceRecord } from '../model/studentCase.js';
import type { RejectedLine } from './rejectionLog.js';

/** A lesson file as the bucket pass names it: per slice (`part`), its path and the lines of the file before the slice. */
export interface LessonFilePart {
  readonly path: string;
  readonly lineOffset: number;
}

/**
 * One student's lessons in a bucket, with where each came from: a lesson
 * file's slice and line (`parts[i]` ≥ 0, `lines[i]` counted from the slice's
 * start), or the student's own line in the students file (`parts[i]` = -1,
 * `lines[i]` its attendance index).
 */
export interface StudentLessons {
  readonly attendance: AttendanceRecord[];
  readonly parts: number[];
  readonly lines: number[];
}

/** What resolving a student's lessons gave: the lessons to use, counts, and a rejected line per conflicting record. */
export interface ResolvedStudentLessons {
  readonly attendance: readonly AttendanceRecord[];
  /** Identical copies left out (counted as `duplicate`). */
  readonly duplicates: number;
  /** Records rejected for a conflict, and at how many dates and starts. */
  readonly conflicting: number;
  readonly conflictingLessons: number;
  /** One per rejected record, naming the other records of its conflict and the fields that differ. */
  readonly rejected: readonly RejectedLine[];
}

/** Where record `i` is, as a location and the path of its field `field`. */
function whereIs(lessons: StudentLessons, i: number, studentLocation: string, files: readonly LessonFilePart[]): { readonly location: string; readonly path: (field: string) => string; readonly name: string } {
  const part = lessons.parts[i] ?? -1;
  const line = lessons.lines[i] ?? 0;
  if (part < 0) return { location: studentLocation, path: (field) => `attendance[${line}].${field}`, name: `${studentLocation} attendance[${line}]` };
  const file = files[part];
  const location = `${file?.path ?? '(lessons)'}:${(file?.lineOffset ?? 0) + line}`;
  return { location, path: (field) => field, name: location };
}

/**
 * Resolve one student's lessons across every input of the batch (lesson
 * files and the student's own `attendance`) with `resolveDuplicateLessons`:
 * copies count once, records of one date and start that differ are rejected
 * together, each naming the others by file and line and the fields that differ
 * (names, never values).
 *
 * @param studentId - the student (a valid opaque id: it was accepted)
 * @param lessons - the student's lessons and where they came from
 * @param studentLocation - the student's line in the students file (`students.ndjson:12`)
 * @param files - the lesson files by slice
 * @returns the lessons to evaluate, counts and rejected lines
 * @example
 * resolveStudentLessons('e1', { attendance: [absent, present], parts: [0, 0], lines: [5, 9] }, 's.ndjson:1', [{ path: 'l.csv', lineOffset: 0 }]).rejected[0]
 * // { location: 'l.csv:5', kind: 'record', studentId: 'e1', issues: [{ path: 'invalidAbsenceMinutes', message: 'Same student, date and start as l.csv:9, with a different invalidAbsenceMinutes, reason; none of them is used' }] }
 */
export function resolveStudentLessons(studentId: string, lessons: StudentLessons, studentLocation: string, files: readonly LessonFilePart[]): ResolvedStudentLessons {
  const resolved = resolveDuplicateLessons(lessons.attendance);
  if (resolved.accepted === lessons.attendance) return { attendance: lessons.attendance, duplicates: 0, conflicting: 0, conflictingLessons: 0, rejected: [] };
  const rejected: RejectedLine[] = [];
  let conflicting = 0;
  for (const c of resolved.conflicts) {
    const where = c.records.map((i) => whereIs(lessons, i, studentLocation, files));
    for (const w of where) {
      const others = where.filter((o) => o !== w).map((o) => o.name);
      rejected.push({ location: w.location, kind: 'record', studentId, issues: [issueAt(w.path(c.fields[0] ?? 'start'), conflictText(others, c.fields))] });
    }
    conflicting += c.records.length;
  }
  return { attendance: resolved.accepted, duplicates: resolved.duplicates.length, conflicting, conflictingLessons: resolved.conflicts.length, rejected };
}
