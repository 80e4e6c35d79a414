import { isStdin } from '../io/openInput.js';
import { UsageError } from './usageError.js';
import { both } from '../model/template.js';
import type { Texts } from '../report/labels.js';
import { USAGE_TEXT } from '../report/usageText.js';

/** An input of a command and how to name it in a message. */
export interface NamedInput {
  /** The option (`--students`) or the positional, in words (`lektionsfil 2` / `lesson file 2`). */
  readonly flag: string | Texts;
  readonly path: string | undefined;
}

/**
 * Check that at most one input of a command reads standard input (`-` or
 * `/dev/stdin`): stdin can be read only once.
 *
 * @param inputs - every input the command reads
 * @throws {UsageError} naming the inputs that are stdin
 * @example checkOneStdin([{ flag: '--students', path: '-' }, { flag: 'lesson file 1', path: '-' }]) // throws 'only one input can be read from stdin (- or /dev/stdin); 2 are: --students, lesson file 1'
 */
export function checkOneStdin(inputs: readonly NamedInput[]): void {
  const stdin = inputs.filter((i) => i.path !== undefined && isStdin(i.path)).map((i) => i.flag);
  const named = (lang: 'sv' | 'en') => stdin.map((f) => (typeof f === 'string' ? f : f[lang])).join(', ');
  if (stdin.length > 1) throw new UsageError(both(USAGE_TEXT.oneStdin, (lang) => ({ n: stdin.length, inputs: named(lang) })));
}
