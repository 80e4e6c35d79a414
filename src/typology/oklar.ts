import type { TypologyEvidence } from '../model/typology.js';
import type { TypologyContext } from './context.js';
import { atLeastPercent, atLeastShare, patternEvidence } from './evidence.js';
import { MONDAY_FRIDAY_MIN_DAYS, MONDAY_FRIDAY_SHARE, NOTABLE_ABSENCE_OCCASIONS, NOTABLE_ABSENCE_PERCENT } from './thresholds.js';

/**
 * What makes the absence notable, for `oklar`: term absence of at least
 * `NOTABLE_ABSENCE_PERCENT`, at least `NOTABLE_ABSENCE_OCCASIONS` occasions, or
 * a rising trend (domain.md §5.3, §7.2). A concentration on Mondays and
 * Fridays (§5.4) is listed too, but does not by itself make absence notable.
 *
 * @param ctx - patterns, facts and signals
 * @returns the evidence, or null when the absence is not notable
 * @example notableAbsenceEvidence(ctx)?.map((e) => e.id) // ['absence-rate', 'absence-occasions']
 */
export function notableAbsenceEvidence(ctx: TypologyContext): TypologyEvidence[] | null {
  const { patterns: p, facts } = ctx;
  const evidence: TypologyEvidence[] = [];
  if (atLeastPercent(facts.termAbsence, NOTABLE_ABSENCE_PERCENT)) evidence.push(patternEvidence('absence-rate', facts.termAbsence, 'supports', 1));
  if (facts.termAbsenceOccasions >= NOTABLE_ABSENCE_OCCASIONS) {
    evidence.push(patternEvidence('absence-occasions', facts.termAbsenceOccasions, 'supports', 1));
  }
  if (facts.trend === 'rising') evidence.push(patternEvidence('rising-trend', facts.windowAbsence, 'supports', 1));
  if (evidence.length === 0) return null;
  if (p.absenceDays >= MONDAY_FRIDAY_MIN_DAYS && atLeastShare(p.mondayFridayAbsenceDays, MONDAY_FRIDAY_SHARE)) {
    evidence.push(patternEvidence('monday-friday-absence', p.mondayFridayAbsenceDays, 'supports', 1));
  }
  return evidence;
}
