import type { Measure, Signal } from '../model/studentCase.js';
import type { StepId } from '../model/vocabulary.js';
import { latestMeasure } from '../model/measures.js';
import type { Renewal } from './catalog.js';

export { latestMeasure };

/** What renewal needs to know about the student's timeline. */
export interface RenewalContext {
  readonly asOf: string;
  readonly termStart: string | null;
  /** The school day `followUpIntervalSchoolDays` before asOf; measures after it are recent. */
  readonly intervalStart: string;
  readonly measures: readonly Measure[];
  readonly signals: readonly Signal[];
  readonly orosanmalanDate: string | undefined;
}

/**
 * The measure that makes a step already taken, if any, under the step's
 * renewal rule (see `Renewal`).
 *
 * @param step - the step id
 * @param renewal - its renewal rule
 * @param ctx - the timeline
 * @returns the measure that covers the step, or undefined
 * @example takenBy('orosanmalan', { kind: 'per-signal', signals: ['harm-suspected'] }, ctx)
 */
export function takenBy(step: StepId, renewal: Renewal, ctx: RenewalContext): Measure | undefined {
  const m = latestMeasure(ctx.measures, step, ctx.asOf);
  if (m === undefined) return undefined;
  const since = (from: string | null | undefined): Measure | undefined => (from != null && m.date >= from ? m : undefined);
  switch (renewal.kind) {
    case 'daily':
      return m.date === ctx.asOf ? m : undefined;
    case 'per-term':
      return since(ctx.termStart);
    case 'interval':
      return m.date > ctx.intervalStart ? m : undefined;
    case 'after-orosanmalan':
      return since(ctx.orosanmalanDate);
    case 'per-signal': {
      let latestSignal: string | undefined;
      for (const s of ctx.signals) {
        if (renewal.signals.includes(s.type) && s.date <= ctx.asOf && (latestSignal === undefined || s.date > latestSignal)) {
          latestSignal = s.date;
        }
      }
      return since(latestSignal ?? ctx.termStart);
    }
  }
}
