import type { ConditionNode } from '../model/policyFile.js';
import { POLICY_BUDGET } from '../model/policyBudget.js';
import { conditionRefs } from './conditionRefs.js';

/** How deep a tree is: its levels, and the named conditions on its deepest path, outermost first. */
export interface ConditionDepth {
  readonly depth: number;
  readonly via: readonly string[];
}

interface NamedDepth {
  readonly depth: number;
  /** The named condition the deepest path goes on to, if any. */
  readonly next: string | undefined;
}

/** Levels of a tree given the depths of the named conditions it refers to (a reference is one level). */
function treeDepth(node: ConditionNode, named: ReadonlyMap<string, NamedDepth>): NamedDepth {
  if ('all' in node || 'any' in node) {
    let deepest: NamedDepth = { depth: 0, next: undefined };
    for (const child of 'all' in node ? node.all : node.any) {
      const d = treeDepth(child, named);
      if (d.depth > deepest.depth) deepest = d;
    }
    return { depth: deepest.depth + 1, next: deepest.next };
  }
  if ('not' in node) {
    const d = treeDepth(node.not, named);
    return { depth: d.depth + 1, next: d.next };
  }
  if ('condition' in node) return { depth: (named.get(node.condition)?.depth ?? 0) + 1, next: node.condition };
  return { depth: 0, next: undefined };
}

/**
 * The depth of every named condition, counted through the conditions it
 * refers to: each `all`, `any`, `not` and each reference is one level. Named
 * conditions are taken in dependency order (each after those it reads), so
 * every tree is walked once — a DAG, not a tree — and a chain of a thousand
 * references never recurses a thousand deep. Conditions on a cycle or reading
 * an unknown name are left out (reported elsewhere).
 *
 * @param conditions - the named conditions in scope
 * @returns a function giving the depth of any tree over them
 * @example conditionDepths({ a: { all: [{ condition: 'b' }] }, b: { not: { fact: 'grade', operator: 'equal', value: 3 } } })({ condition: 'a' }) // { depth: 4, via: ['a', 'b'] }
 */
export function conditionDepths(conditions: Readonly<Record<string, ConditionNode>>): (node: ConditionNode) => ConditionDepth {
  const names = Object.keys(conditions);
  const waiting = new Map<string, number>();
  const readers = new Map<string, string[]>();
  const ready: string[] = [];
  for (const name of names) {
    const refs = new Set(conditionRefs(conditions[name] as ConditionNode, []));
    waiting.set(name, refs.size);
    for (const ref of refs) {
      const list = readers.get(ref);
      if (list === undefined) readers.set(ref, [name]);
      else list.push(name);
    }
    if (refs.size === 0) ready.push(name);
  }
  const named = new Map<string, NamedDepth>();
  for (let name = ready.pop(); name !== undefined; name = ready.pop()) {
    named.set(name, treeDepth(conditions[name] as ConditionNode, named));
    for (const reader of readers.get(name) ?? []) {
      const left = (waiting.get(reader) ?? 0) - 1;
      waiting.set(reader, left);
      if (left === 0) ready.push(reader);
    }
  }
  return (node) => {
    const { depth, next } = treeDepth(node, named);
    const via: string[] = [];
    for (let n = next; n !== undefined && via.length <= names.length; n = named.get(n)?.next) via.push(n);
    return { depth, via };
  };
}

/**
 * A chain of named conditions for a message, shortened in the middle.
 *
 * @param via - names, outermost first
 * @returns e.g. `c0 → c1 → c2 → … → c999`
 * @example describeChain(['a', 'b']) // 'a → b'
 */
export function describeChain(via: readonly string[]): string {
  const shown = via.length <= 5 ? via : [...via.slice(0, 3), '…', via[via.length - 1] as string];
  return shown.join(' → ');
}

/**
 * Whether a depth is over the budget (`POLICY_BUDGET.maxConditionDepth`).
 *
 * @param d - a depth from `conditionDepths`
 * @returns true when too deep
 * @example tooDeep({ depth: 65, via: [] }) // true
 */
export function tooDeep(d: ConditionDepth): boolean {
  return d.depth > POLICY_BUDGET.maxConditionDepth;
}
