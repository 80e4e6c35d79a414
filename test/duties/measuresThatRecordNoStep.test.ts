/**
 * A recorded measure closes a duty only when it is the step taken (`recordsStep`).
 *
 * - The duty to report concern arises on suspicion and is met "genast", by a report. The school
 *   may not investigate first, and no one but socialtjänsten decides whether a report was needed
 *   (SoL 14:1; domain.md §2.1). So an orosanmälan recorded as `obehovligt` or `started` is no
 *   report: the duty stays open, `orosanmalanMade` stays false, and the 14-day watch on
 *   socialtjänsten's förhandsbedömning (which follows a report made) does not begin.
 * - The same-day notice to the guardians may wait for särskilda skäl but is never unnecessary
 *   (SL 7:17; domain.md §1.2): an `obehovligt` notice leaves it owed.
 * - Elsewhere `obehovligt` keeps its meaning: the rektor's decision on an investigation
 *   (SL 7:19 a) closes it, and a CSN report the school refrains from (docs/policies.md) is closed.
 *
 * Before this, any measure of a step closed its duty whatever its outcome, and a decision said
 * "Orosanmälan gjord: ja" about a report recorded as unnecessary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy, evaluate, parseStudentCase, type Decision, type StudentCaseInput } from '../../src/index.js';
import { recordsStep } from '../../src/model/measures.js';
import type { Measure } from '../../src/model/studentCase.js';
import { diffStepStates, stepStates } from '../../src/run/changes.js';
import { StepIdSchema } from '../../src/model/vocabulary.js';
import { arbitraryAsOf, arbitraryCase, type MeasureInput } from '../../src/testing/index.js';
import { findStep, night } from './duties.js';

const AS_OF = '2026-11-23';

/** A child of 13 about whom staff suspected harm on 16 November; nothing else. */
function concern(measures: MeasureInput[]): StudentCaseInput {
  return {
    student: {
      id: 'e1',
      birthDate: '2013-04-02',
      schoolForm: 'grundskola',
      grade: 7,
      school: { id: 'skola-1', huvudman: 'kommunal', municipalityCode: '0180', district: 'Farsta' },
      residence: { municipalityCode: '0180', district: 'Farsta' },
    },
    signals: [{ type: 'harm-suspected', date: '2026-11-16' }],
    measures,
  };
}

/** The case's measures as validated. */
function measuresOf(input: StudentCaseInput): Measure[] {
  const parsed = parseStudentCase(input);
  if (!parsed.ok) throw new Error('fixture rejected');
  return [...parsed.case.measures];
}

