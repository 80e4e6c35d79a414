import type { Rate } from '../model/facts.js';

/**
 * True when part/whole is strictly below `percent`, in exact integers.
 *
 * @param rate - the share
 * @param percent - threshold, up to two decimals
 * @returns whether the rate is below the threshold (false when whole is 0)
 * @example rateBelow({ part: 89, whole: 100 }, 90) // true
 */
export function rateBelow(rate: Rate, percent: number): boolean {
  return rate.whole > 0 && rate.part * 10_000 < rate.whole * Math.round(percent * 100);
}

/**
 * Compare two rates exactly: positive when `a` exceeds `b` by more than
 * `marginPercent` percentage points, negative when it falls short by more,
 * zero otherwise.
 *
 * @param a - the newer rate
 * @param b - the older rate
 * @param marginPercent - percentage points that count as a change
 * @returns 1, -1 or 0
 * @example compareRates({ part: 30, whole: 100 }, { part: 10, whole: 100 }, 5) // 1
 */
export function compareRates(a: Rate, b: Rate, marginPercent: number): number {
  const diff = (a.part * b.whole - b.part * a.whole) * 10_000;
  const margin = Math.round(marginPercent * 100) * a.whole * b.whole;
  if (diff > margin) return 1;
  if (-diff > margin) return -1;
  return 0;
}
