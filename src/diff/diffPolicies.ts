import { defaultCalendarFor } from '../calendar/defaultCalendar.js';
import { decideOn, measureCase } from '../evaluate.js';
import { compiledFor } from '../policy/compiledFor.js';
import { inForce } from '../policy/rulesInForce.js';
import type { Warning } from '../model/decision.js';
import { ruleChanges } from './ruleChanges.js';
import { isValidIsoDate } from '../model/isoDate.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCase } from '../model/studentCase.js';
import type { Policy, PolicyParameters, PolicyRule } from '../policy/policy.js';
import { diffDecisions } from './diffDecisions.js';
import { ruleKeys, sameFiredRules, type RuleKeys } from './sameFiredRules.js';
import { addCaseDiff, emptyDiffTally, finishDiff, type CaseDiff, type DiffTally, type PolicyDiff, type PolicyRef } from './policyDiff.js';

/** Options for `diffPolicies`. */
export interface DiffOptions {
  /** The evaluation date, `YYYY-MM-DD`, the same for both policies. */
  readonly asOf: string;
  /** The school calendar; defaults to `defaultCalendarFor(asOf)`. */
  readonly calendar?: SchoolCalendar;
  /** How many affected students to show with both decisions (default 3; 0 for none). */
  readonly sample?: number;
}

/** Everything a diff needs per student, resolved once: see `diffContext`. */
export interface DiffContext {
  readonly from: Policy;
  readonly to: Policy;
  readonly asOf: string;
  readonly calendar: SchoolCalendar;
  readonly parametersChanged: readonly (keyof PolicyParameters)[];
  readonly sampleSize: number;
  /** Rule keys of both policies when a student whose fired rules are the same may be skipped (equal parameters), else null. */
  readonly shortcut: { readonly from: RuleKeys; readonly to: RuleKeys } | null;
}

/**
 * The default number of sampled students.
 *
 * @example diffPolicies(cases, a, b, { asOf }).sampleSize === DEFAULT_DIFF_SAMPLE // true
 */
export const DEFAULT_DIFF_SAMPLE = 3;

/**
 * Check the options and resolve what is shared by every student of a diff.
 *
 * @param from - the current policy
 * @param to - the proposed policy
 * @param options - `asOf`, calendar, sample size
 * @param internal - `shortcut: false` builds both decisions for every student (for tests that check the shortcut)
 * @returns the context for `diffCase`
 * @throws {RangeError} when `asOf` is not a date or `sample` is not a whole number ≥ 0
 * @example diffContext(builtinPolicy('skollagen'), builtinPolicy('stockholm'), { asOf: '2026-11-23' }).parametersChanged // []
 */
