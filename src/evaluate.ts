import { defaultCalendarFor } from './calendar/defaultCalendar.js';
import { dayNumber } from './calendar/dayNumber.js';
import { packedUpTo, type PackedLessons } from './model/packedLessons.js';
import type { Decision, Warning } from './model/decision.js';
import { isValidIsoDate } from './model/isoDate.js';
import type { SchoolCalendar } from './model/schoolCalendar.js';
import type { StudentCase } from './model/studentCase.js';
import type { Facts } from './model/facts.js';
import type { Typology } from './model/typology.js';
import { computeFacts, type ComputeOptions, type FactsResult } from './metrics/computeFacts.js';
import { addTypology } from './typology/addTypology.js';
import type { Policy, PolicyParameters } from './policy/policy.js';
import { policyStamp } from './policy/policyStamp.js';
import { decideSteps, type DecideStepsOptions } from './steps/decideSteps.js';
import { holdOpen, openSince, type PreviousNight } from './steps/heldOpen.js';

// Kept here for the callers that import them with `evaluate` (index.ts, verify/, the bench); they live in policy/.
export { inForce, rulesInForce } from './policy/rulesInForce.js';
export { compiledFor } from './policy/compiledFor.js';

/** Options for `evaluate`. Context is always an argument: nothing is read from the clock. */
export interface EvaluateOptions {
  /** The evaluation date, `YYYY-MM-DD` (Europe/Stockholm civil date). */
  readonly asOf: string;
  /** The school calendar; defaults to `defaultCalendarFor(asOf)`. */
  readonly calendar?: SchoolCalendar | undefined;
  /** Extra warnings to attach, e.g. rejected records from the adapter. */
  readonly warnings?: readonly Warning[] | undefined;
  /**
   * The previous night's decision for this student (its `asOf` and `steps`).
   * With it, a statutory duty that was open then stays open until a measure
   * closes it, and open steps keep the date they arose (see docs/duties.md).
   */
  readonly previous?: PreviousNight | undefined;
  /**
   * The student's lessons as packed words instead of `input.attendance`
   * (which must then be empty): the batch's entry, which never turns a
   * night's lessons into objects. `packAttendance(records)` gives them from
   * records; the decision is the same either way.
   */
  readonly packed?: PackedLessons | undefined;
  /**
   * Whether to explain the steps not recommended because no rule of theirs
   * fired (default true). With false, `notRecommended` has no
   * `conditions-not-met` entries (the why-not evidence, some 60 % of a full
   * decision's JSON and a tenth of its time); everything else is the same.
   * For a caller that writes the compact form or no decisions at all
   * (`compactDecision` leaves `notRecommended` out): the batch does so.
   */
  readonly whyNot?: boolean | undefined;
}


/**
 * Evaluate one student under a policy: the pure core of Trappa. Computes the
 * facts, runs every rule in force on `asOf`, and returns the recommended
 * steps, each explained by the rules, evidence and legal basis that made it
 * fire, plus the steps considered and not recommended.
 *
 * @param input - a validated case (see `parseStudentCase`)
 * @param policy - a loaded policy (see `builtinPolicy`, `loadPolicy`)
 * @param options - `asOf` and optionally the calendar
 * @returns the decision
 * @throws {RangeError} when `asOf` is not a valid date
 * @example
 * const decision = evaluate(parseStudentCase(json).case, builtinPolicy('stockholm'), { asOf: '2026-11-23' });
 * decision.steps.map((s) => s.id); // e.g. ['orosanmalan', 'rektor-utredning', 'eht', ...]
 */
