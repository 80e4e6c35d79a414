/**
 * json-rules-engine as the tests' oracle: the engine `trappa verify` builds
 * (src/verify/referenceEngine.ts: the safe path resolver, Trappa's two rate
 * operators, the policy's named conditions), created synchronously from a
 * static import, and the ids of the rules it fires.
 */
import { Engine } from 'json-rules-engine';
import type { Facts } from '../../src/model/facts.js';
import type { Policy, PolicyRule } from '../../src/policy/policy.js';
import { createReferenceEngine as createEngine } from '../../src/verify/referenceEngine.js';

/**
 * The reference engine for a policy's rules.
 *
 * @example await firedRuleIds(createReferenceEngine(policy, rulesInForce(policy, '2026-11-23')), facts)
 */
export function createReferenceEngine(policy: Policy, rules: readonly PolicyRule[]): Engine {
  return createEngine(Engine, policy, rules);
}

/**
 * Run the reference engine and return the ids of the rules that fired, sorted.
 *
 * @example await firedRuleIds(engine, facts) // ['sl-7-19a-franvaroutredning', ...]
 */
export async function firedRuleIds(engine: Engine, facts: Facts): Promise<string[]> {
  const { events } = await engine.run({ ...facts });
  return events.map((e) => String((e.params as { ruleId: string }).ruleId)).sort();
}
