import { describe, expect, it } from 'vitest';
import { formatMismatch, formatVerifySummary } from '../../src/report/verifyText.js';
import type { VerifyMismatch } from '../../src/verify/index.js';

const LEAF: VerifyMismatch = {
  studentId: 'elev-1',
  rule: { id: 'sthlm-kartlaggning', version: 2 },
  path: 'conditions.upprepad-eller-langre-franvaro.any[1].all[2]',
  via: ['hog-franvaro', 'upprepad-eller-langre-franvaro'],
  leaf: { fact: 'termAbsence', operator: 'rateAbove', value: 20 },
  actual: { part: 605, whole: 3025 },
  compiled: true,
  reference: false,
  fired: { compiled: true, reference: false },
};

describe('formatMismatch', () => {
  it('a leaf, reached through named conditions, in English and Swedish', () => {
    expect(formatMismatch(LEAF, 'en')).toBe(
      'elev-1  rule sthlm-kartlaggning@2  conditions.upprepad-eller-langre-franvaro.any[1].all[2] (via hog-franvaro → upprepad-eller-langre-franvaro): termAbsence rateAbove 20, fact 605/3025: compiled met, json-rules-engine not met; rule fired: compiled yes, json-rules-engine no',
    );
    expect(formatMismatch(LEAF, 'sv')).toBe(
      'elev-1  regel sthlm-kartlaggning@2  conditions.upprepad-eller-langre-franvaro.any[1].all[2] (via hog-franvaro → upprepad-eller-langre-franvaro): termAbsence rateAbove 20, faktavärde 605/3025: kompilerad uppfyllt, json-rules-engine inte uppfyllt; regeln utlöses: kompilerad ja, json-rules-engine nej',
    );
  });

  it('a combination whose parts agree: no leaf, no fact', () => {
    const { actual: _, ...rest } = LEAF;
    const combination: VerifyMismatch = { ...rest, path: 'rules[sthlm-kartlaggning@2].conditions', via: [], leaf: null, compiled: false, reference: true, fired: { compiled: false, reference: true } };
    expect(formatMismatch(combination, 'en')).toBe(
      'elev-1  rule sthlm-kartlaggning@2  rules[sthlm-kartlaggning@2].conditions: the parts agree, the combination does not: compiled not met, json-rules-engine met; rule fired: compiled no, json-rules-engine yes',
    );
    expect(formatMismatch(combination, 'sv')).toContain(': delarna stämmer överens, kombinationen inte: kompilerad inte uppfyllt, json-rules-engine uppfyllt;');
  });

  it('never a raw true or false, in either language', () => {
    for (const lang of ['sv', 'en'] as const) {
      for (const compiled of [true, false]) expect(formatMismatch({ ...LEAF, compiled, reference: !compiled, fired: { compiled, reference: !compiled } }, lang)).not.toMatch(/\b(true|false)\b/);
    }
  });

  it('a student id from the input cannot put control characters on the terminal', () => {
    expect(formatMismatch({ ...LEAF, studentId: 'x\u001b[2Jy\nz' }, 'en').startsWith('x\\u001b[2Jy\\u000az  rule')).toBe(true);
  });
});

describe('formatVerifySummary: each count in its singular or plural', () => {
  const report = (n: number, students: number) =>
    ({ policy: { id: 'stockholm', version: '2026.1', hash: 'a'.repeat(64) }, asOf: '2026-11-23', students, rules: 1, leaves: 1, studentsWithMismatches: n, rulesFiredDifferently: n, mismatches: Array.from({ length: n }, () => LEAF) }) as unknown as Parameters<typeof formatVerifySummary>[0];

  it('one', () => {
    expect(formatVerifySummary(report(1, 1), { read: 1, rejected: 0 }, 'sv')).toEqual([
      'policy stockholm 2026.1 (aaaaaaaaaaaa), per 2026-11-23',
      '1 fall läst, 0 avvisade; 1 elev verifierad × 1 regel i kraft, 1 lövutfall jämfört med json-rules-engine',
      '1 avvikelse (1 elev, 1 regelutfall olika)',
    ]);
    expect(formatVerifySummary(report(1, 1), { read: 1, rejected: 0 }, 'en').slice(1)).toEqual([
      '1 case read, 0 rejected; 1 student verified × 1 rule in force, 1 leaf outcome compared with json-rules-engine',
      '1 mismatch (1 student, 1 rule outcome differs)',
    ]);
  });

  it('two, and none', () => {
    expect(formatVerifySummary(report(2, 2), { read: 2, rejected: 0 }, 'sv')[2]).toBe('2 avvikelser (2 elever, 2 regelutfall olika)');
    expect(formatVerifySummary(report(0, 2), { read: 2, rejected: 0 }, 'sv')[2]).toBe('0 avvikelser (0 elever, 0 regelutfall olika)');
    expect(formatVerifySummary(report(2, 2), { read: 2, rejected: 0 }, 'en')[2]).toBe('2 mismatches (2 students, 2 rule outcomes differ)');
  });
});
