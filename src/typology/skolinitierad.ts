import type { TypologyEvidence } from '../model/typology.js';
import type { TypologyContext } from './context.js';
import { patternEvidence, signalEvidence } from './evidence.js';

/**
 * Evidence for `skolinitierad` (school exclusion), Heyne's fourth type, not in
 * Göteborg's list. Source: domain.md §6.2 (the school's initiative: sends the
 * student home, asks them to stay home, excessive or informal suspension;
 * SNACK reasons 12 "school sent child home" and 13 "school asked that child
 * stay home") and §7.1 (absence category SKOLINITIERAD).
 *
 * Named criteria (weight 2 each): staff recorded that the school sent the
 * student home; absence recorded with reason `school-initiated`. Nothing
 * counts against it: the school's own records are the evidence.
 *
 * @param ctx - patterns, facts and signals
 * @returns the evidence (never null)
 * @example skolinitieradEvidence(ctx).map((e) => e.id) // ['school-sent-home', 'school-initiated-minutes']
 */
export function skolinitieradEvidence(ctx: TypologyContext): TypologyEvidence[] {
  const { patterns: p, signals } = ctx;
  const evidence: TypologyEvidence[] = [];
  if (signals.has('school-sent-home')) evidence.push(signalEvidence('school-sent-home', 'supports', 2));
  if (p.schoolInitiatedMinutes > 0) evidence.push(patternEvidence('school-initiated-minutes', p.schoolInitiatedMinutes, 'supports', 2));
  return evidence;
}
