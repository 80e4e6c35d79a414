/**
 * One value met by `walkJson`: the value, its key in its parent, its parent,
 * its depth (the root is 0) and the state its parent's visit passed down.
 */
export interface JsonNode<S> {
  readonly value: unknown;
  readonly key: string | number | undefined;
  readonly parent: JsonNode<S> | undefined;
  readonly depth: number;
  readonly state: S;
}

/**
 * Returned by a visit to end the walk at once.
 *
 * @example
 * const seen: unknown[] = [];
 * walkJson([1, 2, 3], null, (n) => { seen.push(n.value); return n.value === 2 ? STOP : null; });
 * seen // [[1, 2, 3], 1, 2]
 */
export const STOP: unique symbol = Symbol('stop');

/**
 * Visit every value of a parsed JSON document in document order, without
 * recursion: input nested 100 000 levels deep never exhausts the stack.
 * Objects are read by their own enumerable keys (`Object.keys`), so an own
 * `__proto__` key that `JSON.parse` created is visited like any other.
 *
 * @param root - the parsed document
 * @param state - the state of the root
 * @param visit - called once per value; returns the state for its children, `undefined` to skip them, or `STOP`
 * @example
 * const keys: string[] = [];
 * walkJson({ a: { b: 1 } }, null, (n) => { if (typeof n.key === 'string') keys.push(n.key); return null; });
 * keys // ['a', 'b']
 */
export function walkJson<S>(root: unknown, state: S, visit: (node: JsonNode<S>) => S | undefined | typeof STOP): void {
  const stack: Array<JsonNode<S>> = [{ value: root, key: undefined, parent: undefined, depth: 0, state }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const next = visit(node);
    if (next === STOP) return;
    if (next === undefined) continue;
    const { value } = node;
    const depth = node.depth + 1;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i] as unknown, key: i, parent: node, depth, state: next });
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[key], key, parent: node, depth, state: next });
      }
    }
  }
}

/**
 * The path from the root to a node, as keys and array indexes.
 *
 * @param node - a node met by `walkJson`
 * @returns e.g. `['rules', 3, 'conditions']`
 * @example let found: JsonNode<null> | undefined; walkJson({ a: [0, 1] }, null, (n) => { if (n.value === 1) found = n; return null; }); jsonPathOf(found!) // ['a', 1]
 */
export function jsonPathOf(node: JsonNode<unknown>): Array<string | number> {
  const path: Array<string | number> = [];
  for (let n: JsonNode<unknown> | undefined = node; n?.key !== undefined; n = n.parent) path.push(n.key);
  return path.reverse();
}
