import type { Hypothesis, TypologyEvidence, TypologyStrength } from '../model/typology.js';
import { netScore } from './evidence.js';
import { MODERATE_SCORE, STRONG_NAMED_CRITERIA, STRONG_SCORE, WEAK_SCORE } from './thresholds.js';
import { compareCodePoints } from '../model/compareCodePoints.js';

/**
 * Strength of a hypothesis from its evidence (see thresholds.ts): the net
 * score, and for `stark` also two named criteria among the supporting evidence.
 *
 * @param evidence - the hypothesis's evidence
 * @returns the strength, or undefined below `WEAK_SCORE` (no hypothesis)
 * @example strengthOf([signalEvidence('anxiety-distress', 'supports', 2), signalEvidence('guardians-trying', 'supports', 2)]) // 'stark'
 */
export function strengthOf(evidence: readonly TypologyEvidence[]): TypologyStrength | undefined {
  const score = netScore(evidence);
  const named = evidence.filter((e) => e.direction === 'supports' && e.weight === 2).length;
  if (score >= STRONG_SCORE && named >= STRONG_NAMED_CRITERIA) return 'stark';
  if (score >= MODERATE_SCORE) return 'mattlig';
  if (score >= WEAK_SCORE) return 'svag';
  return undefined;
}

const RANK: Readonly<Record<TypologyStrength, number>> = { stark: 0, mattlig: 1, svag: 2 };

/**
 * Order of hypotheses: strongest first, then by type id in code-point order
 * (locale-independent, so the order is the same on every machine).
 *
 * @param a - a hypothesis
 * @param b - another
 * @returns negative when `a` comes first
 * @example [h1, h2].sort(compareHypotheses)
 */
export function compareHypotheses(a: Hypothesis, b: Hypothesis): number {
  return RANK[a.strength] - RANK[b.strength] || compareCodePoints(a.type, b.type);
}
