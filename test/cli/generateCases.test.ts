import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCases, GENERATE_CHUNK } from '../../src/cli/generateCases.js';
import { parseStudentCase } from '../../src/index.js';
import { arbitraryCase, DEFAULT_TEST_AS_OF } from '../../src/testing/arbitraries/index.js';

describe('generateCases (trappa diff --generate)', () => {
  it('is the kit’s own fc.sample for the seed, ids renumbered', () => {
    const cases = [...generateCases(20, 42, DEFAULT_TEST_AS_OF)];
    const sampled = fc.sample(arbitraryCase({ asOf: DEFAULT_TEST_AS_OF }), { seed: 42, numRuns: 20 });
    expect(cases.map((c) => c.student.id)).toEqual(Array.from({ length: 20 }, (_, i) => `gen-${i + 1}`));
    expect(cases.map(({ student: { id: _id, ...student }, ...rest }) => ({ ...rest, student }))).toEqual(
      sampled.map(({ student: { id: _id, ...student }, ...rest }) => ({ ...rest, student })),
    );
  });

  it('is deterministic, a smaller run is a prefix of a larger one across a chunk boundary, and every case is valid', () => {
    const n = GENERATE_CHUNK + 3;
    const a = [...generateCases(n, 7, DEFAULT_TEST_AS_OF)];
    const b = [...generateCases(n, 7, DEFAULT_TEST_AS_OF)];
    expect(a).toHaveLength(n);
    expect(b).toEqual(a);
    expect([...generateCases(5, 7, DEFAULT_TEST_AS_OF)]).toEqual(a.slice(0, 5));
    // The second chunk is drawn from another seed: not a repeat of the first.
    expect(a[GENERATE_CHUNK]?.attendance).not.toEqual(a[0]?.attendance);
    for (const input of a) expect(parseStudentCase(input).ok).toBe(true);
  });

  it('another seed draws other cases', () => {
    expect([...generateCases(10, 8, DEFAULT_TEST_AS_OF)]).not.toEqual([...generateCases(10, 7, DEFAULT_TEST_AS_OF)]);
  });
});
