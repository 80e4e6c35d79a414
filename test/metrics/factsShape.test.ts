import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts, factOnDay, isHistoryFact } from '../../src/metrics/computeFacts.js';
import { FACT_CATALOG, signalFact, typologyFact } from '../../src/model/factCatalog.js';
import { ABSENCE_TYPES } from '../../src/model/typology.js';
import { SignalTypeSchema } from '../../src/model/vocabulary.js';
import { DEFAULT_PARAMETERS, builtinPolicy, defaultCalendarFor, evaluate, parseStudentCase } from '../../src/index.js';
import { arbitraryCase } from '../../src/testing/arbitraries/index.js';
import { studentCase } from '../helpers/studentCase.js';

// The facts are written out as one object literal (issue 15: one shape, no spread of loop-built
// objects). These tests hold what the literal must keep: every catalog fact, in one order for
// every student, each signal fact read from its own signal, each walk fact equal to its getter.
const AS_OF = '2026-11-23';
const CALENDAR = defaultCalendarFor(AS_OF);
const POLICY = builtinPolicy('stockholm');

function parsed(input: unknown) {
  const r = parseStudentCase(input);
  if (!r.ok) throw new Error('the arbitrary gave an invalid case');
  return r.case;
}

describe('the facts object: one shape', () => {
  it('has exactly the catalog facts, signals in vocabulary order, the typology last in type order, for every case', () => {
    let order: string[] | undefined;
    fc.assert(
      fc.property(arbitraryCase({ asOf: AS_OF }), (input) => {
        const keys = Object.keys(evaluate(parsed(input), POLICY, { asOf: AS_OF, calendar: CALENDAR }).facts);
        expect(new Set(keys)).toEqual(new Set(Object.keys(FACT_CATALOG)));
        expect(keys).toHaveLength(Object.keys(FACT_CATALOG).length);
        const signals = keys.filter((k) => k.startsWith('signal'));
        expect(signals).toEqual(SignalTypeSchema.options.map(signalFact));
        expect(keys.slice(-ABSENCE_TYPES.length)).toEqual(ABSENCE_TYPES.map(typologyFact));
        order ??= keys;
        expect(keys).toEqual(order);
      }),
      { numRuns: 40 },
    );
  });

  it('sets each signal fact from its own signal type, and only that one', () => {
    for (const type of SignalTypeSchema.options) {
      const input = studentCase({ signals: [{ type, date: '2026-11-20' }] });
      const { facts } = computeFacts(input, AS_OF, CALENDAR, DEFAULT_PARAMETERS);
      const on = SignalTypeSchema.options.filter((s) => (facts as unknown as Record<string, unknown>)[signalFact(s)] === true);
      expect(on).toEqual([type]);
    }
  });

  it('gives each walk fact the value its getter reads on asOf (the history and the facts cannot disagree)', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryCase({ asOf: AS_OF }), (input) => {
        const result = computeFacts(parsed(input), AS_OF, CALENDAR, DEFAULT_PARAMETERS);
        const history = result.history();
        if (history.length === 0) return;
        checked += 1;
        const last = history.at(history.length - 1);
        for (const fact of Object.keys(result.facts).filter(isHistoryFact)) {
          expect(factOnDay(fact, last), fact).toEqual((result.facts as unknown as Record<string, unknown>)[fact]);
        }
      }),
      { numRuns: 40 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});
