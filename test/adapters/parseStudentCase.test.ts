/**
 * `__proto__`, `constructor` and `prototype` keys are refused wherever they
 * appear in a student case (issue 12, D12): `consents.__proto__` used to be
 * dropped silently by the consents record. In a lesson record the record is
 * refused (one bad lesson never hides a student); anywhere else the case is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStudentCase } from '../../src/adapters/parseStudentCase.js';
import { FORBIDDEN_KEYS } from '../../src/model/forbiddenKeys.js';
import { arbitraryCase } from '../../src/testing/index.js';
import { hasForbiddenKey, namesKey, withOwnKey } from '../helpers/hostilePolicies.js';
import { studentCase } from '../helpers/cases.js';

describe('forbidden keys in a student case', () => {
  it('consents.__proto__ rejects the case, naming the path', () => {
    const text = JSON.stringify({ ...studentCase(), consents: { sip: { guardians: 'given' } } }).replace('"sip":', '"__proto__":');
    const result = parseStudentCase(JSON.parse(text));
    expect(result).toEqual({ ok: false, studentId: 'elev-1', issues: [{ path: 'consents.__proto__', message: expect.stringContaining('"__proto__"'), text: { sv: expect.stringContaining('Nyckeln "__proto__" är inte tillåten'), en: expect.stringContaining('"__proto__"') } }] });
  });

  it.each([
    ['student.constructor', 'student'],
    ['signals[0].prototype', 'signals[0]'],
    ['consents.sip.__proto__', 'consents.sip'],
  ])('%s rejects the case', (path, at) => {
    const input = { ...studentCase(), consents: { sip: { guardians: 'given' } }, signals: [{ type: 'harm-suspected', date: '2026-11-02' }] };
    const key = path.slice(at.length + 1);
    const json = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    let target: unknown = json;
    for (const part of at.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) target = (target as Record<string, unknown>)[part];
    Object.defineProperty(target, key, { value: 1, enumerable: true, configurable: true, writable: true });
    const result = parseStudentCase(JSON.parse(JSON.stringify(json)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual([path]);
  });

  it('any case with a forbidden key added at any depth is refused at that path (property)', () => {
    fc.assert(
      fc.property(arbitraryCase(), fc.constantFrom(...FORBIDDEN_KEYS), fc.nat(), (input, key, pick) => {
        const { value, path } = withOwnKey(input, key, pick);
        const result = parseStudentCase(value);
        const record = /^attendance\[(\d+)\]/.exec(path);
        if (record === null) {
          expect(result.ok).toBe(false);
          expect(!result.ok && result.issues.map((i) => i.path)).toContain(path);
        } else {
          // A lesson record: that record is refused, the case is kept.
          expect(result.ok).toBe(true);
          const rejected = result.ok ? result.rejectedRecords.find((r) => r.index === Number(record[1])) : undefined;
          expect(rejected?.issues.map((i) => i.path)).toContain(path);
        }
        expect(({} as Record<string, unknown>)['injected']).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('a forbidden key inside a forbidden key is refused at the outer one (the counterexample of seed -618829183)', () => {
    const { value } = withOwnKey({ student: JSON.parse('{"__proto__":{}}') as unknown }, 'prototype', 2);
    const result = parseStudentCase(value);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(['student.__proto__']);
  });

  it('any JSON object with a forbidden key at any depth is never accepted whole (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...FORBIDDEN_KEYS), fc.nat(), (json, key, pick) => {
        const { value } = withOwnKey({ student: json }, key, pick);
        const result = parseStudentCase(value);
        expect(result.ok).toBe(false);
        // The refusal names the key added; or, when the generated value already held a forbidden
        // key, it may name that one first (seed -618829183: {"__proto__":{}} with "prototype" added
        // inside is refused at student.__proto__).
        expect(!result.ok && result.issues.some((i) => namesKey(i.path, key, hasForbiddenKey(json)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
