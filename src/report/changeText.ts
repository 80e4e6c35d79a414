import type { Lang } from './text.js';
import type { Change, EscalationCause, StepState } from '../run/changes.js';
import type { Measure } from '../model/studentCase.js';
import { KIND_TEXT, STATUS_TEXT, URGENCY_TEXT, type Texts } from './labels.js';
import { say, type Templates } from '../model/template.js';

/** The kinds of change, in words. */
export const CHANGE_TEXT: Readonly<Record<Change['change'], Texts>> = {
  new: { sv: 'ny', en: 'new' },
  overdue: { sv: 'försenad', en: 'overdue' },
  escalated: { sv: 'skärpt', en: 'escalated' },
  done: { sv: 'klar', en: 'done' },
  'no-longer-indicated': { sv: 'inte längre aktuell', en: 'no longer indicated' },
};

/** Why a step counts as escalated. */
export const ESCALATION_CAUSE_TEXT: Readonly<Record<EscalationCause, Texts>> = {
  urgency: { sv: 'mer brådskande', en: 'more urgent' },
  'consent-given': { sv: 'samtycke givet', en: 'consent given' },
};

/** The outcome of a recorded measure. */
export const MEASURE_OUTCOME_TEXT: Readonly<Record<Measure['outcome'], Texts>> = {
  done: { sv: 'genomförd', en: 'done' },
  started: { sv: 'påbörjad', en: 'started' },
  obehovligt: { sv: 'obehövligt', en: 'not needed (obehövligt)' },
};

/** The parts of a change line around the step's state. */
export const CHANGE_LINE_TEXT = {
  arose: { sv: 'uppstod {date}', en: 'arose {date}' },
  due: { sv: 'senast {date}', en: 'due {date}' },
  heldOpen: { sv: '(hålls öppen sedan {date})', en: '(held open, verified {date})' },
  was: { sv: '(förut {state}; {causes})', en: '(was {state}; {causes})' },
  measure: { sv: '(åtgärd {step} {date} {outcome})', en: '(measure {step} {date} {outcome})' },
  consentGiven: { sv: '(samtycke givet)', en: '(consent given)' },
  notInInput: { sv: '(eleven finns inte i indata)', en: '(student not in the input)' },
} as const satisfies Templates;

/** A step's state in words: id, kind, status, urgency, when the duty arose, its due date, held open. Ids, dates and labels only. */
function state(s: StepState, lang: Lang): string {
  const t = CHANGE_LINE_TEXT;
  const parts = [s.forStep === undefined ? s.id : `${s.id} (${s.forStep})`, `[${KIND_TEXT[s.kind][lang]}]`, STATUS_TEXT[s.status][lang], URGENCY_TEXT[s.urgency][lang]];
  if (s.arisesOn !== undefined) parts.push(say(t.arose, lang, { date: s.arisesOn }));
  if (s.dueDate !== null) parts.push(say(t.due, lang, { date: s.dueDate }));
  if (s.heldOpen !== undefined) parts.push(say(t.heldOpen, lang, { date: s.heldOpen.verifiedOn }));
  return parts.join(' ');
}

/**
 * One change as a line of text: student, the change in words, the step's
 * state (its id; kind, status and urgency in words; when the duty arose and
 * its due date), and for a done step what closed it.
 *
 * @param c - the change
 * @param lang - output language
 * @returns one line, e.g. `e1  försenad  vardnadshavare-informeras [lagkrav] försenad samma dag uppstod 2026-11-20 senast 2026-11-20`
 * @example formatChange({ studentId: 'e1', change: 'new', asOf: '2026-11-23', step: { id: 'eht', kind: 'lagkrav', status: 'recommended', urgency: 'snarast', arisesOn: '2026-11-23', dueDate: null } }, 'en')
 * // 'e1  new  eht [statutory] open as soon as possible arose 2026-11-23'
 * @example formatChange({ studentId: 'e1', change: 'done', asOf: '2026-11-23', previous: notice, closedBy: 'measure', measure: { step: 'vardnadshavare-informeras', date: '2026-11-23', outcome: 'done' } }, 'sv')
 * // 'e1  klar  vardnadshavare-informeras [lagkrav] öppen samma dag uppstod 2026-11-20 senast 2026-11-20  (åtgärd vardnadshavare-informeras 2026-11-23 genomförd)'
 */
export function formatChange(c: Change, lang: Lang): string {
  const t = CHANGE_LINE_TEXT;
  const word = CHANGE_TEXT[c.change][lang];
  switch (c.change) {
    case 'new':
    case 'overdue':
      return `${c.studentId}  ${word}  ${state(c.step, lang)}`;
    case 'escalated': {
      const causes = c.causes.map((cause) => ESCALATION_CAUSE_TEXT[cause][lang]).join(', ');
      return `${c.studentId}  ${word}  ${state(c.step, lang)}  ${say(t.was, lang, { state: state(c.previous, lang), causes })}`;
    }
    case 'done': {
      const by =
        c.closedBy === 'measure'
          ? say(t.measure, lang, { step: c.measure.step, date: c.measure.date, outcome: MEASURE_OUTCOME_TEXT[c.measure.outcome][lang] })
          : say(t.consentGiven, lang);
      return `${c.studentId}  ${word}  ${state(c.previous, lang)}  ${by}`;
    }
    case 'no-longer-indicated':
      return `${c.studentId}  ${word}  ${state(c.previous, lang)}${c.studentInInput ? '' : `  ${say(t.notInInput, lang)}`}`;
  }
}
