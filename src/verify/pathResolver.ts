/**
 * A path resolver that never reaches jsonpath-plus. Rule files cannot carry
 * `path` (the schema rejects it), so this is never called with a real path;
 * it exists so that json-rules-engine's default JSONPath resolver, which has
 * had remote-code-execution bypasses (rules-engines.md §1.6), is never used.
 * A plain dotted path of own keys is resolved; anything else is refused.
 *
 * @param value - the fact's value
 * @param path - the leaf's `path`
 * @returns the value at the path, or undefined when a key is missing
 * @throws {Error} for anything but `$.key.key…` (filters, wildcards, recursion, brackets)
 * @example plainKeyPathResolver({ part: 7, whole: 9 }, '$.part') // 7
 * @example plainKeyPathResolver({ part: 7 }, '$..[?(@.part)]') // throws: Refusing JSONPath "$..[?(@.part)]"
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
