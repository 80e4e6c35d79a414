import { match } from 'ts-pattern';
import { signalLabel } from '../model/factCatalog.js';
import type { Rate } from '../model/facts.js';
import type { TypologyEvidence, TypologyType } from '../model/typology.js';

/** Swedish and English text. */
export interface Bilingual {
  readonly sv: string;
  readonly en: string;
}

function asCount(value: number | Rate): number {
  return typeof value === 'number' ? value : value.part;
}

function asRate(value: number | Rate): Rate {
  return typeof value === 'number' ? { part: value, whole: value } : value;
}

/** Whole percent, rounded down: display only, never compared. */
function percent(rate: Rate): number {
  return rate.whole === 0 ? 0 : Math.floor((rate.part * 100) / rate.whole);
}

/**
 * One piece of evidence as a short phrase.
 *
 * @param e - the evidence item
 * @returns Swedish and English phrases with the value
 * @example evidenceText(patternEvidence('scattered-invalid-lessons', 5, 'supports', 2)).sv // 'ogiltig ströfrånvaro (5 lektioner på närvarodagar)'
 */
export function evidenceText(e: TypologyEvidence): Bilingual {
  return match(e)
    .with({ source: 'signal' }, (s) => signalLabel(s.id))
    .with({ source: 'pattern', id: 'scattered-invalid-lessons' }, (x) => {
      const n = asCount(x.value);
      return { sv: `ogiltig ströfrånvaro (${n} lektioner på närvarodagar)`, en: `invalid scattered absence (${n} lessons on days present)` };
    })
    .with({ source: 'pattern', id: 'invalid-whole-days' }, (x) => {
      const n = asCount(x.value);
      return { sv: `${n} hela dagar ogiltig frånvaro`, en: `${n} whole days of invalid absence` };
    })
    .with({ source: 'pattern', id: 'guardian-reported-invalid' }, (x) => {
      const r = asRate(x.value);
      return {
        sv: `vårdnadshavare anmälde ${r.part} av ${r.whole} min ogiltig frånvaro`,
        en: `guardians reported ${r.part} of ${r.whole} min of invalid absence`,
      };
    })
    .with({ source: 'pattern', id: 'first-last-lesson' }, (x) => {
      const r = asRate(x.value);
      return {
        sv: `${r.part} av ${r.whole} ogiltiga lektioner var dagens första eller sista`,
        en: `${r.part} of ${r.whole} invalid lessons were the first or last of the day`,
      };
    })
    .with({ source: 'pattern', id: 'one-day-sick-episodes' }, (x) => {
      const n = asCount(x.value);
      return { sv: `${n} endagars sjukfrånvaro`, en: `${n} one-day sick absences` };
    })
    .with({ source: 'pattern', id: 'sick-monday-friday' }, (x) => {
      const r = asRate(x.value);
      return { sv: `${r.part} av ${r.whole} sjukdagar på måndag eller fredag`, en: `${r.part} of ${r.whole} sick days on a Monday or Friday` };
    })
    .with({ source: 'pattern', id: 'school-initiated-minutes' }, (x) => {
      const n = asCount(x.value);
      return { sv: `${n} min frånvaro som skolan initierat`, en: `${n} min of school-initiated absence` };
    })
    .with({ source: 'pattern', id: 'absence-rate' }, (x) => {
      const p = percent(asRate(x.value));
      return { sv: `frånvaro ${p} % i terminen`, en: `${p} % absence this term` };
    })
    .with({ source: 'pattern', id: 'absence-occasions' }, (x) => {
      const n = asCount(x.value);
      return { sv: `${n} frånvarotillfällen i terminen`, en: `${n} absence occasions this term` };
    })
    .with({ source: 'pattern', id: 'rising-trend' }, (x) => {
      const p = percent(asRate(x.value));
      return { sv: `ökande frånvaro (${p} % senaste perioden)`, en: `rising absence (${p} % in the recent window)` };
    })
    .with({ source: 'pattern', id: 'monday-friday-absence' }, (x) => {
      const r = asRate(x.value);
      return { sv: `${r.part} av ${r.whole} frånvarodagar på måndag eller fredag`, en: `${r.part} of ${r.whole} days of absence on a Monday or Friday` };
    })
    .exhaustive();
}

function join(evidence: readonly TypologyEvidence[], lang: 'sv' | 'en'): string {
  return evidence.map((e) => evidenceText(e)[lang]).join(', ');
}

/**
 * The one-line explanation of a hypothesis: what counts for the type, then
 * what counts against it. For `oklar`, what made the absence notable.
 *
 * @param type - the hypothesis's type
 * @param evidence - its evidence, supporting first
 * @returns one line in Swedish and English
 * @example explainHypothesis('skolk', evidence).sv // 'Talar för: ogiltig ströfrånvaro (5 lektioner på närvarodagar), vårdnadshavare ovetande om frånvaron.'
 */
export function explainHypothesis(type: TypologyType, evidence: readonly TypologyEvidence[]): Bilingual {
  const supports = evidence.filter((e) => e.direction === 'supports');
  const against = evidence.filter((e) => e.direction === 'contradicts');
  if (type === 'oklar') {
    return {
      sv: `Frånvaron är betydande men underlaget pekar inte ut någon typ: ${join(supports, 'sv')}.`,
      en: `The absence is notable but the evidence points to no type: ${join(supports, 'en')}.`,
    };
  }
  const sv = [`Talar för: ${join(supports, 'sv')}.`];
  const en = [`For: ${join(supports, 'en')}.`];
  if (against.length > 0) {
    sv.push(`Talar emot: ${join(against, 'sv')}.`);
    en.push(`Against: ${join(against, 'en')}.`);
  }
  return { sv: sv.join(' '), en: en.join(' ') };
}
