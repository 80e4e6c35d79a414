import { addCalendarDays } from '../calendar/workingDays.js';
import { datedValueInForce, type DatedValue } from '../model/datedParameter.js';
import type { ExpiredSignal } from '../model/decision.js';
import type { Measure, Signal } from '../model/studentCase.js';
import { CONCERN_SIGNALS, type SignalType } from '../model/vocabulary.js';
import { compareCodePoints } from '../model/compareCodePoints.js';
import { recordsStep } from '../model/measures.js';


/** The signals in force on asOf, and those that have ended. */
export interface SignalsOnDate {
  /** In force: dated on or before asOf and not ended. */
  readonly active: readonly Signal[];
  readonly expired: readonly ExpiredSignal[];
}

/**
 * Which signals are in force on asOf. A signal ends after its `until`, or,
 * without one, after the policy's validity for its kind (counted in calendar
 * days from its date, the value in force on that date). A concern signal
 * (`CONCERN_SIGNALS`) about a child stays in force, whatever its end, until an
 * orosanmälan is recorded on or after its date: an unreported concern never lapses.
 *
 * @param signals - the case's signals
 * @param measures - the case's measures
 * @param asOf - ISO evaluation date
 * @param validity - the policy's `signalValidityDays`
 * @param child - the student is under 18 on asOf (an unreported concern about a child never lapses)
 * @returns active signals (input order) and expired ones (by date, kind, end)
 * @example signalsOn([{ type: 'anxiety-distress', date: '2026-01-10', until: '2026-03-01' }], [], '2026-11-23', {}).expired[0]?.until // '2026-03-01'
 */
export function signalsOn(
  signals: readonly Signal[],
  measures: readonly Measure[],
  asOf: string,
  validity: Readonly<Partial<Record<SignalType, readonly DatedValue[]>>>,
  child = true,
): SignalsOnDate {
  const active: Signal[] = [];
  const expired: ExpiredSignal[] = [];
  for (const s of signals) {
    if (s.date > asOf) continue;
    const days = s.until === undefined ? datedValueInForce(validity[s.type] ?? [], s.date)?.value : undefined;
    const until = s.until ?? (days === undefined ? undefined : addCalendarDays(s.date, days));
    // An unreported concern about a child never lapses; an adult is reported for by no one, so theirs end as any signal does.
    if (until === undefined || until >= asOf || (child && CONCERN_SIGNALS.includes(s.type) && !reported(s, measures, asOf))) {
      active.push(s);
    } else {
      expired.push({ type: s.type, date: s.date, until, endedBy: s.until === undefined ? 'policy' : 'signal' });
    }
  }
  // Input order never shows: the same signals in any order give the same decision.
  expired.sort((a, b) => compareCodePoints(a.date, b.date) || compareCodePoints(a.type, b.type) || compareCodePoints(a.until, b.until) || compareCodePoints(a.endedBy, b.endedBy));
  return { active, expired };
}

function reported(s: Signal, measures: readonly Measure[], asOf: string): boolean {
  return measures.some((m) => m.step === 'orosanmalan' && recordsStep(m) && m.date >= s.date && m.date <= asOf);
}
