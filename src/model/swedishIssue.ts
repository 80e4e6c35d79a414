import type { z } from 'zod';
import { fill, slotNames, type Templates } from './template.js';
import { SCHEMA_MESSAGE_TEXT } from './schemaMessageText.js';

/**
 * Zod's own messages in Swedish, by issue code (zod's English message is the
 * `en` side and is kept as zod writes it). Only the fields of the issue are
 * used, never the input value.
 */
export const ZOD_ISSUE_TEXT = {
  invalidType: { sv: 'Fel typ: förväntade {expected}, fick {received}', en: 'Invalid input: expected {expected}, received {received}' },
  missing: { sv: 'Saknas: förväntade {expected}', en: 'Invalid input: expected {expected}, received undefined' },
  invalidValue: { sv: 'Ogiltigt värde: förväntade {value}', en: 'Invalid input: expected {value}' },
  invalidOption: { sv: 'Ogiltigt värde: förväntade ett av {values}', en: 'Invalid option: expected one of {values}' },
  tooSmall: { sv: 'För litet: förväntade {bound}', en: 'Too small: expected {bound}' },
  tooShort: { sv: 'För kort: förväntade {bound} {unit}', en: 'Too small: expected {bound} {unit}' },
  tooBig: { sv: 'För stort: förväntade {bound}', en: 'Too big: expected {bound}' },
  tooLong: { sv: 'För långt: förväntade {bound} {unit}', en: 'Too big: expected {bound} {unit}' },
  atLeast: { sv: 'minst {n}', en: 'at least {n}' },
  over: { sv: 'över {n}', en: 'over {n}' },
  atMost: { sv: 'högst {n}', en: 'at most {n}' },
  under: { sv: 'under {n}', en: 'under {n}' },
  characters: { sv: 'tecken', en: 'characters' },
  items: { sv: 'element', en: 'items' },
  pattern: { sv: 'Ogiltigt format: förväntade {what}', en: 'Invalid string: must match pattern {what}' },
  format: { sv: 'Ogiltigt format: förväntade {format}', en: 'Invalid {format}' },
  multipleOf: { sv: 'Ogiltigt tal: måste vara en multipel av {divisor}', en: 'Invalid number: must be a multiple of {divisor}' },
  unrecognizedKey: { sv: 'Okänd nyckel: {keys}', en: 'Unrecognized key: {keys}' },
  unrecognizedKeys: { sv: 'Okända nycklar: {keys}', en: 'Unrecognized keys: {keys}' },
  invalidUnion: { sv: 'Ogiltigt värde: passar ingen av de tillåtna formerna', en: 'Invalid input' },
  invalidKey: { sv: 'Ogiltig nyckel i {origin}', en: 'Invalid key in {origin}' },
  invalidElement: { sv: 'Ogiltigt element i {origin}', en: 'Invalid element in {origin}' },
  custom: { sv: 'Ogiltigt värde', en: 'Invalid input' },
} as const satisfies Templates;

/** JSON types in Swedish, as the messages name them. */
export const JSON_TYPE_TEXT: Readonly<Record<string, { readonly sv: string; readonly en: string }>> = {
  string: { sv: 'sträng', en: 'string' },
  number: { sv: 'tal', en: 'number' },
  int: { sv: 'heltal', en: 'int' },
  boolean: { sv: 'sant eller falskt (boolean)', en: 'boolean' },
  object: { sv: 'objekt', en: 'object' },
  array: { sv: 'lista', en: 'array' },
  null: { sv: 'null', en: 'null' },
  undefined: { sv: 'inget värde', en: 'undefined' },
};

/** Patterns of the schemas, in words (a regex is no help to a reader). */
const PATTERN_TEXT: Readonly<Record<string, string>> = {
  [String(/^\d{4}\.\d+(\.\d+)?$/)]: 'en version som 2026.1',
  [String(/^[a-z][a-z0-9-]*$/)]: 'ett id av a–z, siffror och bindestreck som börjar med en bokstav',
};