export function evaluate(input: StudentCase, policy: Policy, options: EvaluateOptions): Decision {
  const { asOf, previous } = options;
  if (!isValidIsoDate(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, got "${asOf}"`);
  if (previous !== undefined && !isValidIsoDate(previous.asOf)) throw new RangeError(`previous.asOf must be a date written YYYY-MM-DD, got "${previous.asOf}"`);
  const { packed } = options;
  if (packed !== undefined && input.attendance.length > 0) throw new RangeError('give the lessons either as input.attendance or as options.packed, not both');
  const calendar = options.calendar ?? defaultCalendarFor(asOf);
  const open = openSince(previous, input.measures, asOf);
  const notice = open.get('vardnadshavare-informeras')?.arisesOn;
  // Options objects are built field by field, not spread: spreading them was a tenth of an evaluation (docs/performance.md).
  const measured = measureCase(input, asOf, calendar, policy.parameters, { noticeFrom: notice, packed });
  const decision = decideOn(input, measured, policy, { asOf, calendar, openSince: open, warnings: options.warnings, whyNot: options.whyNot });
  if (previous === undefined) return decision;
  // An earlier night's date is evaluated with its own default calendar unless one was given.
  const { whyNot } = options;
  return holdOpen(decision, previous, input.measures, {
    on: (date) => evaluate(input, policy, { asOf: date, calendar: options.calendar, packed, whyNot }),
    withoutNewLessons: (date, upTo) =>
      packed === undefined
        ? evaluate({ ...input, attendance: input.attendance.filter((r) => r.date <= upTo) }, policy, { asOf: date, calendar, whyNot })
        : evaluate(input, policy, { asOf: date, calendar, packed: packedUpTo(packed, dayNumber(upTo)), whyNot }),
  });
}

/**
 * What `evaluate` computes before it looks at any rule: facts, typology,
 * warnings and deadline anchors. It depends on the policy only through its
 * `parameters`, so two policies with equal parameters can share it (what-if
 * runs, `diffPolicies`).
 */
export type MeasuredCase = Omit<FactsResult, 'facts' | 'patterns'> & {
  readonly facts: Facts;
  readonly typology: Typology;
};

/**
 * The rule-independent half of `evaluate`: facts and typology of one case.
 *
 * @param input - a validated case
 * @param asOf - the evaluation date (already validated)
 * @param calendar - the school calendar
 * @param parameters - the policy's fact parameters
 * @returns facts, typology, warnings and anchors
 * @example measureCase(c, '2026-11-23', defaultCalendarFor('2026-11-23'), builtinPolicy('stockholm').parameters).facts.termAbsence
 */
export function measureCase(
  input: StudentCase,
  asOf: string,
  calendar: SchoolCalendar,
  parameters: PolicyParameters,
  options: ComputeOptions = {},
): MeasuredCase {
  const computed = computeFacts(input, asOf, calendar, parameters, options);
  // The typology is computed under every policy; rules may read it, lagkrav rules may not (policyFile.ts).
  const { facts, typology } = addTypology(computed.facts, computed.patterns);
  // Field by field, not `{ ...rest }`: an object rest and spread cost 2 µs of a 60 µs evaluation.
  const { warnings, series, anchors, signals, episode, noticeDays, history } = computed;
  return { warnings, series, anchors, signals, episode, noticeDays, history, facts, typology };
}

/** What `decideOn` reads besides the case and its measures: what `decideSteps` reads, and extra warnings to attach (`EvaluateOptions.warnings`). */
export interface DecideOnOptions extends DecideStepsOptions {
  readonly warnings?: readonly Warning[] | undefined;
}

/**
 * The rule half of `evaluate`: run the policy on facts measured with its
 * parameters (`measureCase`) and build the explained decision.
 * `evaluate(c, p, o)` equals `decideOn(c, measureCase(c, o.asOf, calendar, p.parameters), p, { ...o, calendar })`.
 *
 * @param input - the validated case the facts were measured on
 * @param measured - from `measureCase` with `policy.parameters`
 * @param policy - the policy
 * @param options - `asOf`, the calendar used for `measured`, extra warnings
 * @returns the decision
 * @example decideOn(c, measureCase(c, asOf, calendar, policy.parameters), policy, { asOf, calendar })
 */
export function decideOn(input: StudentCase, measured: MeasuredCase, policy: Policy, options: DecideOnOptions): Decision {
  const { asOf, calendar } = options;
  const { facts, typology, warnings } = measured;
  const { steps, notRecommended } = decideSteps(input, measured, policy, options);
  return {
    studentId: input.student.id,
    schoolId: input.student.school.id,
    asOf,
    policy: policyStamp(policy, asOf, calendar),
    facts,
    series: measured.series,
    typology,
    steps,
    notRecommended,
    warnings: options.warnings === undefined || options.warnings.length === 0 ? [...warnings] : [...warnings, ...options.warnings],
    episode: measured.episode,
    expiredSignals: measured.signals.expired,
  };
}
