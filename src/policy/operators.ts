import type { Rate } from '../model/facts.js';

type Operator = (actual: unknown, expected: unknown) => boolean;

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && !Number.isNaN(x);
}

function isRate(x: unknown): x is Rate {
  return typeof x === 'object' && x !== null && isNumber((x as Rate).part) && isNumber((x as Rate).whole);
}

/** Percentage threshold in hundredths of a percent, as an integer: 20 → 2000, 12.5 → 1250. */
function basisPoints(percent: unknown): number {
  return isNumber(percent) ? Math.round(percent * 100) : Number.NaN;
}

/**
 * `rate rateAbove p`: part/whole is strictly over p percent, compared in exact
 * integers (`part * 10000 > whole * p * 100`). A rate over zero minutes is
 * never above anything: no data is not an alarm.
 */
export function rateAbove(actual: unknown, percent: unknown): boolean {
  if (!isRate(actual) || actual.whole <= 0) return false;
  return actual.part * 10_000 > actual.whole * basisPoints(percent);
}

/** `rate rateAtLeast p`: part/whole is p percent or more, in exact integers. */
export function rateAtLeast(actual: unknown, percent: unknown): boolean {
  if (!isRate(actual) || actual.whole <= 0) return false;
  return actual.part * 10_000 >= actual.whole * basisPoints(percent);
}

/**
 * The operators, with json-rules-engine 7.3 semantics for the built-in ones
 * (`in` is `indexOf`, numeric operators are false for non-numbers) and the two
 * exact-rate operators Trappa adds.
 */
export const OPERATORS: Readonly<Record<string, Operator>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => Array.isArray(b) && b.indexOf(a) > -1,
  notIn: (a, b) => Array.isArray(b) && b.indexOf(a) === -1,
  lessThan: (a, b) => isNumber(a) && a < (b as number),
  lessThanInclusive: (a, b) => isNumber(a) && a <= (b as number),
  greaterThan: (a, b) => isNumber(a) && a > (b as number),
  greaterThanInclusive: (a, b) => isNumber(a) && a >= (b as number),
  rateAbove,
  rateAtLeast,
};
