/**
 * SIGINT and SIGTERM as an `AbortSignal` for one command's run: a signal
 * aborts it (and is remembered), so the command can stop where it is, remove
 * its temp files and exit with 130 or 143 instead of being killed with its
 * temp files left behind. Used by `trappa report`, whose spool is as large as
 * a night's decisions file, and by the batch (`evaluateLessons`), which also
 * stops when stdout closes and so passes its own controller and hears each
 * signal.
 *
 * @param controller - aborted by a signal (default: a new one)
 * @param onSignal - optional: told each signal as it comes
 * @returns the signal, which signal stopped the run last (if any), and `release` to stop listening
 * @example const stop = stopOnSignals(); try { await work(stop.signal); } finally { stop.release(); } stop.stoppedBy() // 'SIGTERM' after `kill <pid>`
 */
export function stopOnSignals(
  controller = new AbortController(),
  onSignal?: (signal: NodeJS.Signals) => void,
): { readonly signal: AbortSignal; stoppedBy(): NodeJS.Signals | undefined; release(): void } {
  let stoppedBy: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    stoppedBy = signal;
    onSignal?.(signal);
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    stoppedBy: () => stoppedBy,
    release() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
