import type { Step } from '../model/decision.js';
import type { DecisionRecord } from './compactDecision.js';

/** One open step of one student, as the report lists it. */
export interface OpenDuty {
  readonly decision: DecisionRecord;
  readonly step: Step;
}

/**
 * Order of open duties: overdue first, then by due date (earliest first),
 * then those without a fixed date ("skyndsamt", "snarast"); ties by the
 * date the duty arose, the student id and the step id, so the order is the
 * same on every run.
 *
 * @param a - a duty
 * @param b - another
 * @returns negative when `a` comes first
 * @example [later, overdue].sort(compareDuties)[0] === overdue // true
 */
export function compareDuties(a: OpenDuty, b: OpenDuty): number {
  const rank = (d: OpenDuty) => (d.step.status === 'overdue' ? 0 : d.step.dueDate === null ? 2 : 1);
  const due = (d: OpenDuty) => d.step.dueDate ?? '9999-12-31';
  return (
    rank(a) - rank(b) ||
    cmp(due(a), due(b)) ||
    cmp(a.step.arisesOn, b.step.arisesOn) ||
    cmp(a.decision.studentId, b.decision.studentId) ||
    cmp(a.step.id, b.step.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every step of the decisions (each is open on the decision's date:
 * recommended, overdue or waiting for consent), most urgent first (`compareDuties`).
 *
 * @param decisions - one school's decisions
 * @returns the duties
 * @example openDuties(decisions).map((d) => d.step.status) // ['overdue', 'overdue', 'recommended', 'blocked', …]
 */
export function openDuties(decisions: readonly DecisionRecord[]): OpenDuty[] {
  return decisions.flatMap((decision) => decision.steps.map((step) => ({ decision, step }))).sort(compareDuties);
}
