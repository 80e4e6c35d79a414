import { both, type Slots, type Template, type Templates } from '../model/template.js';

/**
 * What a rejected input line or record says, sv and en, besides the schema's
 * own messages (`swedishIssueMessage`, `SCHEMA_MESSAGE_TEXT`): the readers'
 * checks before and after the schema. None of them repeats a value of the
 * input; `{value}` is only ever what `shownValue` allows.
 */
export const INPUT_ISSUE_TEXT = {
  shownValue: { sv: '{message} (fick {value})', en: '{message} (got {value})' },
  unrecognizedKeys: { sv: '{n|Okänd nyckel|Okända nycklar}: {keys}', en: '{n|Unrecognized key|Unrecognized keys}: {keys}' },
  lessonsNotArray: { sv: 'Förväntade en lista av lektionsposter', en: 'Expected an array of lesson records' },
  lessonObject: { sv: 'Förväntade ett lektionsobjekt med studentId', en: 'Expected a lesson object with studentId' },
  studentIdString: { sv: 'Förväntade elevens id som en sträng som inte är tom', en: 'Expected the student id as a non-empty string' },
  notUtf8: { sv: 'inte giltig UTF-8 (byte {byte} på raden)', en: 'not valid UTF-8 (byte {byte} of the line)' },
  invalidCsv: { sv: 'ogiltig CSV: {reason}', en: 'invalid CSV: {reason}' },
  csvQuoteNotClosed: {
    sv: 'det citerade fältet {field} avslutas inte på sin rad (en lektions-CSV har en lektion per rad: en radbrytning inom citattecken stöds inte)',
    en: 'the quoted field {field} is not closed on its line (a lesson CSV has one lesson per line: a line break inside quotes is not supported)',
  },
  csvClosingQuote: {
    sv: 'fält {field}: text efter det avslutande citattecknet (ett citattecken i ett citerat fält skrivs "")',
    en: 'field {field}: text after its closing quote (a quote inside a quoted field is written "")',
  },
  csvOpeningQuote: {
    sv: 'fält {field}: ett citattecken i ett fält som inte börjar med ett (citera hela fältet och skriv ett citattecken som "")',
    en: 'field {field}: a quote inside a field that does not start with one (quote the whole field, and write a quote as "")',
  },
  csvUnreadable: { sv: 'kan inte läsas som CSV ({code})', en: 'not readable as CSV ({code})' },
  csvTwoRecords: { sv: 'mer än en post på raden', en: 'more than one record on the line' },
  fieldCount: { sv: 'förväntade {n} fält som i rubrikraden, fick {got}', en: 'expected {n} fields as in the header, got {got}' },
  conflict: {
    sv: 'Samma elev, datum och start som {others}, med annat värde på {fields}; ingen av dem används',
    en: 'Same student, date and start as {others}, with a different {fields}; none of them is used',
  },
  noSuchStudent: { sv: 'Kan inte utvärderas: ingen elev med detta id i elevfilen', en: 'Cannot evaluate: no student with this id in the students file' },
  studentRejected: { sv: 'Kan inte utvärderas: elevens egen rad i elevfilen avvisades', en: "Cannot evaluate: the student's own line in the students file was rejected" },
  header: { sv: 'rubrikrad: {reason}', en: 'header: {reason}' },
  headerSameColumn: { sv: 'rubrikradens kolumner {first} och {second} är båda {column}', en: 'header columns {first} and {second} are both {column}' },
  headerLacks: {
    sv: 'rubrikraden saknar {n|den obligatoriska kolumnen|de obligatoriska kolumnerna} {columns} ({hint})',
    en: 'header lacks the required {n|column|columns} {columns} ({hint})',
  },
  oneColumn: { sv: 'dess enda kolumn är ingen lektionskolumn', en: 'its one column is not a lesson column' },
  noColumn: { sv: 'ingen av dess {n} kolumner är en lektionskolumn', en: 'none of its {n} columns is a lesson column' },
  noLessonColumn: { sv: '{columns}: saknas rubrikraden?', en: '{columns}: is the header row missing?' },
  noLessonColumnDelimiter: {
    sv: '{columns}: saknas rubrikraden, eller är avgränsaren inte {delimiter}?',
    en: '{columns}: is the header row missing, or is the delimiter not {delimiter}?',
  },
  columnsByName: {
    sv: 'kolumner matchas på namn oavsett skiftläge, eller på de svenska alias som står i docs/batch.md',
    en: 'columns are matched by name in any case, or by the Swedish aliases in docs/batch.md',
  },
  tab: { sv: 'tabb', en: 'tab' },
  notNdjsonNorCsv: { sv: '{where}: inte NDJSON, och inte en lektions-CSV: {reason}', en: '{where}: not NDJSON, and not a lesson CSV: {reason}' },
  duplicateStudent: { sv: 'Elev-id:t finns redan; eleven angavs första gången på {location}', en: 'Duplicate student id; the student was first given at {location}' },
} as const satisfies Templates;

/** One problem with an input value: where it is and what is wrong. */
export interface InputIssue {
  /** Dotted path inside the case, e.g. `student.birthDate` or `attendance[12].scheduledMinutes`. */
  readonly path: string;
  /** What is wrong, in English (`text.en`). */
  readonly message: string;
  /** What is wrong, sv and en. */
  readonly text: Template;
}

/**
 * Issues as an output file holds them: each path with its message in one language.
 *
 * @param issues - the issues
 * @param lang - the language
 * @returns `{ path, message }` each
 * @example issuesIn([inputIssue('(line)', INPUT_ISSUE_TEXT.notUtf8, { byte: 3 })], 'sv') // [{ path: '(line)', message: 'inte giltig UTF-8 (byte 3 på raden)' }]
 */
export function issuesIn(issues: readonly InputIssue[], lang: 'sv' | 'en'): Array<{ readonly path: string; readonly message: string }> {
  return issues.map((i) => ({ path: i.path, message: i.text[lang] }));
}

/**
 * An issue at a path from its texts.
 *
 * @param path - where, e.g. `studentId` or `(line)`
 * @param text - what is wrong, sv and en
 * @returns the issue, its `message` the English
 * @example issueAt('studentId', both(INPUT_ISSUE_TEXT.noSuchStudent)) // { path: 'studentId', message: 'Cannot evaluate: no student …', text: { sv: 'Kan inte utvärderas: …', en: … } }
 */
export function issueAt(path: string, text: Template): InputIssue {
  return { path, message: text.en, text };
}

/**
 * An issue at a path from a template of `INPUT_ISSUE_TEXT`.
 *
 * @param path - where
 * @param template - the sentence
 * @param slots - its slots
 * @returns the issue
 * @example inputIssue('(line)', INPUT_ISSUE_TEXT.notUtf8, { byte: 3 }).text.sv // 'inte giltig UTF-8 (byte 3 på raden)'
 */
export function inputIssue(path: string, template: Template, slots: Slots | ((lang: 'sv' | 'en') => Slots) = {}): InputIssue {
  return issueAt(path, both(template, slots));
}
