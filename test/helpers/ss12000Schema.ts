/**
 * Validation against the official SS 12000 OpenAPI files, vendored from ../shared/ss12000/ into fixtures/ss12000/openapi/
 * with ajv (JSON Schema) and ajv-formats (uuid, date, date-time, uri, email).
 * OpenAPI 3.0 schemas are JSON Schema with dialect differences: `nullable`
 * (ajv supports it natively), the `example` annotation (declared here as a
 * keyword), and `$ref`s into `#/components/schemas/…`, which are rewritten to
 * `#/definitions/…` of one schema document holding every component.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** The official files and their SHA-256 (shared/ss12000/README.md). */
export const SS12000_SPECS = {
  '2.1.0': { file: 'openapi_ss12000_version2_1_0.yaml', sha256: 'aee9a95a4c5bd25cebaf357d266592f94e9388ae785ee9ac3b58e1992acccd28' },
  '2.0.0': { file: 'openapi_ss12000_version2_0_0.yaml', sha256: 'b022963a2c164e3aa85e7c505c9c68580fb7a00a8351bd0c3dfb9386853c55bb' },
} as const;
export type Ss12000Version = keyof typeof SS12000_SPECS;

const SHARED = new URL('../../fixtures/ss12000/openapi/', import.meta.url);

/** The raw text of an official spec file. */
export function specText(version: Ss12000Version): string {
  return readFileSync(new URL(SS12000_SPECS[version].file, SHARED), 'utf8');
}

/** SHA-256 of the spec file, to prove the tests use the official one. */
export function specSha256(version: Ss12000Version): string {
  return createHash('sha256').update(readFileSync(new URL(SS12000_SPECS[version].file, SHARED))).digest('hex');
}

/**
 * `$ref`s to `#/definitions/…`; and one known slip of the 2.0.0 file: a
 * draft-3 style `required: true` on a property (Activity.teachers[].duty) is
 * lifted into the parent's `required` list, which is what it means.
 */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/components\/schemas\//, '#/definitions/') : rewriteRefs(v);
  }
  const properties = out.properties as Record<string, Record<string, unknown>> | undefined;
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, property] of Object.entries(properties)) {
      if (typeof property === 'object' && property !== null && property.required === true) {
        delete property.required;
        out.required = [...((out.required as string[] | undefined) ?? []), name];
      }
    }
  }
  return out;
}

/** `components/schemas` of a spec, as parsed from the YAML. */
export function componentSchemas(version: Ss12000Version): Record<string, unknown> {
  const doc = parse(specText(version)) as { components: { schemas: Record<string, unknown> } };
  return doc.components.schemas;
}

/** A validator for any component schema of one spec version. */
export interface Ss12000Validator {
  /** Errors of `value` against `components/schemas/<schema>` (empty when valid). */
  errors(schema: string, value: unknown): ErrorObject[];
}

// ajv-formats is CommonJS with `exports.default`; under ESM interop the plugin is either the module or its default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/**
 * Compile the spec's component schemas once.
 *
 * @param version - spec version
 * @returns a validator
 * @example ss12000Validator('2.1.0').errors('Attendances', json) // []
 */
export function ss12000Validator(version: Ss12000Version): Ss12000Validator {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, logger: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'example', schemaType: ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'] });
  const id = `https://trappa.invalid/ss12000/${version}`;
  ajv.addSchema({ $id: id, definitions: rewriteRefs(componentSchemas(version)) });
  const compiled = new Map<string, ValidateFunction>();
  return {
    errors(schema, value) {
      let validate = compiled.get(schema);
      if (validate === undefined) {
        const found = ajv.getSchema(`${id}#/definitions/${schema}`);
        if (found === undefined) throw new Error(`no component schema ${schema} in SS 12000 ${version}`);
        validate = found;
        compiled.set(schema, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

type Json = Record<string, unknown>;

function resolve(schemas: Json, schema: unknown): Json {
  let s = schema as Json;
  while (typeof s.$ref === 'string') s = schemas[s.$ref.replace('#/components/schemas/', '')] as Json;
  return s;
}

function declared(schemas: Json, schema: unknown): { properties: Record<string, unknown>; items?: unknown } {
  const s = resolve(schemas, schema);
  const properties: Record<string, unknown> = { ...((s.properties as Record<string, unknown> | undefined) ?? {}) };
  let items = s.items;
  for (const part of (s.allOf as unknown[] | undefined) ?? []) {
    const d = declared(schemas, part);
    Object.assign(properties, d.properties);
    items ??= d.items;
  }
  return items === undefined ? { properties } : { properties, items };
}

/**
 * Keys in `value` that the schema does not declare (JSON Schema allows them:
 * the OpenAPI file sets no `additionalProperties: false`), so that a misspelt
 * field in a fixture does not pass unnoticed.
 *
 * @param version - spec version
 * @param schema - component name
 * @param value - the JSON value
 * @returns paths of undeclared keys
 * @example undeclaredKeys('2.1.0', 'Attendance', { id: 'x', isReportd: true }) // ['isReportd']
 */
export function undeclaredKeys(version: Ss12000Version, schema: string, value: unknown): string[] {
  const schemas = componentSchemas(version) as Json;
  const out: string[] = [];
  const walk = (s: unknown, v: unknown, path: string): void => {
    const d = declared(schemas, s);
    if (Array.isArray(v)) {
      if (d.items !== undefined) v.forEach((item, i) => walk(d.items, item, `${path}[${i}]`));
      return;
    }
    if (typeof v !== 'object' || v === null || Object.keys(d.properties).length === 0) return;
    for (const [k, child] of Object.entries(v)) {
      if (!(k in d.properties)) out.push(path === '' ? k : `${path}.${k}`);
      else walk(d.properties[k], child, path === '' ? k : `${path}.${k}`);
    }
  };
  walk({ $ref: `#/components/schemas/${schema}` }, value, '');
  return out;
}
