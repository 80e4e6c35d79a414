/**
 * `trappa evaluate … | head`: a reader that stops early is not an error.
 * A running batch registers how to stop cleanly (threads stopped, temp files
 * removed); otherwise the process ends at once with exit code 0.
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
 * Install the EPIPE handling on `process.stdout` (once, from the CLI's entry).
 *
 * @example installStdoutClosedHandler()
 */
export function installStdoutClosedHandler(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (onClosed === undefined) process.exit(0);
    const stop = onClosed;
    onClosed = undefined;
    stop();
  });
}
