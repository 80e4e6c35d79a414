import type { AbsencePatterns } from '../metrics/patterns.js';
import type { Facts, TypologyFact, UnclassifiedFacts } from '../model/facts.js';
import type { Typology, TypologyLevel } from '../model/typology.js';
import { classifyAbsence } from './classifyAbsence.js';
import { typologyFacts } from './typologyFacts.js';

/**
 * Classify the absence and add the typology's strengths to the measured
 * facts, giving the full facts rules see. Runs under every policy.
 *
 * @param measured - `computeFacts(...).facts`
 * @param patterns - `computeFacts(...).patterns`
 * @returns the full facts and the typology
 * @example addTypology(result.facts, result.patterns).facts.typologySkolk // 'ingen'
 */
export function addTypology(measured: UnclassifiedFacts, patterns: AbsencePatterns): { readonly facts: Facts; readonly typology: Typology } {
  const typology = classifyAbsence(patterns, measured);
  const levels = typologyFacts(typology);
  // A copy of one shape, then four keys overwritten: never a spread that adds keys (see `UnclassifiedFacts`).
  const facts: Omit<Facts, TypologyFact> & Record<TypologyFact, TypologyLevel> = { ...measured };
  facts.typologySkolk = levels.typologySkolk;
  facts.typologySkolvagran = levels.typologySkolvagran;
  facts.typologyForaldrastodd = levels.typologyForaldrastodd;
  facts.typologySkolinitierad = levels.typologySkolinitierad;
  return { facts, typology };
}
