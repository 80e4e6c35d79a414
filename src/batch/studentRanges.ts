/** Student buckets as contiguous ranges of sorted ids. */
export interface StudentRanges {
  /** The bucket of each student number. */
  readonly bucketOfNumber: Int32Array;
  /** The smallest id of each bucket ('' for bucket 0): where an id not in the run would fall. */
  readonly firstIds: readonly string[];
}

/**
 * Student ids in UTF-16 order (as `<` compares): the order of buckets and of every output.
 *
 * @example ['b', 'a'].sort(compareIds) // ['a', 'b']
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Cut the students, sorted by id (UTF-16 order, as `<` compares), into
 * `buckets` contiguous ranges of (nearly) equal size. Each bucket then holds
 * a slice of the sorted order, so bucket outputs written one after another
 * are in student-id order.
 *
 * @param ids - student ids by student number (unique)
 * @param buckets - number of buckets
 * @returns the bucket of each number and the first id of each bucket
 * @example studentRanges(['c', 'a', 'b', 'd'], 2).bucketOfNumber // Int32Array [1, 0, 0, 1]
 */
export function studentRanges(ids: readonly string[], buckets: number): StudentRanges {
  const order = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a] as string, ids[b] as string));
  const bucketOfNumber = new Int32Array(ids.length);
  const firstIds: string[] = [''];
  order.forEach((number, rank) => {
    const b = Math.floor((rank * buckets) / Math.max(1, order.length));
    bucketOfNumber[number] = b;
    if (b > 0 && firstIds.length === b) firstIds.push(ids[number] as string);
  });
  // Empty trailing buckets (fewer students than buckets) start after every
  // opaque id ([A-Za-z0-9_.:-]), so no id is sent to them.
  while (firstIds.length < buckets) firstIds.push('\uffff');
  return { bucketOfNumber, firstIds };
}

/**
 * The bucket whose range an id falls in, for an id that is not a student of
 * the run (a student in the previous decisions only): the last bucket whose
 * first id is not after it.
 *
 * @param firstIds - from `studentRanges`
 * @param id - the id
 * @returns the bucket
 * @example bucketOfOtherId(['', 'm'], 'q') // 1
 */
export function bucketOfOtherId(firstIds: readonly string[], id: string): number {
  let lo = 0;
  let hi = firstIds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((firstIds[mid] as string) <= id) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
