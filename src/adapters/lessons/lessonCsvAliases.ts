import { ATTENDANCE_RECORD_KEYS } from '../../model/fastAttendance.js';

/** The columns a lesson CSV may have; `studentId`, `date`, `start` and `scheduledMinutes` are required. */
export const LESSON_CSV_COLUMNS = ['studentId', ...ATTENDANCE_RECORD_KEYS] as const;

/** One column of a lesson CSV, by its canonical name. */
export type LessonCsvColumn = (typeof LESSON_CSV_COLUMNS)[number];

/**
 * Other header names read as each column: the Swedish words school exports
 * use. Matched as `lessonCsvColumn` says (case, spaces, `-` and `_` do not
 * count). `anmäld` is the guardian's notice (anmäld frånvaro), not the
 * teacher's report of the lesson (`rapporterad`). Kept small: a name that
 * could mean two columns (`minuter`, `frånvaro`) is not an alias.
 */
export const LESSON_CSV_ALIASES: { readonly [C in LessonCsvColumn]: readonly string[] } = {
  studentId: ['elev', 'elev-id', 'elevnummer', 'student'],
  date: ['datum', 'lektionsdatum'],
  start: ['starttid', 'lektionsstart', 'start time'],
  scheduledMinutes: ['schemalagda minuter', 'schemalagd tid', 'lektionslängd'],
  validAbsenceMinutes: ['giltig frånvaro', 'giltig frånvaro minuter'],
  invalidAbsenceMinutes: ['ogiltig frånvaro', 'ogiltig frånvaro minuter'],
  reported: ['rapporterad', 'närvaro rapporterad'],
  guardianReported: ['anmäld', 'anmäld frånvaro', 'vårdnadshavare anmält', 'anmäld av vårdnadshavare'],
  reason: ['orsak', 'frånvaroorsak'],
};

/**
 * A header name as it is compared: Unicode NFC, lower case, without spaces,
 * `-` and `_` (so `Elev-ID`, `elev_id` and `elevId` are one name).
 *
 * @param name - a header cell
 * @returns the comparison key
 * @example headerKey(' Schemalagda_Minuter ') // 'schemalagdaminuter'
 */
export function headerKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_KEY: ReadonlyMap<string, LessonCsvColumn> = new Map(
  LESSON_CSV_COLUMNS.flatMap((column) => [column, ...LESSON_CSV_ALIASES[column]].map((name) => [headerKey(name), column] as const)),
);

/**
 * The column a header name stands for: its canonical name or an alias from
 * `LESSON_CSV_ALIASES`, in any case, with or without spaces, `-` and `_`.
 *
 * @param name - a header cell
 * @returns the column, or undefined for a column the reader ignores
 * @example lessonCsvColumn('Elev-ID') // 'studentId'
 * @example lessonCsvColumn('Ogiltig frånvaro') // 'invalidAbsenceMinutes'
 * @example lessonCsvColumn('teacher') // undefined
 */
export function lessonCsvColumn(name: string): LessonCsvColumn | undefined {
  return BY_KEY.get(headerKey(name));
}
