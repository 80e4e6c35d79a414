import { describe, expect, it } from 'vitest';
import { formatMismatch } from '../../src/report/verifyText.js';
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
      'elev-1  rule sthlm-kartlaggning@2  conditions.upprepad-eller-langre-franvaro.any[1].all[2] (via hog-franvaro → upprepad-eller-langre-franvaro): termAbsence rateAbove 20, fact {"part":605,"whole":3025}: compiled true, json-rules-engine false; rule fired: compiled yes, json-rules-engine no',
    );
    expect(formatMismatch(LEAF, 'sv')).toBe(
      'elev-1  regel sthlm-kartlaggning@2  conditions.upprepad-eller-langre-franvaro.any[1].all[2] (via hog-franvaro → upprepad-eller-langre-franvaro): termAbsence rateAbove 20, faktavärde {"part":605,"whole":3025}: kompilerad true, json-rules-engine false; regeln utlöses: kompilerad ja, json-rules-engine nej',
    );
  });

  it('a combination whose parts agree: no leaf, no fact', () => {
    const { actual: _, ...rest } = LEAF;
    const combination: VerifyMismatch = { ...rest, path: 'rules[sthlm-kartlaggning@2].conditions', via: [], leaf: null, compiled: false, reference: true, fired: { compiled: false, reference: true } };
    expect(formatMismatch(combination, 'en')).toBe(
      'elev-1  rule sthlm-kartlaggning@2  rules[sthlm-kartlaggning@2].conditions: the parts agree, the combination does not: compiled false, json-rules-engine true; rule fired: compiled no, json-rules-engine yes',
    );
    expect(formatMismatch(combination, 'sv')).toContain(': delarna stämmer överens, kombinationen inte: kompilerad false, json-rules-engine true;');
  });

  it('a student id from the input cannot put control characters on the terminal', () => {
    expect(formatMismatch({ ...LEAF, studentId: 'x\u001b[2Jy\nz' }, 'en').startsWith('x\\u001b[2Jy\\u000az  rule')).toBe(true);
  });
});
