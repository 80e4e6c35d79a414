import type { z } from 'zod';
import { fastAttendanceRecord } from '../model/fastAttendance.js';
import { fastCaseShell } from './fastCaseShell.js';
import { forbiddenKeys, forbiddenKeyText } from '../model/forbiddenKeys.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { inputIssue, issueAt, INPUT_ISSUE_TEXT, type InputIssue } from './issueText.js';
import { escapeControl, fieldName } from './safeText.js';
import { conflictText, resolveDuplicateLessons, type LessonConflict } from './lessonDuplicates.js';
import { shownValue, valueAt } from './shownValue.js';
import { AttendanceRecordSchema, OpaqueIdSchema, StudentCaseSchema, type AttendanceRecord, type StudentCase } from '../model/studentCase.js';

export type { InputIssue } from './issueText.js';

/** An attendance record that was left out, and why. */
export interface RejectedRecord {
  readonly index: number;
  readonly issues: readonly InputIssue[];
}

/**
 * Result of parsing one case: accepted (perhaps with rejected records) or
 * rejected whole. Every attendance index is in exactly one of `case.attendance`
 * (accepted), `duplicates` or `rejectedRecords`; the records of a `conflicts`
 * entry are among `rejectedRecords`.
 */
export type CaseParseResult =
  | {
      readonly ok: true;
      readonly case: StudentCase;
      readonly rejectedRecords: readonly RejectedRecord[];
      /** Indices of identical copies of an earlier record (same date, start and content): counted once, ascending. */
      readonly duplicates: readonly number[];
      /** Records of one date and start that differ, by attendance index: all rejected (see `resolveDuplicateLessons`). */
      readonly conflicts: readonly LessonConflict[];
    }
  | { readonly ok: false; readonly studentId: string | null; readonly issues: readonly InputIssue[] };

/** Options of `parseStudentCase`. */
export interface ParseCaseOptions {
  /**
   * Resolve records with the same date and start (default true): copies
   * count once, differing versions are rejected. False leaves every valid
   * record in `case.attendance`, for a caller that merges them with records
   * from elsewhere first (the batch) and resolves them there.
   */
  readonly resolveDuplicates?: boolean;
}

/**
 * Format a zod path as `a.b[3].c`. Keys that do not read as field names
 * (`fieldName`) are shown as `(key)`: a path never repeats input text.
 *
 * @param path - zod issue path
 * @param prefix - path of the value inside the case
 * @returns the dotted path
 * @example formatIssuePath(['student', 'grade'], '') // 'student.grade'
 */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? fieldName(String(p)) : `.${fieldName(String(p))}`;
  return out === '' ? '(root)' : out;
}

/**
 * The issues of a failed zod parse as `InputIssue`s, safe to show: paths as
 * `formatIssuePath`, unrecognised keys named only when they read as field
 * names, control characters escaped, and the offending value only where
 * `shownValue` allows it (a date, a time, minutes, a boolean or a code, never
 * an id, free text or anything else that may be personal data), as
 * `… (got "2026-02-30")`. The one place zod's issues become messages for the
 * input's owner.
 *
 * @param error - the zod error
 * @param prefix - path of the value inside the case
 * @param input - the value that was parsed, to show an offending value from (none shown without it)
 * @returns the issues
 * @example inputIssues(MeasureSchema.safeParse({ step: 'eht', date: '2026-11-23', 'Anna A': 1 }).error) // [{ path: '(root)', message: 'Unrecognized key: (key)' }]
 * @example inputIssues(AttendanceRecordSchema.safeParse(r).error, 'attendance[0]', r) // r.date '2026-02-30': [{ path: 'attendance[0].date', message: 'Expected a real calendar date … (got "2026-02-30")' }]
 */
export function inputIssues(error: z.ZodError, prefix = '', input?: unknown): InputIssue[] {
  return error.issues.map((i) => {
    const path = formatIssuePath(i.path, prefix);
    if (i.code === 'unrecognized_keys') return inputIssue(path, INPUT_ISSUE_TEXT.unrecognizedKeys, { n: i.keys.length, keys: i.keys.map(fieldName).join(', ') });
    const at = input === undefined ? undefined : valueAt(input, i.path);
    const text = { sv: escapeControl(swedishIssueMessage(i, at)), en: escapeControl(i.message) };
    const value = input === undefined ? undefined : shownValue(path, at);
    // A refinement's own message may already give the value ("Valid + invalid absence (90 min) …").
    if (value === undefined || (i.code === 'custom' && text.en.includes(value))) return issueAt(path, text);
    return inputIssue(path, INPUT_ISSUE_TEXT.shownValue, (lang) => ({ message: text[lang], value }));
  });
}

