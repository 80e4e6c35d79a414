import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRates, rateBelow } from '../../src/metrics/rate.js';
import type { Rate } from '../../src/model/facts.js';

// Wholes up to a school year of minutes with room to spare (≈ 180 days × 600 min).
const MAX_WHOLE = 200_000;
const rateArb = fc
  .integer({ min: 1, max: MAX_WHOLE })
  .chain((whole) => fc.record({ part: fc.integer({ min: 0, max: whole }), whole: fc.constant(whole) }));
/** A percentage with up to two decimals, as hundredths of a percent. */
const hundredthsArb = fc.integer({ min: 0, max: 10_000 });

describe('rateBelow (reporting rate under the minimum, §7.2 exact integers)', () => {
  it.each([
    [{ part: 89, whole: 100 }, 90, true],
    [{ part: 90, whole: 100 }, 90, false], // exactly 90 % is not below 90 %
    [{ part: 899, whole: 1000 }, 90, true],
    [{ part: 9, whole: 10 }, 90, false],
    [{ part: 8, whole: 9 }, 90, true], // 88.9 %
    [{ part: 0, whole: 0 }, 90, false], // no lessons: nothing to warn about
    [{ part: 1, whole: 8 }, 12.5, false], // exactly 12.5 %
    [{ part: 1249, whole: 10_000 }, 12.5, true],
  ])('%o below %d % is %s', (rate, percent, expected) => {
    expect(rateBelow(rate, percent)).toBe(expected);
  });

  it('matches an exact BigInt reference for two-decimal thresholds (property)', () => {
    fc.assert(
      fc.property(rateArb, hundredthsArb, (r, h) => {
        // part/whole < h/10000  ⇔  part·10000 < whole·h
        expect(rateBelow(r, h / 100)).toBe(BigInt(r.part) * 10_000n < BigInt(r.whole) * BigInt(h));
      }),
      { numRuns: 500 },
    );
  });
});

describe('compareRates (trend margin in percentage points)', () => {
  const r = (part: number, whole: number): Rate => ({ part, whole });

  it('is 1 when the newer rate exceeds the older by more than the margin', () => {
    expect(compareRates(r(30, 100), r(10, 100), 5)).toBe(1);
    expect(compareRates(r(16, 100), r(10, 100), 5)).toBe(1);
  });

  it('is 0 when the change is exactly the margin', () => {
    expect(compareRates(r(15, 100), r(10, 100), 5)).toBe(0);
    expect(compareRates(r(5, 100), r(10, 100), 5)).toBe(0);
  });

  it('is exact where floating point is not: 56 % − 51 % is 5 points, not 5.000000000000004', () => {
    expect(compareRates(r(56, 100), r(51, 100), 5)).toBe(0);
    expect(compareRates(r(105, 1000), r(55, 1000), 5)).toBe(0);
    expect(compareRates(r(58, 100), r(53, 100), 5)).toBe(0);
  });

  it('is -1 when the newer rate falls short by more than the margin', () => {
    expect(compareRates(r(4, 100), r(10, 100), 5)).toBe(-1);
  });

  it('compares rates with different wholes exactly: 1/3 − 1/4 = 8.33… points', () => {
    expect(compareRates(r(1, 3), r(1, 4), 8.33)).toBe(1);
    expect(compareRates(r(1, 3), r(1, 4), 8.34)).toBe(0);
    expect(compareRates(r(1, 4), r(1, 3), 8.33)).toBe(-1);
  });

  it('treats equal shares with different wholes as no change, even with margin 0', () => {
    expect(compareRates(r(1, 2), r(2, 4), 0)).toBe(0);
    expect(compareRates(r(501, 1000), r(1, 2), 0)).toBe(1);
  });

  it('matches an exact BigInt reference and is antisymmetric (property)', () => {
    fc.assert(
      fc.property(rateArb, rateArb, hundredthsArb, (a, b, h) => {
        // a/aw − b/bw vs h/10000, multiplied through by 10000·aw·bw > 0
        const diff = (BigInt(a.part) * BigInt(b.whole) - BigInt(b.part) * BigInt(a.whole)) * 10_000n;
        const margin = BigInt(h) * BigInt(a.whole) * BigInt(b.whole);
        const expected = diff > margin ? 1 : -diff > margin ? -1 : 0;
        expect(compareRates(a, b, h / 100)).toBe(expected);
        expect(compareRates(b, a, h / 100)).toBe(-expected || 0);
      }),
      { numRuns: 500 },
    );
  });

  it('never reports a change within the margin: a rate compared with itself is 0 (property)', () => {
    fc.assert(
      fc.property(rateArb, hundredthsArb, (a, h) => {
        expect(compareRates(a, a, h / 100)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
