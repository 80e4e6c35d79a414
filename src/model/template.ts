// A sentence of the output is one template per language with named
// slots, kept as data in a `{ sv, en }` table per concept: both languages
// fill the same slots (test/report/translations.test.ts checks it), and no
// sentence is glued together from half-translated pieces.

/** A sentence in both output languages, with `{slot}` and `{slot|one|other}` placeholders. */
export interface Template {
  readonly sv: string;
  readonly en: string;
}

/** An output language. */
type Lang = 'sv' | 'en';

/** A table of the sentences of one concept. */
export type Templates = Readonly<Record<string, Template>>;

/** The values of a template's slots. */
export type Slots = Readonly<Record<string, string | number>>;

const SLOT = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/**
 * Fill a template: `{name}` becomes the value, `{name|one|other}` the first
 * form when the value is 1 and the second otherwise (the value itself is not
 * written: `{n} {n|elev|elever}`). Numbers are written as they are: counts
 * are whole, and decimals are formatted by the caller (`formatNumber`).
 *
 * @param template - the text with slots
 * @param slots - a value for every slot
 * @returns the text
 * @throws {Error} when a slot has no value (a programming error, caught by the tests)
 * @example fill('{n} {n|elev|elever}', { n: 1 }) // '1 elev'
 * @example fill('{n} {n|student|students}', { n: 3 }) // '3 students'
 */
export function fill(template: string, slots: Slots = {}): string {
  return template.replace(SLOT, (_all, name: string, one: string | undefined, other: string | undefined) => {
    if (!Object.hasOwn(slots, name)) throw new Error(`template slot {${name}} has no value: ${template}`);
    const value = slots[name] as string | number;
    if (one === undefined) return String(value);
    return value === 1 ? one : (other ?? '');
  });
}

/**
 * A sentence of a table in a language, filled.
 *
 * @param template - the `{ sv, en }` template
 * @param lang - output language
 * @param slots - the slot values
 * @returns the text
 * @example say({ sv: '{n} {n|fil|filer}', en: '{n} {n|file|files}' }, 'sv', { n: 2 }) // '2 filer'
 */
export function say(template: Template, lang: Lang, slots: Slots = {}): string {
  return fill(template[lang], slots);
}

/**
 * The slot names a template uses, sorted and each once (for the tests: sv and en must use the same).
 *
 * @param text - a template text
 * @returns the names
 * @example slotNames('{n} {n|fil|filer} i {dir}') // ['dir', 'n']
 */
export function slotNames(text: string): string[] {
  return [...new Set([...text.matchAll(SLOT)].map((m) => m[1] as string))].sort();
}

/**
 * A template filled in both languages, for data that carries its text in
 * both (a policy check's finding). Slots that are themselves words give a
 * function of the language.
 *
 * @param template - the `{ sv, en }` template
 * @param slots - the slot values, or a function of the language giving them
 * @returns `{ sv, en }`
 * @example both({ sv: 'okänt faktum "{fact}"', en: 'unknown fact "{fact}"' }, { fact: 'x' }) // { sv: 'okänt faktum "x"', en: 'unknown fact "x"' }
 */
export function both(template: Template, slots: Slots | ((lang: Lang) => Slots) = {}): Template {
  const of = (lang: Lang): Slots => (typeof slots === 'function' ? slots(lang) : slots);
  return { sv: fill(template.sv, of('sv')), en: fill(template.en, of('en')) };
}
