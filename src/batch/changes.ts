import type { Decision, Step } from '../model/decision.js';
import type { StepId, Urgency } from '../model/vocabulary.js';
import { URGENCY_ORDER } from '../steps/deadline.js';

/** What a school information system needs of a step to raise or close a task. */
export interface StepState {
  readonly id: StepId;
  /** For `samtycke`: the step whose consent is asked for. */
  readonly forStep?: StepId;
  readonly status: Step['status'];
  readonly urgency: Urgency;
  readonly dueDate: string | null;
}

/** Why a step counts as escalated since the previous run. */
export type EscalationCause = 'urgency' | 'overdue' | 'consent-given';

/**
 * One change since the previous run, for one student and one step:
 * - `new`: the step is indicated now and was not then;
 * - `escalated`: it was indicated and is now more urgent, overdue, or no
 *   longer waiting for consent (`causes` says which);
 * - `no-longer-indicated`: it was indicated and is not now (`studentInInput`
 *   false when the student is missing from tonight's input altogether).
 * Unchanged steps, and steps that only became less urgent, are not changes.
 */
export type Change =
  | { readonly studentId: string; readonly change: 'new'; readonly step: StepState; readonly asOf: string }
  | {
      readonly studentId: string;
      readonly change: 'escalated';
      readonly step: StepState;
      readonly previous: StepState;
      readonly causes: readonly EscalationCause[];
      readonly asOf: string;
    }
  | {
      readonly studentId: string;
      readonly change: 'no-longer-indicated';
      readonly previous: StepState;
      readonly studentInInput: boolean;
      readonly asOf: string;
    };

/**
 * The task-relevant state of a decision's steps.
 *
 * @param decision - a decision (or a previous run's decision read back from NDJSON)
 * @returns one state per step, in the decision's order
 * @example stepStates(decision).map((s) => s.id)
 */
export function stepStates(decision: Pick<Decision, 'steps'>): StepState[] {
  return decision.steps.map((s) => ({
    id: s.id,
    ...(s.forStep === undefined ? {} : { forStep: s.forStep }),
    status: s.status,
    urgency: s.urgency,
    dueDate: s.dueDate,
  }));
}

function keyOf(s: StepState): string {
  return s.forStep === undefined ? s.id : `${s.id}/${s.forStep}`;
}

function causesOf(now: StepState, before: StepState): EscalationCause[] {
  const causes: EscalationCause[] = [];
  if (URGENCY_ORDER.indexOf(now.urgency) < URGENCY_ORDER.indexOf(before.urgency)) causes.push('urgency');
  if (now.status === 'overdue' && before.status !== 'overdue') causes.push('overdue');
  if (before.status === 'blocked' && now.status !== 'blocked') causes.push('consent-given');
  return causes;
}

/**
 * The changes of one student between the previous run and tonight. Pure and
 * deterministic: the same two inputs always give the same list, and a run
 * compared with itself gives none (re-running a night is idempotent).
 *
 * @param studentId - the student
 * @param asOf - tonight's evaluation date
 * @param now - tonight's step states, or null when the student is not in tonight's input
 * @param before - the previous run's step states, or null when the student was not in it
 * @returns new steps, then escalated, then no longer indicated, each in step order
 * @example diffStepStates('e1', '2026-11-23', [{ id: 'eht', status: 'recommended', urgency: 'snarast', dueDate: null }], null)[0].change // 'new'
 */
export function diffStepStates(studentId: string, asOf: string, now: readonly StepState[] | null, before: readonly StepState[] | null): Change[] {
  const previous = new Map((before ?? []).map((s) => [keyOf(s), s]));
  const current = new Set((now ?? []).map(keyOf));
  const changes: Change[] = [];
  for (const step of now ?? []) {
    const old = previous.get(keyOf(step));
    if (old === undefined) changes.push({ studentId, change: 'new', step, asOf });
  }
  for (const step of now ?? []) {
    const old = previous.get(keyOf(step));
    if (old === undefined) continue;
    const causes = causesOf(step, old);
    if (causes.length > 0) changes.push({ studentId, change: 'escalated', step, previous: old, causes, asOf });
  }
  for (const old of before ?? []) {
    if (!current.has(keyOf(old))) changes.push({ studentId, change: 'no-longer-indicated', previous: old, studentInInput: now !== null, asOf });
  }
  return changes;
}
