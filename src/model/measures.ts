import type { Measure } from './studentCase.js';
import type { StepId } from './vocabulary.js';

/**
 * The latest measure of a step on or before asOf.
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
    if (m.step !== step || m.date > asOf || (from !== undefined && m.date < from)) continue;
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
