import { documentedJsonSchema, type JsonSchema } from '../model/jsonSchema.js';
import { LessonRecordSchema } from '../model/lessonRecordSchema.js';
import { LESSON_CSV_COLUMNS } from './lessonRecord.js';

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
  const csv = [
    `CSV: one header row naming columns from ${LESSON_CSV_COLUMNS.join(', ')} in any order, each at most once;`,
    `${required.join(', ')} are required.`,
    'Then one lesson per line (RFC 4180 quoting, a record on one line). An empty cell means not given (the default applies);',
    'minutes are integers written with digits; reported and guardianReported are true or false. Each row is then checked as this schema says.',
  ].join(' ');
  return { ...schema, description: `${String(schema['description'])} ${csv}` };
}
