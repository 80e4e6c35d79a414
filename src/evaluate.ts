import { indexCalendar } from './calendar/calendarIndex.js';
import { defaultCalendarFor } from './calendar/defaultCalendar.js';
import type { Decision, Warning } from './model/decision.js';
import { isValidIsoDate } from './model/isoDate.js';
import type { SchoolCalendar } from './model/schoolCalendar.js';
import type { StudentCase } from './model/studentCase.js';
import type { Facts } from './model/facts.js';
import type { Typology } from './model/typology.js';
import type { StepId } from './model/vocabulary.js';
import { computeFacts, type ComputeOptions, type FactsResult } from './metrics/computeFacts.js';
import { addTypology } from './typology/addTypology.js';
import { compilePolicy, explainCompiled, runCompiled, type CompiledPolicy } from './policy/compile.js';
import type { Policy, PolicyParameters, PolicyRule } from './policy/policy.js';
import { datedValueInForce } from './model/datedParameter.js';
import { contentHash } from './policy/canonicalJson.js';
import { buildSteps, type EvaluatedRule } from './steps/buildSteps.js';
import { holdOpen, openSince, type OpenDuty, type PreviousNight } from './steps/heldOpen.js';

/** Options for `evaluate`. Context is always an argument: nothing is read from the clock. */
export interface EvaluateOptions {
  /** The evaluation date, `YYYY-MM-DD` (Europe/Stockholm civil date). */
  readonly asOf: string;
  /** The school calendar; defaults to `defaultCalendarFor(asOf)`. */
  readonly calendar?: SchoolCalendar;
  /** Extra warnings to attach, e.g. rejected records from the adapter. */
  readonly warnings?: readonly Warning[];
  /**
   * The previous night's decision for this student (its `asOf` and `steps`).
   * With it, a statutory duty that was open then stays open until a measure
   * closes it, and open steps keep the date they arose (see README "Duties over time").
   */
  readonly previous?: PreviousNight;
}


/**
 * Rules whose effective range contains the date: of the versions of one rule
 * id, the one in force on `asOf` (versions never overlap, see `checkPolicy`).
 *
 * @param policy - a loaded policy
 * @param asOf - ISO date
 * @returns the rules in force, in policy order
 * @example rulesInForce(builtinPolicy('skollagen'), '2025-06-30').some((r) => r.id === 'sol-2001-14-1-orosanmalan') // true
 */
export function rulesInForce(policy: Policy, asOf: string): readonly PolicyRule[] {
  return policy.rules.filter((r) => inForce(r, asOf));
}

/** `id@version` of the rules in force, per policy and date: the same short list for every student of a run. */
const inForceLabels = new WeakMap<Policy, Map<string, readonly string[]>>();

function rulesInForceLabels(policy: Policy, asOf: string): readonly string[] {
  let byDate = inForceLabels.get(policy);
  if (byDate === undefined) {
    byDate = new Map();
    inForceLabels.set(policy, byDate);
  }
  let labels = byDate.get(asOf);
  if (labels === undefined) {
    labels = Object.freeze(rulesInForce(policy, asOf).map((r) => `${r.id}@${r.version}`));
    byDate.set(asOf, labels);
  }
  return labels;
}

/** Calendars are immutable data (the default ones are frozen and shared): hash each once. */
const calendarHashes = new WeakMap<SchoolCalendar, string>();

function calendarHash(calendar: SchoolCalendar): string {
  let hash = calendarHashes.get(calendar);
  if (hash === undefined) {
    hash = contentHash(calendar);
    calendarHashes.set(calendar, hash);
  }
  return hash;
}

/** Policies are immutable data: compile each once and reuse it for every student. */
const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();

/**
 * The policy compiled once (memoised per policy object), as `evaluate` runs it.
 *
 * @param policy - a loaded policy
 * @returns its compiled form, shared by every evaluation with this policy object
 * @example runCompiled(compiledFor(builtinPolicy('stockholm')), facts)
 */
export function compiledFor(policy: Policy): CompiledPolicy {
  let compiled = compiledPolicies.get(policy);
  if (compiled === undefined) {
    compiled = compilePolicy(policy);
    compiledPolicies.set(policy, compiled);
  }
  return compiled;
}

/**
 * Whether a rule is in force on a date (its effective range contains it).
 *
 * @param rule - a policy rule
 * @param asOf - ISO date
 * @returns true when `effectiveFrom <= asOf <= effectiveTo`
 * @example inForce(builtinPolicy('skollagen').rules[0], '2026-11-23') // true
 */
export function inForce(rule: PolicyRule, asOf: string): boolean {
  return rule.effectiveFrom <= asOf && (rule.effectiveTo === undefined || asOf <= rule.effectiveTo);
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
  const calendar = options.calendar ?? defaultCalendarFor(asOf);
  const open = openSince(previous, input.measures, asOf);
  const notice = open.get('vardnadshavare-informeras')?.arisesOn;
  const measured = measureCase(input, asOf, calendar, policy.parameters, notice === undefined ? {} : { noticeFrom: notice });
  const decision = decideOn(input, measured, policy, { ...options, calendar, openSince: open });
  if (previous === undefined) return decision;
  // An earlier night's date is evaluated with its own default calendar unless one was given.
  const given = options.calendar === undefined ? {} : { calendar: options.calendar };
  return holdOpen(decision, previous, input.measures, {
    on: (date) => evaluate(input, policy, { asOf: date, ...given }),
    withoutNewLessons: (date, upTo) => evaluate({ ...input, attendance: input.attendance.filter((r) => r.date <= upTo) }, policy, { asOf: date, calendar }),
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
  const { facts: measured, patterns, ...dated } = computeFacts(input, asOf, calendar, parameters, options);
  // The typology is computed under every policy; rules may read it, lagkrav rules may not (policyFile.ts).
  const { facts, typology } = addTypology(measured, patterns);
  return { ...dated, facts, typology };
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
export function decideOn(
  input: StudentCase,
  measured: MeasuredCase,
  policy: Policy,
  options: EvaluateOptions & { readonly calendar: SchoolCalendar; readonly openSince?: ReadonlyMap<StepId, OpenDuty> },
): Decision {
  const { asOf, calendar } = options;
  const { facts, typology, warnings, anchors } = measured;

  // Compiled ahead from the validated JSON; same events and explanations as the
  // interpreter and json-rules-engine (test/policy/jreDifferential.test.ts, compiled.test.ts).
  const compiled = compiledFor(policy);
  const run = runCompiled(compiled, facts);
  const evaluated: EvaluatedRule[] = [];
  compiled.rules.forEach((r, i) => {
    if (!inForce(r.rule, asOf)) return;
    evaluated.push({ rule: r.rule, fired: run.rules[i] === 1, evidence: explainCompiled(compiled, r, run, facts) });
  });

  const { steps, notRecommended } = buildSteps(evaluated, {
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
    ...(options.openSince === undefined ? {} : { openSince: options.openSince }),
  });

  return {
    studentId: input.student.id,
    schoolId: input.student.school.id,
    asOf,
    policy: {
      id: policy.id,
      version: policy.version,
      hash: policy.hash,
      rulesInForce: rulesInForceLabels(policy, asOf),
      calendarHash: calendarHash(calendar),
    },
    facts,
    series: measured.series,
    typology,
    steps,
    notRecommended,
    warnings: [...warnings, ...(options.warnings ?? [])],
    episode: measured.episode,
    expiredSignals: measured.signals.expired,
  };
}
