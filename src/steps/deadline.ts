import { addCalendarDays, addWorkingDays } from '../calendar/workingDays.js';
import type { Deadline } from '../model/policyFile.js';
import type { Urgency } from '../model/vocabulary.js';

/** Most urgent first. */
export const URGENCY_ORDER: readonly Urgency[] = ['genast', 'samma-dag', 'skyndsamt', 'snarast', 'inom-frist', 'planeras'];

/**
 * Due date of a deadline, or null when the law gives no fixed date
 * ("skyndsamt", "snarast"). Deadlines counted from an orosanmälan use its date.
 *
 * @param deadline - the deadline
 * @param asOf - ISO evaluation date
 * @param orosanmalanDate - date of the latest orosanmälan, if any
 * @param absenceStart - first day of the current whole-day absence streak, if any (else `asOf` counts)
 * @returns the ISO due date or null
 * @example dueDate({ urgency: 'inom-frist', days: 5, unit: 'working-days', from: 'as-of' }, '2026-11-23', undefined) // '2026-11-30'
 */
export function dueDate(
  deadline: Deadline,
  asOf: string,
  orosanmalanDate: string | undefined,
  absenceStart: string | null = null,
): string | null {
  if (deadline.days === undefined) return null;
  const from = deadline.from === 'orosanmalan' ? orosanmalanDate : deadline.from === 'absence-start' ? (absenceStart ?? asOf) : asOf;
  if (from === undefined) return null;
  return deadline.unit === 'working-days' ? addWorkingDays(from, deadline.days) : addCalendarDays(from, deadline.days);
}

/**
 * The strictest of several deadlines: the earliest due date, and the most
 * urgent wording.
 *
 * @param deadlines - candidate deadlines with their due dates
 * @returns urgency and due date
 * @example strictest([{ urgency: 'snarast', due: null }, { urgency: 'inom-frist', due: '2026-11-30' }]) // { urgency: 'snarast', due: '2026-11-30' }
 */
export function strictest(deadlines: ReadonlyArray<{ urgency: Urgency; due: string | null }>): { urgency: Urgency; due: string | null } {
  let urgency: Urgency = 'planeras';
  let due: string | null = null;
  for (const d of deadlines) {
    if (URGENCY_ORDER.indexOf(d.urgency) < URGENCY_ORDER.indexOf(urgency)) urgency = d.urgency;
    if (d.due !== null && (due === null || d.due < due)) due = d.due;
  }
  return { urgency, due };
}