/** The Swedish of Trappa's own fixed schema messages, by their English. */
const SCHEMA_SV: ReadonlyMap<string, string> = new Map(Object.values(SCHEMA_MESSAGE_TEXT).filter((t) => slotNames(t.en).length === 0).map((t) => [t.en, t.sv]));

const typeSv = (t: string): string => JSON_TYPE_TEXT[t]?.sv ?? t;

/** The JSON type of a value, as zod names it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * A zod issue's message in Swedish. A custom issue of Trappa's schemas
 * carries its Swedish text in `params.sv`; a fixed message of a schema
 * (`SCHEMA_MESSAGE_TEXT`) is found by its English.
 *
 * @param issue - the issue
 * @param value - the value at the issue's path, when known (`invalid_type` says what it got)
 * @returns the message
 * @example swedishIssueMessage({ code: 'invalid_type', expected: 'string', path: ['id'], message: 'Invalid input: expected string, received number', input: 3 }, 3) // 'Fel typ: förväntade sträng, fick tal'
 * @example swedishIssueMessage({ code: 'unrecognized_keys', keys: ['x'], path: [], message: 'Unrecognized key: "x"' }) // 'Okänd nyckel: "x"'
 */
export function swedishIssueMessage(issue: z.core.$ZodIssue, value?: unknown): string {
  const own = SCHEMA_SV.get(issue.message);
  if (own !== undefined) return own;
  const t = ZOD_ISSUE_TEXT;
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? fill(t.missing.sv, { expected: typeSv(issue.expected) }) : fill(t.invalidType.sv, { expected: typeSv(issue.expected), received: typeSv(jsonType(value)) });
    case 'invalid_value':
      return issue.values.length === 1
        ? fill(t.invalidValue.sv, { value: JSON.stringify(issue.values[0]) ?? String(issue.values[0]) })
        : fill(t.invalidOption.sv, { values: issue.values.map((v) => JSON.stringify(v) ?? String(v)).join('|') });
    case 'too_small': {
      const bound = fill((issue.inclusive === false ? t.over : t.atLeast).sv, { n: String(issue.minimum) });
      const unit = issue.origin === 'string' ? t.characters.sv : issue.origin === 'array' || issue.origin === 'set' ? t.items.sv : undefined;
      return unit === undefined ? fill(t.tooSmall.sv, { bound }) : fill(t.tooShort.sv, { bound, unit });
    }
    case 'too_big': {
      const bound = fill((issue.inclusive === false ? t.under : t.atMost).sv, { n: String(issue.maximum) });
      const unit = issue.origin === 'string' ? t.characters.sv : issue.origin === 'array' || issue.origin === 'set' ? t.items.sv : undefined;
      return unit === undefined ? fill(t.tooBig.sv, { bound }) : fill(t.tooLong.sv, { bound, unit });
    }
    case 'invalid_format': {
      const pattern = (issue as { pattern?: unknown }).pattern;
      if (issue.format === 'regex' && typeof pattern === 'string') return fill(t.pattern.sv, { what: PATTERN_TEXT[pattern] ?? pattern });
      return fill(t.format.sv, { format: issue.format });
    }
    case 'not_multiple_of':
      return fill(t.multipleOf.sv, { divisor: String(issue.divisor) });
    case 'unrecognized_keys':
      return fill((issue.keys.length === 1 ? t.unrecognizedKey : t.unrecognizedKeys).sv, { keys: issue.keys.map((k) => JSON.stringify(k)).join(', ') });
    case 'invalid_union':
      return t.invalidUnion.sv;
    case 'invalid_key':
      return fill(t.invalidKey.sv, { origin: issue.origin });
    case 'invalid_element':
      return fill(t.invalidElement.sv, { origin: issue.origin });
    case 'custom': {
      const sv = (issue.params as { sv?: unknown } | undefined)?.sv;
      return typeof sv === 'string' ? sv : t.custom.sv;
    }
  }
}
