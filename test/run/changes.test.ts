import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStepStates, stepStates, type Change, type PreviousStates, type StepState, type TonightStates } from '../../src/run/changes.js';
import type { Measure } from '../../src/model/studentCase.js';
import { StepIdSchema, StepKindSchema, UrgencySchema, type StepId } from '../../src/model/vocabulary.js';

// Source: ../shared/domain.md §1.2 (SL 7 kap. 17 §, the same-day notice) and issue 10 point 6:
// new / overdue / done / no-longer-indicated, and "an open lagkrav duty never disappears silently".

const FRIDAY = '2026-11-20';
const MONDAY = '2026-11-23';

const dates = ['2026-11-16', '2026-11-18', FRIDAY, MONDAY] as const;
const state: fc.Arbitrary<StepState> = fc
  .record({
    id: fc.constantFrom(...StepIdSchema.options),
    kind: fc.constantFrom(...StepKindSchema.options),
    status: fc.constantFrom('recommended' as const, 'blocked' as const, 'overdue' as const),
    urgency: fc.constantFrom(...UrgencySchema.options),
    arisesOn: fc.option(fc.constantFrom(...dates), { nil: undefined }),
    dueDate: fc.constantFrom(null, '2026-11-30', FRIDAY),
    heldOpen: fc.option(fc.constantFrom(FRIDAY, MONDAY).map((verifiedOn) => ({ verifiedOn })), { nil: undefined }),
  })
  .map(({ arisesOn, heldOpen, ...rest }) => ({ ...rest, ...(arisesOn === undefined ? {} : { arisesOn }), ...(heldOpen === undefined ? {} : { heldOpen }) }));
const states = fc.uniqueArray(state, { selector: (s) => s.id, maxLength: 8 });
const measures: fc.Arbitrary<Measure[]> = fc.array(
  fc.record({ step: fc.constantFrom(...StepIdSchema.options), date: fc.constantFrom(...dates), outcome: fc.constantFrom('done' as const, 'started' as const, 'obehovligt' as const) }),
  { maxLength: 4 },
);

const eht = (over: Partial<StepState> = {}): StepState => ({ id: 'eht', kind: 'lagkrav', status: 'recommended', urgency: 'snarast', arisesOn: '2026-11-16', dueDate: null, ...over });
const notice = (over: Partial<StepState> = {}): StepState => ({
  id: 'vardnadshavare-informeras',
  kind: 'lagkrav',
  status: 'recommended',
  urgency: 'samma-dag',
  arisesOn: FRIDAY,
  dueDate: FRIDAY,
  ...over,
});
const ask = (forStep: StepId, over: Partial<StepState> = {}): StepState => ({ id: 'samtycke', forStep, kind: 'riktlinje', status: 'recommended', urgency: 'planeras', arisesOn: '2026-11-16', dueDate: null, ...over });
const team = (over: Partial<StepState> = {}): StepState => ({ id: 'skolsocialt-team', kind: 'riktlinje', status: 'blocked', urgency: 'planeras', arisesOn: '2026-11-16', dueDate: null, ...over });

const tonight = (steps: readonly StepState[] | null, m: readonly Measure[] = [], asOf = MONDAY): TonightStates => ({ asOf, steps, measures: m });
const lastNight = (steps: readonly StepState[], asOf = FRIDAY): PreviousStates => ({ asOf, steps });
const kinds = (changes: readonly Change[]): string[] => changes.map((c) => c.change);
const keyOf = (s: StepState): string => (s.forStep === undefined ? s.id : `${s.id}/${s.forStep}`);

