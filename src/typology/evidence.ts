import type { Rate } from '../model/facts.js';
import type { EvidenceDirection, PatternId, TypologyEvidence } from '../model/typology.js';
import type { SignalType } from '../model/vocabulary.js';

/**
 * Evidence from a measured pattern.
 *
 * @param id - the pattern
 * @param value - its value (a count or an exact share)
 * @param direction - for or against the type
 * @param weight - 2 for a criterion the source names, 1 for an associated feature
 * @returns the evidence item
 * @example patternEvidence('scattered-invalid-lessons', 5, 'supports', 2)
 */
export function patternEvidence(id: PatternId, value: number | Rate, direction: EvidenceDirection, weight: 1 | 2): TypologyEvidence {
  return { source: 'pattern', id, value, direction, weight };
}

/**
 * Evidence from a signal staff recorded.
 *
 * @param id - the signal
 * @param direction - for or against the type
 * @param weight - 2 for a criterion the source names, 1 for an associated feature
 * @returns the evidence item
 * @example signalEvidence('guardians-unaware', 'supports', 2)
 */
export function signalEvidence(id: SignalType, direction: EvidenceDirection, weight: 1 | 2): TypologyEvidence {
  return { source: 'signal', id, value: true, direction, weight };
}

/**
 * Net score of a hypothesis's evidence: supporting weights minus contradicting weights.
 *
 * @param evidence - the evidence list
 * @returns the net score
 * @example netScore([signalEvidence('anxiety-distress', 'supports', 2), signalEvidence('normbrytande', 'contradicts', 1)]) // 1
 */
export function netScore(evidence: readonly TypologyEvidence[]): number {
  let score = 0;
  for (const e of evidence) score += e.direction === 'supports' ? e.weight : -e.weight;
  return score;
}

/**
 * Supporting evidence first, then contradicting, each in collection order, so
 * the explanation names what counts for a type before what counts against it.
 *
 * @param evidence - the evidence list
 * @returns a new list in that order
 * @example orderEvidence(list)[0].direction // 'supports'
 */
export function orderEvidence(evidence: readonly TypologyEvidence[]): TypologyEvidence[] {
  return [...evidence.filter((e) => e.direction === 'supports'), ...evidence.filter((e) => e.direction === 'contradicts')];
}

/**
 * `part/whole ≥ share` in integers; false when there is nothing to share.
 *
 * @param rate - the measured share
 * @param share - the threshold as numerator and denominator
 * @returns whether the rate reaches the share
 * @example atLeastShare({ part: 2, whole: 3 }, { part: 2, whole: 3 }) // true
 */
export function atLeastShare(rate: Rate, share: Rate): boolean {
  return rate.whole > 0 && rate.part * share.whole >= share.part * rate.whole;
}

/**
 * `part/whole ≤ percent %` in integers; false when there is nothing to share.
 *
 * @param rate - the measured share
 * @param percent - an integer percentage
 * @returns whether the rate is at most the percentage
 * @example atMostPercent({ part: 1, whole: 4 }, 25) // true
 */
export function atMostPercent(rate: Rate, percent: number): boolean {
  return rate.whole > 0 && rate.part * 100 <= percent * rate.whole;
}

/**
 * `part/whole ≥ percent %` in integers; false when there is nothing to share.
 *
 * @param rate - the measured share
 * @param percent - an integer percentage
 * @returns whether the rate is at least the percentage
 * @example atLeastPercent({ part: 1, whole: 2 }, 50) // true
 */
export function atLeastPercent(rate: Rate, percent: number): boolean {
  return rate.whole > 0 && rate.part * 100 >= percent * rate.whole;
}
