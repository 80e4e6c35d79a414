import type { ProgressState } from '../run/progressState.js';

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

/**
 * One progress line for a run whose total is not known in advance (case
 * files are streamed): students so far, the rate and the time taken.
 *
 * @param p - the state (`total` is ignored)
 * @returns e.g. `evaluating  12,000 students  4,000 students/s  0:03`
 * @example formatOpenProgress({ phase: 'evaluating', done: 12000, total: 0, recordsRead: 0, studentsEvaluated: 12000, elapsedS: 3 })
 */
export function formatOpenProgress(p: ProgressState): string {
  const rate = p.elapsedS > 0 ? Math.round(p.done / p.elapsedS) : 0;
  return `${p.phase.padEnd(10)}  ${count(p.studentsEvaluated)} students  ${count(rate)} students/s  ${duration(p.elapsedS)}`;
}
