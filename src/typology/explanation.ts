import { signalLabel } from '../model/factCatalog.js';
import type { Rate } from '../model/facts.js';
import type { PatternId, TypologyEvidence, TypologyType } from '../model/typology.js';

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
 * The phrase of each pattern, from its value: a table the compiler checks for
 * every `PatternId` (no matcher built per piece of evidence: this runs for
 * every hypothesis of every student).
 */
const PATTERN_TEXT: Readonly<Record<PatternId, (value: number | Rate) => Bilingual>> = {
  'scattered-invalid-lessons': (v) => {
    const n = asCount(v);
    return { sv: `ogiltig ströfrånvaro (${n} lektioner på närvarodagar)`, en: `invalid scattered absence (${n} lessons on days present)` };
  },
  'invalid-whole-days': (v) => {
    const n = asCount(v);
    return { sv: `${n} hela dagar ogiltig frånvaro`, en: `${n} whole days of invalid absence` };
  },
  'guardian-reported-invalid': (v) => {
    const r = asRate(v);
    return {
      sv: `vårdnadshavare anmälde ${r.part} av ${r.whole} min ogiltig frånvaro`,
      en: `guardians reported ${r.part} of ${r.whole} min of invalid absence`,
    };
  },
  'first-last-lesson': (v) => {
    const r = asRate(v);
    return {
      sv: `${r.part} av ${r.whole} ogiltiga lektioner var dagens första eller sista`,
      en: `${r.part} of ${r.whole} invalid lessons were the first or last of the day`,
    };
  },
  'one-day-sick-episodes': (v) => {
    const n = asCount(v);
    return { sv: `${n} endagars sjukfrånvaro`, en: `${n} one-day sick absences` };
  },
  'sick-monday-friday': (v) => {
    const r = asRate(v);
    return { sv: `${r.part} av ${r.whole} sjukdagar på måndag eller fredag`, en: `${r.part} of ${r.whole} sick days on a Monday or Friday` };
  },
  'school-initiated-minutes': (v) => {
    const n = asCount(v);
    return { sv: `${n} min frånvaro som skolan initierat`, en: `${n} min of school-initiated absence` };
  },
  'absence-rate': (v) => {
    const p = percent(asRate(v));
    return { sv: `frånvaro ${p} % i terminen`, en: `${p} % absence this term` };
  },
  'absence-occasions': (v) => {
    const n = asCount(v);
    return { sv: `${n} frånvarotillfällen i terminen`, en: `${n} absence occasions this term` };
  },
  'rising-trend': (v) => {
    const p = percent(asRate(v));
    return { sv: `ökande frånvaro (${p} % senaste perioden)`, en: `rising absence (${p} % in the recent window)` };
  },
  'monday-friday-absence': (v) => {
    const r = asRate(v);
    return { sv: `${r.part} av ${r.whole} frånvarodagar på måndag eller fredag`, en: `${r.part} of ${r.whole} days of absence on a Monday or Friday` };
  },
};

/**
 * One piece of evidence as a short phrase.
 *
 * @param e - the evidence item
 * @returns Swedish and English phrases with the value
 * @example evidenceText(patternEvidence('scattered-invalid-lessons', 5, 'supports', 2)).sv // 'ogiltig ströfrånvaro (5 lektioner på närvarodagar)'
 */
export function evidenceText(e: TypologyEvidence): Bilingual {
  return e.source === 'signal' ? signalLabel(e.id) : PATTERN_TEXT[e.id](e.value);
}

/** The phrases of some evidence, each made once, joined in both languages. */
function joined(evidence: readonly TypologyEvidence[]): Bilingual {
  const texts = evidence.map(evidenceText);
  return { sv: texts.map((t) => t.sv).join(', '), en: texts.map((t) => t.en).join(', ') };
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
  const pro = joined(supports);
  if (type === 'oklar') {
    return {
      sv: `Frånvaron är betydande men underlaget pekar inte ut någon typ: ${pro.sv}.`,
      en: `The absence is notable but the evidence points to no type: ${pro.en}.`,
    };
  }
  if (against.length === 0) return { sv: `Talar för: ${pro.sv}.`, en: `For: ${pro.en}.` };
  const con = joined(against);
  return { sv: `Talar för: ${pro.sv}. Talar emot: ${con.sv}.`, en: `For: ${pro.en}. Against: ${con.en}.` };
}
