import { writeFileAtomic } from './atomicFile.js';
import { OutputWriteError } from './outputErrors.js';

/**
 * Write a whole output file of a command atomically (`writeFileAtomic`): the
 * old file stays until the new one is complete.
 *
 * @param flag - the option naming the file, for the message
 * @param path - the file
 * @param text - its content
 * @throws {OutputWriteError} naming the option and the file (exit code 74)
 * @example writeOutputFile('--summary-json', 'summary.json', '{}\n') // summary.json holds '{}\n'
 */
export function writeOutputFile(flag: string, path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw new OutputWriteError(`${flag} ${path}`, error as NodeJS.ErrnoException);
  }
}
