/**
 * The value at a path of parsed JSON (own keys only), or undefined when there is none: for a
 * message about a policy file's content, e.g. what a field holds that the schema refused.
 *
 * @param json - parsed JSON
 * @param path - keys and indices, as zod reports them
 * @returns the value, or undefined
 * @example valueAt({ rules: [{ id: 'r1' }] }, ['rules', 0, 'id']) // 'r1'
 */
export function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
