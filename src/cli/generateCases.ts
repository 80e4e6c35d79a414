import fc from 'fast-check';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCaseInput } from '../model/studentCase.js';
import { arbitraryCase } from '../testing/arbitraries/index.js';

/**
 * Cases drawn per `fc.sample` call: bounds memory while streaming a large population.
 *
 * @example [...generateCases(GENERATE_CHUNK + 1, 1, '2026-11-23')].length // 1001, from two fc.sample calls
 */
export const GENERATE_CHUNK = 1000;

/** The seed of chunk `k`: the seed itself for the first chunk, a mix of both after it. */
function chunkSeed(seed: number, k: number): number {
  return k === 0 ? seed : (seed ^ Math.imul(k + 1, 0x9e3779b1)) | 0;
}

/**
 * Chunk `k` of a generated population of `n`: up to `GENERATE_CHUNK` cases
 * drawn with the chunk's own seed, ids `gen-<k × GENERATE_CHUNK + i + 1>`.
 * Chunks are independent, so any thread may draw any chunk and the
 * population is the same.
 *
 * @param k - the chunk number
 * @param n - the population size
 * @param seed - the run's seed
 * @param asOf - evaluation date
 * @param calendar - school calendar (default for `asOf`)
 * @returns the chunk's cases
 * @example generateChunk(0, 10, 1, '2026-11-23').length // 10
 */
export function generateChunk(k: number, n: number, seed: number, asOf: string, calendar?: SchoolCalendar): StudentCaseInput[] {
  const arbitrary = arbitraryCase(calendar === undefined ? { asOf } : { asOf, calendar });
  const first = k * GENERATE_CHUNK;
  const chunk = fc.sample(arbitrary, { seed: chunkSeed(seed, k), numRuns: Math.max(0, Math.min(GENERATE_CHUNK, n - first)) });
  return chunk.map((input, i) => ({ ...input, student: { ...input.student, id: `gen-${first + i + 1}` } }));
}

/**
 * A population of `n` generated cases, chunk by chunk (see `generateChunk`).
 *
 * @param n - how many
 * @param seed - the seed
 * @param asOf - evaluation date
 * @param calendar - school calendar
 * @returns the cases in order
 * @example [...generateCases(3, 1, '2026-11-23')].map((c) => c.student.id) // ['gen-1', 'gen-2', 'gen-3']
 */
export function* generateCases(n: number, seed: number, asOf: string, calendar?: SchoolCalendar): Generator<StudentCaseInput> {
  for (let k = 0; k * GENERATE_CHUNK < n; k += 1) yield* generateChunk(k, n, seed, asOf, calendar);
}
