import { z } from 'zod';
import { PolicyFileSchema } from './policyFile.js';
import { StudentCaseSchema } from './studentCase.js';

/**
 * JSON Schema (draft 2020-12) of a `StudentCase` as a caller writes it
 * (fields with defaults are optional), for non-TypeScript callers.
 *
 * @returns the JSON Schema object
 * @example studentCaseJsonSchema().properties.student // { type: 'object', ... }
 */
export function studentCaseJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(StudentCaseSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/**
 * JSON Schema of a policy file in `rules/`. Cross-field checks (known facts,
 * operator and values per fact, no typology fact in a `lagkrav` rule) are
 * enforced by `loadPolicy`, not by the schema.
 *
 * @returns the JSON Schema object
 * @example policyFileJsonSchema().required // ['id', 'version', 'title', 'rules']
 */
export function policyFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PolicyFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
