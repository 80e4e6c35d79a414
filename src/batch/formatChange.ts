import type { Lang } from '../cli/format.js';
import type { Change, StepState } from './changes.js';

const WORDS = {
  new: { sv: 'ny', en: 'new' },
  escalated: { sv: 'skärpt', en: 'escalated' },
  'no-longer-indicated': { sv: 'inte längre aktuell', en: 'no longer indicated' },
} as const;

function state(s: StepState): string {
  const step = s.forStep === undefined ? s.id : `${s.id} (${s.forStep})`;
  return `${step} ${s.status} ${s.urgency}${s.dueDate === null ? '' : ` ${s.dueDate}`}`;
}

/**
 * One change as a line of text.
 *
 * @param c - the change
 * @param lang - output language
 * @returns e.g. `elev-0001  ny  eht recommended snarast`
 * @example formatChange({ studentId: 'e1', change: 'new', asOf: '2026-11-23', step: { id: 'eht', status: 'recommended', urgency: 'snarast', dueDate: null } }, 'en')
 * // 'e1  new  eht recommended snarast'
 */
export function formatChange(c: Change, lang: Lang): string {
  const word = WORDS[c.change][lang];
  if (c.change === 'new') return `${c.studentId}  ${word}  ${state(c.step)}`;
  if (c.change === 'escalated') return `${c.studentId}  ${word}  ${state(c.step)}  (${lang === 'sv' ? 'förut' : 'was'} ${state(c.previous)}; ${c.causes.join(', ')})`;
  const gone = c.studentInInput ? '' : lang === 'sv' ? '  (eleven finns inte i indata)' : '  (student not in the input)';
  return `${c.studentId}  ${word}  ${state(c.previous)}${gone}`;
}
