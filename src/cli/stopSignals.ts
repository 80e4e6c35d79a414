/**
 * SIGINT and SIGTERM as an `AbortSignal` for one command's run: the first
 * signal aborts it (and is remembered), so the command can stop where it is,
 * remove its temp files and exit with 130 or 143 instead of being killed with
 * its temp files left behind. Used by `trappa report`, whose spool is as
 * large as a night's decisions file.
 *
 * @returns the signal, which signal stopped the run (if any), and `release` to stop listening
 * @example const stop = stopOnSignals(); try { await work(stop.signal); } finally { stop.release(); } stop.stoppedBy() // 'SIGTERM' after `kill <pid>`
 */
export function stopOnSignals(): { readonly signal: AbortSignal; stoppedBy(): NodeJS.Signals | undefined; release(): void } {
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    stoppedBy ??= signal;
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    stoppedBy: () => stoppedBy,
    release() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
