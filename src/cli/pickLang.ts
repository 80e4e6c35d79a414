import { both } from '../model/template.js';
import type { Lang } from '../report/text.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { UsageError } from './usageError.js';

/**
 * The `--lang` of a command: `sv` or `en`.
 *
 * @param value - the option's value
 * @returns the language
 * @throws {UsageError} for anything else
 * @example pickLang('en') // 'en'
 */
export function pickLang(value: string): Lang {
  if (value !== 'sv' && value !== 'en') throw new UsageError(both(USAGE_TEXT.lang, { value: JSON.stringify(value) }));
  return value;
}
