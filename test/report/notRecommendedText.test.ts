import { describe, expect, it } from 'vitest';
import { formatNotRecommended } from '../../src/report/notRecommendedText.js';
import { STEP_CATALOG } from '../../src/steps/catalog.js';

describe('formatNotRecommended: the why-not part of trappa explain', () => {
  const grade = { fact: 'grade', operator: 'greaterThanInclusive', value: 4, actual: 3, result: false, via: [] };
  const decision = {
    notRecommended: [
      // The same leaf through two named conditions is said once.
      { step: 'skolsocialt-team', reason: 'conditions-not-met', rules: [{ ruleId: 'sthlm-skolsocialt-team', failed: [grade, { ...grade, via: ['x'] }] }] },
      { step: 'orosanmalan', reason: 'already-taken', measureDate: '2026-09-09', ruleIds: ['sol-2025-orosanmalan'] },
    ],
  } as const;

  it('lists each step not recommended with its failed conditions, or the measure that already took it', () => {
    expect(formatNotRecommended(decision, 'sv').split('\n')).toEqual([
      '  Inte rekommenderade:',
      `  ◦ skolsocialt-team ${STEP_CATALOG['skolsocialt-team'].sv} – villkoren uppfylls inte`,
      '      sthlm-skolsocialt-team',
      '        ✗ Årskurs: 3 – inte minst 4',
      `  ◦ orosanmalan ${STEP_CATALOG.orosanmalan.sv} – redan vidtagen 2026-09-09 (sol-2025-orosanmalan)`,
    ]);
    expect(formatNotRecommended(decision, 'en').split('\n').slice(0, 4)).toEqual([
      '  Not recommended:',
      `  ◦ skolsocialt-team ${STEP_CATALOG['skolsocialt-team'].en} – conditions not met`,
      '      sthlm-skolsocialt-team',
      '        ✗ Grade: 3 – not at least 4',
    ]);
    expect(formatNotRecommended({ notRecommended: [] }, 'en')).toBe('');
  });
});
