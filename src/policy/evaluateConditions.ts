import type { ListReference } from '../model/decision.js';
import type { Facts } from '../model/facts.js';
import type { ConditionNode, LeafCondition } from '../model/policyFile.js';
import { OPERATORS } from './operators.js';

/** The evaluated condition tree: every leaf with the value it saw and its outcome. */
export type Trace =
  | {
      readonly kind: 'leaf';
      readonly fact: string;
      readonly operator: string;
      readonly value: LeafCondition['value'];
      readonly actual: unknown;
      readonly result: boolean;
    }
  | { readonly kind: 'all' | 'any'; readonly result: boolean; readonly children: readonly Trace[] }
  | { readonly kind: 'not'; readonly result: boolean; readonly child: Trace }
  | { readonly kind: 'condition'; readonly name: string; readonly result: boolean; readonly child: Trace };

/**
 * Evaluate a condition tree against facts, synchronously and completely: no
 * short-circuit, so every leaf carries its outcome and explanations have no
 * gaps. The boolean result equals json-rules-engine's (proved by the
 * differential test against it).
 *
 * @param node - the condition tree
 * @param facts - flat facts
 * @param named - the policy's named conditions
 * @returns the trace; `trace.result` is the outcome
 * @example evaluateConditions({ all: [{ fact: 'grade', operator: 'greaterThan', value: 3 }] }, facts, {}).result
 */
export function evaluateConditions(
  node: ConditionNode,
  facts: Facts,
  named: Readonly<Record<string, ConditionNode>>,
): Trace {
  if ('all' in node) {
    const children = node.all.map((c) => evaluateConditions(c, facts, named));
    return { kind: 'all', result: children.every((c) => c.result), children };
  }
  if ('any' in node) {
    const children = node.any.map((c) => evaluateConditions(c, facts, named));
    return { kind: 'any', result: children.some((c) => c.result), children };
  }
  if ('not' in node) {
    const child = evaluateConditions(node.not, facts, named);
    return { kind: 'not', result: !child.result, child };
  }
  if ('condition' in node) {
    const target = named[node.condition];
    if (target === undefined) throw new Error(`Unknown condition "${node.condition}"`);
    const child = evaluateConditions(target, facts, named);
    return { kind: 'condition', name: node.condition, result: child.result, child };
  }
  const actual = (facts as unknown as Record<string, unknown>)[node.fact];
  const operator = OPERATORS[node.operator];
  if (operator === undefined) throw new Error(`Unknown operator "${node.operator}"`);
  return {
    kind: 'leaf',
    fact: node.fact,
    operator: node.operator,
    value: node.value,
    actual,
    result: operator(actual, node.value),
  };
}

/** One piece of evidence: a leaf that decided a rule's outcome. */
export interface Evidence {
  readonly fact: string;
  readonly operator: string;
  /** The leaf's constant, or where a long list is (`explainCompiled`; see `ListReference`). */
  readonly value: LeafCondition['value'] | ListReference;
  readonly actual: unknown;
  readonly result: boolean;
  /** Named conditions the leaf was reached through, outermost first. */
  readonly via: readonly string[];
}
