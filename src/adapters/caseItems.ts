import { recoverStudentId } from './recoverStudentId.js';
import { jsonErrorAt, jsonErrorText, JSON_ERROR_TEXT } from './jsonError.js';
import { INPUT_ISSUE_TEXT } from './issueText.js';
import { both, type Template } from '../model/template.js';
import { arrayElementLines } from './arrayElementLines.js';

/**
 * One line of an input as a reader decodes it: its text, or, when it is not
 * valid UTF-8, the first bad byte (from 1) and the line decoded with U+FFFD.
 */
export type Line = { readonly lineNumber: number; readonly text: string } | { readonly lineNumber: number; readonly invalidByte: number; readonly lossy: string };

/** One input item with where it came from, for error messages. */
export interface InputItem {
  /** `file:line` for NDJSON and a single JSON object, `file:line [index]` for an element of a JSON array (the line it starts on). */
  readonly location: string;
  readonly value: unknown;
}

/** An input item that is not JSON at all. */
export interface UnparsableItem {
  readonly location: string;
  /** Why, in English (`text.en`). */
  readonly error: string;
  /** Why, sv and en. */
  readonly text: Template;
  /** The student id read from what there is of the line (`recoverStudentId`), or null. */
  readonly studentId: string | null;
}

/** What a case reader yields: a parsed value or a line that could not be parsed. */
export type CaseItem = InputItem | UnparsableItem;

/** An unparsable item, its `error` the English of `text`. */
function unparsable(location: string, text: Template, studentId: string | null): UnparsableItem {
  return { location, error: text.en, text, studentId };
}

/** Whether a line is blank (only white space). */
export const isBlank = (line: Line): boolean => 'text' in line && line.text.trim() === '';

/**
 * One NDJSON line as an item (blank lines are skipped before): the parsed
 * value, or the reason it is not JSON (or not UTF-8) with the student id read
 * from what there is of the line.
 *
 * @param name - the input's name, for the location
 * @param line - the line
 * @returns the item
 * @example lineItem('cases.ndjson', { lineNumber: 3, text: '{"a":1}' }) // { location: 'cases.ndjson:3', value: { a: 1 } }
 */
export function lineItem(name: string, line: Line): CaseItem {
  const location = `${name}:${line.lineNumber}`;
  if (!('text' in line)) return unparsable(location, both(INPUT_ISSUE_TEXT.notUtf8, { byte: line.invalidByte }), recoverStudentId(line.lossy));
  try {
    return { location, value: JSON.parse(line.text) };
  } catch (error) {
    return unparsable(location, jsonErrorText(error, line.text), recoverStudentId(line.text));
  }
}

/** Whether a line is a whole JSON value on its own. */
export function isJsonLine(line: Line | undefined): boolean {
  if (line === undefined || !('text' in line)) return false;
  try {
    JSON.parse(line.text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The items of a whole JSON document (all of its lines, from line 1): each
 * element of an array, located by the line it starts on, or the one value;
 * or, when the document is not valid JSON (or not UTF-8), the one item that
 * reports the line and character where it goes wrong.
 *
 * @param name - the input's name, for locations
 * @param lines - every line of the document, from line 1
 * @returns the items, or the one broken item
 * @example documentItems('case.json', [{ lineNumber: 1, text: '[1,' }, { lineNumber: 2, text: '2]' }]) // { items: [{ location: 'case.json:1 [0]', value: 1 }, { location: 'case.json:2 [1]', value: 2 }] }
 */
export function documentItems(name: string, lines: readonly Line[]): { readonly items: CaseItem[] } | { readonly broken: UnparsableItem } {
  const bad = lines.find((l) => !('text' in l));
  if (bad !== undefined && !('text' in bad)) {
    return { broken: unparsable(`${name}:${bad.lineNumber}`, both(INPUT_ISSUE_TEXT.notUtf8, { byte: bad.invalidByte }), null) };
  }
  const text = lines.map((l) => ('text' in l ? l.text : '')).join('\n');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { text: words, position } = jsonErrorAt(error, text);
    // A document cut short fails at its end: its last line is named, not a character past it.
    const end = text.trimEnd().length;
    const cut = position === undefined || position >= end;
    const at = cut ? end : position;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(0, lineStart).split('\n').length;
    const why = cut ? both(JSON_ERROR_TEXT.endsEarly, (lang) => ({ words: words[lang] })) : both(JSON_ERROR_TEXT.atCharacter, (lang) => ({ words: words[lang], n: at - lineStart + 1 }));
    return { broken: unparsable(`${name}:${line}`, why, recoverStudentId(text)) };
  }
  const first = lines.find((l) => !isBlank(l))?.lineNumber ?? 1;
  if (!Array.isArray(value)) return { items: [{ location: `${name}:${first}`, value }] };
  const starts = arrayElementLines(text);
  return { items: value.map((v: unknown, i) => ({ location: `${name}:${starts[i] ?? first} [${i}]`, value: v })) };
}
