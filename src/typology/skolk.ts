import type { TypologyEvidence } from '../model/typology.js';
import type { TypologyContext } from './context.js';
import { atLeastPercent, atLeastShare, atMostPercent, patternEvidence, signalEvidence } from './evidence.js';
import {
  FIRST_LAST_MIN_INVALID_LESSONS,
  FIRST_LAST_SHARE,
  INVALID_WHOLE_DAYS,
  INVALID_WHOLE_DAYS_REPEATED,
  REPORTED_INVALID_MIN_PERCENT,
  SCATTERED_INVALID_LESSONS,
  UNREPORTED_INVALID_MAX_PERCENT,
} from './thresholds.js';

/**
 * Evidence for `skolk` (truancy). Source: domain.md §4.1 (SEED-3 avsnitt 3:
 * "Skolk: ogiltig ströfrånvaro. Eleven är borta från lektioner men kan vara i
 * skolan. Berättar oftast inte för vårdnadshavarna om frånvaron.") and §6.2
 * (child's initiative; tries to conceal; without the school's permission;
 * whole or part of day; often with conduct problems, not a criterion).
 *
 * Named criteria (weight 2): the invalid pattern, i.e. repeated ogiltig
 * ströfrånvaro or, failing that, repeated whole days without permission;
 * guardians unaware. Associated (1): whole days of invalid absence besides
 * ströfrånvaro, or a single one; invalid absence the guardians did not report
 * (only read when the invalid pattern is repeated, so one stray lesson or day
 * is not skolk); invalid lessons concentrated on the first and last lesson of
 * the day; normbrytande. Against: guardian keeps the child home (2,
 * the parent's initiative, not the child's); guardians trying (1) and
 * guardians reporting most of the invalid absence (1): they know.
 *
 * @param ctx - patterns, facts and signals
 * @returns the evidence, or null when there is no invalid absence (skolk is absence without permission)
 * @example skolkEvidence(ctx)?.map((e) => e.id) // ['scattered-invalid-lessons', 'guardians-unaware', 'guardian-reported-invalid']
 */
export function skolkEvidence(ctx: TypologyContext): TypologyEvidence[] | null {
  const { patterns: p, signals } = ctx;
  if (p.invalidMinutes === 0) return null;
  const evidence: TypologyEvidence[] = [];
  const scattered = p.scatteredInvalidLessons >= SCATTERED_INVALID_LESSONS;
  const repeatedWholeDays = p.wholeDaysInvalid >= INVALID_WHOLE_DAYS_REPEATED;
  if (scattered) evidence.push(patternEvidence('scattered-invalid-lessons', p.scatteredInvalidLessons, 'supports', 2));
  if (signals.has('guardians-unaware')) evidence.push(signalEvidence('guardians-unaware', 'supports', 2));
  // Heyne et al. (domain §6.2): skolk "typically tries to conceal" and "may be at school but not in class" (§4.1).
  if (signals.has('concealment')) evidence.push(signalEvidence('concealment', 'supports', 2));
  if (signals.has('seen-at-school-not-in-class')) evidence.push(signalEvidence('seen-at-school-not-in-class', 'supports', 2));
  if (p.wholeDaysInvalid >= INVALID_WHOLE_DAYS) {
    // The invalid pattern is one criterion: whole days carry it only when there is no ströfrånvaro.
    evidence.push(patternEvidence('invalid-whole-days', p.wholeDaysInvalid, 'supports', !scattered && repeatedWholeDays ? 2 : 1));
  }
  if ((scattered || repeatedWholeDays) && atMostPercent(p.guardianReportedInvalid, UNREPORTED_INVALID_MAX_PERCENT)) {
    evidence.push(patternEvidence('guardian-reported-invalid', p.guardianReportedInvalid, 'supports', 1));
  }
  if (p.firstLastInvalidLessons.whole >= FIRST_LAST_MIN_INVALID_LESSONS && atLeastShare(p.firstLastInvalidLessons, FIRST_LAST_SHARE)) {
    evidence.push(patternEvidence('first-last-lesson', p.firstLastInvalidLessons, 'supports', 1));
  }
  if (signals.has('normbrytande')) evidence.push(signalEvidence('normbrytande', 'supports', 1));
  if (signals.has('guardian-keeps-home')) evidence.push(signalEvidence('guardian-keeps-home', 'contradicts', 2));
  if (signals.has('guardians-trying')) evidence.push(signalEvidence('guardians-trying', 'contradicts', 1));
  if (atLeastPercent(p.guardianReportedInvalid, REPORTED_INVALID_MIN_PERCENT)) {
    evidence.push(patternEvidence('guardian-reported-invalid', p.guardianReportedInvalid, 'contradicts', 1));
  }
  return evidence;
}
