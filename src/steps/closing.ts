import { OUTCOME_RANK, recordsStep } from '../model/measures.js';
import type { Measure } from '../model/studentCase.js';
import type { StepId } from '../model/vocabulary.js';
import { STEP_CATALOG } from './catalog.js';

/**
 * The measure that closes a duty that arose on `arisesOn`: the latest measure
 * of the step dated from `arisesOn` to asOf, or, for the duties that
 * presuppose an opened investigation (`closedByObehovligt`), the rektor's
 * `obehovligt` decision in that range. A measure dated before the duty arose
 * belongs to an earlier duty and closes nothing; one dated the same day
 * closes it. Of measures on the same day, done or started outweighs obehovligt.
 * A measure that is not its step taken (`recordsStep`: an orosanmälan not
 * `done`, an `obehovligt` same-day notice) closes nothing.
 *
 * @param step - the step
 * @param arisesOn - the date the duty arose
 * @param measures - the case's measures
 * @param asOf - ISO evaluation date
 * @returns the closing measure, or undefined while the duty is open
 * @example closingMeasure('eht', '2026-11-02', [{ step: 'eht', date: '2026-11-02', outcome: 'done' }], '2026-11-23')?.date // '2026-11-02'
 */
export function closingMeasure(step: StepId, arisesOn: string, measures: readonly Measure[], asOf: string): Measure | undefined {
  const obehovligt = STEP_CATALOG[step].closedByObehovligt === true;
  let best: Measure | undefined;
  for (const m of measures) {
    if (m.date < arisesOn || m.date > asOf) continue;
    const closes = (m.step === step && recordsStep(m)) || (obehovligt && m.step === 'rektor-utredning' && m.outcome === 'obehovligt');
    if (!closes) continue;
    if (best === undefined || m.date > best.date || (m.date === best.date && OUTCOME_RANK[m.outcome] < OUTCOME_RANK[best.outcome])) best = m;
  }
  return best;
}
