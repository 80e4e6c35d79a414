import { looksLikePersonnummer } from '../model/studentCase.js';
import { escapeControl } from './safeText.js';

/** What a value of a shown field looks like; a value of another shape is not shown. */
type Shape = 'date' | 'time' | 'integer' | 'boolean' | 'code';

const RECORD_FIELDS: ReadonlyArray<readonly [string, Shape]> = [
  ['date', 'date'],
  ['start', 'time'],
  ['scheduledMinutes', 'integer'],
  ['validAbsenceMinutes', 'integer'],
  ['invalidAbsenceMinutes', 'integer'],
  ['reported', 'boolean'],
  ['guardianReported', 'boolean'],
  ['reason', 'code'],
];

/**
 * The fields whose offending value an error may show, by path (array indices
 * as `[]`, a consent purpose as `*`): dates, times, minutes, booleans and
 * closed code lists, which say nothing about who the student is. Everything
 * else is never shown: ids (`student.id`, `school.id`, a lesson's
 * `studentId`), the birth date (the first part of a personnummer), where the
 * child lives (`residence`), free text (`district`), and any key the schema
 * does not know. A lesson line's fields are at the root, a case's under
 * `attendance[]`.
 *
 * @example SHOWN_FIELDS.has('attendance[].scheduledMinutes') // true
 * @example SHOWN_FIELDS.has('student.birthDate') // false
 */
export const SHOWN_FIELDS: ReadonlyMap<string, Shape> = new Map<string, Shape>([
  ...RECORD_FIELDS,
  ...RECORD_FIELDS.map(([field, shape]) => [`attendance[].${field}`, shape] as const),
  ['student.schoolForm', 'code'],
  ['student.grade', 'integer'],
  ['student.protectedIdentity', 'boolean'],
  ['student.enrolledFrom', 'date'],
  ['student.studiehjalp', 'code'],
  ['student.school.huvudman', 'code'],
  ['student.school.municipalityCode', 'code'],
  ['student.school.teams[]', 'code'],
  ['consents.*.guardians', 'code'],
  ['consents.*.student', 'code'],
  ['signals[].type', 'code'],
  ['signals[].date', 'date'],
  ['signals[].until', 'date'],
  ['measures[].step', 'code'],
  ['measures[].date', 'date'],
  ['measures[].outcome', 'code'],
]);

/** Strings a field of each shape may show: its own characters only, so a name or a sentence put there is not. */
const SHAPE_TEXT: Readonly<Record<Shape, RegExp>> = {
  date: /^[\d .:/+TZ-]+$/,
  time: /^[\d .:]+$/,
  integer: /^[\d .,+-]+$/,
  boolean: /^[A-Za-z\d]{1,5}$/,
  code: /^[A-Za-z\d._-]+$/,
};

const MAX_SHOWN = 40;

/**
 * A field's path as `SHOWN_FIELDS` keys it: `attendance[12].date` →
 * `attendance[].date`, `consents.sip.student` → `consents.*.student`.
 *
 * @param path - a dotted path (`formatIssuePath`)
 * @returns the path with indices and consent purposes generalised
 * @example fieldPattern('signals[2].until') // 'signals[].until'
 */
export function fieldPattern(path: string): string {
  return path.replace(/\[\d+\]/g, '[]').replace(/^consents\.[^.[\]]+\./, 'consents.*.');
}

/**
 * The offending value of a rejected field as an error may show it, or
 * undefined when it must not be shown: only for a field of `SHOWN_FIELDS`,
 * only a value of that field's shape (a date field shows digits and date
 * punctuation, never a name put there), never ten digits in a row (a
 * personnummer) nor what reads as a personnummer, never an object or array.
 * Strings are quoted as JSON and cut to 40 characters; control characters
 * are escaped.
 *
 * @param path - the field's dotted path (`formatIssuePath`)
 * @param value - the value at that path in the input
 * @returns the value as text, or undefined
 * @example shownValue('attendance[3].date', '2026-02-30') // '"2026-02-30"'
 * @example shownValue('scheduledMinutes', 900) // '900'
 * @example shownValue('student.id', 'Anna Andersson') // undefined
 * @example shownValue('date', 'Anna') // undefined
 */
export function shownValue(path: string, value: unknown): string | undefined {
  const shape = SHOWN_FIELDS.get(fieldPattern(path));
  if (shape === undefined) return undefined;
  let text: string;
  if (value === null || typeof value === 'boolean') text = String(value);
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'string') {
    if (!SHAPE_TEXT[shape].test(value)) return undefined;
    text = JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value);
  } else return undefined;
  if (/\d{10}/.test(text) || looksLikePersonnummer(text)) return undefined;
  return escapeControl(text.length > MAX_SHOWN + 2 ? `${text.slice(0, MAX_SHOWN)}…` : text);
}

/**
 * The value at a path of a parsed JSON value (zod's issue path), or undefined.
 *
 * @param root - the parsed value
 * @param path - keys and indices
 * @returns the value there
 * @example valueAt({ attendance: [{ date: 'x' }] }, ['attendance', 0, 'date']) // 'x'
 */
export function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || typeof key === 'symbol' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
