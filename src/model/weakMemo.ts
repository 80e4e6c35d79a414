/**
 * Remember the results of a pure function of immutable objects (a policy, a
 * calendar, a compiled node), one per object: the `WeakMap` variant of
 * `boundedMemo`. An entry lives as long as its key, so memory needs no limit.
 *
 * @param fn - a pure function of an object that is never mutated
 * @returns the memoised function
 * @example const compiledFor = weakMemo(compilePolicy); compiledFor(policy) === compiledFor(policy) // true
 */
export function weakMemo<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(key);
      cache.set(key, value);
    }
    return value as V;
  };
}
