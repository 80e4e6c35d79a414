import type { ConditionNode } from '../model/policyFile.js';
import { conditionRefs } from './conditionRefs.js';

/** The distinct named conditions each named condition refers to, in tree order (names that exist only). */
function referenceGraph(conditions: Readonly<Record<string, ConditionNode>>): Map<string, readonly string[]> {
  const graph = new Map<string, readonly string[]>();
  for (const name of Object.keys(conditions)) {
    graph.set(name, [...new Set(conditionRefs(conditions[name] as ConditionNode, []))].filter((ref) => Object.hasOwn(conditions, ref)));
  }
  return graph;
}

/** Strongly connected components (Tarjan, without recursion): the component number of each name. */
function components(graph: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let components = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ name: string; next: number }> = [{ name: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { name: string; next: number };
      const refs = graph.get(frame.name) ?? [];
      if (frame.next < refs.length) {
        const ref = refs[frame.next] as string;
        frame.next += 1;
        if (!index.has(ref)) {
          index.set(ref, counter);
          low.set(ref, counter);
          counter += 1;
          stack.push(ref);
          onStack.add(ref);
          work.push({ name: ref, next: 0 });
        } else if (onStack.has(ref)) {
          low.set(frame.name, Math.min(low.get(frame.name) as number, index.get(ref) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.name, Math.min(low.get(parent.name) as number, low.get(frame.name) as number));
      if (low.get(frame.name) === index.get(frame.name)) {
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack.delete(member);
          component.set(member, components);
          if (member === frame.name) break;
        }
        components += 1;
      }
    }
  }
  return component;
}

/**
 * For every named condition that refers to itself, directly or through
 * others, one such cycle: the path of references from it back to itself (the
 * first in tree order). Linear in the number of conditions and references
 * for a policy without cycles (components first, then a search only inside a
 * cycle's component), so a chain of a thousand names costs a thousand steps.
 *
 * @param conditions - the named conditions in scope
 * @returns the cycle of each name on one, by name
 * @example conditionCycles({ a: { all: [{ condition: 'b' }] }, b: { not: { condition: 'a' } } }).get('a') // ['a', 'b', 'a']
 */
export function conditionCycles(conditions: Readonly<Record<string, ConditionNode>>): ReadonlyMap<string, readonly string[]> {
  const graph = referenceGraph(conditions);
  const component = components(graph);
  const size = new Map<number, number>();
  for (const c of component.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const cycles = new Map<string, readonly string[]>();
  for (const [start, refs] of graph) {
    const own = component.get(start);
    if (size.get(own as number) === 1 && !refs.includes(start)) continue;
    // Depth-first inside the component, one shared path: the first cycle in tree order.
    const path: string[] = [start];
    const onPath = new Set<string>(path);
    const done = new Set<string>();
    const stack: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { name: string; next: number };
      const next = (graph.get(frame.name) ?? [])[frame.next];
      frame.next += 1;
      if (next === undefined) {
        done.add(frame.name);
        stack.pop();
        path.pop();
        onPath.delete(frame.name);
        continue;
      }
      if (next === start) {
        cycles.set(start, [...path, start]);
        break;
      }
      if (component.get(next) !== own || onPath.has(next) || done.has(next)) continue;
      path.push(next);
      onPath.add(next);
      stack.push({ name: next, next: 0 });
    }
  }
  return cycles;
}
