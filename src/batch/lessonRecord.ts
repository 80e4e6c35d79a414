import { ATTENDANCE_RECORD_KEYS, fastAttendanceRecord } from '../model/fastAttendance.js';
import { AttendanceRecordSchema, type AttendanceRecord } from '../model/studentCase.js';
import { inputIssues, type InputIssue } from '../adapters/parseStudentCase.js';
import { splitCsvLine } from './csv.js';
import { jsonErrorReason } from '../adapters/jsonError.js';

/**
 * One lesson-level input record: a `StudentCase` attendance record plus the
 * `studentId` it belongs to, e.g.
 * `{"studentId":"elev-0001","date":"2026-11-23","start":"08:10","scheduledMinutes":60,"invalidAbsenceMinutes":60}`.
 */
export interface LessonRecord {
  readonly studentId: string;
  readonly record: AttendanceRecord;
}

/** The columns a lesson CSV may have; `studentId`, `date`, `start` and `scheduledMinutes` are required. */
export const LESSON_CSV_COLUMNS = ['studentId', ...ATTENDANCE_RECORD_KEYS] as const;
const REQUIRED_COLUMNS = ['studentId', 'date', 'start', 'scheduledMinutes'];
const INTEGER_COLUMNS: ReadonlySet<string> = new Set(['scheduledMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes']);
const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['reported', 'guardianReported']);

/** The result of reading one input line. */
export type LessonParse = { readonly ok: true; readonly lesson: LessonRecord } | { readonly ok: false; readonly studentId: string | null; readonly issues: readonly InputIssue[] };

/**
 * Validate one parsed lesson object: a non-empty string `studentId` and an
 * attendance record exactly as `AttendanceRecordSchema` accepts it.
 *
 * @param value - the parsed JSON (or CSV row) object
 * @returns the lesson, or the issues with field paths
 * @example parseLessonValue({ studentId: 'e1', date: '2026-11-23', start: '08:10', scheduledMinutes: 60 }).ok // true
 */
export function parseLessonValue(value: unknown): LessonParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, studentId: null, issues: [{ path: '(root)', message: 'Expected a lesson object with studentId' }] };
  }
  const { studentId, ...rest } = value as Record<string, unknown>;
  if (typeof studentId !== 'string' || studentId === '') {
    return { ok: false, studentId: null, issues: [{ path: 'studentId', message: 'Expected the student id as a non-empty string' }] };
  }
  const fast = fastAttendanceRecord(rest);
  if (fast !== undefined) return { ok: true, lesson: { studentId, record: fast } };
  const parsed = AttendanceRecordSchema.safeParse(rest);
  if (parsed.success) return { ok: true, lesson: { studentId, record: parsed.data } };
  return { ok: false, studentId, issues: inputIssues(parsed.error, '', rest) };
}

/**
 * Parse one NDJSON lesson line.
 *
 * @param line - the line
 * @returns the lesson or the issues
 * @example parseLessonJsonLine('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}').ok // true
 */
export function parseLessonJsonLine(line: string): LessonParse {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, studentId: null, issues: [{ path: '(line)', message: `invalid JSON: ${jsonErrorReason(error, line)}` }] };
  }
  return parseLessonValue(value);
}

/** A validated CSV header: the column name of each position. */
export interface CsvHeader {
  readonly columns: readonly string[];
}

/**
 * Validate a lesson CSV header row.
 *
 * @param line - the first line of the file
 * @returns the header, or a message naming the unknown, repeated or missing column
 * @example parseCsvHeader('studentId,date,start,scheduledMinutes,invalidAbsenceMinutes')
 */
