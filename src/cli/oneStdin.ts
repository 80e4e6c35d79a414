import { isStdin } from '../io/openInput.js';
import { UsageError } from './usageError.js';

/** An input of a command and how to name it in a message. */
export interface NamedInput {
  /** The option (`--students`) or the positional (`lesson file 2`). */
  readonly flag: string;
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
  if (stdin.length > 1) throw new UsageError(`only one input can be read from stdin (- or /dev/stdin); ${stdin.length} are: ${stdin.join(', ')}`);
}
