import { z } from 'zod';
import { CompactDecisionSchema } from './compactDecisionSchema.js';
import { DecisionSchema } from './decisionSchema.js';
import { PolicyFileSchema } from './policyFile.js';
import { SchoolCalendarSchema } from './schoolCalendar.js';
import { StudentCaseSchema } from './studentCase.js';

/** A JSON Schema document (draft 2020-12) as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Where the shipped schema files are published: the package's `schemas/` folder, on unpkg. */
export const JSON_SCHEMA_BASE_URL = 'https://unpkg.com/trappa/schemas/';

/**
 * The JSON Schema (draft 2020-12) of a zod schema, documented: `$id` from the
 * name, `title` and `description` from the schema's `.meta()`, and refinements
 * written in JSON Schema where the zod schema's `.meta()` says how (a `not`
 * pattern, an `anyOf`, a stricter `pattern`). Input form: fields with
 * defaults are optional. Something zod cannot represent is an error, never a
 * silent `{}`.
 *
 * @param schema - the zod schema (with `.meta({ title, description })`)
 * @param name - the schema's name, as `trappa schema <name>` takes it
 * @returns the JSON Schema, `$schema` and `$id` first
 * @example documentedJsonSchema(SchoolCalendarSchema, 'calendar').$id // 'https://unpkg.com/trappa/schemas/calendar.schema.json'
 */
export function documentedJsonSchema(schema: z.ZodType, name: string): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  return { $schema, $id: `${JSON_SCHEMA_BASE_URL}${name}.schema.json`, ...rest };
}

/**
 * JSON Schema (draft 2020-12) of a `StudentCase` as a caller writes it
 * (fields with defaults are optional), for non-TypeScript callers. Opaque ids
 * that look like a personnummer, impossible dates and a student without
 * residence or protected identity are refused as by `parseStudentCase`; the
 * description lists what it cannot say (absence over the lesson, a signal
 * ending before it starts).
 *
 * @returns the JSON Schema object
 * @example studentCaseJsonSchema().title // 'Trappa student case'
 */
export function studentCaseJsonSchema(): JsonSchema {
  return documentedJsonSchema(StudentCaseSchema, 'student-case');
}

/**
 * JSON Schema of a policy file in `rules/`. Cross-field checks (known facts,
 * operator and values per fact, no typology fact in a `lagkrav` rule) are
 * enforced by `loadPolicy`, not by the schema; its description lists them.
 *
 * @returns the JSON Schema object
 * @example policyFileJsonSchema().required // ['id', 'version', 'title', 'rules']
 */
export function policyFileJsonSchema(): JsonSchema {
  return documentedJsonSchema(PolicyFileSchema, 'policy');
}

/**
 * JSON Schema of a `Decision` line (`--json`, `--decisions-out`), exactly as
 * `DecisionSchema` reads it back.
 *
 * @returns the JSON Schema object
 * @example decisionJsonSchema().required // ['studentId', 'asOf', 'policy', 'facts', 'typology', 'steps', 'notRecommended', 'warnings', 'episode', 'expiredSignals']
 */
export function decisionJsonSchema(): JsonSchema {
  return documentedJsonSchema(DecisionSchema, 'decision');
}

/**
 * JSON Schema of a compact decision line (`--json compact`, `--decisions-out`
 * by default), exactly as `CompactDecisionSchema` reads it back.
 *
 * @returns the JSON Schema object
 * @example compactDecisionJsonSchema().required // ['studentId', 'asOf', 'policy', 'facts', 'typology', 'steps', 'warnings', 'episode', 'expiredSignals']
 */
export function compactDecisionJsonSchema(): JsonSchema {
  return documentedJsonSchema(CompactDecisionSchema, 'compact-decision');
}

/**
 * JSON Schema of a school calendar (`--calendar`). It cannot say that a
 * range starts on or before its end; its description says so.
 *
 * @returns the JSON Schema object
 * @example schoolCalendarJsonSchema().required // ['terms']
 */
export function schoolCalendarJsonSchema(): JsonSchema {
  return documentedJsonSchema(SchoolCalendarSchema, 'calendar');
}
