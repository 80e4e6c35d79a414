import { fill, say } from '../model/template.js';
import type { Lang } from '../report/text.js';
import { SYSTEM_ERROR_TEXT, USAGE_TEXT } from '../report/usageText.js';

/** The first quoted token of a message (`'--students <value>'` → `--students`). */
function quoted(message: string): string | undefined {
  return /'([^']*)'/.exec(message)?.[1]?.replace(/ <value>$/, '');
}

/** A parseArgs error in words, or undefined for another error. */
function parseArgsText(code: string, message: string, lang: Lang): string | undefined {
  const option = quoted(message);
  if (option === undefined) return undefined;
  const o = { option, value: `"${option}"` };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return say(USAGE_TEXT.unknownOption, lang, o);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return say(USAGE_TEXT.unexpectedArgument, lang, { value: `"${option}"` });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return say(message.includes('does not take an argument') ? USAGE_TEXT.noValue : USAGE_TEXT.missingValue, lang, o);
  return undefined;
}

/** The `{ sv, en }` an error carries (a usage error, a policy error, a batch's input or output error), if any. */
function ownText(error: unknown): { readonly sv: string; readonly en: string } | undefined {
  const text = typeof error === 'object' && error !== null ? (error as { text?: unknown }).text : undefined;
  if (typeof text !== 'object' || text === null) return undefined;
  const { sv, en } = text as { sv?: unknown; en?: unknown };
  return typeof sv === 'string' && typeof en === 'string' ? { sv, en } : undefined;
}

/**
 * What an error that ended a command says, in the run's language: the text
 * an error carries in both languages (a usage error, `PolicyError`, the
 * batch's input, output and `--previous` errors), `parseArgs`' and the file
 * system's errors in Swedish by their code; in English (and for anything
 * else) the error's message as it is.
 *
 * @param error - what was thrown
 * @param lang - output language
 * @returns the message
 * @example errorText(Object.assign(new Error("ENOENT: no such file or directory, open 'x.json'"), { code: 'ENOENT', path: 'x.json' }), 'sv') // 'filen eller katalogen finns inte: x.json'
 */
export function errorText(error: unknown, lang: Lang): string {
  const own = ownText(error);
  if (own !== undefined) return own[lang];
  const message = error instanceof Error ? error.message : String(error);
  if (lang === 'en') return message;
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return parseArgsText(code, message, lang) ?? message;
  if (typeof code === 'string' && typeof path === 'string' && Object.hasOwn(SYSTEM_ERROR_TEXT, code)) return fill(SYSTEM_ERROR_TEXT[code as keyof typeof SYSTEM_ERROR_TEXT].sv, { path });
  return message;
}