/** Forbidden keys (`__proto__`, `constructor`, `prototype`) as issues: zod would drop some of them silently. */
function forbiddenKeyIssues(value: unknown, prefix = '', skip: readonly string[] = []): InputIssue[] {
  return forbiddenKeys(value, skip).map((f) => issueAt(formatIssuePath(f.path, prefix), forbiddenKeyText(f.key)));
}

/** The student id of a rejected case, when it is a valid opaque id: an invalid one (a name, a personnummer) is never repeated. */
function studentIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const student = (value as { student?: unknown }).student;
  if (typeof student !== 'object' || student === null) return null;
  const id = (student as { id?: unknown }).id;
  return OpaqueIdSchema.safeParse(id).success ? (id as string) : null;
}

/** How one part of a case is checked before zod: a hot path that returns the value zod would, or undefined to let zod decide. */
interface Validators {
  /** The case without its lessons, as `StudentCaseSchema` returns it with `attendance: []`. */
  readonly shell: (value: unknown) => StudentCase | undefined;
  /** One lesson, as `AttendanceRecordSchema` returns it. */
  readonly record: (value: unknown) => AttendanceRecord | undefined;
}

const FAST: Validators = { shell: fastCaseShell, record: fastAttendanceRecord };
const ZOD_ONLY: Validators = { shell: () => undefined, record: () => undefined };

/** A case rejected whole, or its validated part without lessons. */
type ShellResult = { readonly ok: false; readonly studentId: string | null; readonly issues: readonly InputIssue[] } | { readonly ok: true; readonly shell: StudentCase };

/** The case without its lessons: the hot path, else the attendance shape, forbidden keys and zod, in that order. */
function parseShell(value: unknown, validators: Validators): ShellResult {
  const fast = validators.shell(value);
  if (fast !== undefined) return { ok: true, shell: fast };
  const attendance = typeof value === 'object' && value !== null ? (value as { attendance?: unknown }).attendance : undefined;
  if (attendance !== undefined && !Array.isArray(attendance)) {
    return { ok: false, studentId: studentIdOf(value), issues: [inputIssue('attendance', INPUT_ISSUE_TEXT.lessonsNotArray)] };
  }
  const forbidden = forbiddenKeyIssues(value, '', ['attendance']);
  if (forbidden.length > 0) return { ok: false, studentId: studentIdOf(value), issues: forbidden };
  const shell = typeof value === 'object' && value !== null ? { ...(value as object), attendance: [] } : value;
  const parsed = StudentCaseSchema.safeParse(shell);
  return parsed.success ? { ok: true, shell: parsed.data } : { ok: false, studentId: studentIdOf(value), issues: inputIssues(parsed.error, '', shell) };
}

/** One lesson by zod: the record, or its issues (a forbidden key first, before the schema can drop it). */
function parseRecord(record: unknown, index: number): AttendanceRecord | RejectedRecord {
  const prefix = `attendance[${index}]`;
  const forbiddenInRecord = forbiddenKeyIssues(record, prefix);
  if (forbiddenInRecord.length > 0) return { index, issues: forbiddenInRecord };
  const r = AttendanceRecordSchema.safeParse(record);
  return r.success ? r.data : { index, issues: inputIssues(r.error, prefix, record) };
}

/** The lessons of a case: the valid ones, the attendance index of each (undefined: the same index, every lesson valid), and the rejected ones. */
interface ParsedRecords {
  readonly accepted: AttendanceRecord[];
  readonly indexOf: number[] | undefined;
  readonly rejectedRecords: RejectedRecord[];
}

/**
 * Every lesson by the hot path, or undefined when one is not taken by it (or
 * is a hole of a sparse array, which `map` keeps and `includes` finds): the
 * usual case, in one array of the right length and without an index per
 * lesson. Growing two arrays a lesson at a time cost a third of the parse's
 * memory (17 of 47 KB a full-term student) and some 15 % of its time.
 */
function allByHotPath(attendance: readonly unknown[], validators: Validators): AttendanceRecord[] | undefined {
  const accepted = attendance.map((record) => validators.record(record));
  return accepted.includes(undefined) ? undefined : (accepted as AttendanceRecord[]);
}

