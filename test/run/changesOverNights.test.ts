import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStepStates, stepStates, type Change } from '../../src/run/changes.js';
import { evaluate } from '../../src/index.js';
import { twoNights } from '../helpers/twoNights.js';

// Issue 10 point 6 and its acceptance: "for any two nights where only new lessons were added, every
// open lagkrav step of night 1 is open, overdue or done on night 2" — a day passing never makes a
// statutory duty "no longer indicated" (../shared/domain.md §1.2 SL 7:17, §1.3 SL 7:19 a, §2 SoL 14:1).

const keyOf = (s: { id: string; forStep?: string }): string => (s.forStep === undefined ? s.id : `${s.id}/${s.forStep}`);
const previousKey = (c: Change): string | undefined => ('previous' in c ? keyOf(c.previous) : undefined);

describe('the change feed over two nights (evaluate with previous)', () => {
  it('only new lessons after night 1: every open lagkrav step of night 1 is present on night 2 or reported done, never no-longer-indicated', () => {
    fc.assert(
      fc.property(twoNights, ({ night1, night2, policy, first, second: twoCase }) => {
        const one = evaluate(first, policy, { asOf: night1 });
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
        expect(diffStepStates(one.studentId, { asOf: night1, steps: stepStates(one), measures: first.measures }, lastNight)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a step that passed its due date since night 1 is reported overdue once (not escalated), and only when its due date is past', () => {
    fc.assert(
      fc.property(twoNights, ({ night1, night2, policy, first, second: twoCase }) => {
        const one = evaluate(first, policy, { asOf: night1 });
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
