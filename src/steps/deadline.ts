import type { Urgency } from '../model/vocabulary.js';

/** Most urgent first. */
export const URGENCY_ORDER: readonly Urgency[] = ['genast', 'samma-dag', 'skyndsamt', 'snarast', 'inom-frist', 'planeras'];

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
