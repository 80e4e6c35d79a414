import { parse } from 'csv-parse/sync';
import { both, type Template } from '../../model/template.js';
import { INPUT_ISSUE_TEXT as T } from '../issueText.js';

/** The fields of one CSV line, or why it cannot be read (sv and en, never repeating the line). */
export type CsvFields = { readonly fields: string[] } | { readonly error: Template };

/** What csv-parse says, in words that name the field but never its text (csv-parse's own messages quote it). */
const MESSAGES: Readonly<Record<string, Template>> = {
  CSV_QUOTE_NOT_CLOSED: T.csvQuoteNotClosed,
  CSV_INVALID_CLOSING_QUOTE: T.csvClosingQuote,
  INVALID_OPENING_QUOTE: T.csvOpeningQuote,
};

/**
 * Read one CSV line with csv-parse, the general reader: RFC 4180 quoting
 * (`"a;b"`, `""` for a quote), the given delimiter, no trimming, no type
 * casting, and a line break only ever ends a record (lines come without
 * theirs). The slow path of `splitCsvLine`, and the reader of header lines.
 *
 * @param line - one line without its line break
 * @param delimiter - one character
 * @returns the fields, or an error naming the field (from 1)
 * @example parseCsvRecord('e1;"a;b";60', ';') // { fields: ['e1', 'a;b', '60'] }
 * @example parseCsvRecord('e1,"open', ',') // { error: { sv: 'det citerade fältet 2 avslutas inte på sin rad (…)', en: 'the quoted field 2 is not closed on its line (…)' } }
 */
export function parseCsvRecord(line: string, delimiter: string): CsvFields {
  let records: string[][];
  try {
    records = parse(line, { delimiter, record_delimiter: '\n', relax_column_count: true, bom: false, trim: false, cast: false });
  } catch (error) {
    const { code, column } = error as { code?: unknown; column?: unknown };
    const field = typeof column === 'number' ? column + 1 : 1;
    const message = typeof code === 'string' ? MESSAGES[code] : undefined;
    return { error: message === undefined ? both(T.csvUnreadable, { code: typeof code === 'string' ? code : '?' }) : both(message, { field }) };
  }
  // csv-parse reads an empty line as no record; the line reader as one empty field.
  if (records.length === 0) return { fields: [''] };
  const [fields] = records;
  if (records.length !== 1 || fields === undefined) return { error: both(T.csvTwoRecords) };
  return { fields };
}
