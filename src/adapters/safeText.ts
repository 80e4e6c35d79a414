import { looksLikePersonnummer } from '../model/studentCase.js';

/** Control characters (C0, DEL, C1), line and paragraph separators, bidi and zero-width controls, the BOM. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Text for a message (stderr, the rejected-lines file) with every control
 * character written as a `\uXXXX` escape: an ESC or NUL from the input never
 * reaches a terminal or a log viewer raw, and a message stays on one line.
 *
 * @param text - any text
 * @returns the text with control characters escaped
 * @example escapeControl('a\u001b[2Jb') // 'a\\u001b[2Jb'
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const FIELD_NAME = /^[A-Za-z][\w-]{0,39}$/;

/**
 * An input key as it may appear in a message: a key that reads as a field
 * name (`birthDate`, `contact-with-parents`) is shown, anything else (a name,
 * a personnummer, a sentence used as a key) is not.
 *
 * @param key - a key of the input
 * @returns the key, or `(key)`
 * @example fieldName('namn') // 'namn'
 * @example fieldName('Anna Andersson') // '(key)'
 */
export function fieldName(key: string): string {
  // The forbidden keys are named: they are the finding (issue 12 D12), never personal data.
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') return key;
  return FIELD_NAME.test(key) && !looksLikePersonnummer(key) ? key : '(key)';
}
