import type { Facts } from '../model/facts.js';
import { boundedMemo } from '../model/boundedMemo.js';
import { weakMemo } from '../model/weakMemo.js';
import { StepIdSchema, type StepId } from '../model/vocabulary.js';
import { explainCompiled, runCompiled, type CompiledPolicy } from '../policy/compile.js';
import { compiledFor } from '../policy/compiledFor.js';
import type { Policy, PolicyRule } from '../policy/policy.js';
import { inForce } from '../policy/rulesInForce.js';
import type { Evidence } from '../policy/evaluateConditions.js';

/** The evidence of a rule that did not fire, when no why-not evidence is asked for. */
const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);

/** One rule in force, run on the facts. */
export interface EvaluatedRule {
  readonly rule: PolicyRule;
  readonly fired: boolean;
  /** The decisive leaves (see `decisiveEvidence`). */
  readonly evidence: readonly Evidence[];
}

/** The rules of one step in force, run on the facts, in policy order. */
export interface EvaluatedStep {
  readonly step: StepId;
  readonly rules: readonly EvaluatedRule[];
}

/** For one date: each step with rules in force (in `StepIdSchema` order) and those rules' places in `compiled.rules`. */
type RulePlan = ReadonlyArray<{ readonly step: StepId; readonly rules: readonly number[] }>;

/** The rule plan of a compiled policy on a date: the same for every student of a night (a policy has some forty rules, a night one date). */
const planFor: (compiled: CompiledPolicy) => (asOf: string) => RulePlan = weakMemo((compiled: CompiledPolicy) =>
  boundedMemo((asOf: string): RulePlan => {
    const byStep = new Map<StepId, number[]>();
    compiled.rules.forEach((r, i) => {
      if (!inForce(r.rule, asOf)) return;
      const list = byStep.get(r.rule.step);
      if (list === undefined) byStep.set(r.rule.step, [i]);
      else list.push(i);
    });
    return StepIdSchema.options.flatMap((step) => {
      const rules = byStep.get(step);
      return rules === undefined ? [] : [{ step, rules }];
    });
  }, 64),
);

/**
 * Run every rule in force on `asOf` on the facts, with its decisive evidence,
 * grouped by the step it decides: what step building starts from. The policy
 * is compiled once per object (`compiledFor`), and which rules are in force,
 * by step, once per date; the compiled evaluator fires the same rules with the
 * same explanations as the interpreter and json-rules-engine
 * (test/policy/jreDifferential.test.ts, compiled.test.ts).
 *
 * @param policy - the policy
 * @param facts - the student's facts (with typology)
 * @param asOf - the evaluation date
 * @param whyNot - false: a rule that did not fire gets no evidence (`[]`), for a caller that
 *   writes no why-not evidence (see `evaluate`'s `whyNot`); default true
 * @returns each step with rules in force, in `StepIdSchema` order, with its rules in policy order
 * @example evaluateRules(builtinPolicy('stockholm'), facts, '2026-11-23').flatMap((s) => s.rules).filter((e) => e.fired).map((e) => e.rule.id) // e.g. ['sl-7-17-vardnadshavare-samma-dag']
 */
export function evaluateRules(policy: Policy, facts: Facts, asOf: string, whyNot = true): EvaluatedStep[] {
  const compiled = compiledFor(policy);
  const run = runCompiled(compiled, facts);
  const plan = planFor(compiled)(asOf);
  const out: EvaluatedStep[] = [];
  for (const { step, rules } of plan) {
    const evaluated: EvaluatedRule[] = [];
    for (const i of rules) {
      const r = compiled.rules[i] as CompiledPolicy['rules'][number];
      const fired = run.rules[i] === 1;
      evaluated.push({ rule: r.rule, fired, evidence: fired || whyNot ? explainCompiled(compiled, r, run) : NO_EVIDENCE });
    }
    out.push({ step, rules: evaluated });
  }
  return out;
}
