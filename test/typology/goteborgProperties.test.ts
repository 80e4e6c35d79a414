/**
 * Issue 3 properties for the Göteborg policy (domain §1.5, §4, §7.5), on the
 * generated cases of the property kit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryCase, arbitraryStudent, arbitrarySignals, DEFAULT_TEST_AS_OF } from '../../src/testing/arbitraries/index.js';
import type { SignalInput } from '../../src/testing/arbitraries/index.js';
import { decide } from '../helpers/cases.js';

const AS_OF = DEFAULT_TEST_AS_OF;

/** A student at a Göteborg school (kommunal or fristående), with the signals that can steer towards vite. */
const goteborgCase = arbitraryCase({
  asOf: AS_OF,
  student: arbitraryStudent({ asOf: AS_OF, minAge: 6, maxAge: 17 }).map((s) => ({
    ...s,
    school: { ...s.school, municipalityCode: '1480' },
  })),
  signals: fc
    .tuple(
      arbitrarySignals({ asOf: AS_OF }),
      fc.subarray<SignalInput['type']>(['guardian-keeps-home', 'caregiving-at-home', 'guardian-own-problems', 'anxiety-distress', 'guardians-trying']),
    )
    .map(([signals, extra]) => [...signals, ...extra.map((type) => ({ type, date: '2026-10-01' }))]),
}).map((c) => ({ ...c, measures: [...(c.measures ?? []), { step: 'rektor-utredning' as const, date: '2026-09-15', outcome: 'started' as const }] }));

describe('Göteborg: skolvägran never leads to vitesföreläggande (domain §1.5, §7.5)', () => {
  it('no vitesforelaggande-prova when the typology has any skolvägran hypothesis, nor when guardians try (property)', () => {
    fc.assert(
      fc.property(goteborgCase, (input) => {
        const d = decide(input, 'goteborg', AS_OF);
        const vite = d.steps.some((s) => s.id === 'vitesforelaggande-prova');
        if (d.typology.hypotheses.some((h) => h.type === 'skolvagran')) expect(vite).toBe(false);
        // A guardians-trying signal in force on the date (one that ended by its own `until` no longer says so; the policies give it no default end).
        if ((input.signals ?? []).some((s) => s.type === 'guardians-trying' && s.date <= AS_OF && (s.until === undefined || s.until >= AS_OF))) expect(vite).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

// "A municipal policy never removes a statutory step" (domain §0.1) is the kit's `lagkrav-kept` invariant,
// checked for stockholm and goteborg in test/properties/explanation.test.ts.
