import fc from 'fast-check';
import type { StudentCaseInput } from '../../model/studentCase.js';
import type { Policy } from '../../policy/policy.js';
import type { LessonInput } from '../arbitraries.js';
import { decideCase, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { datedCases, type InvariantOptions } from './options.js';

/** A case, and the same case with more absence on some of its lessons. */
export interface CaseWithMoreAbsence {
  readonly asOf: string;
  readonly input: StudentCaseInput;
  readonly more: StudentCaseInput;
}

interface Increase {
  readonly pick: boolean;
  readonly invalid: boolean;
  readonly minutes: number;
}

/**
 * Present minutes of a lesson turned into `minutes` more valid or invalid
 * absence, capped at what is still present. Nothing else changes, so the
 * scheduled minutes (every rate's denominator) stay the same.
 */
function withMoreAbsence(lesson: LessonInput, change: Increase | undefined): LessonInput {
  if (change === undefined || !change.pick) return lesson;
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
 * blocked or overdue step and no consent request disappears. Skollagen counts
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
  const increase = fc.record({ pick: fc.boolean(), invalid: fc.boolean(), minutes: fc.integer({ min: 1, max: 600 }) });
  const arbitrary = datedCases(options).chain(({ asOf, input }) => {
    const attendance = input.attendance ?? [];
    return fc
      .array(increase, { minLength: attendance.length, maxLength: attendance.length })
      .map((changes) => ({ asOf, input, more: { ...input, attendance: attendance.map((l, i) => withMoreAbsence(l, changes[i])) } }));
  });
  return {
    id: 'monotonic-escalation',
    policy: policyRef(policy),
    description: 'More absence (valid or invalid, on the same lessons) never removes a step.',
    basis: 'SL 7 kap. 19 a § "oavsett om det är fråga om giltig eller ogiltig frånvaro" (domain.md §1.4); thresholds are floors (§3, §7.2)',
    arbitrary,
    check: ({ asOf, input, more }) => {
      const before = stepKeys(decideCase(input, policy, asOf, options.calendar));
      const after = stepKeys(decideCase(more, policy, asOf, options.calendar));
      const lost = before.filter((k) => !after.includes(k));
      if (lost.length === 0) return undefined;
      return { message: `more absence removed ${lost.join(', ')}`, steps: after, compared: before };
    },
  };
}
