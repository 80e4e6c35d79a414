import type { Facts } from '../model/facts.js';
import { explainCompiled, runCompiled } from '../policy/compile.js';
import { compiledFor } from '../policy/compiledFor.js';
import type { Policy } from '../policy/policy.js';
import { inForce } from '../policy/rulesInForce.js';
import type { EvaluatedRule } from './buildSteps.js';
import type { Evidence } from '../policy/evaluateConditions.js';

/** The evidence of a rule that did not fire, when no why-not evidence is asked for. */
const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);

/**
 * Run every rule in force on `asOf` on the facts, with its decisive evidence:
 * what step building starts from. The policy is compiled once per object
 * (`compiledFor`); the compiled closures fire the same rules with the same
 * explanations as the interpreter and json-rules-engine
 * (test/policy/jreDifferential.test.ts, compiled.test.ts).
 *
 * @param policy - the policy
 * @param facts - the student's facts (with typology)
 * @param asOf - the evaluation date
 * @param whyNot - false: a rule that did not fire gets no evidence (`[]`), for a caller that
 *   writes no why-not evidence (see `evaluate`'s `whyNot`); default true
 * @returns one entry per rule in force, in policy order
 * @example evaluateRules(builtinPolicy('stockholm'), facts, '2026-11-23').filter((e) => e.fired).map((e) => e.rule.id) // e.g. ['sl-7-17-vardnadshavare-samma-dag']
 */
export function evaluateRules(policy: Policy, facts: Facts, asOf: string, whyNot = true): EvaluatedRule[] {
  const compiled = compiledFor(policy);
  const run = runCompiled(compiled, facts);
  const evaluated: EvaluatedRule[] = [];
  compiled.rules.forEach((r, i) => {
    if (!inForce(r.rule, asOf)) return;
    const fired = run.rules[i] === 1;
    evaluated.push({ rule: r.rule, fired, evidence: fired || whyNot ? explainCompiled(compiled, r, run) : NO_EVIDENCE });
  });
  return evaluated;
}
