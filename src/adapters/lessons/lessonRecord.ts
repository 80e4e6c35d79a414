import { fastAttendanceRecord } from '../../model/fastAttendance.js';
import { AttendanceRecordSchema, looksLikePersonnummer, type AttendanceRecord } from '../../model/studentCase.js';
import { inputIssues, type InputIssue } from '../parseStudentCase.js';
import { inputIssue, issueAt, INPUT_ISSUE_TEXT } from '../issueText.js';
import { both, type Template } from '../../model/template.js';
import { escapeControl } from '../safeText.js';
import { splitCsvLine } from './csv.js';
import { parseCsvRecord } from './csvRecord.js';
import { lessonCsvColumn, type LessonCsvColumn } from './lessonCsvAliases.js';
import { jsonErrorText } from '../jsonError.js';

/**
 * One lesson-level input record: a `StudentCase` attendance record plus the
 * `studentId` it belongs to, e.g.
 * `{"studentId":"elev-0001","date":"2026-11-23","start":"08:10","scheduledMinutes":60,"invalidAbsenceMinutes":60}`.
 */
export interface LessonRecord {
  readonly studentId: string;
  readonly record: AttendanceRecord;
}

export { LESSON_CSV_COLUMNS } from './lessonCsvAliases.js';
const REQUIRED_COLUMNS: readonly LessonCsvColumn[] = ['studentId', 'date', 'start', 'scheduledMinutes'];
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
    return { ok: false, studentId: null, issues: [inputIssue('(root)', INPUT_ISSUE_TEXT.lessonObject)] };
  }
  const { studentId, ...rest } = value as Record<string, unknown>;
  if (typeof studentId !== 'string' || studentId === '') {
    return { ok: false, studentId: null, issues: [inputIssue('studentId', INPUT_ISSUE_TEXT.studentIdString)] };
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
    return { ok: false, studentId: null, issues: [issueAt('(line)', jsonErrorText(error, line))] };
  }
  return parseLessonValue(value);
}

/** A validated lesson CSV header: its delimiter and what each position is read as. */
export interface CsvHeader {
  /** The delimiter: given (`--delimiter`) or sniffed from the header line. */
  readonly delimiter: string;
  /** The column each field is read as, by position; null for a column the reader ignores. */
  readonly columns: readonly (LessonCsvColumn | null)[];
  /** The ignored columns' names as a message may show them (see `shownColumnName`), in header order. */
  readonly ignored: readonly string[];
}

/** The delimiters a lesson CSV header is sniffed for, in the order a tie is broken. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;

/**
 * A header name as the summary shows it: escaped, at most 40 characters, and
 * never something that looks like a personnummer (then `(column N)`).
 *
 * @param name - the header cell
 * @param position - its position, from 1
 * @returns the name to show
 * @example shownColumnName(' Lärare ', 7) // 'Lärare'
 * @example shownColumnName('', 7) // '(column 7)'
 */
export function shownColumnName(name: string, position: number): string {
  const trimmed = name.trim();
  if (trimmed === '' || looksLikePersonnummer(trimmed)) return `(column ${position})`;
  const escaped = escapeControl(trimmed);
  return escaped.length > 40 ? `${escaped.slice(0, 39)}…` : escaped;
}

/** The header's fields under one delimiter, and how many of them are lesson columns. */
function readHeaderWith(line: string, delimiter: string): { readonly fields: string[]; readonly known: number } | { readonly error: Template } {
  const split = parseCsvRecord(line, delimiter);
  if ('error' in split) return split;
  return { fields: split.fields, known: split.fields.filter((f) => lessonCsvColumn(f) !== undefined).length };
}

/**
 * The delimiter of a header line: of `,`, `;` and tab, the one under which
 * most of its cells are lesson columns (then: most cells; then that order).
 *
 * @param line - the header line
 * @returns the delimiter
 * @example sniffDelimiter('elev;datum;starttid;schemalagda minuter') // ';'
 */
export function sniffDelimiter(line: string): string {
  let best: { delimiter: string; known: number; fields: number } = { delimiter: ',', known: -1, fields: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    const read = readHeaderWith(line, delimiter);
    if ('error' in read) continue;
    if (read.known > best.known || (read.known === best.known && read.fields.length > best.fields)) best = { delimiter, known: read.known, fields: read.fields.length };
  }
  return best.delimiter;
}

