import { indexCalendar } from '../calendar/calendarIndex.js';
import type { NotRecommended, Step } from '../model/decision.js';
import { datedValueInForce } from '../model/datedParameter.js';
import type { Facts } from '../model/facts.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCase } from '../model/studentCase.js';
import type { StepId } from '../model/vocabulary.js';
import type { FactsResult } from '../metrics/computeFacts.js';
import type { Policy } from '../policy/policy.js';
import { buildSteps } from './buildSteps.js';
import { evaluateRules } from './evaluateRules.js';
import type { OpenDuty } from './heldOpen.js';

/** What step building reads of a measured case (`measureCase` gives all of it). */
export type MeasuredForSteps = Pick<FactsResult, 'history' | 'signals' | 'noticeDays' | 'anchors'> & { readonly facts: Facts };

/** The date, calendar and earlier open duties `decideSteps` works with. */
export interface DecideStepsOptions {
  readonly asOf: string;
  readonly calendar: SchoolCalendar;
  /** Steps open on an earlier night, by step id (see `openSince`). */
  readonly openSince?: ReadonlyMap<StepId, OpenDuty> | undefined;
  /** false: no `conditions-not-met` entries (see `evaluate`'s `whyNot`); default true. */
  readonly whyNot?: boolean | undefined;
}

/**
 * Run the policy's rules in force on measured facts and build the explained
 * steps: the rule half of a decision, without its header.
 *
 * @param input - the validated case the facts were measured on
 * @param measured - facts and dating material from `measureCase` with `policy.parameters`
 * @param policy - the policy
 * @param options - `asOf`, the calendar used for `measured`, duties open on an earlier night
 * @returns steps and not-recommended entries, as `buildSteps` gives them
 * @example decideSteps(c, measureCase(c, asOf, calendar, policy.parameters), policy, { asOf, calendar }).steps.map((s) => s.id) // e.g. ['vardnadshavare-informeras']
 */
export function decideSteps(
  input: StudentCase,
  measured: MeasuredForSteps,
  policy: Policy,
  options: DecideStepsOptions,
): { steps: Step[]; notRecommended: NotRecommended[] } {
  const { asOf, calendar } = options;
  const { facts, anchors } = measured;
  const whyNot = options.whyNot !== false;
  return buildSteps(evaluateRules(policy, facts, asOf, whyNot), {
    whyNot,
    input,
    facts,
    asOf,
    index: indexCalendar(calendar),
    parameters: policy.parameters,
    dating: {
      asOf,
      facts,
      history: measured.history,
      signals: measured.signals.active,
      measures: input.measures,
      conditions: policy.conditions,
      leafCache: new Map(),
      conditionCache: new Map(),
    },
    noticeDays: measured.noticeDays,
    absenceStart: anchors.currentAbsenceStart,
    skolkMonths: anchors,
    consentAge: datedValueInForce(policy.parameters.childConsentAgeOppnaInsatser, asOf),
    openSince: options.openSince,
  });
}
