/**
 * The lesson CSV reader as it was before issue 13 (commit 83bf54f): comma
 * only, exact column names, every column known, booleans `true`/`false`.
 * Kept here, and only here, as the benchmark's baseline: `npm run bench`
 * reads the same CSV file with it and with today's reader in the same run.
 */
import { parseLessonValue, type LessonParse } from '../../src/adapters/lessons/lessonRecord.js';
import { ATTENDANCE_RECORD_KEYS } from '../../src/model/fastAttendance.js';
import { issueAt, type InputIssue } from '../../src/adapters/issueText.js';

/** A line issue of the old reader, which spoke English only. */
const englishIssue = (message: string): InputIssue => issueAt('(line)', { sv: message, en: message });

const COLUMNS = ['studentId', ...ATTENDANCE_RECORD_KEYS];
const REQUIRED_COLUMNS = ['studentId', 'date', 'start', 'scheduledMinutes'];
const INTEGER_COLUMNS: ReadonlySet<string> = new Set(['scheduledMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes']);
const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['reported', 'guardianReported']);

/** The old header. */
export interface CsvHeaderBefore {
  readonly columns: readonly string[];
}

/** The old line splitter: comma only, RFC 4180 quotes. */
function splitCsvLine(line: string): { readonly fields: string[] } | { readonly error: string } {
  if (!line.includes('"')) return { fields: line.split(',') };
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close === -1) return { error: `unterminated quoted field starting at character ${i}` };
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      if (i < line.length && line[i] !== ',') return { error: `unexpected character after a quoted field at character ${i + 1}` };
      fields.push(value);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end;
    }
    if (i >= line.length) return { fields };
    i += 1;
    if (i === line.length) {
      fields.push('');
      return { fields };
    }
  }
}

/**
 * The old header check.
 *
 * @param line - the header line
 * @returns the header or an error
 * @example parseCsvHeaderBefore('studentId,date,start,scheduledMinutes') // { columns: [...] }
 */
export function parseCsvHeaderBefore(line: string): CsvHeaderBefore | { readonly error: string } {
  const split = splitCsvLine(line.replace(/^\uFEFF/, ''));
  if ('error' in split) return { error: `header: ${split.error}` };
  const columns = split.fields.map((f) => f.trim());
  for (const [i, c] of columns.entries()) {
    if (!COLUMNS.includes(c)) return { error: `header column ${i + 1} is not one of ${COLUMNS.join(', ')}` };
    if (columns.indexOf(c) !== i) return { error: `header column "${c}" appears twice` };
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  return missing.length > 0 ? { error: `header lacks ${missing.join(', ')}` } : { columns };
}

function csvCell(column: string, raw: string): unknown {
  if (INTEGER_COLUMNS.has(column)) return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (BOOLEAN_COLUMNS.has(column)) return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

/**
 * The old row reader.
 *
 * @param line - one data line
 * @param header - the header
 * @returns the lesson or the issues
 * @example parseLessonCsvLineBefore('e1,2026-11-23,08:10,60', { columns: ['studentId', 'date', 'start', 'scheduledMinutes'] }).ok // true
 */
export function parseLessonCsvLineBefore(line: string, header: CsvHeaderBefore): LessonParse {
  const split = splitCsvLine(line);
  if ('error' in split) return { ok: false, studentId: null, issues: [englishIssue(`invalid CSV: ${split.error}`)] };
  if (split.fields.length !== header.columns.length) {
    return { ok: false, studentId: null, issues: [englishIssue(`expected ${header.columns.length} fields as in the header, got ${split.fields.length}`)] };
  }
  const value: Record<string, unknown> = {};
  header.columns.forEach((column, i) => {
    const raw = split.fields[i] ?? '';
    if (raw !== '') value[column] = csvCell(column, raw);
  });
  return parseLessonValue(value);
}
