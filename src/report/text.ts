import type { EvidenceItem, ListReference, Routing } from '../model/decision.js';
import { factInfo } from '../model/factCatalog.js';
import type { Rate } from '../model/facts.js';
import { municipalityName } from '../model/municipalities.js';
import { TYPOLOGY_STRENGTH_LABELS, TYPOLOGY_TYPE_LABELS, type Hypothesis } from '../model/typology.js';
import { EVIDENCE_TEXT, MANUAL_ROUTING_TEXT, ROUTING_TEXT, UNIT_TEXT } from './labels.js';
import { valueLabel } from './valueLabels.js';

// Pure text of the data in a decision, shared by the CLI's text output
// (src/report/decisionText.ts re-exports what it used to define) and the HTML report.
// Numbers are formatted here and nowhere else: a decimal comma in Swedish, a
// point in English.

/** Output language for human-readable text. */
export type Lang = 'sv' | 'en';

/**
 * Whether a value is a rate (`{ part, whole }`).
 *
 * @param x - any value
 * @returns true for an object with `part` and `whole`
 * @example isRate({ part: 1, whole: 2 }) // true
 */
export function isRate(x: unknown): x is Rate {
  return typeof x === 'object' && x !== null && 'part' in x && 'whole' in x;
}

function isListReference(x: unknown): x is ListReference {
  return typeof x === 'object' && x !== null && 'list' in x && 'length' in x && !Array.isArray(x);
}

/**
 * A number as written in the language: a decimal comma in Swedish.
 *
 * @param n - the number
 * @param lang - output language
 * @returns e.g. '12,5'
 * @example formatNumber(12.5, 'sv') // '12,5'
 * @example formatNumber(12.5, 'en') // '12.5'
 */
export function formatNumber(n: number, lang: Lang): string {
  return lang === 'sv' ? String(n).replace('.', ',') : String(n);
}

/**
 * A percentage with one decimal, a decimal comma in Swedish. Display only:
 * rules compare the exact integers, so next to a threshold show the minutes
 * too (`formatRate`), or the verdict (`evidenceSentence`).
 *
 * @param part - the part
 * @param whole - the whole (0 gives '–')
 * @param lang - output language
 * @returns e.g. '20,0 %'
 * @example formatPercent(605, 3025, 'sv') // '20,0 %'
 * @example formatPercent(1, 8, 'en') // '12.5 %'
 */
export function formatPercent(part: number, whole: number, lang: Lang): string {
  if (whole === 0) return '–';
  const text = ((part * 100) / whole).toFixed(1);
  return `${lang === 'sv' ? text.replace('.', ',') : text} %`;
}

/**
 * A rate for display: one decimal and the exact part and whole, so two rates
 * that round alike (605/3025 and 606/3025, both 20.0 %) still differ.
 *
 * @param rate - the rate
 * @param lang - output language
 * @returns e.g. '20,1 % (201/1000)'
 * @example formatRate({ part: 201, whole: 1000 }, 'sv') // '20,1 % (201/1000)'
 * @example formatRate({ part: 0, whole: 0 }, 'en') // '– (0/0)'
 */
export function formatRate(rate: Rate, lang: Lang): string {
  return `${formatPercent(rate.part, rate.whole, lang)} (${rate.part}/${rate.whole})`;
}

/**
 * A municipality code with its name from SCB's table, or the bare code when
 * the table does not list it.
 *
 * @param code - a four-digit kommunkod
 * @returns e.g. 'Stockholm (0180)'
 * @example formatMunicipality('0180') // 'Stockholm (0180)'
 * @example formatMunicipality('0100') // '0100'
 */
export function formatMunicipality(code: string): string {
  const name = municipalityName(code);
  return name === undefined ? code : `${name} (${code})`;
}

/**
 * Where a step goes, in words; a municipality by its name and code.
 *
 * @param r - the routing
 * @param lang - output language
 * @returns e.g. 'socialtjänsten Stockholm (0180) / Skarpnäck'
 * @example formatRouting({ target: 'hemkommun', municipalityCode: '0182' }, 'sv') // 'hemkommun Nacka (0182)'
 * @example formatRouting({ target: 'manual', for: 'socialtjanst', reason: 'protected-identity' }, 'en') // 'manual routing (protected identity)'
 */
