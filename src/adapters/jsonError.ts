import { both, type Template, type Templates } from '../model/template.js';

/**
 * What is wrong with a text that is not JSON, sv and en: the `en` is V8's own
 * phrase where it has a fixed one (none of them quotes the input), and the
 * sentences that place it (a character of a line, a line and column of a
 * document).
 */
export const JSON_ERROR_TEXT = {
  unexpectedCharacter: { sv: 'oväntat tecken', en: 'unexpected character' },
  notJson: { sv: 'inte giltig JSON', en: 'not valid JSON' },
  commaOrBrace: { sv: "förväntade ',' eller '}' efter värdet", en: "Expected ',' or '}' after property value" },
  commaOrBracket: { sv: "förväntade ',' eller ']' efter elementet", en: "Expected ',' or ']' after array element" },
  quotedName: { sv: 'förväntade ett namn inom dubbla citattecken', en: 'Expected double-quoted property name' },
  colon: { sv: "förväntade ':' efter namnet", en: "Expected ':' after property name" },
  nameOrBrace: { sv: "förväntade ett namn eller '}'", en: "Expected property name or '}'" },
  controlCharacter: { sv: 'otillåtet styrtecken i en sträng', en: 'Bad control character in string literal' },
  badEscape: { sv: 'felaktig escape-sekvens', en: 'Bad escaped character' },
  badUnicodeEscape: { sv: 'felaktig Unicode-escape', en: 'Bad Unicode escape' },
  textAfter: { sv: 'mer text efter JSON-värdet', en: 'Unexpected non-whitespace character after JSON' },
  endOfInput: { sv: 'texten tar slut mitt i ett värde', en: 'Unexpected end of JSON input' },
  unterminatedString: { sv: 'en sträng som inte avslutas', en: 'Unterminated string' },
  unexpectedNumber: { sv: 'oväntat tal', en: 'Unexpected number' },
  unexpectedString: { sv: 'oväntad sträng', en: 'Unexpected string' },
  minusWithoutNumber: { sv: 'inget tal efter minustecknet', en: 'No number after minus sign' },
  exponent: { sv: 'exponenten saknar ett tal', en: 'Exponent part is missing a number' },
  fraction: { sv: 'decimaldelen saknar siffror', en: 'Unterminated fractional number' },
  invalid: { sv: 'ogiltig JSON: {words}', en: 'invalid JSON: {words}' },
  atCharacter: { sv: 'ogiltig JSON: {words} vid tecken {n}', en: 'invalid JSON: {words} at character {n}' },
  atLineColumn: { sv: 'ogiltig JSON på rad {line}, kolumn {column}: {words}', en: 'invalid JSON at line {line}, column {column}: {words}' },
  endsEarly: { sv: 'ogiltig JSON: {words} (texten tar slut för tidigt)', en: 'invalid JSON: {words} (the text ends too early)' },
} as const satisfies Templates;

type WordKey = Exclude<keyof typeof JSON_ERROR_TEXT, 'invalid' | 'atCharacter' | 'atLineColumn' | 'endsEarly'>;

/** V8's own words for what is wrong, by their English: none of them quotes the input. */
const OWN_WORDS: ReadonlyMap<string, WordKey> = new Map(
  (Object.keys(JSON_ERROR_TEXT) as Array<keyof typeof JSON_ERROR_TEXT>)
    .filter((k): k is WordKey => !['invalid', 'atCharacter', 'atLineColumn', 'endsEarly', 'unexpectedCharacter', 'notJson'].includes(k))
    .map((k) => [JSON_ERROR_TEXT[k].en, k]),
);
const AT = / (?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?$/;

/** V8's message without its position, and the position when it gives one. */
function split(message: string): { readonly head: string; readonly at: number | undefined } {
  const m = AT.exec(message);
  return m === null ? { head: message, at: undefined } : { head: message.slice(0, m.index), at: Number(m[1]) };
}

/** Whether parsing `prefix` failed only because it ends too early (or did not fail). */
function endsEarly(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const { head, at } = split((error as Error).message);
    return head === 'Unexpected end of JSON input' || head === 'Unterminated string' || at === prefix.length;
  }
}

/** Where and why a text is not JSON: V8's fixed words (never the input), sv and en, and the 0-based position when known. */
export interface JsonErrorAt {
  /** In English (`text.en`). */
  readonly words: string;
  readonly text: Template;
  readonly position: number | undefined;
}

/**
 * Why a text is not JSON, and where, in words that never quote it
 * (`jsonErrorText` for the message): the position lets a reader of a whole
 * document name the line.
 *
 * @param error - what `JSON.parse(text)` threw
 * @param text - the text it was given
 * @returns the words and the 0-based position of the bad character (undefined when the text ends too early)
 * @example try { JSON.parse('{"a":1') } catch (error) { jsonErrorAt(error, '{"a":1') } // { words: "Expected ',' or '}' after property value", text: { sv: "förväntade ',' eller '}' efter värdet", en: … }, position: 6 }
 */
export function jsonErrorAt(error: unknown, text: string): JsonErrorAt {
  const { head, at } = split(error instanceof Error ? error.message : '');
  let position = at;
  if (position === undefined && head !== 'Unexpected end of JSON input') {
    // The first prefix that fails for a reason other than ending early ends at the bad character.
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (endsEarly(text.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    position = lo < text.length ? lo : undefined;
  }
  const key: WordKey = head.startsWith('Unexpected token') ? 'unexpectedCharacter' : (OWN_WORDS.get(head) ?? 'notJson');
  const words = JSON_ERROR_TEXT[key];
  return { words: words.en, text: words, position };
}


/**
 * Why a text is not JSON, as a sentence in both languages that never quotes
 * it: where it goes wrong — the character, for a text of one line (a line of
 * NDJSON, whose line the caller names), else the line and column — and what
 * is wrong, V8's fixed phrase in English and its Swedish. A text that ends
 * too early says so instead of naming a place past its end.
 *
 * @param error - what `JSON.parse(text)` threw
 * @param text - the text it was given
 * @returns `{ sv, en }`
 * @example
 * const text = '{\n  "id": Anna\n}';
 * try { JSON.parse(text) } catch (error) { jsonErrorText(error, text).sv } // 'ogiltig JSON på rad 2, kolumn 9: oväntat tecken'
 * @example
 * try { JSON.parse('{"a":1') } catch (error) { jsonErrorText(error, '{"a":1').en } // "invalid JSON: Expected ',' or '}' after property value at character 7"
 */
export function jsonErrorText(error: unknown, text: string): Template {
  const { text: words, position } = jsonErrorAt(error, text);
  const of = (lang: 'sv' | 'en') => ({ words: words[lang] });
  if (position === undefined) return both(JSON_ERROR_TEXT.invalid, of);
  // A text cut short fails at (or past) its end: there is no character there to name.
  if (position >= text.trimEnd().length) return both(JSON_ERROR_TEXT.endsEarly, of);
  if (!text.includes('\n')) return both(JSON_ERROR_TEXT.atCharacter, (lang) => ({ ...of(lang), n: position + 1 }));
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  const line = text.slice(0, lineStart).split('\n').length;
  return both(JSON_ERROR_TEXT.atLineColumn, (lang) => ({ ...of(lang), line, column: position - lineStart + 1 }));
}