describe('changes since the previous run', () => {
  it('a night compared with itself has no changes, whatever its measures (re-running a night is idempotent)', () => {
    fc.assert(
      fc.property(states, measures, fc.constantFrom(FRIDAY, MONDAY), (s, m, asOf) => {
        expect(diffStepStates('e1', tonight(s, m, asOf), lastNight(s, asOf))).toEqual([]);
      }),
    );
  });

  it('every step tonight is new or was there; every step of last night is there tonight or reported done or no longer indicated, once', () => {
    fc.assert(
      fc.property(states, states, measures, (now, before, m) => {
        const changes = diffStepStates('e1', tonight(now, m), lastNight(before));
        const ids = (kind: Change['change']): string[] =>
          changes.flatMap((c) => (c.change !== kind ? [] : 'step' in c && kind === 'new' ? [keyOf(c.step)] : 'previous' in c ? [keyOf(c.previous)] : []));
        const gone = before.filter((b) => !now.some((s) => keyOf(s) === keyOf(b))).map(keyOf);
        expect(ids('new')).toEqual(expect.arrayContaining(now.filter((s) => !before.some((b) => keyOf(b) === keyOf(s))).map(keyOf)));
        expect([...ids('done'), ...ids('no-longer-indicated')].sort()).toEqual(expect.arrayContaining(gone.sort()));
        const closed = [...ids('done'), ...ids('no-longer-indicated')];
        expect(new Set(closed).size).toBe(closed.length);
        // A step still there tonight is never reported "no longer indicated".
        for (const key of ids('no-longer-indicated')) expect(gone).toContain(key);
        // Tonight's steps that were there and are not re-dated after a done duty are not "new".
        for (const key of ids('new')) expect(!before.some((b) => keyOf(b) === key) || ids('done').includes(key)).toBe(true);
      }),
    );
  });

  it('new: indicated tonight and not last night', () => {
    expect(diffStepStates('e1', tonight([eht()]), lastNight([]))).toEqual([{ studentId: 'e1', change: 'new', step: eht(), asOf: MONDAY }]);
    expect(kinds(diffStepStates('e1', tonight([eht()]), null))).toEqual(['new']);
  });

  it("overdue: Friday's notice not given by Monday passed its due date; its own change, not an escalation", () => {
    const changes = diffStepStates('e1', tonight([notice({ status: 'overdue' })]), lastNight([notice()]));
    expect(changes).toEqual([{ studentId: 'e1', change: 'overdue', step: notice({ status: 'overdue' }), previous: notice(), asOf: MONDAY }]);
    // Overdue both nights: nothing new to say.
    expect(diffStepStates('e1', tonight([notice({ status: 'overdue' })]), lastNight([notice({ status: 'overdue' })], '2026-11-22'))).toEqual([]);
  });

  it('escalated: more urgent, or no longer waiting for consent; with a due date passed too, both are reported', () => {
    expect(diffStepStates('e1', tonight([eht({ urgency: 'genast' })]), lastNight([eht()]))[0]).toMatchObject({ change: 'escalated', causes: ['urgency'] });
    expect(diffStepStates('e1', tonight([eht()]), lastNight([eht({ status: 'blocked' })]))[0]).toMatchObject({ change: 'escalated', causes: ['consent-given'] });
    const both = diffStepStates('e1', tonight([eht({ urgency: 'genast', status: 'overdue', dueDate: FRIDAY })]), lastNight([eht({ dueDate: FRIDAY })]));
    expect(both).toMatchObject([{ change: 'overdue' }, { change: 'escalated', causes: ['urgency'] }]);
  });

  it('does not report a step that only became less urgent or got a later due date', () => {
    expect(diffStepStates('e1', tonight([eht({ urgency: 'planeras', dueDate: '2026-12-30' })]), lastNight([eht({ dueDate: '2026-11-30' })]))).toEqual([]);
  });

  it('done: gone tonight and closed by a measure of the step dated from the day the duty arose, with the measure', () => {
    const given = { step: 'vardnadshavare-informeras', date: MONDAY, outcome: 'done' } as const;
    expect(diffStepStates('e1', tonight([], [given]), lastNight([notice()]))).toEqual([
      { studentId: 'e1', change: 'done', previous: notice(), closedBy: 'measure', measure: given, asOf: MONDAY },
    ]);
    // Same day as the duty arose: closes it.
    expect(kinds(diffStepStates('e1', tonight([], [{ ...given, date: FRIDAY }]), lastNight([notice()])))).toEqual(['done']);
    // The rektor's obehovligt closes the duties that presuppose an investigation.
    const obehovligt = { step: 'rektor-utredning', date: '2026-11-18', outcome: 'obehovligt' } as const;
    expect(diffStepStates('e1', tonight([], [obehovligt]), lastNight([eht()]))[0]).toMatchObject({ change: 'done', measure: obehovligt });
  });

  it('a measure dated before the duty arose (or after tonight) does not make it done', () => {
    const before = { step: 'vardnadshavare-informeras', date: '2026-11-18', outcome: 'done' } as const;
    const changes = diffStepStates('e1', tonight([], [before]), lastNight([notice()]));
    expect(changes).toEqual([{ studentId: 'e1', change: 'no-longer-indicated', previous: notice(), studentInInput: true, asOf: MONDAY }]);
    expect(kinds(diffStepStates('e1', tonight([], [{ ...before, date: '2026-11-24' }]), lastNight([notice()])))).toEqual(['no-longer-indicated']);
    // A measure of another step closes nothing.
    expect(kinds(diffStepStates('e1', tonight([], [{ ...before, step: 'eht', date: MONDAY }]), lastNight([notice()])))).toEqual(['no-longer-indicated']);
  });

  it('a previous file without arisesOn: the duty counts from the previous night', () => {
    const { arisesOn: _, ...old } = eht();
    const on = (date: string): Measure[] => [{ step: 'eht', date, outcome: 'done' }];
    expect(kinds(diffStepStates('e1', tonight([], on('2026-11-19')), lastNight([old])))).toEqual(['no-longer-indicated']);
    expect(kinds(diffStepStates('e1', tonight([], on(FRIDAY)), lastNight([old])))).toEqual(['done']);
  });

  it('no-longer-indicated: gone without a measure, or the student is not in tonight’s input (measures then unknown)', () => {
    expect(diffStepStates('e1', tonight([]), lastNight([eht()]))).toEqual([{ studentId: 'e1', change: 'no-longer-indicated', previous: eht(), studentInInput: true, asOf: MONDAY }]);
    const missing = diffStepStates('e1', tonight(null, [{ step: 'eht', date: MONDAY, outcome: 'done' }]), lastNight([team(), eht()]));
    expect(missing).toEqual([{ studentId: 'e1', change: 'no-longer-indicated', previous: team(), studentInInput: false, asOf: MONDAY }]);
  });

  it('an open lagkrav duty is never closed because the student is missing from the input (issue 12, D1)', () => {
    fc.assert(
      fc.property(states, (before) => {
        const changes = diffStepStates('e1', tonight(null), lastNight(before));
        expect(changes.map((c) => ('previous' in c ? keyOf(c.previous) : ''))).toEqual(before.filter((s) => s.kind !== 'lagkrav').map(keyOf));
        for (const c of changes) expect(c).toMatchObject({ change: 'no-longer-indicated', studentInInput: false });
      }),
    );
    expect(diffStepStates('e1', tonight(null), lastNight([notice(), eht()]))).toEqual([]);
  });

  it('a consent request is done when consent was given or its step was done, else no longer indicated', () => {
    const consentGiven = diffStepStates('e1', tonight([team({ status: 'recommended' })]), lastNight([team(), ask('skolsocialt-team')]));
    expect(consentGiven).toEqual([
      { studentId: 'e1', change: 'done', previous: ask('skolsocialt-team'), closedBy: 'consent-given', asOf: MONDAY },
      { studentId: 'e1', change: 'escalated', step: team({ status: 'recommended' }), previous: team(), causes: ['consent-given'], asOf: MONDAY },
    ]);
    const taken = { step: 'skolsocialt-team', date: MONDAY, outcome: 'done' } as const;
    expect(diffStepStates('e1', tonight([], [taken]), lastNight([team(), ask('skolsocialt-team')]))).toMatchObject([
      { change: 'done', previous: team(), measure: taken },
      { change: 'done', previous: ask('skolsocialt-team'), closedBy: 'measure', measure: taken },
    ]);
    expect(kinds(diffStepStates('e1', tonight([]), lastNight([team(), ask('skolsocialt-team')])))).toEqual(['no-longer-indicated', 'no-longer-indicated']);
  });

  it('keeps consent requests for different steps apart', () => {
    expect(kinds(diffStepStates('e1', tonight([ask('sip'), ask('skolsocialt-team')]), lastNight([ask('sip')])))).toEqual(['new']);
  });

  it("a duty done and a new one of the same step arisen after it: done for last night's, then new", () => {
    // Friday's notice given Friday (recorded Monday); new unnotified absence on Monday.
    const changes = diffStepStates('e1', tonight([notice({ arisesOn: MONDAY, dueDate: MONDAY })], [{ step: 'vardnadshavare-informeras', date: FRIDAY, outcome: 'done' }]), lastNight([notice()]));
    expect(kinds(changes)).toEqual(['done', 'new']);
    // Re-dated without a measure: the same task, not a change.
    expect(diffStepStates('e1', tonight([notice({ arisesOn: MONDAY, dueDate: MONDAY })]), lastNight([notice()]))).toEqual([]);
  });

  it('stepStates keeps what the diff and evaluate need: kind, arisesOn, due date, heldOpen', () => {
    const step = { id: 'eht', kind: 'lagkrav', status: 'overdue', urgency: 'snarast', arisesOn: FRIDAY, dueDate: FRIDAY, heldOpen: { verifiedOn: FRIDAY }, label: { sv: '', en: '' } };
    expect(stepStates({ steps: [step as never] })).toEqual([{ id: 'eht', kind: 'lagkrav', status: 'overdue', urgency: 'snarast', arisesOn: FRIDAY, dueDate: FRIDAY, heldOpen: { verifiedOn: FRIDAY } }]);
  });
});
