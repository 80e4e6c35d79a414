import { sha256Hex } from './sha256.js';

const utf8 = new TextEncoder();

/**
 * JSON with object keys sorted at every level, so that equal content always
 * serialises to the same bytes.
 *
 * @param value - any JSON value
 * @returns canonical JSON text
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of the canonical JSON of a value, hex encoded.
 *
 * @param value - any JSON value
 * @returns 64 hex characters
 * @example contentHash({ a: 1 }) === contentHash({ a: 1 }) // true
 */
export function contentHash(value: unknown): string {
  return sha256Hex(utf8.encode(canonicalJson(value)));
}