/** The valid lessons of a case, with the attendance index of each, and the rejected ones. Holes of a sparse array are skipped (`forEach`). */
function parseRecords(attendance: readonly unknown[], validators: Validators): ParsedRecords {
  const all = allByHotPath(attendance, validators);
  if (all !== undefined) return { accepted: all, indexOf: undefined, rejectedRecords: [] };
  const accepted: AttendanceRecord[] = [];
  const indexOf: number[] = [];
  const rejectedRecords: RejectedRecord[] = [];
  attendance.forEach((record: unknown, index: number) => {
    const parsed = validators.record(record) ?? parseRecord(record, index);
    if ('issues' in parsed) rejectedRecords.push(parsed);
    else {
      accepted.push(parsed);
      indexOf.push(index);
    }
  });
  return { accepted, indexOf, rejectedRecords };
}

/** `parseStudentCase` with the given validators. */
function parseWith(value: unknown, options: ParseCaseOptions, validators: Validators): CaseParseResult {
  const head = parseShell(value, validators);
  if (!head.ok) return head;
  const attendance = (value as { attendance?: unknown[] }).attendance ?? [];
  const { accepted, indexOf, rejectedRecords } = parseRecords(attendance, validators);
  if (options.resolveDuplicates === false) return { ok: true, case: { ...head.shell, attendance: accepted }, rejectedRecords, duplicates: [], conflicts: [] };
  const resolved = resolveDuplicateLessons(accepted);
  const at = (k: number): number => indexOf?.[k] ?? k;
  const conflicts = resolved.conflicts.map((c) => ({ ...c, records: c.records.map(at) }));
  for (const c of conflicts) {
    for (const index of c.records) {
      const others = c.records.filter((i) => i !== index).map((i) => `attendance[${i}]`);
      rejectedRecords.push({ index, issues: [issueAt(`attendance[${index}]`, conflictText(others, c.fields))] });
    }
  }
  rejectedRecords.sort((a, b) => a.index - b.index);
  return { ok: true, case: { ...head.shell, attendance: resolved.accepted as AttendanceRecord[] }, rejectedRecords, duplicates: resolved.duplicates.map(at), conflicts };
}

/**
 * Validate one student case. The case itself (student, consents, signals,
 * measures) must be valid or the whole case is rejected; attendance records are
 * validated one by one, so one bad lesson never hides a student: it is
 * reported in `rejectedRecords` and the rest is evaluated. A `__proto__`,
 * `constructor` or `prototype` key anywhere rejects the case (in a lesson
 * record: the record), named by its path, before the schema can drop it.
 * Records with the same date and start are one lesson: identical copies count
 * once (`duplicates`); versions that differ (one absent, one present) are all
 * rejected (`conflicts`), each naming the others' indices and the fields that
 * differ, since nothing says which one is right. The result never depends on
 * the order of the records.
 *
 * Valid input takes hand-written hot paths (`fastCaseShell`,
 * `fastAttendanceRecord`) that accept exactly what the schemas accept and
 * return what they return; anything else goes to zod, which writes the
 * located messages. `parseStudentCaseWithZod` is the same without the hot
 * paths, and a property test holds the two to the same result.
 *
 * @param value - parsed JSON
 * @param options - `resolveDuplicates` (default true)
 * @returns the validated case, its rejected records, duplicates and conflicts, or the case's issues
 * @example parseStudentCase(JSON.parse(line)) // { ok: true, case, rejectedRecords: [], duplicates: [], conflicts: [] }
 */
export function parseStudentCase(value: unknown, options: ParseCaseOptions = {}): CaseParseResult {
  return parseWith(value, options, FAST);
}

/**
 * `parseStudentCase` by the zod schemas alone, without its hot paths: the
 * reference its property test compares it with, and the baseline of the
 * benchmark (`bench/library.ts`). Not exported from the package.
 *
 * @param value - parsed JSON
 * @param options - `resolveDuplicates` (default true)
 * @returns the same result as `parseStudentCase`
 * @example parseStudentCaseWithZod({ student: 'Anna' }) // { ok: false, studentId: null, issues: [{ path: 'student', message: 'Invalid input: expected object, received string' }] }
 */
export function parseStudentCaseWithZod(value: unknown, options: ParseCaseOptions = {}): CaseParseResult {
  return parseWith(value, options, ZOD_ONLY);
}
