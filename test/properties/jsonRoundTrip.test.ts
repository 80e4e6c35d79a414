import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, parseStudentCase } from '../../src/index.js';
import { arbitraryDatedCase } from '../../src/testing/index.js';
import { decide } from '../helpers/cases.js';

const viaJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('JSON input round-trips', () => {
  it('parses the JSON text of a case to the same case as the case itself', () => {
    fc.assert(
      fc.property(arbitraryDatedCase(), ({ input }) => {
        expect(parseStudentCase(viaJson(input))).toStrictEqual(parseStudentCase(input));
      }),
      { numRuns: 100 },
    );
  });

  it('parses a validated case, written as JSON, back to itself (defaults applied once are a fixed point)', () => {
    fc.assert(
      fc.property(arbitraryDatedCase(), ({ input }) => {
        const first = parseStudentCase(input);
        if (!first.ok) throw new Error(`generated case rejected: ${JSON.stringify(first.issues)}`);
        expect(first.rejectedRecords).toEqual([]);
        const again = parseStudentCase(viaJson(first.case));
        expect(again).toStrictEqual({ ok: true, case: first.case, rejectedRecords: [], duplicates: [], conflicts: [] });
      }),
      { numRuns: 100 },
    );
  });
});

describe.each(BUILTIN_POLICY_IDS)('JSON output round-trips (%s)', (policyId) => {
  it('serialises a decision losslessly: no undefined, Date, NaN or class instance inside (decision.ts: "plain, readonly, JSON-serialisable data")', () => {
    fc.assert(
      fc.property(arbitraryDatedCase(), ({ asOf, input }) => {
        const d = decide(input, policyId, asOf);
        expect(viaJson(d)).toStrictEqual(d);
      }),
      { numRuns: 100 },
    );
  });
});
