import type { TypologyEvidence } from '../model/typology.js';
import type { TypologyContext } from './context.js';
import { atLeastShare, patternEvidence, signalEvidence } from './evidence.js';
import { MONDAY_FRIDAY_SHARE, ONE_DAY_SICK_EPISODES, SICK_MONDAY_FRIDAY_MIN_DAYS } from './thresholds.js';

/**
 * Evidence for `foraldrastodd` (parent-supported absence, school withdrawal).
 * Source: domain.md §4.1 (SEED-3 avsnitt 3: "Frånvaro relaterad till
 * vårdnadshavares behov, försummelse eller bristande förmåga att stödja
 * skolgången. Eleven är hemma för att ge praktiskt eller känslomässigt stöd
 * till vårdnadshavare (t.ex. missbruk, psykiska eller fysiska besvär).") and
 * §6.2 (the parent's initiative; parents know; little or no effort, or the
 * child is deliberately kept home; often reported as sick), §7.5 (reported
 * sickness must be overridable by evidence).
 *
 * Excluded when the guardians are unaware of the absence: the type needs the
 * guardians' knowledge (§6.2 "n/a — parents know").
 *
 * Named criteria (weight 2): guardian keeps the child home; the child gives
 * care or support at home. Associated (1): the guardian's own problems
 * (missbruk, mental or physical illness); many one-day sick episodes; sick
 * days concentrated on Mondays and Fridays. Against: guardians trying (2,
 * reasonable efforts are the mark of skolvägran).
 *
 * @param ctx - patterns, facts and signals
 * @returns the evidence, or null when the guardians are unaware
 * @example foraldrastoddEvidence(ctx)?.map((e) => e.id) // ['guardian-keeps-home', 'caregiving-at-home']
 */
export function foraldrastoddEvidence(ctx: TypologyContext): TypologyEvidence[] | null {
  const { patterns: p, signals } = ctx;
  if (signals.has('guardians-unaware')) return null;
  const evidence: TypologyEvidence[] = [];
  if (signals.has('guardian-keeps-home')) evidence.push(signalEvidence('guardian-keeps-home', 'supports', 2));
  if (signals.has('caregiving-at-home')) evidence.push(signalEvidence('caregiving-at-home', 'supports', 2));
  if (signals.has('guardian-own-problems')) evidence.push(signalEvidence('guardian-own-problems', 'supports', 1));
  // Parents making "little or no effort" (domain §6.2): guardians who cannot be reached count for it, weakly.
  if (signals.has('guardian-unreachable')) evidence.push(signalEvidence('guardian-unreachable', 'supports', 1));
  if (p.oneDaySickEpisodes >= ONE_DAY_SICK_EPISODES) evidence.push(patternEvidence('one-day-sick-episodes', p.oneDaySickEpisodes, 'supports', 1));
  if (p.sickWholeDays >= SICK_MONDAY_FRIDAY_MIN_DAYS && atLeastShare(p.sickMondayFriday, MONDAY_FRIDAY_SHARE)) {
    evidence.push(patternEvidence('sick-monday-friday', p.sickMondayFriday, 'supports', 1));
  }
  if (signals.has('guardians-trying')) evidence.push(signalEvidence('guardians-trying', 'contradicts', 2));
  return evidence;
}
