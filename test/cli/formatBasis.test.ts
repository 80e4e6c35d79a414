import { describe, expect, it } from 'vitest';
import { formatBasis, formatDecision } from '../../src/report/decisionText.js';
import { decide, lessons, schoolDays, step, studentCase } from '../helpers/cases.js';

// Issue 11 point 8: the text output shows each reason's citation with the link to the source's
// text, not a reference into a document the reader does not have.

describe('formatBasis', () => {
  it('writes the citation and the link in angle brackets', () => {
    expect(formatBasis({ citation: 'SL 7 kap. 17 §', source: 'Skollagen (2010:800)', url: 'https://lagen.nu/2010:800#K7P17', section: '7 kap. 17 §' })).toBe(
      'SL 7 kap. 17 § <https://lagen.nu/2010:800#K7P17>',
    );
  });

  it('is the reason line of every step in formatDecision', () => {
    const days = schoolDays('2026-11-16', '2026-11-20');
    const d = decide(studentCase({ attendance: lessons(days, { absent: (date) => (date === '2026-11-20' ? { invalid: 60, reason: 'none' } : undefined) }) }), 'skollagen', '2026-11-20');
    const notice = step(d, 'vardnadshavare-informeras');
    const text = formatDecision(d, 'sv');
    for (const reason of notice.reasons) expect(text).toContain(`      ${reason.ruleId} v${reason.ruleVersion} — ${reason.basis.citation} <${reason.basis.url}>`);
    expect(text).toContain('sl-7-17-vardnadshavare-samma-dag v3 — SL 7 kap. 17 § <https://lagen.nu/2010:800#K7P17>');
  });
});
