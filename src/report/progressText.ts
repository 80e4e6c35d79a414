import type { ProgressState } from '../run/progressState.js';
import type { Texts } from './labels.js';
import { say, type Templates } from '../model/template.js';
import type { Lang } from './text.js';

/** The phases of a batch run. */
export const PROGRESS_PHASE_TEXT: Readonly<Record<ProgressState['phase'], Texts>> = {
  reading: { sv: 'läser', en: 'reading' },
  evaluating: { sv: 'utvärderar', en: 'evaluating' },
  reporting: { sv: 'rapporter', en: 'reports' },
};

/** The figures of a progress line. */
export const PROGRESS_TEXT = {
  figures: {
    sv: '{records} poster  {students} elever  {speed}  kvar {eta}',
    en: '{records} records  {students} students  {speed}  ETA {eta}',
  },
  recordsPerSecond: { sv: '{n} poster/s', en: '{n} records/s' },
  studentsPerSecond: { sv: '{n} elever/s', en: '{n} students/s' },
  open: { sv: '{students} elever  {speed}  {time}', en: '{students} students  {speed}  {time}' },
} as const satisfies Templates;

function duration(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  const total = Math.max(0, Math.round(s));
  const m = Math.floor(total / 60);
  return `${m}:${String(total % 60).padStart(2, '0')}`;
}

/** A whole number with its thousands grouped: a no-break space in Swedish, a comma in English (by hand: output never depends on the host's Intl data). */
function count(n: number, lang: Lang): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? '\u00a0' : ',');
}

/**
 * One progress line: a bar, records read, students evaluated, the rate and
 * the time left, estimated from the rate so far. Pure, for testing.
 *
 * @param p - the state
 * @param width - bar width in characters
 * @param lang - output language (default sv)
 * @returns e.g. `läser      [#####·····]  50%  1 200 000 poster  0 elever  400 000 poster/s  kvar 0:03`
 * @example formatProgress({ phase: 'reading', done: 50, total: 100, recordsRead: 10, studentsEvaluated: 0, elapsedS: 1 }, 10, 'en')
 * // 'reading    [#####·····]  50%  10 records  0 students  10 records/s  ETA 0:01'
 */
export function formatProgress(p: ProgressState, width = 24, lang: Lang = 'sv'): string {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const filled = Math.round(share * width);
  const rate = p.elapsedS > 0 ? p.done / p.elapsedS : 0;
  const eta = rate > 0 ? (p.total - p.done) / rate : Number.POSITIVE_INFINITY;
  const speed =
    p.phase === 'reading'
      ? say(PROGRESS_TEXT.recordsPerSecond, lang, { n: count(p.elapsedS > 0 ? p.recordsRead / p.elapsedS : 0, lang) })
      : say(PROGRESS_TEXT.studentsPerSecond, lang, { n: count(rate, lang) });
  const figures = say(PROGRESS_TEXT.figures, lang, { records: count(p.recordsRead, lang), students: count(p.studentsEvaluated, lang), speed, eta: duration(eta) });
  return `${PROGRESS_PHASE_TEXT[p.phase][lang].padEnd(10)} [${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${figures}`;
}

/**
 * One progress line for a run whose total is not known in advance (case
 * files are streamed): students so far, the rate and the time taken.
 *
 * @param p - the state (`total` is ignored)
 * @param lang - output language (default sv)
 * @returns e.g. `utvärderar  12 000 elever  4 000 elever/s  0:03`
 * @example formatOpenProgress({ phase: 'evaluating', done: 12000, total: 0, recordsRead: 0, studentsEvaluated: 12000, elapsedS: 3 }, 'en')
 * // 'evaluating  12,000 students  4,000 students/s  0:03'
 */
export function formatOpenProgress(p: ProgressState, lang: Lang = 'sv'): string {
  const rate = p.elapsedS > 0 ? p.done / p.elapsedS : 0;
  const figures = say(PROGRESS_TEXT.open, lang, { students: count(p.studentsEvaluated, lang), speed: say(PROGRESS_TEXT.studentsPerSecond, lang, { n: count(rate, lang) }), time: duration(p.elapsedS) });
  return `${PROGRESS_PHASE_TEXT[p.phase][lang].padEnd(10)}  ${figures}`;
}
