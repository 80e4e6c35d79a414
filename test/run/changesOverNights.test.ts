import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStepStates, stepStates, type Change } from '../../src/run/changes.js';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import type { StudentCase } from '../../src/model/studentCase.js';
import { arbitraryAsOf, arbitraryAttendance, arbitraryCase } from '../../src/testing/arbitraries/index.js';

// Issue 10 point 6 and its acceptance: "for any two nights where only new lessons were added, every
// open lagkrav step of night 1 is open, overdue or done on night 2" — a day passing never makes a
// statutory duty "no longer indicated" (../shared/domain.md §1.2 SL 7:17, §1.3 SL 7:19 a, §2 SoL 14:1).

const POLICY_IDS = ['skollagen', 'stockholm', 'goteborg'] as const;

function parsed(input: unknown): StudentCase {
  const r = parseStudentCase(input);
  if (!r.ok) throw new Error(`fixture case rejected: ${JSON.stringify(r)}`);
  return r.case;
}

/** Two nights 1–30 days apart (across weekends, lov and the Christmas break): night 1's case, and night 2's, which only adds lessons dated after night 1. */
const twoNights = arbitraryAsOf({ from: '2026-08-24', to: '2026-12-18' }).chain((night1) =>
  fc.integer({ min: 1, max: 30 }).chain((days) => {
    const night2 = isoDate(dayNumber(night1) + days);
    return fc
      .record({
        context: arbitraryCase({ asOf: night1, attendance: fc.constant([]) }),
        attendance: arbitraryAttendance({ asOf: night2 }),
        policyId: fc.constantFrom(...POLICY_IDS),
      })
      .map(({ context, attendance, policyId }) => ({
        night1,
        night2,
        policyId,
        first: { ...context, attendance: attendance.filter((l) => l.date <= night1) },
        second: { ...context, attendance },
      }));
  }),
);

const keyOf = (s: { id: string; forStep?: string }): string => (s.forStep === undefined ? s.id : `${s.id}/${s.forStep}`);
const previousKey = (c: Change): string | undefined => ('previous' in c ? keyOf(c.previous) : undefined);

describe('the change feed over two nights (evaluate with previous)', () => {
  it('only new lessons after night 1: every open lagkrav step of night 1 is present on night 2 or reported done, never no-longer-indicated', () => {
    fc.assert(
      fc.property(twoNights, ({ night1, night2, policyId, first, second }) => {
        const policy = builtinPolicy(policyId);
        const one = evaluate(parsed(first), policy, { asOf: night1 });
        const twoCase = parsed(second);
        const lastNight = { asOf: night1, steps: stepStates(one) };
        const two = evaluate(twoCase, policy, { asOf: night2, previous: lastNight });
        const changes = diffStepStates(one.studentId, { asOf: night2, steps: stepStates(two), measures: twoCase.measures }, lastNight);
        const present = new Set(two.steps.map(keyOf));
        for (const s of one.steps.filter((x) => x.kind === 'lagkrav')) {
          const key = keyOf(s);
          const done = changes.some((c) => c.change === 'done' && previousKey(c) === key);
          expect(present.has(key) || done, `${key} (arose ${s.arisesOn}) vanished from night 2`).toBe(true);
          expect(changes.some((c) => c.change === 'no-longer-indicated' && previousKey(c) === key)).toBe(false);
        }
        // And the same night compared with itself says nothing.
        expect(diffStepStates(one.studentId, { asOf: night1, steps: stepStates(one), measures: parsed(first).measures }, lastNight)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a step that passed its due date since night 1 is reported overdue once (not escalated), and only when its due date is past', () => {
    fc.assert(
      fc.property(twoNights, ({ night1, night2, policyId, first, second }) => {
        const policy = builtinPolicy(policyId);
        const one = evaluate(parsed(first), policy, { asOf: night1 });
        const twoCase = parsed(second);
        const lastNight = { asOf: night1, steps: stepStates(one) };
        const two = evaluate(twoCase, policy, { asOf: night2, previous: lastNight });
        const changes = diffStepStates(one.studentId, { asOf: night2, steps: stepStates(two), measures: twoCase.measures }, lastNight);
        for (const s of two.steps) {
          const was = one.steps.find((x) => keyOf(x) === keyOf(s));
          const reported = changes.filter((c) => c.change === 'overdue' && keyOf(c.step) === keyOf(s));
          const expected = was !== undefined && was.status !== 'overdue' && s.status === 'overdue' && !changes.some((c) => c.change === 'new' && keyOf(c.step) === keyOf(s));
          expect(reported).toHaveLength(expected ? 1 : 0);
          if (s.status === 'overdue') expect(s.dueDate !== null && s.dueDate < night2).toBe(true);
        }
        expect(changes.every((c) => c.change !== 'escalated' || !(c.causes as readonly string[]).includes('overdue'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
