/**
 * Remember the results of a pure function of a few distinct inputs (dates,
 * clock times: a school has some hundred of each), forgetting everything when
 * `limit` entries are reached so memory stays bounded on odd input.
 *
 * @param fn - a pure function
 * @param limit - entries kept at most
 * @returns the memoised function
 * @example const dayOf = boundedMemo(dayNumber); dayOf('2026-11-23') // 20415
 */
export function boundedMemo<K, V>(fn: (key: K) => V, limit = 8192): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value as V;
  };
}
