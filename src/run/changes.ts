import type { Decision, Step } from '../model/decision.js';
import type { Measure } from '../model/studentCase.js';
import type { StepId, StepKind, Urgency } from '../model/vocabulary.js';
import { closingMeasure } from '../steps/closing.js';
import { URGENCY_ORDER } from '../steps/deadline.js';
import { stepKey as keyOf } from '../steps/stepKey.js';

/**
 * What a school information system needs of a step to raise or close a task,
 * and what `evaluate` needs of last night's step to keep its duty open
 * (a `StepState[]` is a valid `PreviousNight['steps']`).
 */
export interface StepState {
  readonly id: StepId;
  /** For `samtycke`: the step whose consent is asked for. */
  readonly forStep?: StepId;
  /** `lagkrav` duties stay open across nights until a measure closes them. */
  readonly kind: StepKind;
  readonly status: Step['status'];
  readonly urgency: Urgency;
  /** The date the duty arose. Absent only in a previous file written before duties were dated: then the previous night's asOf stands in. */
  readonly arisesOn?: string;
  /** A measure dated on or after this closes the duty (see `Step.closableFrom`); older files: `arisesOn` stands in. */
  readonly closableFrom?: string;
  readonly dueDate: string | null;
  /** Present when the duty is held open from an earlier night (see `Step.heldOpen`). */
  readonly heldOpen?: { readonly verifiedOn: string };
}

/** Why a step counts as escalated since the previous run. Passing the due date is its own change, `overdue`. */
export type EscalationCause = 'urgency' | 'consent-given';

/** The measure that closed a duty, as recorded (`Measure`): ids and a date only. */
export interface ClosingMeasureRef {
  readonly step: StepId;
  readonly date: string;
  readonly outcome: Measure['outcome'];
}

/**
 * One change since the previous run, for one student and one step (a step is
 * keyed by its id, and for `samtycke` by the step it asks consent for):
 * - `new`: indicated now and not then; or indicated both nights, but last
 *   night's duty was closed by a measure and tonight's arose later (a new
 *   duty of the same step: reported as `done` for last night's, then `new`);
 * - `overdue`: indicated both nights, not overdue then, overdue now (its due
 *   date passed since last night);
 * - `escalated`: indicated both nights and now more urgent (`urgency`) or no
 *   longer waiting for consent (`consent-given`);
 * - `done`: indicated then, not now, and closed by a recorded measure
 *   (`closedBy: 'measure'`, `measure`): a measure of the step (or, for the
 *   duties that presuppose an investigation, the rektor's `obehovligt`) dated
 *   from the day the duty arose to tonight (`closingMeasure`). A consent
 *   request (`samtycke`) is done when its step is no longer blocked tonight
 *   (`closedBy: 'consent-given'`) or its step's duty was closed by a measure;
 * - `no-longer-indicated`: indicated then, not now, and not closed by a
 *   measure: the trigger data changed (a corrected record, a policy change;
 *   `evaluate` with `previous` keeps a `lagkrav` duty open across days), or
 *   the student is not in tonight's input (`studentInInput: false`). An open
 *   `lagkrav` duty is never closed because the student is missing: a duty in
 *   law ends with a measure, not with an export that lacks the student.
 * A step can be both `overdue` and `escalated` on the same night. Unchanged
 * steps, steps that only became less urgent or were re-dated without a
 * closing measure, are not changes.
 */
export type Change =
  | { readonly studentId: string; readonly change: 'new'; readonly step: StepState; readonly asOf: string }
  | { readonly studentId: string; readonly change: 'overdue'; readonly step: StepState; readonly previous: StepState; readonly asOf: string }
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
      readonly change: 'done';
      readonly previous: StepState;
      readonly closedBy: 'measure';
      readonly measure: ClosingMeasureRef;
      readonly asOf: string;
    }
  | { readonly studentId: string; readonly change: 'done'; readonly previous: StepState; readonly closedBy: 'consent-given'; readonly asOf: string }
  | {
      readonly studentId: string;
      readonly change: 'no-longer-indicated';
      readonly previous: StepState;
      readonly studentInInput: boolean;
      readonly asOf: string;
    };

