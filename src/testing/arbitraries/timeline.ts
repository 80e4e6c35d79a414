import fc, { type Arbitrary } from 'fast-check';
import { dayNumber, isoDate } from '../../calendar/dayNumber.js';
import { SignalTypeSchema, StepIdSchema } from '../../model/vocabulary.js';
import { dateBetween } from './dates.js';
import { DEFAULT_TEST_AS_OF, type MeasureInput, type SignalInput } from './inputs.js';

/** Options for `arbitrarySignals` and `arbitraryMeasures`. */
export interface TimelineOptions {
  /** Latest date (default `DEFAULT_TEST_AS_OF`): nothing is dated after it. */
  readonly asOf?: string;
  /** Earliest date (default 120 days before `asOf`, reaching into the previous term). */
  readonly from?: string;
  /** Most entries (default 4 signals, 3 measures). */
  readonly maxLength?: number;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function timelineRange(options: TimelineOptions): { from: string; to: string } {
  const to = options.asOf ?? DEFAULT_TEST_AS_OF;
  return { from: minDate(options.from ?? isoDate(dayNumber(to) - 120), to), to };
}

/**
 * Signals of any type, dated on or before `asOf`; about one in four ends
 * (`until`, 0–90 days after its date, so it may have ended by `asOf`).
 *
 * @param options - date range and length
 * @returns an arbitrary array of signal inputs
 * @example fc.sample(arbitrarySignals(), 1) // e.g. [[{ type: 'harm-suspected', date: '2026-10-02' }]]
 */
export function arbitrarySignals(options: TimelineOptions = {}): Arbitrary<SignalInput[]> {
  const { from, to } = timelineRange(options);
  const signal = fc
    .record({ type: fc.constantFrom(...SignalTypeSchema.options), date: dateBetween(from, to), ends: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 90 }), weight: 1 }) })
    .map(({ type, date, ends }): SignalInput => (ends === undefined ? { type, date } : { type, date, until: isoDate(dayNumber(date) + ends) }));
  return fc.array(signal, { maxLength: options.maxLength ?? 4 });
}

/**
 * Measures already taken, dated on or before `asOf`, with any outcome for any
 * step: the schema takes them all, and the engine must read each as
 * `recordsStep` says (an orosanmälan counts only when done, an `obehovligt`
 * same-day notice not at all; `obehovligt` closes the investigation and a CSN
 * report the school refrains from).
 *
 * @param options - date range and length
 * @returns an arbitrary array of measure inputs
 * @example fc.sample(arbitraryMeasures(), 1) // e.g. [[{ step: 'eht', date: '2026-09-14', outcome: 'done' }]]
 */
export function arbitraryMeasures(options: TimelineOptions = {}): Arbitrary<MeasureInput[]> {
  const { from, to } = timelineRange(options);
  const measure = fc
    .record({ step: fc.constantFrom(...StepIdSchema.options), date: dateBetween(from, to), outcome: fc.constantFrom('default', 'done', 'started', 'obehovligt') })
    .map(({ step, date, outcome }): MeasureInput => {
      if (outcome === 'default') return { step, date };
      return { step, date, outcome };
    });
  return fc.array(measure, { maxLength: options.maxLength ?? 3 });
}
