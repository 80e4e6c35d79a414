import type { AbsencePatterns } from '../metrics/patterns.js';
import type { Facts, MeasuredFacts } from '../model/facts.js';
import type { Typology } from '../model/typology.js';
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
export function addTypology(measured: MeasuredFacts, patterns: AbsencePatterns): { readonly facts: Facts; readonly typology: Typology } {
  const typology = classifyAbsence(patterns, measured);
  const levels = typologyFacts(typology);
  // One copy of the measured facts' shape, then four named keys: no spread of a second object.
  const facts: Facts = {
    ...measured,
    typologySkolk: levels.typologySkolk,
    typologySkolvagran: levels.typologySkolvagran,
    typologyForaldrastodd: levels.typologyForaldrastodd,
    typologySkolinitierad: levels.typologySkolinitierad,
  };
  return { facts, typology };
}
