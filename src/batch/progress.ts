/** Where a batch run is. */
export interface ProgressState {
  readonly phase: 'reading' | 'evaluating';
  /** Reading: bytes of the lesson files; evaluating: students. */
  readonly done: number;
  readonly total: number;
  readonly recordsRead: number;
  readonly studentsEvaluated: number;
  /** Seconds since the phase began. */
  readonly elapsedS: number;
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  const total = Math.max(0, Math.round(s));
  const m = Math.floor(total / 60);
  return `${m}:${String(total % 60).padStart(2, '0')}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * One progress line: a bar, records read, students evaluated, the rate and
 * the time left, estimated from the rate so far. Pure, for testing.
 *
 * @param p - the state
 * @param width - bar width in characters
 * @returns e.g. `reading    [#####·····]  50%  1,200,000 records  0 students  400,000 records/s  ETA 0:03`
 * @example formatProgress({ phase: 'reading', done: 50, total: 100, recordsRead: 10, studentsEvaluated: 0, elapsedS: 1 }, 10)
 */
export function formatProgress(p: ProgressState, width = 24): string {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const filled = Math.round(share * width);
  const rate = p.elapsedS > 0 ? p.done / p.elapsedS : 0;
  const eta = rate > 0 ? (p.total - p.done) / rate : Number.POSITIVE_INFINITY;
  const speed = p.phase === 'reading' ? `${count(Math.round(p.elapsedS > 0 ? p.recordsRead / p.elapsedS : 0))} records/s` : `${count(Math.round(rate))} students/s`;
  return `${p.phase.padEnd(10)} [${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${count(p.recordsRead)} records  ${count(p.studentsEvaluated)} students  ${speed}  ETA ${duration(eta)}`;
}

/** A writable terminal stream, or anything with the same shape (for tests). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A progress bar on a terminal: redraws at most every `intervalMs`, and does
 * nothing at all when the stream is not a terminal (a nightly job's log stays
 * clean).
 */
export class ProgressBar {
  private last = 0;
  private drawn = false;

  /**
   * @param stream - usually `process.stderr`
   * @param enabled - force on or off; default: only when `stream.isTTY`
   * @param intervalMs - minimum time between redraws
   */
  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled = stream.isTTY === true,
    private readonly intervalMs = 200,
  ) {}

  /** Redraw if enough time has passed (or `force`). */
  update(state: ProgressState, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < this.intervalMs) return;
    this.last = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[2K${formatProgress(state)}`);
  }

  /** Finish the line so later output starts on a new one. */
  done(): void {
    if (this.enabled && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