/** Every kind of change (the order of the run summary). */
export const CHANGE_KINDS = ['new', 'overdue', 'escalated', 'done', 'no-longer-indicated'] as const satisfies ReadonlyArray<Change['change']>;

/** Last night, as the diff needs it: its date and step states. */
export interface PreviousStates {
  readonly asOf: string;
  readonly steps: readonly StepState[];
}

/** Tonight, as the diff needs it. */
export interface TonightStates {
  readonly asOf: string;
  /** Tonight's step states, or null when the student is not in tonight's input. */
  readonly steps: readonly StepState[] | null;
  /** Tonight's recorded measures of the student (what closes a duty); ignored when `steps` is null. */
  readonly measures: readonly Measure[];
}

/**
 * The task-relevant state of a decision's steps.
 *
 * @param decision - a decision (or a previous run's decision read back from NDJSON)
 * @returns one state per step, in the decision's order
 * @example stepStates(evaluate(c, builtinPolicy('skollagen'), { asOf: '2026-11-23' })).map((s) => [s.id, s.arisesOn, s.status])
 * // e.g. [['vardnadshavare-informeras', '2026-11-20', 'overdue']]
 */
export function stepStates(decision: Pick<Decision, 'steps'>): StepState[] {
  return decision.steps.map((s) => ({
    id: s.id,
    ...(s.forStep === undefined ? {} : { forStep: s.forStep }),
    kind: s.kind,
    status: s.status,
    urgency: s.urgency,
    ...(s.arisesOn === undefined ? {} : { arisesOn: s.arisesOn }),
    ...(s.closableFrom === undefined ? {} : { closableFrom: s.closableFrom }),
    dueDate: s.dueDate,
    ...(s.heldOpen === undefined ? {} : { heldOpen: { verifiedOn: s.heldOpen.verifiedOn } }),
  }));
}


function causesOf(now: StepState, before: StepState): EscalationCause[] {
  const causes: EscalationCause[] = [];
  if (URGENCY_ORDER.indexOf(now.urgency) < URGENCY_ORDER.indexOf(before.urgency)) causes.push('urgency');
  if (before.status === 'blocked' && now.status !== 'blocked') causes.push('consent-given');
  return causes;
}

type Closure = { readonly closedBy: 'measure'; readonly measure: ClosingMeasureRef } | { readonly closedBy: 'consent-given' };

function byMeasure(m: Measure | undefined): Closure | undefined {
  return m === undefined ? undefined : { closedBy: 'measure', measure: { step: m.step, date: m.date, outcome: m.outcome } };
}

/**
 * What closed last night's duty by tonight, if anything. A consent request
 * closes with its step: when consent was given (the step is there tonight and
 * not blocked), or when the step's duty was closed by a measure.
 */
function closureOf(old: StepState, previousAsOf: string, tonight: TonightStates, now: ReadonlyMap<string, StepState>): Closure | undefined {
  const since = old.closableFrom ?? old.arisesOn ?? previousAsOf;
  if (old.id === 'samtycke' && old.forStep !== undefined) {
    const step = now.get(old.forStep);
    if (!now.has(keyOf(old)) && step !== undefined && step.status !== 'blocked') return { closedBy: 'consent-given' };
    const forStep = byMeasure(closingMeasure(old.forStep, since, tonight.measures, tonight.asOf));
    if (forStep !== undefined) return forStep;
  }
  return byMeasure(closingMeasure(old.id, since, tonight.measures, tonight.asOf));
}

