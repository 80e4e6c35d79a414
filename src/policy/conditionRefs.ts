import type { ConditionNode } from '../model/policyFile.js';

/**
 * Named conditions a condition tree refers to, in tree order.
 *
 * @param node - a condition tree
 * @param out - accumulator
 * @returns the referenced names (with repeats)
 * @example conditionRefs({ all: [{ condition: 'a' }, { not: { condition: 'b' } }] }, []) // ['a', 'b']
 */
export function conditionRefs(node: ConditionNode, out: string[]): string[] {
  if ('condition' in node) out.push(node.condition);
  else if ('all' in node) for (const child of node.all) conditionRefs(child, out);
  else if ('any' in node) for (const child of node.any) conditionRefs(child, out);
  else if ('not' in node) conditionRefs(node.not, out);
  return out;
}
