/** Keys that could reach an object's prototype: refused wherever they appear in a policy file or a case. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
