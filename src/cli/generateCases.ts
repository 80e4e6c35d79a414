import fc from 'fast-check';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCaseInput } from '../model/studentCase.js';
import { arbitraryCase } from '../testing/arbitraries.js';

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
 * `n` student cases drawn from the trappa/testing arbitraries (`arbitraryCase`)
 * for `asOf`, lazily, in chunks of `GENERATE_CHUNK`: the same `n`, `seed`,
 * `asOf` and calendar give the same cases, and a smaller `n` gives a prefix of
 * a larger one. The first chunk is exactly `fc.sample(arbitraryCase({ asOf }), { seed, numRuns })`.
 * Student ids are replaced by `gen-1`, `gen-2`, … (the kit draws ids from a
 * small range, so they repeat in a large population).
 *
 * @param n - how many cases
 * @param seed - a 32-bit integer
 * @param asOf - the evaluation date the cases are drawn for
 * @param calendar - the school calendar lessons fall on (default: `defaultCalendarFor(asOf)`)
 * @returns a generator of case inputs (not yet parsed)
 * @example [...generateCases(2, 1, '2026-11-23')].map((c) => c.student.id) // ['gen-1', 'gen-2']
 */
export function* generateCases(n: number, seed: number, asOf: string, calendar?: SchoolCalendar): Generator<StudentCaseInput> {
  const arbitrary = arbitraryCase(calendar === undefined ? { asOf } : { asOf, calendar });
  for (let k = 0, done = 0; done < n; k += 1) {
    const chunk = fc.sample(arbitrary, { seed: chunkSeed(seed, k), numRuns: Math.min(GENERATE_CHUNK, n - done) });
    for (const input of chunk) {
      done += 1;
      yield { ...input, student: { ...input.student, id: `gen-${done}` } };
    }
  }
}
