/**
 * A stable rank for choosing the sample of a diff: FNV-1a (32 bit) of the
 * student id. The sample is the students with the lowest ranks, so it does not
 * depend on the order of the input (a file sorted otherwise, or split into
 * parts, shows the same students) and is not simply the first ones in the file.
 *
 * @param studentId - the student's opaque id
 * @returns an unsigned 32-bit integer
 * @example sampleRank('elev-1') === sampleRank('elev-1') // true
 */
export function sampleRank(studentId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < studentId.length; i += 1) {
    hash ^= studentId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
