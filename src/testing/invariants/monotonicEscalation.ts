import fc from 'fast-check';
import type { StudentCaseInput } from '../../model/studentCase.js';
import type { Policy } from '../../policy/policy.js';
import type { LessonInput } from '../arbitraries/index.js';
import { decideCase, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { casesOn, evaluationDates, type InvariantOptions } from './options.js';

/** A case, and the same case with more absence on some of its lessons. */
export interface CaseWithMoreAbsence {
  readonly asOf: string;
  readonly input: StudentCaseInput;
  readonly more: StudentCaseInput;
}

/**
 * Where present minutes turn into absence: about `percent` % of the lessons (chosen by a
 * hash of their index and `salt`), `minutes` more each, valid or invalid. Plain numbers,
 * not a list as long as the attendance, so that fast-check shrinks the case and the change
 * together (towards a change of one lesson).
 */
export interface AbsenceIncrease {
  readonly percent: number;
  readonly salt: number;
  readonly invalid: boolean;
  readonly minutes: number;
}

/** A small integer hash of (index, salt) in 0–99: which lessons the increase picks. */
function pick(index: number, salt: number): number {
  let h = Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae3d);
  return ((h ^ (h >>> 13)) >>> 0) % 100;
}

/**
 * Present minutes of a lesson turned into `minutes` more valid or invalid
 * absence, capped at what is still present. Nothing else changes, so the
 * scheduled minutes (every rate's denominator) stay the same.
 */
function withMoreAbsence(lesson: LessonInput, index: number, change: AbsenceIncrease): LessonInput {
  if (pick(index, change.salt) >= change.percent) return lesson;
  const valid = lesson.validAbsenceMinutes ?? 0;
  const invalid = lesson.invalidAbsenceMinutes ?? 0;
  const add = Math.min(change.minutes, lesson.scheduledMinutes - valid - invalid);
  if (add === 0) return lesson;
  return change.invalid
    ? { ...lesson, validAbsenceMinutes: valid, invalidAbsenceMinutes: invalid + add }
    : { ...lesson, validAbsenceMinutes: valid + add, invalidAbsenceMinutes: invalid };
}

/**
 * Monotonic escalation: when present minutes of some lessons turn into valid
 * or invalid absence (same lessons, same scheduled minutes), no recommended,
 * blocked or overdue step and no consent request disappears, unless a
 * recorded measure now closes it (more absence can make a duty arise
 * earlier, on or before a measure that was recorded after it: the step is then
 * `already-taken`, not lost). Skollagen counts
 * valid and invalid absence alike (SL 7:19 a, "oavsett om det är fråga om
 * giltig eller ogiltig frånvaro", domain.md §1.4), and every city threshold is
 * a floor ("över 20 procent", §3), so more absence can only add steps.
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`
 * @returns the invariant check
 * @example findViolation(monotonicEscalationCheck(builtinPolicy('stockholm'))) // undefined
 */
export function monotonicEscalationCheck(policy: Policy, options: InvariantOptions = {}): InvariantCheck<CaseWithMoreAbsence> {
  const increase: fc.Arbitrary<AbsenceIncrease> = fc.record({
    percent: fc.integer({ min: 0, max: 100 }),
    salt: fc.nat(),
    invalid: fc.boolean(),
    minutes: fc.integer({ min: 1, max: 600 }),
  });
  // One `chain` on the date only: the case and the change shrink together (nested chains shrink poorly).
  const arbitrary = evaluationDates(options).chain((asOf) =>
    fc.record({ input: casesOn(asOf, options), increase }).map(({ input, increase: change }) => ({
      asOf,
      input,
      more: { ...input, attendance: (input.attendance ?? []).map((l, i) => withMoreAbsence(l, i, change)) },
    })),
  );
  return {
    id: 'monotonic-escalation',
    policy: policyRef(policy),
    description: 'More absence (valid or invalid, on the same lessons) never removes a step that no recorded measure closes.',
    basis: 'SL 7 kap. 19 a § "oavsett om det är fråga om giltig eller ogiltig frånvaro" (docs/sources.md); thresholds are floors',
    arbitrary,
    check: ({ asOf, input, more }) => {
      const before = stepKeys(decideCase(input, policy, asOf, options.calendar));
      const decided = decideCase(more, policy, asOf, options.calendar);
      const after = stepKeys(decided);
      // More absence can make a duty arise earlier, so that a measure already
      // recorded now covers it: a step closed by a measure is not lost.
      const closed = new Set(decided.notRecommended.filter((n) => n.reason === 'already-taken').map((n) => n.step));
      const lost = before.filter((k) => !after.includes(k) && !closed.has((k.split('>')[1] ?? k) as never));
      if (lost.length === 0) return undefined;
      return { message: `more absence removed ${lost.join(', ')}`, steps: after, compared: before };
    },
  };
}
