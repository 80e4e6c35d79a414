import fc from 'fast-check';
import { addCalendarDays } from '../../calendar/workingDays.js';
import type { Decision } from '../../model/decision.js';
import type { StudentCaseInput } from '../../model/studentCase.js';
import type { Policy } from '../../policy/policy.js';
import { closingMeasure } from '../../steps/closing.js';
import { decideCase, stepKeyOf, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { casesOn, evaluationDates, type InvariantOptions } from './options.js';

/** A case evaluated on one night and again `days` later, with nothing new recorded in between. */
export interface CaseOnTwoNights {
  readonly asOf: string;
  readonly later: string;
  readonly input: StudentCaseInput;
}

const keyOf = stepKeyOf;

/** A step's dates contradicting each other or its night, if any. */
function badDates(d: Decision): string | undefined {
  for (const s of d.steps) {
    if (s.arisesOn > d.asOf) return `${keyOf(s)} arises on ${s.arisesOn}, after ${d.asOf}`;
    const late = s.dueDate !== null && s.dueDate < d.asOf;
    if (s.status === 'overdue' && !late) return `${keyOf(s)} is overdue with due date ${String(s.dueDate)} on ${d.asOf}`;
    if (s.status === 'recommended' && late) return `${keyOf(s)} was due ${String(s.dueDate)} and is not overdue on ${d.asOf}`;
  }
  return undefined;
}

/**
 * Duties live in time: every step arises on or before the night it is shown,
 * is overdue exactly when its due date has passed, and a statutory (`lagkrav`)
 * duty open on one night is still there a later night (1–40 days on, the same
 * case, nothing new recorded, last night's decision passed as `previous`)
 * unless a measure dated on or after its `closableFrom` closes it. A day
 * passing, a weekend, a term break or a lapsed signal never ends a duty
 * (architecture.md "Duties over time"; domain.md §1.2 "samma dag", §2.1 "genast").
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`
 * @returns the invariant check
 * @example findViolation(dutiesHeldOpenCheck(builtinPolicy('stockholm'))) // undefined
 */
export function dutiesHeldOpenCheck(policy: Policy, options: InvariantOptions = {}): InvariantCheck<CaseOnTwoNights> {
  const arbitrary = evaluationDates(options).chain((asOf) =>
    fc.record({ input: casesOn(asOf, options), days: fc.integer({ min: 1, max: 40 }) }).map(({ input, days }) => ({ asOf, later: addCalendarDays(asOf, days), input })),
  );
  return {
    id: 'duties-held-open',
    policy: policyRef(policy),
    description: 'Steps arise on or before their night and are overdue exactly when due; an open lagkrav duty stays until a measure closes it.',
    basis: 'docs/duties.md "Duties over time"; SL 7 kap. 17 § "samma dag"; SoL 14 kap. 1 § "genast" (docs/sources.md)',
    arbitrary,
    check: ({ asOf, later, input }) => {
      const first = decideCase(input, policy, asOf, options.calendar);
      const second = decideCase(input, policy, later, options.calendar, first);
      for (const d of [first, second]) {
        const bad = badDates(d);
        if (bad !== undefined) return { message: bad, steps: stepKeys(d) };
      }
      const kept = new Set(second.steps.map(keyOf));
      const measures = (input.measures ?? []).map((m) => ({ ...m, outcome: m.outcome ?? 'done' }));
      for (const s of first.steps) {
        if (s.kind !== 'lagkrav' || s.id === 'samtycke' || s.id === 'uppfoljning' || kept.has(keyOf(s))) continue;
        if (closingMeasure(s.id, s.closableFrom, measures, later) !== undefined) continue;
        return { message: `${keyOf(s)} (lagkrav, arose ${s.arisesOn}) open on ${asOf} is gone on ${later} with no measure closing it`, steps: stepKeys(second), compared: stepKeys(first) };
      }
      return undefined;
    },
  };
}
