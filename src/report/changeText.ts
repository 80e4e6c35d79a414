import type { Lang } from './decisionText.js';
import type { Change, StepState } from '../run/changes.js';

const WORDS = {
  new: { sv: 'ny', en: 'new' },
  overdue: { sv: 'försenad', en: 'overdue' },
  escalated: { sv: 'skärpt', en: 'escalated' },
  done: { sv: 'klar', en: 'done' },
  'no-longer-indicated': { sv: 'inte längre aktuell', en: 'no longer indicated' },
} as const satisfies Record<Change['change'], { sv: string; en: string }>;

/** A step's state in words: id, kind, status, urgency, when the duty arose, its due date, held open. Ids and dates only. */
function state(s: StepState, lang: Lang): string {
  const sv = lang === 'sv';
  const parts = [s.forStep === undefined ? s.id : `${s.id} (${s.forStep})`, `[${s.kind}]`, s.status, s.urgency];
  if (s.arisesOn !== undefined) parts.push(`${sv ? 'uppstod' : 'arose'} ${s.arisesOn}`);
  if (s.dueDate !== null) parts.push(`${sv ? 'senast' : 'due'} ${s.dueDate}`);
  if (s.heldOpen !== undefined) parts.push(sv ? `(hålls öppen sedan ${s.heldOpen.verifiedOn})` : `(held open, verified ${s.heldOpen.verifiedOn})`);
  return parts.join(' ');
}

/**
 * One change as a line of text: student, the change in words, the step's
 * state (when the duty arose and its due date), and for a done step what
 * closed it.
 *
 * @param c - the change
 * @param lang - output language
 * @returns one line, e.g. `e1  försenad  vardnadshavare-informeras [lagkrav] overdue samma-dag uppstod 2026-11-20 senast 2026-11-20`
 * @example formatChange({ studentId: 'e1', change: 'new', asOf: '2026-11-23', step: { id: 'eht', kind: 'lagkrav', status: 'recommended', urgency: 'snarast', arisesOn: '2026-11-23', dueDate: null } }, 'en')
 * // 'e1  new  eht [lagkrav] recommended snarast arose 2026-11-23'
 * @example formatChange({ studentId: 'e1', change: 'done', asOf: '2026-11-23', previous: notice, closedBy: 'measure', measure: { step: 'vardnadshavare-informeras', date: '2026-11-23', outcome: 'done' } }, 'sv')
 * // 'e1  klar  vardnadshavare-informeras [lagkrav] recommended samma-dag uppstod 2026-11-20 senast 2026-11-20  (åtgärd vardnadshavare-informeras 2026-11-23 done)'
 */
export function formatChange(c: Change, lang: Lang): string {
  const sv = lang === 'sv';
  const word = WORDS[c.change][lang];
  switch (c.change) {
    case 'new':
      return `${c.studentId}  ${word}  ${state(c.step, lang)}`;
    case 'overdue':
      return `${c.studentId}  ${word}  ${state(c.step, lang)}`;
    case 'escalated':
      return `${c.studentId}  ${word}  ${state(c.step, lang)}  (${sv ? 'förut' : 'was'} ${state(c.previous, lang)}; ${c.causes.join(', ')})`;
    case 'done': {
      const by =
        c.closedBy === 'measure'
          ? `${sv ? 'åtgärd' : 'measure'} ${c.measure.step} ${c.measure.date} ${c.measure.outcome}`
          : sv
            ? 'samtycke givet'
            : 'consent given';
      return `${c.studentId}  ${word}  ${state(c.previous, lang)}  (${by})`;
    }
    case 'no-longer-indicated': {
      const gone = c.studentInInput ? '' : sv ? '  (eleven finns inte i indata)' : '  (student not in the input)';
      return `${c.studentId}  ${word}  ${state(c.previous, lang)}${gone}`;
    }
  }
}
