import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/metrics/ledger.js';
import { countOccasions, occasionsInDays, type LedgerLesson } from '../../src/metrics/occasions.js';
import { lesson, record } from '../helpers/studentCase.js';

const P: LedgerLesson = { absent: false, invalid: false }; // present
const V: LedgerLesson = { absent: true, invalid: false }; // valid absence
const I: LedgerLesson = { absent: true, invalid: true }; // invalid absence

describe('countOccasions (frånvarotillfällen: maximal runs of absent lessons)', () => {
  it('counts nothing for no lessons or no absence', () => {
    expect(countOccasions([], 'any')).toBe(0);
    expect(countOccasions([P, P, P], 'any')).toBe(0);
    expect(countOccasions([P, P, V], 'invalid')).toBe(0);
  });

  it('counts two absent lessons with a present lesson between them as two occasions', () => {
    expect(countOccasions([V, P, I], 'any')).toBe(2);
  });

  it('counts a run of consecutive absent lessons, valid or invalid, as one occasion', () => {
    expect(countOccasions([P, V, I, V, I, P], 'any')).toBe(1);
    expect(countOccasions([I, I, I], 'any')).toBe(1);
  });

  it('counts only invalid runs for "invalid": a valid absence ends an invalid run', () => {
    expect(countOccasions([I, I, P, I], 'invalid')).toBe(2);
    // One absence occasion, two invalid-absence occasions: the counts measure different things,
    // so "invalid occasions ≤ any occasions" does not hold in general.
    expect(countOccasions([I, V, I], 'any')).toBe(1);
    expect(countOccasions([I, V, I], 'invalid')).toBe(2);
  });

  it('joins runs across days: a week away is one occasion', () => {
    const week = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'].flatMap((d) => [
      record(lesson(d, '08:00', 60, { valid: 60 })),
      record(lesson(d, '10:00', 60, { valid: 60 })),
    ]);
    const ledger = buildLedger([record(lesson('2026-11-13', '14:00', 60)), ...week, record(lesson('2026-11-23', '08:00', 60))], '2026-11-23');
    expect(occasionsInDays(ledger.days, 0, 'any')).toBe(1);
  });

  it('joins the last lesson of one day with the first lesson of the next', () => {
    const ledger = buildLedger(
      [
        record(lesson('2026-11-19', '08:00', 60)),
        record(lesson('2026-11-19', '14:00', 60, { invalid: 60 })),
        record(lesson('2026-11-20', '08:00', 60, { invalid: 60 })),
        record(lesson('2026-11-20', '10:00', 60)),
        record(lesson('2026-11-20', '13:00', 60, { invalid: 60 })),
      ],
      '2026-11-23',
    );
    expect(occasionsInDays(ledger.days, 0, 'any')).toBe(2);
    expect(occasionsInDays(ledger.days, 0, 'invalid')).toBe(2);
  });
});

describe('countOccasions properties', () => {
  const lessonArb = fc.constantFrom(P, V, I);
  const lessonsArb = fc.array(lessonArb, { maxLength: 80 });

  /** Independent oracle: write the sequence as a string and count the non-empty pieces between misses. */
  const runs = (ls: readonly LedgerLesson[], hit: (l: LedgerLesson) => boolean): number =>
    ls
      .map((l) => (hit(l) ? 'x' : '.'))
      .join('')
      .split('.')
      .filter((s) => s.length > 0).length;

  it('equals the number of maximal runs', () => {
    fc.assert(
      fc.property(lessonsArb, (ls) => {
        expect(countOccasions(ls, 'any')).toBe(runs(ls, (l) => l.absent));
        expect(countOccasions(ls, 'invalid')).toBe(runs(ls, (l) => l.invalid));
      }),
      { numRuns: 300 },
    );
  });

  it('is between 0 and the number of absent lessons', () => {
    fc.assert(
      fc.property(lessonsArb, (ls) => {
        const any = countOccasions(ls, 'any');
        const invalid = countOccasions(ls, 'invalid');
        expect(any).toBeGreaterThanOrEqual(0);
        expect(any).toBeLessThanOrEqual(ls.filter((l) => l.absent).length);
        expect(invalid).toBeGreaterThanOrEqual(0);
        expect(invalid).toBeLessThanOrEqual(ls.filter((l) => l.invalid).length);
        expect(any === 0).toBe(ls.every((l) => !l.absent));
      }),
      { numRuns: 300 },
    );
  });

  it('has invalid occasions ≤ absence occasions when no lesson is valid-only absent (equal, in fact)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(P, I), { maxLength: 80 }), (ls) => {
        expect(countOccasions(ls, 'invalid')).toBe(countOccasions(ls, 'any'));
      }),
      { numRuns: 200 },
    );
  });

  it('has invalid occasions ≤ absence occasions + valid-only absent lessons (each can split one run)', () => {
    fc.assert(
      fc.property(lessonsArb, (ls) => {
        const validOnly = ls.filter((l) => l.absent && !l.invalid).length;
        expect(countOccasions(ls, 'invalid')).toBeLessThanOrEqual(countOccasions(ls, 'any') + validOnly);
      }),
      { numRuns: 200 },
    );
  });
});
