import type { Facts } from '../model/facts.js';
import { typologyFact } from '../model/factCatalog.js';
import { ABSENCE_TYPES } from '../model/typology.js';
import { HUVUDMAN_TEXT, SCHOOL_FORM_TEXT, STUDIEHJALP_TEXT, TREND_TEXT, TYPOLOGY_LEVEL_TEXT, type Texts } from './labels.js';

/**
 * The labels of the values of each string fact with a closed vocabulary
 * (school form, organiser, trend, studiehjälp, the typology levels): the
 * text output shows "oförändrad", not "stable". A test checks that every
 * fact with `values` in the catalog, and every closed string fact, is here.
 */
export const FACT_VALUE_TEXT: Readonly<Partial<Record<keyof Facts, Readonly<Record<string, Texts>>>>> = {
  schoolForm: SCHOOL_FORM_TEXT,
  huvudman: HUVUDMAN_TEXT,
  trend: TREND_TEXT,
  studiehjalp: STUDIEHJALP_TEXT,
  ...Object.fromEntries(ABSENCE_TYPES.map((t) => [typologyFact(t), TYPOLOGY_LEVEL_TEXT])),
};

/**
 * The label of one value of a fact, when the fact's values are a closed vocabulary.
 *
 * @param fact - the fact name
 * @param value - its value
 * @returns sv and en, or undefined for a free value or another fact
 * @example valueLabel('trend', 'stable')?.sv // 'oförändrad'
 * @example valueLabel('termId', 'ht2026') // undefined
 */
export function valueLabel(fact: string, value: string): Texts | undefined {
  const table = Object.hasOwn(FACT_VALUE_TEXT, fact) ? FACT_VALUE_TEXT[fact as keyof Facts] : undefined;
  return table !== undefined && Object.hasOwn(table, value) ? table[value] : undefined;
}
