import type { BatchProgress, ProgressState } from '../run/progressState.js';
import { formatOpenProgress, formatProgress } from '../report/progressText.js';
import type { Lang } from '../report/text.js';

/** A writable terminal stream, or anything with the same shape (for tests). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A progress bar on a terminal: redraws at most every `intervalMs`, and does
 * nothing at all when the stream is not a terminal (a nightly job's log stays
 * clean). With `delayMs`, nothing is drawn before the run has lasted that
 * long: a run of a second leaves no bar behind. A state with `total` 0 (not
 * known in advance, e.g. streamed case files) is drawn without a bar.
 */
export class ProgressBar implements BatchProgress {
  private last = 0;
  private drawn = false;

  /**
   * @param stream - usually `process.stderr`
   * @param enabled - force on or off; default: only when `stream.isTTY`
   * @param intervalMs - minimum time between redraws
   * @param lang - language of the line (default sv)
   * @param delayMs - draw nothing until this long after construction
   */
  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled = stream.isTTY === true,
    private readonly intervalMs = 200,
    private readonly lang: Lang = 'sv',
    delayMs = 0,
  ) {
    this.startAt = Date.now() + delayMs;
  }

  private readonly startAt: number;

  /** Redraw if enough time has passed (or `force`). */
  update(state: ProgressState, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && (now < this.startAt || now - this.last < this.intervalMs)) return;
    this.last = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[2K${state.total > 0 ? formatProgress(state, undefined, this.lang) : formatOpenProgress(state, this.lang)}`);
  }

  /** Finish the line so later output starts on a new one. */
  done(): void {
    if (this.enabled && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
