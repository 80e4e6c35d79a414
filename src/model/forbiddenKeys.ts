import { jsonPathOf, walkJson } from './walkJson.js';
import { POLICY_ISSUE_TEXT } from './policyIssueText.js';
import { both, type Template } from './template.js';

/**
 * Keys that can reach an object's prototype. `JSON.parse` keeps `"__proto__"`
 * as an own property, and zod's records drop it without a word; spread into
 * an object or used as a lookup, any of the three can change or reach
 * `Object.prototype`. They are refused wherever they appear in a policy file
 * or a case (issue 12, D12).
 *
 * @example FORBIDDEN_KEYS.includes('constructor') // true
 */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const FORBIDDEN: ReadonlySet<string> = new Set(FORBIDDEN_KEYS);

/**
 * Whether a key is one of `FORBIDDEN_KEYS`.
 *
 * @param key - an object key or array index
 * @returns true for `__proto__`, `constructor` and `prototype`
 * @example isForbiddenKey('__proto__') // true
 */
export function isForbiddenKey(key: string | number | undefined): boolean {
  return typeof key === 'string' && FORBIDDEN.has(key);
}

/**
 * The text for a forbidden key, sv and en.
 *
 * @param key - the key found
 * @returns the texts, naming the key
 * @example forbiddenKeyText('__proto__').sv // 'Nyckeln "__proto__" är inte tillåten: den kan nå ett objekts prototyp (__proto__, constructor, prototype avvisas överallt)'
 */
export function forbiddenKeyText(key: string): Template {
  return both(POLICY_ISSUE_TEXT.forbiddenKey, { key, keys: FORBIDDEN_KEYS.join(', ') });
}

/**
 * The message for a forbidden key, in English (`forbiddenKeyText` has both languages).
 *
 * @param key - the key found
 * @returns the message, naming the key
 * @example forbiddenKeyMessage('__proto__') // 'Key "__proto__" is not allowed: it can reach an object\'s prototype (__proto__, constructor, prototype are refused anywhere)'
 */
export function forbiddenKeyMessage(key: string): string {
  return forbiddenKeyText(key).en;
}

/** A forbidden key and where it is. */
export interface ForbiddenKey {
  readonly key: string;
  readonly path: ReadonlyArray<string | number>;
}

/**
 * Every forbidden key in a parsed JSON value, in document order, found by
 * own keys (before any schema, which would drop or ignore them) and without
 * recursion.
 *
 * @param value - parsed JSON
 * @param skip - keys of the root object not to look into (read elsewhere)
 * @returns the keys found, each with its path
 * @example forbiddenKeys(JSON.parse('{"consents":{"__proto__":{}}}')) // [{ key: '__proto__', path: ['consents', '__proto__'] }]
 */
export function forbiddenKeys(value: unknown, skip: readonly string[] = []): ForbiddenKey[] {
  const found: ForbiddenKey[] = [];
  walkJson(value, null, (node) => {
    if (isForbiddenKey(node.key)) {
      found.push({ key: node.key as string, path: jsonPathOf(node) });
      return undefined;
    }
    return node.depth === 1 && typeof node.key === 'string' && skip.includes(node.key) ? undefined : null;
  });
  return found;
}
