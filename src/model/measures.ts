import type { Measure } from './studentCase.js';
import type { StepId } from './vocabulary.js';

/**
 * Whether a recorded measure is its step taken: what closes the step's duty
 * and what the facts count (`latestMeasure`, `closingMeasure`, a reported
 * concern). Two statutory steps cannot be discharged by deciding they are
 * unnecessary:
 * - **An orosanmälan is made or it is not.** Only `done` discharges the duty
 *   to report, which arises on suspicion and must be met at once, with no
 *   investigation first (SoL 14:1; domain.md §2.1). A `started` or
 *   `obehovligt` one is no report.
 * - **The same-day notice to the guardians** (SL 7:17, 15:16; domain.md §1.2)
 *   may wait for särskilda skäl, but is never unnecessary: an `obehovligt`
 *   notice informs no one.
 * Every other measure is its step taken, as before: `obehovligt` is the
 * rektor's decision on an investigation (SL 7:19 a), and a school that
 * refrains from a CSN report for särskilda skäl records it so (docs/policies.md).
 * A measure that is not its step taken leaves the duty open, the cautious
 * reading, as `OUTCOME_RANK` reads contradictory measures of one day.
 *
 * @param m - a recorded measure
 * @returns true when it is the step taken
 * @example recordsStep({ step: 'orosanmalan', date: '2026-11-17', outcome: 'obehovligt' }) // false
 * @example recordsStep({ step: 'rektor-utredning', date: '2026-11-17', outcome: 'obehovligt' }) // true
 */
export function recordsStep(m: Measure): boolean {
  if (m.step === 'orosanmalan') return m.outcome === 'done';
  if (m.step === 'vardnadshavare-informeras') return m.outcome !== 'obehovligt';
  return true;
}

/**
 * The latest measure of a step on or before asOf (of those that record the
 * step: `recordsStep`).
 *
 * @param measures - the case's measures
 * @param step - the step id
 * @param asOf - ISO evaluation date
 * @param from - optional earliest date (e.g. the term start)
 * @returns the latest measure or undefined
 * @example latestMeasure([{ step: 'eht', date: '2026-09-01', outcome: 'done' }], 'eht', '2026-11-23')?.date // '2026-09-01'
 */
export function latestMeasure(
  measures: readonly Measure[],
  step: StepId,
  asOf: string,
  from: string | undefined = undefined,
): Measure | undefined {
  let latest: Measure | undefined;
  for (const m of measures) {
    if (m.step !== step || m.date > asOf || (from !== undefined && m.date < from) || !recordsStep(m)) continue;
    if (latest === undefined || m.date > latest.date || (m.date === latest.date && OUTCOME_RANK[m.outcome] < OUTCOME_RANK[latest.outcome])) {
      latest = m;
    }
  }
  return latest;
}

/**
 * Measures of one step on the same day are read in this order, whatever
 * their order in the input: a done or started step outweighs a recorded
 * "obehövligt", so contradictory records keep the duties that follow an
 * opened investigation (the cautious reading).
 */
export const OUTCOME_RANK: Readonly<Record<Measure['outcome'], number>> = { done: 0, started: 1, obehovligt: 2 };
