import type { Facts } from '../model/facts.js';
import { runCompiled, type CompiledPolicy } from '../policy/compile.js';
import type { PolicyRule } from '../policy/policy.js';
import type { ConditionNode } from '../model/policyFile.js';
import { conditionsRead } from './ruleChanges.js';

/**
 * A compiled policy with, per rule, what of it can reach a recommended step
 * on `asOf`: `[step, id, version, kind, deadline, conditions]` as a string
 * (with the named conditions it reads), or null when the rule is not in force. The
 * conditions are part of it because a step's dates come from them: the same
 * rule firing with another threshold may date its duty differently, and a
 * recorded measure may then close it or not.
 */
export interface RuleKeys {
  readonly compiled: CompiledPolicy;
  readonly keys: readonly (string | null)[];
}

/**
 * The keys of a compiled policy's rules on a date.
 *
 * @param compiled - the compiled policy `evaluate` uses (`compiledFor`)
 * @param inForce - whether a rule is in force on the diff's date
 * @returns the compiled policy with one key (or null) per rule
 * @param conditions - the policy's named conditions
 * @example ruleKeys(compiledFor(policy), (r) => inForce(r, '2026-11-23'), policy.conditions)
 */
export function ruleKeys(
  compiled: CompiledPolicy,
  inForce: (rule: PolicyRule) => boolean,
  conditions: Readonly<Record<string, ConditionNode>> = {},
): RuleKeys {
  return {
    compiled,
    keys: compiled.rules.map(({ rule }) =>
      inForce(rule) ? JSON.stringify([rule.step, rule.id, rule.version, rule.kind, rule.deadline ?? null, writtenOut(rule.conditions, conditions)]) : null,
    ),
  };
}

/**
 * A condition tree with every named condition it reads, each once and by
 * name (sorted): equal for two rules exactly when their trees and the named
 * conditions they read are equal, and as long as the file, not as the
 * expanded tree (a named condition referred to twice on each of 24 levels is
 * written once, not 2^23 times).
 */
function writtenOut(node: ConditionNode, named: Readonly<Record<string, ConditionNode>>): unknown {
  const read = [...conditionsRead(node, named, new Set())].sort();
  return [node, read.map((name) => [name, Object.hasOwn(named, name) ? named[name] : null])];
}

function fired(side: RuleKeys, facts: Facts): string[] {
  const run = runCompiled(side.compiled, facts);
  const out: string[] = [];
  side.keys.forEach((key, i) => {
    if (key !== null && run.rules[i] === 1) out.push(key);
  });
  return out.sort();
}

/**
 * Whether two policies fire the same rules (same step, id, version, kind,
 * deadline and conditions) on the same facts. When they do and their parameters are equal,
 * `evaluate` builds the same steps under both — the steps are a function of
 * the fired rules, the case, the parameters and the date — so a diff can skip
 * building the two decisions. Only evidence values may differ, which a diff
 * does not compare. (A property test holds this shortcut equal to building
 * both decisions.)
 *
 * @param a - rule keys of one policy
 * @param b - rule keys of the other
 * @param facts - facts measured once, with the parameters both policies share
 * @returns true when the fired rules are the same
 * @example sameFiredRules(ruleKeys(compiledFor(p), isInForce), ruleKeys(compiledFor(p), isInForce), facts) // true
 */
export function sameFiredRules(a: RuleKeys, b: RuleKeys, facts: Facts): boolean {
  const x = fired(a, facts);
  const y = fired(b, facts);
  return x.length === y.length && x.every((key, i) => key === y[i]);
}
