import type { AbsencePatterns } from '../metrics/patterns.js';
import { ABSENCE_TYPES, type AbsenceType, type Hypothesis, type Typology, type TypologyEvidence } from '../model/typology.js';
import { typologyContext, type TypologyContext, type TypologyFacts } from './context.js';
import { orderEvidence } from './evidence.js';
import { explainHypothesis } from './explanation.js';
import { foraldrastoddEvidence } from './foraldrastodd.js';
import { notableAbsenceEvidence } from './oklar.js';
import { skolinitieradEvidence } from './skolinitierad.js';
import { skolkEvidence } from './skolk.js';
import { skolvagranEvidence } from './skolvagran.js';
import { compareHypotheses, strengthOf } from './strength.js';

/** The evidence collector of each type: a table checked for every type by the compiler, no matcher built per student. */
const COLLECTORS: Readonly<Record<AbsenceType, (ctx: TypologyContext) => TypologyEvidence[] | null>> = {
  skolk: skolkEvidence,
  skolvagran: skolvagranEvidence,
  foraldrastodd: foraldrastoddEvidence,
  skolinitierad: skolinitieradEvidence,
};

/**
 * Classify a student's absence into typology hypotheses (domain.md §4.1,
 * §6.2): `skolk`, `skolvagran`, `foraldrastodd`, `skolinitierad`, several at
 * once when the evidence fits several (types co-occur), each with a strength
 * from its evidence (net score; `stark` needs two named criteria), the evidence itself and a one-line explanation.
 * `oklar` alone when the absence is notable but no type reaches `svag`. Empty
 * when there is no absence this term.
 *
 * Advisory, never a diagnosis and never a legal trigger: legal duties do not
 * depend on it (rule files may not use it in `lagkrav` rules); it steers the
 * support path.
 *
 * @param patterns - term-to-date patterns (`computeFacts(...).patterns`)
 * @param facts - the measured facts (signals, term absence, occasions, trend)
 * @returns the typology, hypotheses strongest first, then by type id
 * @example
 * const { facts, patterns } = computeFacts(c, '2026-11-23', calendar, DEFAULT_PARAMETERS);
 * classifyAbsence(patterns, facts).hypotheses.map((h) => [h.type, h.strength]); // [['skolk', 'stark']]
 */
export function classifyAbsence(patterns: AbsencePatterns, facts: TypologyFacts): Typology {
  if (patterns.absenceMinutes === 0) return { hypotheses: [] };
  const ctx = typologyContext(patterns, facts);
  const hypotheses: Hypothesis[] = [];
  for (const type of ABSENCE_TYPES) {
    const evidence = COLLECTORS[type](ctx);
    if (evidence === null) continue;
    const strength = strengthOf(evidence);
    if (strength === undefined) continue;
    const ordered = orderEvidence(evidence);
    hypotheses.push({ type, strength, evidence: ordered, explanation: explainHypothesis(type, ordered) });
  }
  if (hypotheses.length === 0) {
    const notable = notableAbsenceEvidence(ctx);
    if (notable !== null) hypotheses.push({ type: 'oklar', strength: 'svag', evidence: notable, explanation: explainHypothesis('oklar', notable) });
  }
  return { hypotheses: hypotheses.sort(compareHypotheses) };
}
