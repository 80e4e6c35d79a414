import { describe, expect, it } from 'vitest';
import type { StepState } from '../../src/run/changes.js';
import { formatChange } from '../../src/report/changeText.js';

// Issue 10 point 6: the change feed as text, in Swedish and English, with the day the duty arose and its due date.
// Issue 16: kind, status, urgency, measure outcome and escalation cause in words of the line's language.

const notice: StepState = { id: 'vardnadshavare-informeras', kind: 'lagkrav', status: 'recommended', urgency: 'samma-dag', arisesOn: '2026-11-20', dueDate: '2026-11-20' };
const asOf = '2026-11-23';

describe('formatChange', () => {
  it('new, with when the duty arose (the JSDoc example)', () => {
    const eht: StepState = { id: 'eht', kind: 'lagkrav', status: 'recommended', urgency: 'snarast', arisesOn: '2026-11-23', dueDate: null };
    expect(formatChange({ studentId: 'e1', change: 'new', asOf, step: eht }, 'en')).toBe('e1  new  eht [statutory] open as soon as possible arose 2026-11-23');
    expect(formatChange({ studentId: 'e1', change: 'new', asOf, step: eht }, 'sv')).toBe('e1  ny  eht [lagkrav] öppen snarast uppstod 2026-11-23');
  });

  it('overdue: försenad / overdue, with arisesOn and dueDate', () => {
    const c = { studentId: 'e1', change: 'overdue', asOf, step: { ...notice, status: 'overdue' }, previous: notice } as const;
    expect(formatChange(c, 'sv')).toBe('e1  försenad  vardnadshavare-informeras [lagkrav] försenad samma dag uppstod 2026-11-20 senast 2026-11-20');
    expect(formatChange(c, 'en')).toBe('e1  overdue  vardnadshavare-informeras [statutory] overdue the same day arose 2026-11-20 due 2026-11-20');
  });

  it('done: klar / done, with the measure and its date (the JSDoc example), or consent given', () => {
    const measure = { step: 'vardnadshavare-informeras', date: '2026-11-23', outcome: 'done' } as const;
    expect(formatChange({ studentId: 'e1', change: 'done', asOf, previous: notice, closedBy: 'measure', measure }, 'sv')).toBe(
      'e1  klar  vardnadshavare-informeras [lagkrav] öppen samma dag uppstod 2026-11-20 senast 2026-11-20  (åtgärd vardnadshavare-informeras 2026-11-23 genomförd)',
    );
    const ask: StepState = { id: 'samtycke', forStep: 'sip', kind: 'stod', status: 'recommended', urgency: 'planeras', arisesOn: '2026-11-02', dueDate: null };
    expect(formatChange({ studentId: 'e1', change: 'done', asOf, previous: ask, closedBy: 'consent-given' }, 'en')).toBe(
      'e1  done  samtycke (sip) [support] open to be planned arose 2026-11-02  (consent given)',
    );
  });

  it('escalated, held open, and no longer indicated', () => {
    const held: StepState = { ...notice, status: 'overdue', heldOpen: { verifiedOn: '2026-11-20' } };
    expect(formatChange({ studentId: 'e1', change: 'escalated', asOf, step: { ...held, urgency: 'genast' }, previous: held, causes: ['urgency'] }, 'en')).toBe(
      'e1  escalated  vardnadshavare-informeras [statutory] overdue at once arose 2026-11-20 due 2026-11-20 (held open, verified 2026-11-20)  (was vardnadshavare-informeras [statutory] overdue the same day arose 2026-11-20 due 2026-11-20 (held open, verified 2026-11-20); more urgent)',
    );
    expect(formatChange({ studentId: 'e1', change: 'no-longer-indicated', asOf, previous: notice, studentInInput: false }, 'sv')).toBe(
      'e1  inte längre aktuell  vardnadshavare-informeras [lagkrav] öppen samma dag uppstod 2026-11-20 senast 2026-11-20  (eleven finns inte i indata)',
    );
  });
});
