/**
 * Places in a policy's own JSON, found by walking it (not by the code under
 * test): where a leaf sits in a rule's tree, and the node at a policy-file
 * path as `verifyPolicy` and the compiler write them
 * (`rules[id@version].conditions.all[1]`, `conditions.<name>.any[0]`).
 */
import type { ConditionNode, LeafCondition } from '../../src/model/policyFile.js';
import type { Policy } from '../../src/policy/policy.js';

/** The places (policy-file paths) where a leaf equal to `target` sits in a rule's tree, named conditions followed. */
export function placesOf(policy: Policy, rootPath: string, root: ConditionNode, target: LeafCondition | null): string[] {
  const out: string[] = [];
  const walk = (node: ConditionNode, path: string): void => {
    if ('all' in node) node.all.forEach((c, i) => walk(c, `${path}.all[${i}]`));
    else if ('any' in node) node.any.forEach((c, i) => walk(c, `${path}.any[${i}]`));
    else if ('not' in node) walk(node.not, `${path}.not`);
    else if ('condition' in node) walk(policy.conditions[node.condition] as ConditionNode, `conditions.${node.condition}`);
    else if (target === null || (node.fact === target.fact && node.operator === target.operator && JSON.stringify(node.value) === JSON.stringify(target.value))) out.push(path);
  };
  walk(root, rootPath);
  return out;
}

/** The node at a policy-file path as `verifyPolicy` writes it. */
export function nodeAt(policy: Policy, path: string): unknown {
  const rule = /^rules\[([a-z0-9-]+)@(\d+)\]\.conditions(.*)$/.exec(path);
  const named = /^conditions\.([a-z][a-z0-9-]*)(.*)$/.exec(path);
  let node: unknown;
  let rest: string;
  if (rule !== null) {
    node = policy.rules.find((r) => r.id === rule[1] && r.version === Number(rule[2]))?.conditions;
    rest = rule[3] ?? '';
  } else if (named !== null) {
    node = policy.conditions[named[1] ?? ''];
    rest = named[2] ?? '';
  } else throw new Error(`not a policy path: ${path}`);
  for (const step of rest.matchAll(/\.(all|any|not)(?:\[(\d+)\])?/g)) {
    const child = (node as Record<string, unknown>)[step[1] ?? ''];
    node = step[2] === undefined ? child : (child as unknown[])[Number(step[2])];
  }
  return node;
}
