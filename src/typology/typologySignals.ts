import type { SignalType } from '../model/vocabulary.js';

/**
 * The signals the typology reads (domain.md §4.1, §6.2). Every other signal
 * (harm, violence, whereabouts, needs, complexity) is for the rules only and
 * never changes the typology.
 */
export const TYPOLOGY_SIGNALS: readonly SignalType[] = [
  'anxiety-distress',
  'neurodevelopmental-condition',
  'guardians-unaware',
  'guardians-trying',
  'guardian-keeps-home',
  'caregiving-at-home',
  'guardian-own-problems',
  'normbrytande',
  'school-sent-home',
  'concealment',
  'seen-at-school-not-in-class',
  'guardian-unreachable',
];
