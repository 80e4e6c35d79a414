/**
 * The bucket of a student id: FNV-1a over the UTF-16 code units, so the
 * same id lands in the same bucket in every run, on every machine.
 *
 * @param id - the student id
 * @param buckets - the number of buckets
 * @returns 0 … buckets − 1
 * @example bucketOf('elev-0001', 1) // 0
 */
export function bucketOf(id: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}