describe('a measure that is not its step taken closes nothing', () => {
  for (const policy of BUILTIN_POLICY_IDS) {
    it(`${policy}: an orosanmälan recorded as obehovligt or started leaves the duty to report open`, () => {
      for (const outcome of ['obehovligt', 'started'] as const) {
        const d = night(concern([{ step: 'orosanmalan', date: '2026-11-17', outcome }]), AS_OF, policy);
        const step = findStep(d, 'orosanmalan');
        expect(step?.kind, outcome).toBe('lagkrav');
        expect(step?.status, outcome).toBe('overdue');
        expect(d.facts.orosanmalanMade, outcome).toBe(false);
        expect(findStep(d, 'forhandsbedomning-bevakning'), outcome).toBeUndefined();
      }
      // A report made closes it, and the watch on the förhandsbedömning begins.
      const made = night(concern([{ step: 'orosanmalan', date: '2026-11-17', outcome: 'done' }]), AS_OF, policy);
      expect(findStep(made, 'orosanmalan')).toBeUndefined();
      expect(made.facts.orosanmalanMade).toBe(true);
    });
  }

  it('a report made and one started on the same day: the made one counts, in either order', () => {
    const done = { step: 'orosanmalan' as const, date: '2026-11-17', outcome: 'done' as const };
    const started = { ...done, outcome: 'started' as const };
    for (const measures of [[done, started], [started, done]]) {
      const d = night(concern(measures), AS_OF, 'skollagen');
      expect(findStep(d, 'orosanmalan')).toBeUndefined();
      expect(d.facts.orosanmalanMade).toBe(true);
      expect(d.facts.daysSinceOrosanmalan).toBe(6);
    }
  });

  it('with last night held open: a report only started tonight closes nothing and is no done change', () => {
    const first = night(concern([]), '2026-11-20', 'skollagen');
    expect(findStep(first, 'orosanmalan')?.kind).toBe('lagkrav');
    const input = concern([{ step: 'orosanmalan', date: '2026-11-21', outcome: 'started' }]);
    const second = night(input, AS_OF, 'skollagen', first);
    expect(findStep(second, 'orosanmalan')?.kind).toBe('lagkrav');
    const changes = diffStepStates('e1', { asOf: AS_OF, steps: stepStates(second), measures: measuresOf(input) }, { asOf: first.asOf, steps: stepStates(first) });
    expect(changes.filter((c) => c.change === 'done')).toEqual([]);
    // Made, it is done.
    const made = concern([{ step: 'orosanmalan', date: '2026-11-21', outcome: 'done' }]);
    const third = night(made, AS_OF, 'skollagen', first);
    expect(findStep(third, 'orosanmalan')).toBeUndefined();
    const doneChanges = diffStepStates('e1', { asOf: AS_OF, steps: stepStates(third), measures: measuresOf(made) }, { asOf: first.asOf, steps: stepStates(first) });
    expect(doneChanges.some((c) => c.change === 'done' && c.previous.id === 'orosanmalan')).toBe(true);
  });

  it('an unreported concern does not lapse because a report was recorded as obehovligt', () => {
    // The signal has ended by its own `until`; a child's concern still stays in force until a report is made.
    const input = { ...concern([{ step: 'orosanmalan', date: '2026-11-17', outcome: 'obehovligt' }]), signals: [{ type: 'harm-suspected' as const, date: '2026-09-01', until: '2026-09-10' }] };
    const d = night(input, AS_OF, 'skollagen');
    expect(d.expiredSignals).toEqual([]);
    expect(findStep(d, 'orosanmalan')?.kind).toBe('lagkrav');
  });

  it('a same-day notice recorded as obehovligt leaves the notice owed (SL 7:17)', () => {
    const lessons = ['08:10', '09:20'].map((start) => ({ date: '2026-11-20', start, scheduledMinutes: 60, invalidAbsenceMinutes: 60 }));
    const owed = { ...concern([]), signals: [], attendance: lessons };
    expect(findStep(night(owed, AS_OF, 'skollagen'), 'vardnadshavare-informeras')?.kind).toBe('lagkrav');
    const marked = { ...owed, measures: [{ step: 'vardnadshavare-informeras' as const, date: '2026-11-20', outcome: 'obehovligt' as const }] };
    expect(findStep(night(marked, AS_OF, 'skollagen'), 'vardnadshavare-informeras')?.kind).toBe('lagkrav');
    const told = { ...owed, measures: [{ step: 'vardnadshavare-informeras' as const, date: '2026-11-20', outcome: 'done' as const }] };
    expect(findStep(night(told, AS_OF, 'skollagen'), 'vardnadshavare-informeras')).toBeUndefined();
  });

  it('recordsStep: an orosanmälan only when done, a same-day notice never as obehovligt, every other measure', () => {
    for (const step of StepIdSchema.options) {
      for (const outcome of ['done', 'started', 'obehovligt'] as const) {
        const expected = step === 'orosanmalan' ? outcome === 'done' : step === 'vardnadshavare-informeras' ? outcome !== 'obehovligt' : true;
        expect(recordsStep({ step, date: AS_OF, outcome }), `${step} ${outcome}`).toBe(expected);
      }
    }
  });

  it('obehovligt still closes the investigation (SL 7:19 a) and a CSN report the school refrains from', () => {
    // Skolk on four days in November for a gymnasium student with studiehjälp: a csn-rapport step.
    const skolk = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].flatMap((date) =>
      ['08:10', '09:20', '10:30', '12:30', '13:40'].map((start) => ({ date, start, scheduledMinutes: 60, invalidAbsenceMinutes: 60 })),
    );
    const gymnasium: StudentCaseInput = {
      ...concern([]),
      signals: [],
      student: { ...concern([]).student, birthDate: '2009-03-01', schoolForm: 'gymnasieskola', grade: 2, studiehjalp: 'yes' },
      attendance: skolk,
    };
    expect(findStep(night(gymnasium, AS_OF, 'skollagen'), 'csn-rapport')).toBeDefined();
    const refrained = { ...gymnasium, measures: [{ step: 'csn-rapport' as const, date: '2026-11-20', outcome: 'obehovligt' as const }] };
    expect(findStep(night(refrained, AS_OF, 'skollagen'), 'csn-rapport')).toBeUndefined();
  });

  it('adding measures that record no step changes no decision (property, every built-in policy)', () => {
    const noStep = fc.oneof(
      fc.record({ step: fc.constant('orosanmalan' as const), outcome: fc.constantFrom('started' as const, 'obehovligt' as const) }),
      fc.record({ step: fc.constant('vardnadshavare-informeras' as const), outcome: fc.constant('obehovligt' as const) }),
    );
    fc.assert(
      fc.property(
        arbitraryAsOf().chain((asOf) => fc.tuple(fc.constant(asOf), arbitraryCase({ asOf }), fc.array(fc.tuple(noStep, fc.integer({ min: 0, max: 200 })), { maxLength: 4 }))),
        fc.constantFrom(...BUILTIN_POLICY_IDS),
        ([asOf, input, extra], policy) => {
          const decide = (c: StudentCaseInput): Decision => {
            const parsed = parseStudentCase(c);
            if (!parsed.ok) throw new Error('the kit drew a case the schema refuses');
            return evaluate(parsed.case, builtinPolicy(policy), { asOf });
          };
          const dated = extra.map(([m, back]) => ({ ...m, date: new Date(Date.parse(`${asOf}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10) }));
          const before = decide(input);
          const after = decide({ ...input, measures: [...(input.measures ?? []), ...dated] });
          expect(JSON.stringify(after)).toBe(JSON.stringify(before));
        },
      ),
      { numRuns: 150 },
    );
  });
});
