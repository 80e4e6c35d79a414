import { documentedJsonSchema, type JsonSchema } from '../../model/jsonSchema.js';
import { LessonRecordSchema } from '../../model/lessonRecordSchema.js';
import { LESSON_CSV_ALIASES, LESSON_CSV_COLUMNS } from './lessonCsvAliases.js';

/**
 * JSON Schema of one lesson record (`trappa schema lesson-record`): an NDJSON
 * line of `--format lessons`, or one CSV row read against its header. The
 * CSV form is described in the schema's `description` (a CSV file is not
 * JSON): the columns, which are required, and how cells are read. It lives
 * in the batch because the CSV reading rules are the batch reader's.
 *
 * @returns the JSON Schema object
 * @example lessonRecordJsonSchema().required // ['studentId', 'date', 'start', 'scheduledMinutes']
 */
export function lessonRecordJsonSchema(): JsonSchema {
  const schema = documentedJsonSchema(LessonRecordSchema, 'lesson-record');
  const required = schema['required'] as readonly string[];
  const aliases = LESSON_CSV_COLUMNS.map((c) => `${c}: ${LESSON_CSV_ALIASES[c].join(', ')}`).join('; ');
  const csv = [
    `CSV: one header row naming columns from ${LESSON_CSV_COLUMNS.join(', ')} in any order, each at most once;`,
    `${required.join(', ')} are required.`,
    `Header names match in any case, without regard to spaces, - and _, and these Swedish aliases are read as the column (${aliases});`,
    'any other column is ignored (the run summary names it). The delimiter is comma, semicolon or tab, sniffed from the header (--delimiter overrides it).',
    'Then one lesson per line (RFC 4180 quoting: a quoted field may hold the delimiter and "" for a quote, but no line break). An empty cell means not given (the default applies);',
    'minutes are integers written with digits; reported and guardianReported are true/false, 1/0 or ja/nej in any case. Each row is then checked as this schema says.',
  ].join(' ');
  return { ...schema, description: `${String(schema['description'])} ${csv}` };
}
