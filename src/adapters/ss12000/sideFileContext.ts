import { spoken } from './issueText.js';
import type { z } from 'zod';
import { boundedMemo } from '../../model/boundedMemo.js';
import { forbiddenKeyText, forbiddenKeys } from '../../model/forbiddenKeys.js';
import { formatIssuePath } from '../parseStudentCase.js';
import { forbiddenKeyIssues, zodIssues } from './entityIssues.js';
import type { Ss12000Issue } from './issues.js';
import type { RejectionTracker, TrackedRejection } from './rejectionTracker.js';
import { SchoolContextSchema, SideFileShellSchema, StudentContextSchema, type SchoolContext, type StudentContext } from './sideFile.js';

/** A side-file entry: its context (undefined when the file has none for the key), or why it cannot be used. */
export type ContextEntry<T> = { readonly ok: true; readonly context: T | undefined } | { readonly ok: false; readonly issues: readonly Ss12000Issue[] };

/** The side file, read: each entry is validated when a student or school asks for it. */
export interface SideFileContext {
  /** The rejection of the whole file (every student is rejected with it), or undefined. */
  readonly rejection: TrackedRejection | undefined;
  /** Person ids with an entry. */
  readonly studentIds: readonly string[];
  /** School unit codes or Organisation ids with an entry. */
  readonly schoolKeys: readonly string[];
  /** The entry of a student, by Person id. */
  student(personId: string): ContextEntry<StudentContext>;
  /** The entry of a school, by school unit code or Organisation id (read once per key). */
  school(key: string): ContextEntry<SchoolContext>;
}

function entry<T>(
  entries: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  schema: z.ZodType<T>,
): ContextEntry<T> {
  if (!Object.hasOwn(entries, key)) return { ok: true, context: undefined };
  const prefix = `${path}[${JSON.stringify(key)}]`;
  const forbidden = forbiddenKeyIssues('SideFile', key, entries[key], prefix);
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const parsed = schema.safeParse(entries[key]);
  return parsed.success ? { ok: true, context: parsed.data } : { ok: false, issues: zodIssues('SideFile', key, parsed.error, prefix) };
}

/**
 * Read Trappa's side file. A forbidden key in its outline (`__proto__` as a
 * school or student key) or a broken outline rejects the whole file; a
 * forbidden key or a bad value inside one entry rejects only the student or
 * school that uses it.
 *
 * @param sideFile - the parsed side file, or undefined when none was given
 * @param tracker - where the rejection of the whole file goes
 * @returns the entries and the file's rejection, if any
 * @example readSideFile({ schools: {}, students: { p1: { studiehjalp: 'yes' } } }, tracker).student('p1') // { ok: true, context: { studiehjalp: 'yes', ... } }
 */
export function readSideFile(sideFile: unknown, tracker: RejectionTracker): SideFileContext {
  const outlineForbidden = (sideFile === undefined ? [] : forbiddenKeys(sideFile))
    .filter((f) => f.path.length <= 2)
    .map((f): Ss12000Issue => ({ entity: 'SideFile', id: null, field: formatIssuePath(f.path), ...spoken(forbiddenKeyText(f.key)) }));
  const shell = sideFile === undefined || outlineForbidden.length > 0 ? undefined : SideFileShellSchema.safeParse(sideFile);
  const rejection =
    outlineForbidden.length > 0
      ? tracker.reject('SideFile', null, outlineForbidden)
      : shell !== undefined && !shell.success
        ? tracker.reject('SideFile', null, zodIssues('SideFile', null, shell.error))
        : undefined;
  const schools: Readonly<Record<string, unknown>> = shell?.success === true ? shell.data.schools : {};
  const students: Readonly<Record<string, unknown>> = shell?.success === true ? shell.data.students : {};
  return {
    rejection,
    studentIds: Object.keys(students),
    schoolKeys: Object.keys(schools),
    student: (personId) => entry(students, personId, 'students', StudentContextSchema),
    // Every student of a school asks for it: validate each entry once.
    school: boundedMemo((key: string) => entry(schools, key, 'schools', SchoolContextSchema)),
  };
}
