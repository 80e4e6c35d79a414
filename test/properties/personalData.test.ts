import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS } from '../../src/index.js';
import { arbitraryDatedCase, arbitrarySignals, DEFAULT_TEST_AS_OF } from '../../src/testing/index.js';
import { decide } from '../helpers/cases.js';

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe.each(BUILTIN_POLICY_IDS)('a decision carries no personal data but the opaque id (%s)', (policyId) => {
  it('names the student by the opaque id only and never contains the birth date (studentCase.ts: "no personal data beyond what the rules need")', () => {
    fc.assert(
      fc.property(arbitraryDatedCase(), ({ asOf, input }) => {
        const d = decide(input, policyId, asOf);
        // The policy's own texts (a rule's `basis`) cite law dates such as "i lydelse från 2018-07-01",
        // which a drawn birth date may equal: they are the policy's words, not the student's data.
        const json = JSON.stringify(d, (key, value: unknown) => (key === 'basis' ? undefined : value));
        expect(d.studentId).toBe(input.student.id);
        expect(json).not.toContain(input.student.birthDate);
        expect(json).not.toContain(input.student.birthDate.replaceAll('-', ''));
        expect([...keysOf(d)]).not.toContain('birthDate');
      }),
      { numRuns: 100 },
    );
  });

  // DECIDED (was a design question): a caller may send a residence together with `protectedIdentity: true` (the schema
  // allows it). Routing then says `manual` (see protectedIdentity.test.ts), but the decision still carries
  // the residence municipality in `facts.residenceMunicipalityCode` and, when a rule tests it (e.g.
  // `sthlm-hemkommun-5-arbetsdagar`), in the evidence — i.e. the protected address leaks into every
  // stored or printed decision. Redact it (or reject a residence with protected identity); then drop `.fails`.
  it('does not carry the residence of a student with protected identity (protected identity: facts are redacted)', () => {
    fc.assert(
      fc.property(
        arbitraryDatedCase({ protectedIdentity: true, signals: arbitrarySignals({ asOf: DEFAULT_TEST_AS_OF }) }),
        ({ asOf, input }) => {
          const d = decide(input, policyId, asOf);
          expect(d.facts.residenceMunicipalityCode).toBeNull();
          for (const s of d.steps) for (const r of s.reasons) for (const e of r.evidence) expect(e.fact).not.toBe('residenceMunicipalityCode');
        },
      ),
      { numRuns: 100, endOnFailure: true },
    );
  });
});
