/**
 * What this process must remove if it ends abruptly (an uncaught exception,
 * `process.exit` from a stream error): temp files, temp directories, locks.
 * The batch registers each one while it exists; the CLI runs them from its
 * `uncaughtException` and `exit` handlers. The library installs no process
 * handlers itself. Nothing runs after SIGKILL or an out-of-memory abort: the
 * next run sweeps what those leave (see `sweepStaleTempDirs`, `sweepStaleTemps`).
 */
const actions = new Set<() => void>();

/**
 * Register a synchronous clean-up action.
 *
 * @param action - removes one thing; errors are ignored
 * @returns a function that unregisters it (call it once the thing is gone)
 * @example const done = registerCleanup(() => rmSync(dir, { recursive: true, force: true })); … done(); // registered: 0 again
 */
export function registerCleanup(action: () => void): () => void {
  actions.add(action);
  return () => {
    actions.delete(action);
  };
}

/**
 * Run and unregister every registered action, ignoring their errors.
 *
 * @returns how many actions ran
 * @example registerCleanup(() => undefined); runCleanups() // 1 (when nothing else was registered)
 */
export function runCleanups(): number {
  const all = [...actions];
  actions.clear();
  for (const action of all) {
    try {
      action();
    } catch {
      // Best effort: the process is ending.
    }
  }
  return all.length;
}