export function parseCsvHeader(line: string): CsvHeader | { readonly error: string } {
  const split = splitCsvLine(line.replace(/^\uFEFF/, ''));
  if ('error' in split) return { error: `header: ${split.error}` };
  const columns = split.fields.map((f) => f.trim());
  const known: ReadonlySet<string> = new Set(LESSON_CSV_COLUMNS);
  for (const [i, c] of columns.entries()) {
    // The column's text is not repeated: a file without a header has a data row here.
    if (!known.has(c)) {
      const hint = !line.includes(',') && line.includes(';') ? ' (the line has semicolons: a lesson CSV separates columns with commas)' : '';
      return { error: `header column ${i + 1} is not one of ${LESSON_CSV_COLUMNS.join(', ')}${hint}` };
    }
    if (columns.indexOf(c) !== i) return { error: `header column "${c}" appears twice` };
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { error: `header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
  return { columns };
}

function csvCell(column: string, raw: string): unknown {
  if (INTEGER_COLUMNS.has(column)) return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (BOOLEAN_COLUMNS.has(column)) return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

/**
 * Parse one lesson CSV row against its header. An empty cell means "not
 * given" (the schema's default applies); integers and `true`/`false` are
 * converted, anything else is passed on so the schema names the field.
 *
 * @param line - one data line
 * @param header - the file's header
 * @returns the lesson or the issues
 * @example parseLessonCsvLine('e1,2026-11-23,08:10,60', { columns: ['studentId', 'date', 'start', 'scheduledMinutes'] }).ok // true
 */
export function parseLessonCsvLine(line: string, header: CsvHeader): LessonParse {
  const split = splitCsvLine(line);
  if ('error' in split) return { ok: false, studentId: null, issues: [{ path: '(line)', message: `invalid CSV: ${split.error}` }] };
  if (split.fields.length !== header.columns.length) {
    return {
      ok: false,
      studentId: null,
      issues: [{ path: '(line)', message: `expected ${header.columns.length} fields as in the header, got ${split.fields.length}` }],
    };
  }
  const value: Record<string, unknown> = {};
  header.columns.forEach((column, i) => {
    const raw = split.fields[i] ?? '';
    if (raw !== '') value[column] = csvCell(column, raw);
  });
  return parseLessonValue(value);
}

/**
 * The student id of a lesson line without parsing all of it: the partition
 * pass only needs the id. Falls back to `JSON.parse` for anything unusual
 * (escapes, spacing), so the answer always equals the parsed value's.
 *
 * @param line - one NDJSON line
 * @returns the id, or null when the line has no string `studentId`
 * @example studentIdOfJsonLine('{"studentId":"e1","date":"2026-11-23"}') // 'e1'
 */
export function studentIdOfJsonLine(line: string): string | null {
  // Without a backslash every quote delimits a string token, so a single
  // `"studentId":"` is the key and the next quote ends its value.
  const key = line.indexOf('"studentId":"');
  if (key !== -1 && !line.includes('\\') && line.indexOf('"studentId"', key + 1) === -1) {
    const start = key + 13;
    const end = line.indexOf('"', start);
    if (end > start) return line.slice(start, end);
  }
  try {
    const value = JSON.parse(line) as { studentId?: unknown } | null;
    return typeof value === 'object' && value !== null && typeof value.studentId === 'string' && value.studentId !== '' ? value.studentId : null;
  } catch {
    return null;
  }
}

/**
 * The student id of a lesson line in either format, without validating the
 * rest: for a line that is rejected (e.g. not valid UTF-8) but whose student
 * should still hear of it.
 *
 * @param line - one NDJSON or CSV data line
 * @param header - the CSV header, or null for NDJSON
 * @returns the id as written, or null when there is none
 * @example studentIdOfLine('e1,2026-11-23,08:10,60', { columns: ['studentId', 'date', 'start', 'scheduledMinutes'] }) // 'e1'
 */
export function studentIdOfLine(line: string, header: CsvHeader | null): string | null {
  if (header === null) return studentIdOfJsonLine(line);
  const split = splitCsvLine(line);
  const id = 'error' in split ? undefined : split.fields[header.columns.indexOf('studentId')];
  return id === undefined || id === '' ? null : id;
}
