import type { Engine, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { Policy, PolicyRule } from '../policy/policy.js';
import { rateAbove, rateAtLeast } from '../policy/operators.js';
import { plainKeyPathResolver } from './pathResolver.js';

/** json-rules-engine's `Engine` class: what `loadJsonRulesEngine` returns. */
export type EngineClass = typeof Engine;

/** The versions of json-rules-engine `trappa verify` is tested with (the optional peer dependency's range). */
export const JSON_RULES_ENGINE_RANGE = '^7.3.1';

/** Thrown when json-rules-engine, an optional peer dependency, is not installed. */
export class ReferenceEngineMissingError extends Error {
  constructor() {
    super(`trappa verify needs json-rules-engine, an optional peer dependency of trappa: npm install json-rules-engine@${JSON_RULES_ENGINE_RANGE}`);
    this.name = 'ReferenceEngineMissingError';
  }
}

/**
 * Load json-rules-engine lazily: only `verifyPolicy` (`trappa verify`) pays for
 * it, and a package that never verifies need not install it (nor jsonpath-plus).
 *
 * @param importModule - how to import it (a test passes one that fails)
 * @returns the `Engine` class
 * @throws {ReferenceEngineMissingError} when the package is not installed
 * @example const Engine = await loadJsonRulesEngine() // the Engine class of json-rules-engine 7
 */
export async function loadJsonRulesEngine(importModule: () => Promise<unknown> = () => import('json-rules-engine')): Promise<EngineClass> {
  let loaded: unknown;
  try {
    loaded = await importModule();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // ESM says ERR_MODULE_NOT_FOUND, the CommonJS build MODULE_NOT_FOUND.
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((error as Error).message).includes('json-rules-engine')) {
      throw new ReferenceEngineMissingError();
    }
    throw error;
  }
  const module = loaded as { Engine?: EngineClass; default?: { Engine?: EngineClass } };
  const engine = module.Engine ?? module.default?.Engine;
  if (typeof engine !== 'function') throw new ReferenceEngineMissingError();
  return engine;
}

/**
 * The name a rule has in the reference engine (and its results): `id@version`.
 *
 * @param rule - a policy rule
 * @returns `id@version`
 * @example referenceRuleName({ id: 'sl-7-17-vardnadshavare-samma-dag', version: 3 }) // 'sl-7-17-vardnadshavare-samma-dag@3'
 */
export function referenceRuleName(rule: Pick<PolicyRule, 'id' | 'version'>): string {
  return `${rule.id}@${rule.version}`;
}

/**
 * Build a json-rules-engine Engine for a policy's rules: shared conditions,
 * Trappa's two exact-rate operators (the same functions the compiled
 * evaluator calls), strict undefined-fact handling and the safe path resolver.
 * The built-in operators are json-rules-engine's own: it is the reference.
 * One engine per policy and date; run it sequentially.
 *
 * @param EngineClass - from `loadJsonRulesEngine`
 * @param policy - the loaded policy
 * @param rules - the rules to add (e.g. those in force on a date)
 * @returns the engine; each rule is named `id@version` and its event carries `params.ruleId`
 * @example
 * const engine = createReferenceEngine(await loadJsonRulesEngine(), skollagen, rulesInForce(skollagen, '2026-11-23'));
 * (await engine.run({ ...facts })).events.map((e) => e.params?.ruleId); // e.g. ['sl-7-17-vardnadshavare-samma-dag'] for fixtures/cases/exactly-20-percent.json
 */
export function createReferenceEngine(EngineClass: EngineClass, policy: Policy, rules: readonly PolicyRule[]): Engine {
  const engine = new EngineClass([], {
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
      name: referenceRuleName(rule),
      priority: rule.priority,
      conditions: rule.conditions as TopLevelCondition,
      event: { type: rule.step, params: { ruleId: rule.id } },
    };
    engine.addRule(properties);
  }
  return engine;
}
