import { ss12000SideFileJsonSchema } from '../adapters/ss12000/sideFile.js';
import { changeJsonSchema } from '../run/changeSchema.js';
import { lessonRecordJsonSchema } from '../adapters/lessons/lessonRecordJsonSchema.js';
import { compactDecisionJsonSchema, decisionJsonSchema, policyFileJsonSchema, schoolCalendarJsonSchema, studentCaseJsonSchema, type JsonSchema } from '../model/jsonSchema.js';

/**
 * The JSON Schemas Trappa publishes, by the name `trappa schema <name>` takes
 * and the file `schemas/<name>.schema.json` ships them in. `complete: true`
 * claims that the schema accepts exactly what the validator accepts; the
 * others list in their `description` what JSON Schema cannot say (two fields
 * compared, the policy's fact catalog).
 */
export const JSON_SCHEMAS = {
  'student-case': { build: studentCaseJsonSchema, complete: false },
  policy: { build: policyFileJsonSchema, complete: false },
  decision: { build: decisionJsonSchema, complete: true },
  'compact-decision': { build: compactDecisionJsonSchema, complete: true },
  'lesson-record': { build: lessonRecordJsonSchema, complete: false },
  calendar: { build: schoolCalendarJsonSchema, complete: false },
  'ss12000-side-file': { build: ss12000SideFileJsonSchema, complete: false },
  change: { build: changeJsonSchema, complete: true },
} as const satisfies Record<string, { readonly build: () => JsonSchema; readonly complete: boolean }>;

/** The name of a published JSON Schema. */
export type JsonSchemaName = keyof typeof JSON_SCHEMAS;

/** Every published schema name, in the order `trappa schema` lists them. */
export const JSON_SCHEMA_NAMES = Object.keys(JSON_SCHEMAS) as JsonSchemaName[];

/**
 * Whether `name` is a published schema's name.
 *
 * @param name - a candidate
 * @returns true for one of `JSON_SCHEMA_NAMES`
 * @example isJsonSchemaName('decision') // true
 */
export function isJsonSchemaName(name: string): name is JsonSchemaName {
  return Object.hasOwn(JSON_SCHEMAS, name);
}

/**
 * One published JSON Schema (draft 2020-12), with `$id`, title and description.
 *
 * @param name - the schema's name
 * @returns the schema
 * @example jsonSchema('calendar').$id // 'https://unpkg.com/trappa/schemas/calendar.schema.json'
 */
export function jsonSchema(name: JsonSchemaName): JsonSchema {
  return JSON_SCHEMAS[name].build();
}
