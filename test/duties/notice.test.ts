/**
 * Issue 10, point 2: the SL 7 kap. 17 § / 15 kap. 16 § same-day notice as a
 * dated duty. Every school day with invalid absence the guardians did not
 * report themselves stays on the notice step until a `vardnadshavare-informeras`
 * measure dated that day or later; each day is due that day, or the next school
 * day when the only invalid lesson was the day's last (särskilda skäl).
 *
 * Calendar (default, HT2026): Fri 2026-11-20, Mon 2026-11-23; höstlov
 * 2026-10-26 – 10-30, so the school day after Fri 2026-10-23 is Mon 2026-11-02.
 */
import { describe, expect, it } from 'vitest';
import { lessons, studentCase, type LessonAbsence } from '../helpers/cases.js';
import { findStep, night, stepOf } from './duties.js';

const FRIDAY = '2026-11-20';
const SATURDAY = '2026-11-21';
const SUNDAY = '2026-11-22';
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';

/** Five 60-minute lessons on `date`; `absent(i)` gives lesson i's absence. */
function day(date: string, absent: (i: number) => LessonAbsence | undefined = () => undefined) {
  return lessons([date], { perDay: 5, absent: (_, i) => absent(i) });
}
const FIRST = (i: number) => (i === 0 ? { invalid: 60 } : undefined);
const LAST = (i: number) => (i === 4 ? { invalid: 60 } : undefined);
const FIRST_AND_LAST = (i: number) => (i === 0 || i === 4 ? { invalid: 60 } : undefined);

describe('SL 7 kap. 17 § — the notice is a dated duty, not a snapshot of asOf (domain.md §1.2 "samma dag", §7.3 GUARDIAN_SAME_DAY)', () => {
  const fridayAbsence = studentCase({ attendance: [...day(FRIDAY, FIRST), ...day(MONDAY)] });

  it('§1.2 samma dag: invalid absence on Friday, run on Friday → recommended, arises and is due that Friday', () => {
    const s = stepOf(night(fridayAbsence, FRIDAY), 'vardnadshavare-informeras');
    expect(s).toMatchObject({ kind: 'lagkrav', urgency: 'samma-dag', arisesOn: FRIDAY, dueDate: FRIDAY, status: 'recommended' });
  });

  it.each([SATURDAY, SUNDAY, MONDAY])(
    '§1.2 samma dag, weekend between the absence and the run: Friday\'s unnotified absence evaluated on %s → overdue, due and arisen on the Friday',
    (asOf) => {
      const s = stepOf(night(fridayAbsence, asOf), 'vardnadshavare-informeras');
      expect(s).toMatchObject({
        kind: 'lagkrav',
        arisesOn: FRIDAY,
        dueDate: FRIDAY,
        status: 'overdue',
        arisesFrom: { kind: 'absence-days', days: [{ date: FRIDAY, dueDate: FRIDAY }] },
        routing: { target: 'vardnadshavare' },
      });
      expect(s.reasons.map((r) => r.ruleId)).toEqual(['sl-7-17-vardnadshavare-samma-dag']);
    },
  );

  it('§1.2: invalid absence the guardians reported themselves (guardianReported) gives no notice', () => {
    const reported = studentCase({ attendance: [...day(FRIDAY, (i) => (i === 0 ? { invalid: 60, guardianReported: true } : undefined)), ...day(MONDAY)] });
    expect(findStep(night(reported, MONDAY), 'vardnadshavare-informeras')).toBeUndefined();
  });

  it('§1.2 "ogiltig frånvaro" only: valid (sick) absence on Friday gives no notice on Monday', () => {
    const sick = studentCase({ attendance: [...day(FRIDAY, (i) => (i === 0 ? { valid: 60, reason: 'sick' } : undefined)), ...day(MONDAY)] });
    expect(findStep(night(sick, MONDAY), 'vardnadshavare-informeras')).toBeUndefined();
  });
});