export function formatRouting(r: Routing, lang: Lang): string {
  const target = ROUTING_TEXT[r.target][lang];
  switch (r.target) {
    case 'hemkommun':
      return `${target} ${formatMunicipality(r.municipalityCode)}`;
    case 'socialtjanst':
      return `${target} ${formatMunicipality(r.municipalityCode)}${r.district === null ? '' : ` / ${r.district}`}`;
    case 'manual':
      return `${target} (${MANUAL_ROUTING_TEXT[r.reason][lang]})`;
    default:
      return target;
  }
}

/**
 * The label of a fact in the catalog, or the fact's name when it has none.
 *
 * @param fact - a fact name
 * @param lang - output language
 * @returns the label
 * @example factLabel('grade', 'en') // 'Grade'
 */
export function factLabel(fact: string, lang: Lang): string {
  return factInfo(fact)?.[lang] ?? fact;
}

/**
 * A value of a fact as people read it: yes/no, a rate with its minutes, a
 * number with its unit, a municipality with its name, a closed value by its
 * label; a list as "A or B", a long list by its name.
 *
 * @param fact - the fact the value belongs to
 * @param value - the value
 * @param lang - output language
 * @returns e.g. 'ja', '1200 min', 'Stockholm (0180)', 'oförändrad'
 * @example formatFactValue('residenceMunicipalityCode', '0182', 'sv') // 'Nacka (0182)'
 * @example formatFactValue('compulsorySchoolForm', true, 'en') // 'yes'
 */
export function formatFactValue(fact: string, value: unknown, lang: Lang): string {
  const t = EVIDENCE_TEXT;
  if (value === null || value === undefined) return t.none[lang];
  if (typeof value === 'boolean') return (value ? t.yes : t.no)[lang];
  if (isRate(value)) return formatRate(value, lang);
  if (isListReference(value)) return `${t.list[lang]} ${value.list} (${value.length} ${t.values[lang]})`;
  if (Array.isArray(value)) return value.map((v) => formatFactValue(fact, v, lang)).join(`, `);
  const info = factInfo(fact);
  if (typeof value === 'number') return info?.unit === undefined ? formatNumber(value, lang) : `${formatNumber(value, lang)} ${UNIT_TEXT[info.unit][lang]}`;
  if (typeof value === 'string') return info?.code === 'municipality' ? formatMunicipality(value) : (valueLabel(fact, value)?.[lang] ?? value);
  return JSON.stringify(value);
}

