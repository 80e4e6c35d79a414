/** V8's own words for what is wrong, kept as they are: none of them quotes the input. */
const OWN_WORDS: ReadonlySet<string> = new Set([
  "Expected ',' or '}' after property value",
  "Expected ',' or ']' after array element",
  'Expected double-quoted property name',
  "Expected ':' after property name",
  "Expected property name or '}'",
  'Bad control character in string literal',
  'Bad escaped character',
  'Bad Unicode escape',
  'Unexpected non-whitespace character after JSON',
  'Unexpected end of JSON input',
  'Unterminated string',
  'Unexpected number',
  'Unexpected string',
  'No number after minus sign',
  'Exponent part is missing a number',
  'Unterminated fractional number',
]);
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

/** Where and why a text is not JSON: V8's fixed words (never the input), and the 0-based position when known. */
export interface JsonErrorAt {
  readonly words: string;
  readonly position: number | undefined;
}

/**
 * Why a text is not JSON, and where, in words that never quote it
 * (`jsonErrorReason` for the message): the position lets a reader of a whole
 * document name the line.
 *
 * @param error - what `JSON.parse(text)` threw
 * @param text - the text it was given
 * @returns the words and the 0-based position of the bad character (undefined when the text ends too early)
 * @example try { JSON.parse('{"a":1') } catch (error) { jsonErrorAt(error, '{"a":1') } // { words: "Expected ',' or '}' after property value", position: 6 }
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
  const words = head.startsWith('Unexpected token') ? 'unexpected character' : OWN_WORDS.has(head) ? head : 'not valid JSON';
  return { words, position };
}

/**
 * Why a text is not JSON, in words that never quote it: V8's messages repeat
 * the input (`Unexpected token 'A', "{"namn":Anna Ander"... is not valid
 * JSON`), and input may hold a name, a personnummer or a terminal escape.
 * The result is V8's own description when it is one of its fixed phrases
 * (else "not valid JSON"), and the character where the text goes wrong.
 *
 * @param error - what `JSON.parse(text)` threw
 * @param text - the text it was given (to find the position V8 does not give)
 * @returns e.g. `unexpected character at character 9`
 * @example
 * const text = '{"namn":Anna Ander';
 * try { JSON.parse(text) } catch (error) { jsonErrorReason(error, text) } // 'unexpected character at character 9'
 * @example
 * try { JSON.parse('{"a":1') } catch (error) { jsonErrorReason(error, '{"a":1') } // "Expected ',' or '}' after property value at character 7"
 */
export function jsonErrorReason(error: unknown, text: string): string {
  const { words, position } = jsonErrorAt(error, text);
  return position === undefined ? words : `${words} at character ${position + 1}`;
}
