import { typologyFact } from '../model/factCatalog.js';
import type { TypologyFact } from '../model/facts.js';
import type { Typology, TypologyLevel } from '../model/typology.js';

/**
 * The typology as flat facts for rules: each type's strength, `ingen` when the
 * type is not a hypothesis. `oklar` has no fact: it is no type.
 *
 * @param typology - from `classifyAbsence`
 * @returns `typologySkolk`, `typologySkolvagran`, `typologyForaldrastodd`, `typologySkolinitierad`
 * @example typologyFacts({ hypotheses: [] }).typologySkolk // 'ingen'
 */
export function typologyFacts(typology: Typology): Readonly<Record<TypologyFact, TypologyLevel>> {
  const out: Record<TypologyFact, TypologyLevel> = { typologySkolk: 'ingen', typologySkolvagran: 'ingen', typologyForaldrastodd: 'ingen', typologySkolinitierad: 'ingen' };
  for (const h of typology.hypotheses) {
    if (h.type !== 'oklar') out[typologyFact(h.type)] = h.strength;
  }
  return out;
}