/**
 * Validate a lesson CSV header row. Each cell names a column (its canonical
 * name or a Swedish alias, see `lessonCsvColumn`); a cell that names none is
 * an extra column, ignored and listed in `ignored`. The delimiter is sniffed
 * (`sniffDelimiter`) unless given. The line is never repeated in an error:
 * a file without a header has a data row here.
 *
 * @param line - the first line of the file (a BOM at its start is skipped)
 * @param delimiter - the delimiter, or undefined to sniff it
 * @returns the header, or a message naming the repeated or missing columns (sv and en)
 * @example parseCsvHeader('Elev;Datum;Starttid;Schemalagda minuter;Lärare') // { delimiter: ';', columns: ['studentId', 'date', 'start', 'scheduledMinutes', null], ignored: ['Lärare'] }
 */
export function parseCsvHeader(line: string, delimiter?: string): CsvHeader | { readonly error: Template } {
  const text = line.replace(/^\uFEFF/, '');
  const used = delimiter ?? sniffDelimiter(text);
  const read = readHeaderWith(text, used);
  if ('error' in read) return { error: both(INPUT_ISSUE_TEXT.header, (lang) => ({ reason: read.error[lang] })) };
  const columns = read.fields.map((f) => lessonCsvColumn(f) ?? null);
  for (const [i, c] of columns.entries()) {
    const first = c === null ? i : columns.indexOf(c);
    if (first !== i) return { error: both(INPUT_ISSUE_TEXT.headerSameColumn, { first: first + 1, second: i + 1, column: String(c) }) };
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const none = columns.length === 1 ? INPUT_ISSUE_TEXT.oneColumn : both(INPUT_ISSUE_TEXT.noColumn, { n: columns.length });
    const hint: Template =
      read.known > 0
        ? INPUT_ISSUE_TEXT.columnsByName
        : delimiter === undefined
          ? both(INPUT_ISSUE_TEXT.noLessonColumn, (lang) => ({ columns: none[lang] }))
          : both(INPUT_ISSUE_TEXT.noLessonColumnDelimiter, (lang) => ({ columns: none[lang], delimiter: delimiterName(used, lang) }));
    return { error: both(INPUT_ISSUE_TEXT.headerLacks, (lang) => ({ n: missing.length, columns: missing.join(', '), hint: hint[lang] })) };
  }
  const ignored = [...new Set(read.fields.flatMap((f, i) => (columns[i] === null ? [shownColumnName(f, i + 1)] : [])))];
  return { delimiter: used, columns, ignored };
}

/** A delimiter as a message names it. */
function delimiterName(delimiter: string, lang: 'sv' | 'en'): string {
  return delimiter === '\t' ? INPUT_ISSUE_TEXT.tab[lang] : `"${escapeControl(delimiter)}"`;
}

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['ja', true],
  ['nej', false],
]);

function csvCell(column: string, raw: string): unknown {
  if (INTEGER_COLUMNS.has(column)) return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (BOOLEAN_COLUMNS.has(column)) return BOOLEANS.get(raw) ?? BOOLEANS.get(raw.toLowerCase()) ?? raw;
  return raw;
}

/**
 * Parse one lesson CSV row against its header. An empty cell means "not
 * given" (the schema's default applies); integers, and `true`/`false`/`1`/
 * `0`/`ja`/`nej` in any case, are converted; anything else is passed on so
 * the schema names the field. Ignored columns are not read.
 *
 * @param line - one data line
 * @param header - the file's header
 * @returns the lesson or the issues
 * @example parseLessonCsvLine('e1;2026-11-23;08:10;60;JA', parsedHeader).ok // true, with the header 'elev;datum;start;schemalagda minuter;rapporterad'
 */
export function parseLessonCsvLine(line: string, header: CsvHeader): LessonParse {
  const split = splitCsvLine(line, header.delimiter);
  if ('error' in split) return { ok: false, studentId: null, issues: [inputIssue('(line)', INPUT_ISSUE_TEXT.invalidCsv, (lang) => ({ reason: split.error[lang] }))] };
  const { columns } = header;
  const { fields } = split;
  if (fields.length !== columns.length) {
    return {
      ok: false,
      studentId: null,
      issues: [inputIssue('(line)', INPUT_ISSUE_TEXT.fieldCount, { n: columns.length, got: fields.length })],
    };
  }
  const value: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i += 1) {
    const column = columns[i];
    const raw = fields[i] ?? '';
    if (column !== null && column !== undefined && raw !== '') value[column] = csvCell(column, raw);
  }
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
 * @example studentIdOfLine('e1,2026-11-23,08:10,60', { delimiter: ',', columns: ['studentId', 'date', 'start', 'scheduledMinutes'], ignored: [] }) // 'e1'
 */
export function studentIdOfLine(line: string, header: CsvHeader | null): string | null {
  if (header === null) return studentIdOfJsonLine(line);
  const split = splitCsvLine(line, header.delimiter);
  const id = 'error' in split ? undefined : split.fields[header.columns.indexOf('studentId')];
  return id === undefined || id === '' ? null : id;
}
