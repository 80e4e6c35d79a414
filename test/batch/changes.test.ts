import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStepStates, type StepState } from '../../src/batch/changes.js';
import { StepIdSchema, UrgencySchema } from '../../src/model/vocabulary.js';

const state: fc.Arbitrary<StepState> = fc.record({
  id: fc.constantFrom(...StepIdSchema.options),
  status: fc.constantFrom('recommended' as const, 'blocked' as const, 'overdue' as const),
  urgency: fc.constantFrom(...UrgencySchema.options),
  dueDate: fc.constantFrom(null, '2026-11-30'),
});
const states = fc.uniqueArray(state, { selector: (s) => s.id, maxLength: 8 });
const eht = (over: Partial<StepState> = {}): StepState => ({ id: 'eht', status: 'recommended', urgency: 'snarast', dueDate: null, ...over });

describe('changes since the previous run', () => {
  it('a run compared with itself has no changes (re-running a night is idempotent)', () => {
    fc.assert(
      fc.property(states, (s) => {
        expect(diffStepStates('e1', '2026-11-23', s, s)).toEqual([]);
      }),
    );
  });

  it('every step now is new or was there before; every step before is there now or reported gone', () => {
    fc.assert(
      fc.property(states, states, (now, before) => {
        const changes = diffStepStates('e1', '2026-11-23', now, before);
        const added = changes.filter((c) => c.change === 'new').map((c) => (c.change === 'new' ? c.step.id : ''));
        const gone = changes.filter((c) => c.change === 'no-longer-indicated').map((c) => (c.change === 'no-longer-indicated' ? c.previous.id : ''));
        expect(new Set(added)).toEqual(new Set(now.filter((s) => !before.some((b) => b.id === s.id)).map((s) => s.id)));
        expect(new Set(gone)).toEqual(new Set(before.filter((b) => !now.some((s) => s.id === b.id)).map((b) => b.id)));
      }),
    );
  });

  it('reports a new step, an escalation and a step no longer indicated', () => {
    expect(diffStepStates('e1', '2026-11-23', [eht()], [])).toEqual([{ studentId: 'e1', change: 'new', step: eht(), asOf: '2026-11-23' }]);
    expect(diffStepStates('e1', '2026-11-23', [eht({ urgency: 'genast', status: 'overdue' })], [eht()])[0]).toMatchObject({ change: 'escalated', causes: ['urgency', 'overdue'] });
    expect(diffStepStates('e1', '2026-11-23', [eht()], [eht({ status: 'blocked' })])[0]).toMatchObject({ change: 'escalated', causes: ['consent-given'] });
    expect(diffStepStates('e1', '2026-11-23', [], [eht()])).toEqual([{ studentId: 'e1', change: 'no-longer-indicated', previous: eht(), studentInInput: true, asOf: '2026-11-23' }]);
    expect(diffStepStates('e1', '2026-11-23', null, [eht()])[0]).toMatchObject({ studentInInput: false });
  });

  it('does not report a step that only became less urgent or got a later due date', () => {
    expect(diffStepStates('e1', '2026-11-23', [eht({ urgency: 'planeras', dueDate: '2026-12-30' })], [eht({ dueDate: '2026-11-30' })])).toEqual([]);
  });

  it('keeps consent requests for different steps apart', () => {
    const ask = (forStep: 'sip' | 'skolsocialt-team'): StepState => ({ id: 'samtycke', forStep, status: 'recommended', urgency: 'planeras', dueDate: null });
    expect(diffStepStates('e1', '2026-11-23', [ask('sip'), ask('skolsocialt-team')], [ask('sip')]).map((c) => c.change)).toEqual(['new']);
  });
});
