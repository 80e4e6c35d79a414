import { runCleanups } from '../io/exitCleanup.js';
import { systemErrorText } from '../io/outputErrors.js';
import { say } from '../model/template.js';
import { OUTPUT_FAILURE_TEXT } from '../report/failureText.js';
import type { Lang } from '../report/text.js';
import { EXIT } from './exitCodes.js';

/**
 * `trappa evaluate … | head`: a reader that stops early is not an error.
 * A running batch registers how to stop cleanly (threads stopped, temp files
 * removed); otherwise the process ends at once with exit code 0. Any other
 * error writing stdout (`/dev/full`, an I/O error) ends the command with one
 * line on stderr and exit code 74.
 */
let onClosed: (() => void) | undefined;

/**
 * Call `stop` instead of exiting when stdout's reader goes away.
 *
 * @param stop - stops the work in progress
 * @returns a function that removes the registration
 * @example const release = whenStdoutCloses(() => controller.abort()); … release();
 */
export function whenStdoutCloses(stop: () => void): () => void {
  onClosed = stop;
  return () => {
    if (onClosed === stop) onClosed = undefined;
  };
}

/**
 * Install the handling of stdout errors (once, from the CLI's entry): EPIPE
 * stops cleanly with exit 0; any other error exits 74 with one line.
 *
 * @param lang - the run's language, for the one line
 * @example installStdoutClosedHandler('sv')
 */
export function installStdoutClosedHandler(lang: Lang = 'sv'): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      // A running batch sees the error on its own listener and stops with
      // OutputWriteError (temp files removed, exit code 74). Otherwise: one line and exit 74.
      if (onClosed !== undefined) return;
      process.stderr.write(`trappa: ${say(OUTPUT_FAILURE_TEXT.cannotWriteStdout, lang, { error: systemErrorText(error)[lang] })}\n`);
      runCleanups();
      process.exit(EXIT.writeFailed);
    }
    if (onClosed === undefined) process.exit(0);
    const stop = onClosed;
    onClosed = undefined;
    stop();
  });
}
