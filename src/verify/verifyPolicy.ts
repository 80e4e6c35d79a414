import { defaultCalendarFor } from '../calendar/defaultCalendar.js';
import { compiledFor, inForce, measureCase, rulesInForce } from '../evaluate.js';
import type { Facts } from '../model/facts.js';
import { isValidIsoDate } from '../model/isoDate.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCase } from '../model/studentCase.js';
import { runCompiled } from '../policy/compile.js';
import type { Policy } from '../policy/policy.js';
import { compareRule, type ReferenceNode } from './compareRule.js';
import { createReferenceEngine, loadJsonRulesEngine, referenceRuleName } from './referenceEngine.js';
import type { VerifyMismatch, VerifyReport } from './verifyReport.js';

/** Options for `verifyPolicy`: the same context `evaluate` takes. */
export interface VerifyOptions {
  /** The evaluation date, `YYYY-MM-DD`: the rules in force on it are compared. */
  readonly asOf: string;
  /** The school calendar; defaults to `defaultCalendarFor(asOf)`, as in `evaluate`. */
  readonly calendar?: SchoolCalendar;
}

/** One student's facts checked by both engines. */
export interface StudentVerification {
  readonly mismatches: readonly VerifyMismatch[];
  readonly leaves: number;
  readonly rulesFiredDifferently: number;
}

/** Both engines set up once for a policy and a date; `verifyFacts` runs them on one student's facts. */
export interface Verifier {
  /** How many rules are in force on `asOf` (each is compared for every student). */
  readonly rules: number;
  readonly verifyFacts: (studentId: string, facts: Facts) => Promise<StudentVerification>;
}

/**
 * Set up the compiled evaluator (the one `evaluate` uses, compiled once per
 * policy) and json-rules-engine (loaded lazily, with the safe path resolver
 * and the same custom operators) for the rules in force on `asOf`.
 *
 * @param policy - a loaded policy
 * @param asOf - the evaluation date (already validated)
 * @returns the verifier
 * @throws {ReferenceEngineMissingError} when json-rules-engine is not installed
 * @example (await createVerifier(builtinPolicy('stockholm'), '2026-11-23')).rules // 29
 */
export async function createVerifier(policy: Policy, asOf: string): Promise<Verifier> {
  const Engine = await loadJsonRulesEngine();
  const engine = createReferenceEngine(Engine, policy, rulesInForce(policy, asOf));
  const compiled = compiledFor(policy);
  const compared = compiled.rules.map((rule, index) => ({ rule, index, name: referenceRuleName(rule.rule) })).filter((r) => inForce(r.rule.rule, asOf));
  return {
    rules: compared.length,
    verifyFacts: async (studentId, facts) => {
      const run = runCompiled(compiled, facts);
      // A copy: the engine's almanac must not hold on to (or touch) the caller's object.
      const result = await engine.run({ ...facts });
      const byName = new Map([...result.results, ...result.failureResults].map((r) => [r.name, r]));
      const mismatches: VerifyMismatch[] = [];
      let leaves = 0;
      let rulesFiredDifferently = 0;
      for (const { rule, index, name } of compared) {
        const reference = byName.get(name);
        if (reference === undefined || typeof reference.result !== 'boolean') throw new Error(`json-rules-engine returned no outcome for rule ${name}`);
        const fired = { compiled: run.rules[index] === 1, reference: reference.result };
        if (fired.compiled !== fired.reference) rulesFiredDifferently += 1;
        const comparison = compareRule(compiled, rule, run, fired.compiled, facts, {
          result: reference.result,
          conditions: reference.conditions as unknown as ReferenceNode,
        });
        leaves += comparison.leaves;
        for (const m of comparison.mismatches) mismatches.push({ studentId, rule: { id: rule.rule.id, version: rule.rule.version }, ...m, fired });
      }
      return { mismatches, leaves, rulesFiredDifferently };
    },
  };
}

/**
 * Check the fast engine against the reference engine on a population: each
 * case's facts are measured as `evaluate` measures them (`measureCase`), then
 * decided by the compiled evaluator `evaluate` uses and by json-rules-engine
 * on the same facts. Every leaf and every rule outcome of every rule in force
 * is compared; each disagreement is reported with the student, the rule and
 * the leaf where it starts. json-rules-engine (an optional peer dependency)
 * is loaded on the first call; it always runs with a path resolver that never
 * reaches jsonpath-plus, and never evaluates strings.
 *
 * @param cases - validated cases (see `parseStudentCase`), any iterable or async iterable
 * @param policy - a loaded policy (bundled or your own, see `loadPolicy`)
 * @param options - `asOf` and optionally the calendar
 * @returns counts and every mismatch
 * @throws {RangeError} when `asOf` is not a valid date
 * @throws {ReferenceEngineMissingError} when json-rules-engine is not installed
 * @example
 * const report = await verifyPolicy(cases, builtinPolicy('stockholm'), { asOf: '2026-11-23' });
 * report.mismatches; // [] — the compiled rules and json-rules-engine agree on every leaf
 */
export async function verifyPolicy(cases: Iterable<StudentCase> | AsyncIterable<StudentCase>, policy: Policy, options: VerifyOptions): Promise<VerifyReport> {
  const { asOf } = options;
  if (!isValidIsoDate(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, got "${asOf}"`);
  const calendar = options.calendar ?? defaultCalendarFor(asOf);
  const verifier = await createVerifier(policy, asOf);
  const mismatches: VerifyMismatch[] = [];
  let students = 0;
  let leaves = 0;
  let studentsWithMismatches = 0;
  let rulesFiredDifferently = 0;
  for await (const input of cases) {
    const { facts } = measureCase(input, asOf, calendar, policy.parameters);
    const verified = await verifier.verifyFacts(input.student.id, facts);
    students += 1;
    leaves += verified.leaves;
    rulesFiredDifferently += verified.rulesFiredDifferently;
    if (verified.mismatches.length > 0) studentsWithMismatches += 1;
    mismatches.push(...verified.mismatches);
  }
  return {
    policy: { id: policy.id, version: policy.version, hash: policy.hash },
    asOf,
    students,
    rules: verifier.rules,
    leaves,
    studentsWithMismatches,
    rulesFiredDifferently,
    mismatches,
  };
}
