import { signalFact } from '../model/factCatalog.js';
import type { MeasuredFacts, SignalFact } from '../model/facts.js';
import { SignalTypeSchema, type SignalType } from '../model/vocabulary.js';
import type { AbsencePatterns } from '../metrics/patterns.js';

/** The facts the typology reads besides the patterns: signals, term absence, occasions and trend. */
export type TypologyFacts = Pick<MeasuredFacts, SignalFact | 'termAbsence' | 'termAbsenceOccasions' | 'trend' | 'windowAbsence'>;

/** What every type's evidence collector sees. */
export interface TypologyContext {
  readonly patterns: AbsencePatterns;
  readonly facts: TypologyFacts;
  /** The signals in force on the evaluation date. */
  readonly signals: ReadonlySet<SignalType>;
}

/**
 * The context for the collectors: the signals in force, read back from the
 * signal facts so that the typology and the rules see the same signals.
 *
 * @param patterns - term-to-date patterns (see `computePatterns`)
 * @param facts - the measured facts
 * @returns the context
 * @example typologyContext(result.patterns, result.facts).signals.has('guardians-unaware') // true
 */
export function typologyContext(patterns: AbsencePatterns, facts: TypologyFacts): TypologyContext {
  const signals = new Set(SignalTypeSchema.options.filter((s) => facts[signalFact(s)]));
  return { patterns, facts, signals };
}
