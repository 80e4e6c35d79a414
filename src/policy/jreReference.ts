import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Facts } from '../model/facts.js';
import type { Policy, PolicyRule } from './policy.js';
import { rateAbove, rateAtLeast } from './operators.js';

/**
 * A path resolver that never reaches jsonpath-plus. Rule files cannot carry
 * `path` (the schema rejects it), so this is never called with a real path;
 * it exists so that json-rules-engine's default JSONPath resolver, which has
 * had remote-code-execution bypasses (rules-engines.md §1.6), is never used.
 */
export function plainKeyPathResolver(value: unknown, path: string): unknown {
  if (!/^\$?(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path)) throw new Error(`Refusing JSONPath "${path}"`);
  let current: unknown = value;
  for (const key of path.replace(/^\$/, '').split('.').slice(1)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Build a json-rules-engine Engine for a policy's rules: shared conditions,
 * Trappa's two exact-rate operators, strict undefined-fact handling and the
 * safe path resolver. One engine per policy; reuse it, run it sequentially.
 *
 * @param policy - the loaded policy
 * @param rules - the rules to add (e.g. those in force on a date)
 * @returns the engine
 * @example await createReferenceEngine(policy, rulesInForce(policy, '2026-11-23')).run(facts)
 */
export function createReferenceEngine(policy: Policy, rules: readonly PolicyRule[]): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    pathResolver: plainKeyPathResolver,
  });
  engine.addOperator('rateAbove', rateAbove);
  engine.addOperator('rateAtLeast', rateAtLeast);
  for (const [name, condition] of Object.entries(policy.conditions)) {
    engine.setCondition(name, condition as TopLevelCondition);
  }
  for (const rule of rules) {
    const properties: RuleProperties = {
      name: rule.id,
      priority: rule.priority,
      conditions: rule.conditions as TopLevelCondition,
      event: { type: rule.step, params: { ruleId: rule.id } },
    };
    engine.addRule(properties);
  }
  return engine;
}

/**
 * Run the reference engine and return the ids of the rules that fired, sorted.
 * This is the oracle the synchronous interpreter is tested against.
 *
 * @param engine - from `createReferenceEngine`
 * @param facts - flat facts
 * @returns fired rule ids, sorted
 * @example await firedRuleIds(engine, facts) // ['sl-7-19a-franvaroutredning', ...]
 */
export async function firedRuleIds(engine: Engine, facts: Facts): Promise<string[]> {
  const { events } = await engine.run({ ...facts });
  return events.map((e) => String((e.params as { ruleId: string }).ruleId)).sort();
}