/**
 * The changes of one student between the previous run and tonight (see
 * `Change` for what each kind means). Pure and deterministic: the same inputs
 * always give the same list, and a night compared with itself gives none
 * (re-running a night is idempotent).
 *
 * @param studentId - the student
 * @param tonight - tonight's date, step states (null: the student is not in tonight's input; their
 *   `lagkrav` duties then stay open, with no change) and measures
 * @param previous - last night's date and step states, or null when the student was not in it
 * @returns closures first (`done`, then `no-longer-indicated`, in last night's step order), then
 *   `new`, `overdue` and `escalated` (in tonight's step order), so a consumer that applies them
 *   in order closes a task before it opens its successor
 * @example
 * // Friday's notice, not given by Monday: overdue (not "no longer indicated").
 * const notice = { id: 'vardnadshavare-informeras', kind: 'lagkrav', urgency: 'samma-dag', arisesOn: '2026-11-20', dueDate: '2026-11-20' } as const;
 * diffStepStates('e1', { asOf: '2026-11-23', steps: [{ ...notice, status: 'overdue' }], measures: [] }, { asOf: '2026-11-20', steps: [{ ...notice, status: 'recommended' }] })
 * // [{ studentId: 'e1', change: 'overdue', step: { ...notice, status: 'overdue' }, previous: { ...notice, status: 'recommended' }, asOf: '2026-11-23' }]
 * // Given on Monday and recorded: done, with the measure.
 * diffStepStates('e1', { asOf: '2026-11-23', steps: [], measures: [{ step: 'vardnadshavare-informeras', date: '2026-11-23', outcome: 'done' }] }, { asOf: '2026-11-20', steps: [{ ...notice, status: 'recommended' }] })
 * // [{ studentId: 'e1', change: 'done', previous: {...}, closedBy: 'measure', measure: { step: 'vardnadshavare-informeras', date: '2026-11-23', outcome: 'done' }, asOf: '2026-11-23' }]
 */
export function diffStepStates(studentId: string, tonight: TonightStates, previous: PreviousStates | null): Change[] {
  const asOf = tonight.asOf;
  const before = previous?.steps ?? [];
  const previousAsOf = previous?.asOf ?? asOf;
  const nowSteps = tonight.steps ?? [];
  const now = new Map(nowSteps.map((s) => [keyOf(s), s]));
  const old = new Map(before.map((s) => [keyOf(s), s]));
  const closures: Change[] = [];
  const gone: Change[] = [];
  const opened: Change[] = [];
  const overdue: Change[] = [];
  const escalated: Change[] = [];
  const redated = new Set<string>();

  for (const s of before) {
    const key = keyOf(s);
    const current = now.get(key);
    if (tonight.steps === null) {
      if (s.kind !== 'lagkrav') gone.push({ studentId, change: 'no-longer-indicated', previous: s, studentInInput: false, asOf });
      continue;
    }
    const closure = closureOf(s, previousAsOf, tonight, now);
    if (current === undefined) {
      if (closure === undefined) gone.push({ studentId, change: 'no-longer-indicated', previous: s, studentInInput: true, asOf });
      else closures.push({ studentId, change: 'done', previous: s, ...closure, asOf });
    } else if (closure?.closedBy === 'measure' && s.arisesOn !== undefined && current.arisesOn !== undefined && current.arisesOn > s.arisesOn) {
      // Last night's duty was done; tonight's arose after it: a new duty of the same step.
      closures.push({ studentId, change: 'done', previous: s, ...closure, asOf });
      redated.add(key);
    }
  }
  for (const s of nowSteps) {
    const key = keyOf(s);
    const was = old.get(key);
    if (was === undefined || redated.has(key)) {
      opened.push({ studentId, change: 'new', step: s, asOf });
      continue;
    }
    if (s.status === 'overdue' && was.status !== 'overdue') overdue.push({ studentId, change: 'overdue', step: s, previous: was, asOf });
    const causes = causesOf(s, was);
    if (causes.length > 0) escalated.push({ studentId, change: 'escalated', step: s, previous: was, causes, asOf });
  }
  return [...closures, ...gone, ...opened, ...overdue, ...escalated];
}