/** "A eller B" for the values of an `in` list, "A" for one value. */
function alternatives(fact: string, value: unknown, lang: Lang): string {
  if (!Array.isArray(value)) return formatFactValue(fact, value, lang);
  const items = value.map((v) => formatFactValue(fact, v, lang));
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${EVIDENCE_TEXT.or[lang]} ${items.at(-1) ?? ''}`;
}

const COMPARISONS = ['greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive', 'rateAbove', 'rateAtLeast'] as const;
type Comparison = (typeof COMPARISONS)[number];
const isComparison = (op: string): op is Comparison => (COMPARISONS as readonly string[]).includes(op);

/**
 * The text of one evidence leaf, without the final full stop: what was seen,
 * and how it stands to the condition.
 * - a comparison gives the verdict: "20,0 % (605/3025) – inte över 20 %";
 * - an equality that held says only the value: "Obligatorisk skolform: ja";
 *   one that failed adds what was required: "Hemkommun: saknas (krävs: Stockholm (0180))";
 * - a yes/no fact compared with `notEqual` reads as the equality it means.
 */
function evidenceText(e: EvidenceItem, lang: Lang): string {
  const t = EVIDENCE_TEXT;
  const label = factLabel(e.fact, lang);
  const actual = formatFactValue(e.fact, e.actual, lang);
  const not = e.result ? '' : `${t.not[lang]} `;
  if (isComparison(e.operator)) {
    const threshold =
      (e.operator === 'rateAbove' || e.operator === 'rateAtLeast') && typeof e.value === 'number'
        ? `${formatNumber(e.value, lang)} %`
        : formatFactValue(e.fact, e.value, lang);
    return `${label}: ${actual} – ${not}${t[e.operator][lang]} ${threshold}`;
  }
  let { operator, value } = e;
  if (typeof value === 'boolean' && (operator === 'notEqual' || operator === 'equal')) {
    value = operator === 'equal' ? value : !value;
    operator = 'equal';
  }
  const required = (text: string) => (e.result ? '' : ` (${t.required[lang]}: ${text})`);
  switch (operator) {
    case 'equal':
    case 'in': {
      const inList = e.result && isListReference(value) ? ` – ${lang === 'sv' ? 'i' : 'in'} ${formatFactValue(e.fact, value, lang)}` : '';
      return `${label}: ${actual}${inList}${required(alternatives(e.fact, value, lang))}`;
    }
    case 'notEqual':
    case 'notIn':
      return `${label}: ${actual}${e.result ? ` – ${t.not[lang]} ${alternatives(e.fact, value, lang)}` : required(`${t.not[lang]} ${alternatives(e.fact, value, lang)}`)}`;
    default:
      return `${label}: ${actual} (${operator} ${formatFactValue(e.fact, value, lang)})`;
  }
}

/**
 * One evidence leaf as a line of the text output: a mark for whether the
 * condition held, then the sentence (see `evidenceSentence`).
 *
 * @param e - the evidence item
 * @param lang - output language
 * @returns e.g. "✓ Frånvaro i terminen (giltig + ogiltig): 23,4 % (1234/5273) – över 20 %"
 * @example formatEvidence({ fact: 'grade', operator: 'greaterThanInclusive', value: 4, actual: 7, result: true, via: [] }, 'en') // '✓ Grade: 7 – at least 4'
 * @example formatEvidence({ fact: 'compulsorySchoolForm', operator: 'equal', value: true, actual: true, result: true, via: [] }, 'sv') // '✓ Obligatorisk skolform: ja'
 */
export function formatEvidence(e: EvidenceItem, lang: Lang): string {
  return `${e.result ? '✓' : '✗'} ${evidenceText(e, lang)}`;
}

/**
 * One evidence leaf as a plain sentence: what was seen, and how it stands to
 * the condition, as the rule decided. A rate at a threshold is never
 * ambiguous: the exact minutes are given and the sentence says whether it is
 * over it. Yes/no facts read "ja"/"nej", numbers carry their unit,
 * municipalities their name.
 *
 * @param e - the evidence item
 * @param lang - output language
 * @returns one sentence
 * @example evidenceSentence({ fact: 'termAbsence', operator: 'rateAbove', value: 20, actual: { part: 605, whole: 3025 }, result: false, via: [] }, 'sv')
 * //=> 'Frånvaro i terminen (giltig + ogiltig): 20,0 % (605/3025) – inte över 20 %.'
 * @example evidenceSentence({ fact: 'schoolHasSkolsocialtTeam', operator: 'equal', value: true, actual: true, result: true, via: [] }, 'sv')
 * //=> 'Skolan har skolsocialt team: ja.'
 */
export function evidenceSentence(e: EvidenceItem, lang: Lang): string {
  return `${evidenceText(e, lang)}.`;
}

/**
 * One typology hypothesis as a line: type, strength and the explanation.
 *
 * @param h - the hypothesis
 * @param lang - output language
 * @returns e.g. "skolk (stark): Talar för: ogiltig ströfrånvaro (5 lektioner på närvarodagar), vårdnadshavare ovetande om frånvaron."
 * @example formatHypothesis(decision.typology.hypotheses[0], 'sv')
 */
export function formatHypothesis(h: Hypothesis, lang: Lang): string {
  return `${TYPOLOGY_TYPE_LABELS[h.type][lang]} (${TYPOLOGY_STRENGTH_LABELS[h.strength][lang]}): ${h.explanation[lang]}`;
}
