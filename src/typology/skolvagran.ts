import type { TypologyEvidence } from '../model/typology.js';
import type { TypologyContext } from './context.js';
import { patternEvidence, signalEvidence } from './evidence.js';
import { ONE_DAY_SICK_EPISODES } from './thresholds.js';

/**
 * Evidence for `skolvagran` (school refusal). Source: domain.md §4.1 (SEED-3
 * avsnitt 3: "frånvaro relaterad till att eleven känner stort obehag inför
 * något som rör skolan. Försöker inte dölja frånvaron för vårdnadshavarna och
 * det finns ofta koppling till ångestproblematik och neuropsykiatriska
 * funktionsnedsättningar. Vårdnadshavarna försöker/har försökt få barnet till
 * skolan.") and §6.2 (emotional distress; no concealment; usually at home with
 * the parents' knowledge; no severe antisocial behaviour; parents make
 * reasonable efforts; may be reported as sick).
 *
 * Named criteria (weight 2): anxiety or strong distress; guardians trying.
 * Associated (1): neurodevelopmental condition (NPF); many one-day sick
 * episodes (somatic complaints reported as sick). Against: guardians unaware
 * (2, it is not hidden); guardian keeps the child home (2, the parent's
 * initiative); normbrytande (1, no severe antisocial behaviour).
 *
 * @param ctx - patterns, facts and signals
 * @returns the evidence (never null: any absence may be skolvägran)
 * @example skolvagranEvidence(ctx).map((e) => e.id) // ['anxiety-distress', 'guardians-trying']
 */
export function skolvagranEvidence(ctx: TypologyContext): TypologyEvidence[] {
  const { patterns: p, signals } = ctx;
  const evidence: TypologyEvidence[] = [];
  if (signals.has('anxiety-distress')) evidence.push(signalEvidence('anxiety-distress', 'supports', 2));
  if (signals.has('guardians-trying')) evidence.push(signalEvidence('guardians-trying', 'supports', 2));
  if (signals.has('neurodevelopmental-condition')) evidence.push(signalEvidence('neurodevelopmental-condition', 'supports', 1));
  if (p.oneDaySickEpisodes >= ONE_DAY_SICK_EPISODES) evidence.push(patternEvidence('one-day-sick-episodes', p.oneDaySickEpisodes, 'supports', 1));
  if (signals.has('guardians-unaware')) evidence.push(signalEvidence('guardians-unaware', 'contradicts', 2));
  if (signals.has('guardian-keeps-home')) evidence.push(signalEvidence('guardian-keeps-home', 'contradicts', 2));
  if (signals.has('normbrytande')) evidence.push(signalEvidence('normbrytande', 'contradicts', 1));
  return evidence;
}
