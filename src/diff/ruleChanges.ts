import { canonicalJson } from '../policy/canonicalJson.js';
import { rulesInForce } from '../policy/rulesInForce.js';
import type { ConditionNode } from '../model/policyFile.js';
import type { Policy, PolicyRule } from '../policy/policy.js';

/**
 * How the rules in force differ between two policies on one date, by rule id
 * (`id@version`). `changedWithoutNewVersion` lists rules whose content (or a
 * named condition they read) differs under the same id and version: a decision records `id@version` of every rule
 * in force, so such an edit makes two different rules indistinguishable in
 * the record. Bump the version (and set `effectiveFrom`/`effectiveTo`).
 * `basisChanged` lists rules whose only change is their `basis` (citation,
 * source, link): the rule decides the same, so no new version is needed; the
 * explanation in a decision changes, and the policy hash the decision records
 * tells the two files apart.
 */
export interface RuleChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Same id, other version (`id@old→new`). */
  readonly newVersion: readonly string[];
  readonly changedWithoutNewVersion: readonly string[];
  /** Same id and version, same conditions and everything else: only the basis differs. */
  readonly basisChanged: readonly string[];
}

function byId(rules: readonly PolicyRule[]): Map<string, PolicyRule> {
  return new Map(rules.map((r) => [r.id, r]));
}

/**
 * The named conditions a tree reads, followed transitively, each once.
 *
 * @param node - a condition tree
 * @param conditions - the named conditions in scope
 * @param into - accumulator
 * @returns the names read
 * @example conditionsRead({ condition: 'a' }, { a: { all: [{ condition: 'b' }] }, b: { all: [{ fact: 'grade', operator: 'equal', value: 3 }] } }, new Set()) // Set { 'a', 'b' }
 */
export function conditionsRead(node: ConditionNode, conditions: Readonly<Record<string, ConditionNode>>, into: Set<string>): Set<string> {
  if ('all' in node) for (const child of node.all) conditionsRead(child, conditions, into);
  else if ('any' in node) for (const child of node.any) conditionsRead(child, conditions, into);
  else if ('not' in node) conditionsRead(node.not, conditions, into);
  else if ('condition' in node && !into.has(node.condition)) {
    into.add(node.condition);
    const target = Object.hasOwn(conditions, node.condition) ? conditions[node.condition] : undefined;
    if (target !== undefined) conditionsRead(target, conditions, into);
  }
  return into;
}

/**
 * Compare the rules in force of two policies. A rule whose own JSON is the
 * same but which reads a named condition that changed has changed too (a
 * threshold usually lives in a named condition, e.g. Stockholm's
 * `allvarlig-franvaro`).
 *
 * @param from - the current policy
 * @param to - the new policy
 * @param asOf - the date whose rules in force are compared
 * @returns the differences, each list sorted
 * @example ruleChanges(builtinPolicy('stockholm'), stricter, '2026-11-23').changedWithoutNewVersion // ['sthlm-allvarlig-franvaro-eht@1', …]
 */
export function ruleChanges(fromPolicy: Policy, toPolicy: Policy, asOf: string): RuleChanges & { readonly conditionsChanged: readonly string[] } {
  const changedConditions = conditionsChanged(fromPolicy, toPolicy);
  const from = rulesInForce(fromPolicy, asOf);
  const to = rulesInForce(toPolicy, asOf);
  const before = byId(from);
  const after = byId(to);
  const added: string[] = [];
  const removed: string[] = [];
  const newVersion: string[] = [];
  const changedWithoutNewVersion: string[] = [];
  const basisChanged: string[] = [];
  for (const [id, rule] of after) {
    const old = before.get(id);
    if (old === undefined) added.push(`${id}@${rule.version}`);
    else if (old.version !== rule.version) newVersion.push(`${id}@${old.version}→${rule.version}`);
    else if (
      canonicalJson({ ...old, policyId: undefined, basis: undefined }) !== canonicalJson({ ...rule, policyId: undefined, basis: undefined }) ||
      [...conditionsRead(rule.conditions, toPolicy.conditions, new Set())].some((name) => changedConditions.includes(name))
    ) {
      changedWithoutNewVersion.push(`${id}@${rule.version}`);
    } else if (canonicalJson(old.basis) !== canonicalJson(rule.basis)) {
      basisChanged.push(`${id}@${rule.version}`);
    }
  }
  for (const [id, rule] of before) if (!after.has(id)) removed.push(`${id}@${rule.version}`);
  return {
    added: added.sort(),
    removed: removed.sort(),
    newVersion: newVersion.sort(),
    changedWithoutNewVersion: changedWithoutNewVersion.sort(),
    basisChanged: basisChanged.sort(),
    conditionsChanged: changedConditions,
  };
}

/**
 * The named conditions whose content differs between two policies (or that only one has).
 *
 * @param from - one policy
 * @param to - the other
 * @returns the names, sorted
 * @example conditionsChanged(builtinPolicy('stockholm'), stricter) // ['allvarlig-franvaro']
 */
export function conditionsChanged(from: Policy, to: Policy): readonly string[] {
  const names = [...new Set([...Object.keys(from.conditions), ...Object.keys(to.conditions)])].sort();
  return names.filter((n) => canonicalJson(from.conditions[n] ?? null) !== canonicalJson(to.conditions[n] ?? null));
}