describe('SL 7 kap. 17 § särskilda skäl — absence only in the day\'s last lesson may be notified the next school day (domain.md §1.2, Skolverket: "dagens sista lektion")', () => {
  const WEDNESDAY = '2026-11-18';
  const THURSDAY = '2026-11-19';
  const midweek = studentCase({ attendance: [...day(WEDNESDAY, LAST), ...day(THURSDAY), ...day(FRIDAY)] });

  it('§1.2: last lesson on Wednesday → on Wednesday due Thursday, recommended', () => {
    const s = stepOf(night(midweek, WEDNESDAY), 'vardnadshavare-informeras');
    expect(s).toMatchObject({ arisesOn: WEDNESDAY, dueDate: THURSDAY, status: 'recommended' });
    expect(s.arisesFrom).toEqual({ kind: 'absence-days', days: [{ date: WEDNESDAY, dueDate: THURSDAY }] });
  });

  it('§1.2: last lesson on Wednesday → still recommended (not overdue) on Thursday, the deferred due date', () => {
    expect(stepOf(night(midweek, THURSDAY), 'vardnadshavare-informeras')).toMatchObject({ dueDate: THURSDAY, status: 'recommended' });
  });

  it('§1.2: last lesson on Wednesday → overdue on Friday', () => {
    expect(stepOf(night(midweek, FRIDAY), 'vardnadshavare-informeras').status).toBe('overdue');
  });

  const fridayLast = studentCase({ attendance: [...day(FRIDAY, LAST), ...day(MONDAY), ...day(TUESDAY)] });

  it('§1.2: last lesson on Friday → the day is due on Monday, the next school day (arisesFrom.days)', () => {
    const s = stepOf(night(fridayLast, MONDAY), 'vardnadshavare-informeras');
    expect(s.arisesOn).toBe(FRIDAY);
    expect(s.arisesFrom).toEqual({ kind: 'absence-days', days: [{ date: FRIDAY, dueDate: MONDAY }] });
  });

  it('§1.2: last lesson on Friday → the step is due Monday and NOT overdue when evaluated on Monday', () => {
    expect(stepOf(night(fridayLast, MONDAY), 'vardnadshavare-informeras')).toMatchObject({ arisesOn: FRIDAY, dueDate: MONDAY, status: 'recommended' });
  });

  it('§1.2: last lesson on Friday → overdue on Tuesday', () => {
    expect(stepOf(night(fridayLast, TUESDAY), 'vardnadshavare-informeras').status).toBe('overdue');
  });

  it('§1.2: the first AND the last lesson missed on Friday → no särskilda skäl, due Friday, overdue on Monday', () => {
    const both = studentCase({ attendance: [...day(FRIDAY, FIRST_AND_LAST), ...day(MONDAY)] });
    const s = stepOf(night(both, MONDAY), 'vardnadshavare-informeras');
    expect(s).toMatchObject({ dueDate: FRIDAY, status: 'overdue' });
    expect(s.arisesFrom).toEqual({ kind: 'absence-days', days: [{ date: FRIDAY, dueDate: FRIDAY }] });
  });

  it('§1.2: last lesson on the Friday before höstlov (2026-10-23) → due on the next SCHOOL day, Mon 2026-11-02, not during the break', () => {
    const beforeBreak = studentCase({ attendance: [...day('2026-10-23', LAST), ...day('2026-11-02')] });
    const s = stepOf(night(beforeBreak, '2026-11-02'), 'vardnadshavare-informeras');
    expect(s.arisesFrom).toEqual({ kind: 'absence-days', days: [{ date: '2026-10-23', dueDate: '2026-11-02' }] });
    expect(s).toMatchObject({ dueDate: '2026-11-02', status: 'recommended' });
  });
});

describe('SL 7 kap. 17 § — a recorded notice closes the days up to its own date (domain.md §1.2; issue 10 boundary days)', () => {
  it('§1.2: a notice measure dated the same day as the absence closes it (no day left to notify)', () => {
    const c = studentCase({ attendance: [...day(FRIDAY, FIRST), ...day(MONDAY)], measures: [{ step: 'vardnadshavare-informeras', date: FRIDAY }] });
    const d = night(c, MONDAY);
    expect(findStep(d, 'vardnadshavare-informeras')).toBeUndefined();
    expect(d.facts.invalidAbsenceDaysToNotify).toBe(0);
    // The notice's measures are read into the days to notify (a notice covers its day and the days before it).
    const n = d.notRecommended.find((x) => x.step === 'vardnadshavare-informeras');
    expect(n?.reason).toBe('conditions-not-met');
  });

  it('§1.2: a notice measure dated BEFORE the absence does not close it (the Friday stays, overdue on Monday)', () => {
    const c = studentCase({ attendance: [...day(FRIDAY, FIRST), ...day(MONDAY)], measures: [{ step: 'vardnadshavare-informeras', date: '2026-11-19' }] });
    const s = stepOf(night(c, MONDAY), 'vardnadshavare-informeras');
    expect(s).toMatchObject({ arisesOn: FRIDAY, dueDate: FRIDAY, status: 'overdue' });
    expect(s.arisesFrom).toEqual({ kind: 'absence-days', days: [{ date: FRIDAY, dueDate: FRIDAY }] });
  });

  it('§1.2: a notice on Thursday covers Wednesday\'s absence, not Friday\'s', () => {
    const c = studentCase({
      attendance: [...day('2026-11-18', FIRST), ...day('2026-11-19'), ...day(FRIDAY, FIRST), ...day(MONDAY)],
      measures: [{ step: 'vardnadshavare-informeras', date: '2026-11-19' }],
    });
    const s = stepOf(night(c, MONDAY), 'vardnadshavare-informeras');
    expect(s.arisesFrom).toEqual({ kind: 'absence-days', days: [{ date: FRIDAY, dueDate: FRIDAY }] });
  });

  it('§1.2 + issue 10 §6: every unnotified day of the lookback is listed, oldest first, and the step is due by the oldest', () => {
    const c = studentCase({ attendance: [...day('2026-11-17', FIRST), ...day('2026-11-19', FIRST), ...day(FRIDAY, FIRST), ...day(MONDAY)] });
    const s = stepOf(night(c, MONDAY), 'vardnadshavare-informeras');
    expect(s).toMatchObject({ arisesOn: '2026-11-17', dueDate: '2026-11-17', status: 'overdue' });
    expect(s.arisesFrom).toEqual({
      kind: 'absence-days',
      days: [
        { date: '2026-11-17', dueDate: '2026-11-17' },
        { date: '2026-11-19', dueDate: '2026-11-19' },
        { date: FRIDAY, dueDate: FRIDAY },
      ],
    });
  });

  it('issue 10 §6 (an open lagkrav duty never disappears silently): a day older than the lookback stays open when the earlier night had it', () => {
    // 2026-10-01 is more than 20 school days before 2026-11-23 (the lookback starts 2026-10-20).
    const c = studentCase({ attendance: [...day('2026-10-01', FIRST), ...day(MONDAY)] });
    expect(findStep(night(c, MONDAY), 'vardnadshavare-informeras')).toBeUndefined();
    const first = night(c, '2026-10-01');
    expect(stepOf(first, 'vardnadshavare-informeras')).toMatchObject({ arisesOn: '2026-10-01', status: 'recommended' });
    const later = night(c, MONDAY, 'skollagen', first);
    expect(stepOf(later, 'vardnadshavare-informeras')).toMatchObject({ arisesOn: '2026-10-01', dueDate: '2026-10-01', status: 'overdue' });
  });
});