export function diffContext(from: Policy, to: Policy, options: DiffOptions, internal: { readonly shortcut?: boolean } = {}): DiffContext {
  const { asOf } = options;
  if (!isValidIsoDate(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, got "${asOf}"`);
  const sampleSize = options.sample ?? DEFAULT_DIFF_SAMPLE;
  if (!Number.isInteger(sampleSize) || sampleSize < 0) throw new RangeError(`sample must be a whole number ≥ 0, got ${sampleSize}`);
  const keys = [...new Set([...Object.keys(from.parameters), ...Object.keys(to.parameters)])].sort() as (keyof PolicyParameters)[];
  // Structural: dated and per-kind parameters are arrays and maps, equal when their content is.
  const parametersChanged = keys.filter((k) => JSON.stringify(from.parameters[k]) !== JSON.stringify(to.parameters[k]));
  const isInForce = (rule: PolicyRule): boolean => inForce(rule, asOf);
  return {
    from,
    to,
    asOf,
    calendar: options.calendar ?? defaultCalendarFor(asOf),
    parametersChanged,
    sampleSize,
    shortcut:
      parametersChanged.length === 0 && internal.shortcut !== false
        ? { from: ruleKeys(compiledFor(from), isInForce, from.conditions), to: ruleKeys(compiledFor(to), isInForce, to.conditions) }
        : null,
  };
}

/**
 * One student under both policies. Facts are measured once when the policies
 * have the same parameters; then both compiled rule sets run on them, and
 * when they fire the same rules nothing can differ and the two decisions are
 * not built (`decisions: null`). Otherwise both decisions are built (they
 * equal `evaluate`'s) and compared.
 *
 * @param context - from `diffContext`
 * @param input - a validated case
 * @param warnings - extra warnings for both decisions (e.g. rejected records)
 * @returns the step changes, and both decisions unless skipped
 * @example diffCase(diffContext(a, b, { asOf: '2026-11-23' }), parseStudentCase(json).case).changes
 */
export function diffCase(context: DiffContext, input: StudentCase, warnings: readonly Warning[] = []): CaseDiff {
  const { from, to, asOf, calendar, shortcut } = context;
  const measuredFrom = measureCase(input, asOf, calendar, from.parameters);
  if (shortcut !== null && sameFiredRules(shortcut.from, shortcut.to, measuredFrom.facts)) {
    return { studentId: input.student.id, changes: [], decisions: null, facts: { from: measuredFrom.facts, to: measuredFrom.facts } };
  }
  const measuredTo = context.parametersChanged.length === 0 ? measuredFrom : measureCase(input, asOf, calendar, to.parameters);
  const options = { asOf, calendar, warnings };
  const before = decideOn(input, measuredFrom, from, options);
  const after = decideOn(input, measuredTo, to, options);
  return { studentId: input.student.id, changes: diffDecisions(before, after), decisions: { from: before, to: after }, facts: { from: measuredFrom.facts, to: measuredTo.facts } };
}

/**
 * An empty tally for the diff described by `context`.
 *
 * @param context - from `diffContext`
 * @returns a tally to fold `diffCase` results into with `addCaseDiff`
 * @example const tally = tallyFor(context); addCaseDiff(tally, diffCase(context, c)); finishDiff(tally)
 */
export function tallyFor(context: DiffContext): DiffTally {
  const ref = (p: Policy): PolicyRef => ({ id: p.id, version: p.version, hash: p.hash });
  return emptyDiffTally({
    asOf: context.asOf,
    from: ref(context.from),
    to: ref(context.to),
    parametersChanged: context.parametersChanged,
    factsShared: context.parametersChanged.length === 0,
    rules: ruleChanges(context.from, context.to, context.asOf),
    sampleSize: context.sampleSize,
  });
}

/**
 * What replacing policy `from` by policy `to` would change for a population:
 * every case is evaluated under both (compiled once per policy; facts shared
 * when the parameters are equal), and the recommended steps are compared.
 * Pure and synchronous. To stream a large input, use `diffContext`,
 * `diffCase`, `tallyFor`, `addCaseDiff` and `finishDiff` (what
 * `trappa diff` does).
 *
 * @param cases - validated cases (see `parseStudentCase`); any iterable, consumed once
 * @param from - the current policy
 * @param to - the proposed policy
 * @param options - `asOf`, calendar, sample size
 * @returns counts per step (added / removed / changed / re-explained), students affected, and a sample with both decisions
 * @throws {RangeError} on a bad `asOf` or `sample`
 * @example
 * const stricter = loadPolicy({ ...stockholmJson, version: '2026.2' }, resolveBuiltinPolicy); // e.g. threshold 20 → 15
 * const diff = diffPolicies(cases, builtinPolicy('stockholm'), stricter, { asOf: '2026-11-23' });
 * diff.students; // { evaluated: 6, affected: 2, reexplainedOnly: 0, unchanged: 4 }
 * diff.steps.kartlaggning; // { added: 2, removed: 0, changed: 0, reexplained: 0, transitions: {} }
 */
export function diffPolicies(cases: Iterable<StudentCase>, from: Policy, to: Policy, options: DiffOptions): PolicyDiff {
  const context = diffContext(from, to, options);
  const tally = tallyFor(context);
  for (const input of cases) addCaseDiff(tally, diffCase(context, input));
  return finishDiff(tally);
}
