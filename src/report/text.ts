import type { EvidenceItem, ListReference } from '../model/decision.js';
import { FACT_CATALOG } from '../model/factCatalog.js';
import type { Rate } from '../model/facts.js';
import { TYPOLOGY_STRENGTH_LABELS, TYPOLOGY_TYPE_LABELS, type Hypothesis } from '../model/typology.js';

// Pure text of the data in a decision, shared by the CLI's text output
// (src/cli/format.ts re-exports what it used to define) and the HTML report.

/** Output language for human-readable text. */
export type Lang = 'sv' | 'en';

const OPERATOR_TEXT: Readonly<Record<string, { sv: string; en: string }>> = {
  equal: { sv: '=', en: '=' },
  notEqual: { sv: '≠', en: '≠' },
  lessThan: { sv: '<', en: '<' },
  lessThanInclusive: { sv: '≤', en: '≤' },
  greaterThan: { sv: '>', en: '>' },
  greaterThanInclusive: { sv: '≥', en: '≥' },
  in: { sv: 'en av', en: 'one of' },
  notIn: { sv: 'inte en av', en: 'not one of' },
  rateAbove: { sv: 'över', en: 'over' },
  rateAtLeast: { sv: 'minst', en: 'at least' },
};

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

/**
 * A rate for display: one decimal, with the exact minutes. Display only:
 * rules compare the exact integers.
 *
 * @param rate - the rate
 * @returns e.g. "20.1 % (201/1000)"
 * @example formatRate({ part: 201, whole: 1000 }) // '20.1 % (201/1000)'
 */
export function formatRate(rate: Rate): string {
  if (rate.whole === 0) return '– (0/0)';
  return `${((rate.part * 100) / rate.whole).toFixed(1)} % (${rate.part}/${rate.whole})`;
}

function isListReference(x: unknown): x is ListReference {
  return typeof x === 'object' && x !== null && 'list' in x && 'length' in x && !Array.isArray(x);
}

function formatValue(value: unknown, lang: Lang): string {
  if (isRate(value)) return formatRate(value);
  // A long `in` list is referenced, not copied, into decisions (policy budgets).
  if (isListReference(value)) return lang === 'sv' ? `listan ${value.list} (${value.length} värden)` : `the list ${value.list} (${value.length} values)`;
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
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
  return (FACT_CATALOG as Record<string, { sv: string; en: string } | undefined>)[fact]?.[lang] ?? fact;
}

/**
 * One evidence leaf as a sentence fragment.
 *
 * @param e - the evidence item
 * @param lang - output language
 * @returns e.g. "✓ Frånvaro i terminen (giltig + ogiltig) över 20 %: 23.4 % (1234/5273)"
 * @example formatEvidence({ fact: 'grade', operator: 'greaterThanInclusive', value: 4, actual: 7, result: true, via: [] }, 'en') // '✓ Grade ≥ 4: 7'
 */
export function formatEvidence(e: EvidenceItem, lang: Lang): string {
  const label = factLabel(e.fact, lang);
  const op = OPERATOR_TEXT[e.operator]?.[lang] ?? e.operator;
  const threshold = e.operator === 'rateAbove' || e.operator === 'rateAtLeast' ? `${String(e.value)} %` : formatValue(e.value, lang);
  const mark = e.result ? '✓' : '✗';
  return `${mark} ${label} ${op} ${threshold}: ${formatValue(e.actual, lang)}`;
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

/**
 * A percentage with one decimal, a decimal comma in Swedish. Display only.
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

/** Whether `rate` is over (`rateAbove`) or at least (`rateAtLeast`) `percent`, in integers as the rules compare. */
function meets(rate: Rate, percent: number, operator: string): boolean {
  return operator === 'rateAbove' ? rate.part * 100 > rate.whole * percent : rate.part * 100 >= rate.whole * percent;
}

function valueText(value: unknown, lang: Lang): string {
  if (typeof value === 'boolean') return value ? (lang === 'sv' ? 'ja' : 'yes') : lang === 'sv' ? 'nej' : 'no';
  if (value === null) return lang === 'sv' ? 'saknas' : 'none';
  if (isRate(value)) return `${formatPercent(value.part, value.whole, lang)} (${value.part}/${value.whole})`;
  if (isListReference(value)) return lang === 'sv' ? `listan ${value.list} (${value.length} värden)` : `the list ${value.list} (${value.length} values)`;
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang)).join(lang === 'sv' ? ' eller ' : ' or ');
  return String(value);
}

/**
 * One evidence leaf as a plain sentence: what was seen, and how it stands to
 * the condition. A rate at a threshold is never ambiguous: the exact minutes
 * are given and the sentence says whether it is over it, as the rule decided.
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
  const label = factLabel(e.fact, lang);
  if ((e.operator === 'rateAbove' || e.operator === 'rateAtLeast') && isRate(e.actual) && typeof e.value === 'number') {
    const op = OPERATOR_TEXT[e.operator]?.[lang] ?? e.operator;
    const yes = meets(e.actual, e.value, e.operator);
    const threshold = `${lang === 'sv' ? String(e.value).replace('.', ',') : String(e.value)} %`;
    return `${label}: ${valueText(e.actual, lang)} – ${yes ? '' : lang === 'sv' ? 'inte ' : 'not '}${op} ${threshold}.`;
  }
  // A condition met by equality needs no comparison: "Skolan har skolsocialt team: ja."
  if (e.result && (e.operator === 'equal' || e.operator === 'in')) return `${label}: ${valueText(e.actual, lang)}.`;
  const op = OPERATOR_TEXT[e.operator]?.[lang] ?? e.operator;
  const holds = e.result ? '' : lang === 'sv' ? ' (uppfylls inte)' : ' (not met)';
  return `${label}: ${valueText(e.actual, lang)} (${lang === 'sv' ? 'villkor' : 'condition'} ${op} ${valueText(e.value, lang)})${holds}.`;
}
