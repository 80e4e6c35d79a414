/**
 * Issue 10, points 1 and 3: duties with an anchor date. Orosanmälan arises on
 * the concern signal and is due the same day ("genast"); the information to
 * the hemkommun arises on the day the investigation started (Stockholm: 5
 * working days, the result within one month); förhandsbedömning is tracked 14
 * days from the orosanmälan. A measure closes a duty only when dated on or
 * after the day the duty arose.
 */
import { describe, expect, it } from 'vitest';
import { lessons, schoolDays, studentCase, wholeDaysAbsent, type MeasureInput } from '../helpers/cases.js';
import { findStep, night, stepOf } from './duties.js';

const MONDAY = '2026-11-23';

/** Present on the school days of the last two weeks: attendance that triggers nothing by itself. */
const PRESENT = lessons(schoolDays('2026-11-09', MONDAY), { perDay: 3 });

describe('Orosanmälan — "genast" from the signal of the current concern (domain.md §2.1 SoL 14 kap. 1 §: genast; issue 10 §3)', () => {
  const harm = (measures: MeasureInput[] = []) =>
    studentCase({ attendance: PRESENT, signals: [{ type: 'harm-suspected', date: '2026-10-01' }], measures });

  it('§2.1 genast: harm-suspected on 2026-10-01, no orosanmälan recorded, evaluated 2026-11-23 → overdue, arisen and due on 2026-10-01', () => {
    const s = stepOf(night(harm(), MONDAY), 'orosanmalan');
    expect(s).toMatchObject({
      kind: 'lagkrav',
      urgency: 'genast',
      arisesOn: '2026-10-01',
      dueDate: '2026-10-01',
      status: 'overdue',
      arisesFrom: { kind: 'signal', signal: 'harm-suspected' },
    });
  });

  it('§2.1 genast: on the day of the signal it is due that day and not yet overdue', () => {
    expect(stepOf(night(harm(), '2026-10-01'), 'orosanmalan')).toMatchObject({ arisesOn: '2026-10-01', dueDate: '2026-10-01', status: 'recommended' });
  });

  it('§2.1 genast: overdue from the next day', () => {
    expect(stepOf(night(harm(), '2026-10-02'), 'orosanmalan')).toMatchObject({ dueDate: '2026-10-01', status: 'overdue' });
  });

  it('§2.1 + issue 10 boundary "a measure dated the same day as its trigger": an orosanmälan recorded on 2026-10-01 closes it (already-taken)', () => {
    const d = night(harm([{ step: 'orosanmalan', date: '2026-10-01' }]), MONDAY);
    expect(findStep(d, 'orosanmalan')).toBeUndefined();
    expect(d.notRecommended.find((n) => n.step === 'orosanmalan')).toMatchObject({ reason: 'already-taken', measureDate: '2026-10-01' });
  });

  it('§2.1 + issue 10 boundary "a measure dated before the trigger must not close it": an orosanmälan recorded on 2026-09-30 leaves the 2026-10-01 concern overdue', () => {
    const s = stepOf(night(harm([{ step: 'orosanmalan', date: '2026-09-30' }]), MONDAY), 'orosanmalan');
    expect(s).toMatchObject({ arisesOn: '2026-10-01', dueDate: '2026-10-01', status: 'overdue' });
  });

  it('§2.1: two signals of the same concern, none reported → the duty arose on the earlier one', () => {
    const c = studentCase({ attendance: PRESENT, signals: [{ type: 'harm-suspected', date: '2026-11-10' }, { type: 'harm-suspected', date: '2026-10-01' }] });
    expect(stepOf(night(c, MONDAY), 'orosanmalan')).toMatchObject({ arisesOn: '2026-10-01', dueDate: '2026-10-01' });
  });
});

describe('SL 7 kap. 19 a § investigation — a measure closes it only from the day the duty arose (domain.md §1.4; issue 10 boundary days)', () => {
  // Whole days absent from Mon 2026-11-02 (≥ 10 in a row by 2026-11-13): "längre frånvaro" (§1.4, §5.3 Solna).
  const term = schoolDays('2026-08-17', MONDAY);
  const absent = schoolDays('2026-11-02', MONDAY);
  const streak = (measures: MeasureInput[] = []) => studentCase({ attendance: wholeDaysAbsent(term, absent, 'valid', { perDay: 3 }), measures });

  it('§1.4: the duty arises on the 10th day of the whole-day streak ("längre frånvaro" from then), and a measure from its first day on closes it (arisesFrom: fact longestWholeDayStreak)', () => {
    expect(stepOf(night(streak(), MONDAY), 'rektor-utredning')).toMatchObject({
      kind: 'lagkrav',
      arisesOn: '2026-11-13',
      closableFrom: '2026-11-02',
      arisesFrom: { kind: 'fact', fact: 'longestWholeDayStreak' },
      status: 'recommended',
    });
  });

  it('§1.4: an investigation started on the day the duty arose (2026-11-02) closes it', () => {
    const d = night(streak([{ step: 'rektor-utredning', date: '2026-11-02', outcome: 'started' }]), MONDAY);
    expect(findStep(d, 'rektor-utredning')).toBeUndefined();
    expect(d.notRecommended.find((n) => n.step === 'rektor-utredning')).toMatchObject({ reason: 'already-taken', measureDate: '2026-11-02' });
  });

  describe('a trigger with the 40-school-day gate (skollagen.json "upprepad-eller-langre-franvaro": ≥ 10 days with absence and over 10 %, or over 20 % after ≥ 40 school days)', () => {
    // The first of four lessons missed (sick) every school day from 2026-08-17: 25 % absence.
    // The condition first holds on 2026-08-28, the 10th school day with absence (the "over 10 %" branch);
    // the "over 20 %" branch holds from 2026-10-09, the 40th school day. Before 2026-08-28 no branch holds.
    const daily = lessons(schoolDays('2026-08-17', MONDAY), { perDay: 4, absent: (_, i) => (i === 0 ? { valid: 60, reason: 'sick' } : undefined) });
    const withEarlyEht = studentCase({ attendance: daily, measures: [{ step: 'eht', date: '2026-08-20' }] });

    // Both alternatives count evidence ("ten days with absence", "after 40 school days") within one
    // absence episode that began on 2026-08-17, the first day over the rate: a measure dated in it
    // covers the duty (the issue 10 design: a gate dates the trigger, not the episode). The EHT
    // meeting on 2026-08-20 was in it, so the EHT samråd is closed on both nights; the
    // investigation, never recorded, arose on 2026-08-28 and stays. Before, the episode was taken
    // from whichever alternative fired first, so one more absent minute could move it past a
    // measure and reopen a closed duty (test/duties/anyEpisode.test.ts).
    it.each(['2026-10-08', '2026-10-09'])('§1.4: on %s the duty arose on 2026-08-28 in the episode begun 2026-08-17; the 2026-08-20 EHT meeting covers the samråd', (asOf) => {
      const d = night(withEarlyEht, asOf);
      expect(stepOf(d, 'rektor-utredning')).toMatchObject({ arisesOn: '2026-08-28', closableFrom: '2026-08-17' });
      expect(findStep(d, 'eht')).toBeUndefined();
      expect(d.notRecommended.find((n) => n.step === 'eht')).toMatchObject({ reason: 'already-taken', measureDate: '2026-08-20' });
    });
  });

  it('§1.4: an investigation recorded before the duty arose (2026-10-23, an earlier concern) does not close it', () => {
    const s = stepOf(night(streak([{ step: 'rektor-utredning', date: '2026-10-23', outcome: 'done' }]), MONDAY), 'rektor-utredning');
    expect(s).toMatchObject({ arisesOn: '2026-11-13', closableFrom: '2026-11-02', status: 'recommended' });
  });
});

describe('Information to the hemkommun — from the day the investigation started (domain.md §1.4 SL 7 kap. 22 §; §3.2 Stockholm: 5 working days, result within one month)', () => {
  // A fristående school in Stockholm, a Stockholm resident: the huvudman is not the hemkommun (§1.4, §3.2).
  const friskola = (attendance: ReturnType<typeof wholeDaysAbsent>, measures: MeasureInput[]) =>
    studentCase({ student: { school: { huvudman: 'fristaende' } }, attendance, measures });
  const term = schoolDays('2026-08-17', '2026-11-24');
  const absent = schoolDays('2026-11-02', '2026-11-24');
  const started = friskola(wholeDaysAbsent(term, absent, 'valid', { perDay: 3 }), [{ step: 'rektor-utredning', date: '2026-11-16', outcome: 'started' }]);

  it('§3.2: investigation started Mon 2026-11-16 → arises that day, due 5 working days later (Mon 2026-11-23), result due one month later (2026-12-16)', () => {
    const s = stepOf(night(started, '2026-11-20', 'stockholm'), 'information-hemkommun');
    expect(s).toMatchObject({
      arisesOn: '2026-11-16',
      arisesFrom: { kind: 'measure', step: 'rektor-utredning' },
      dueDate: '2026-11-23',
      resultDueDate: '2026-12-16',
      status: 'recommended',
      routing: { target: 'hemkommun', municipalityCode: '0180' },
    });
    expect(s.reasons.map((r) => r.ruleId)).toContain('sthlm-hemkommun-5-arbetsdagar');
  });

  it('§3.2: the due date does not move with asOf — the same on the due day, overdue the day after', () => {
    expect(stepOf(night(started, '2026-11-23', 'stockholm'), 'information-hemkommun')).toMatchObject({ dueDate: '2026-11-23', resultDueDate: '2026-12-16', status: 'recommended' });
    expect(stepOf(night(started, '2026-11-24', 'stockholm'), 'information-hemkommun')).toMatchObject({ dueDate: '2026-11-23', resultDueDate: '2026-12-16', status: 'overdue' });
  });

  it('§3.2 working days skip julafton, juldagen, annandag jul and the weekend: investigation started Fri 2026-12-18 → due Tue 2026-12-29, result 2027-01-18; overdue on 2027-01-14 across the term break', () => {
    const days = schoolDays('2026-11-02', '2027-01-14');
    const c = friskola(wholeDaysAbsent(days, days, 'valid', { perDay: 3 }), [{ step: 'rektor-utredning', date: '2026-12-18', outcome: 'started' }]);
    expect(stepOf(night(c, '2027-01-14', 'stockholm'), 'information-hemkommun')).toMatchObject({
      arisesOn: '2026-12-18',
      dueDate: '2026-12-29',
      resultDueDate: '2027-01-18',
      status: 'overdue',
    });
  });

  it('§1.4 SL 7 kap. 22 § ("snarast" once an investigation has started): no investigation recorded → the step has no due date yet', () => {
    const c = friskola(wholeDaysAbsent(term, absent, 'valid', { perDay: 3 }), []);
    const s = stepOf(night(c, '2026-11-23', 'stockholm'), 'information-hemkommun');
    expect(s.dueDate).toBeNull();
    expect(s.resultDueDate).toBeUndefined();
    expect(s.status).toBe('recommended');
  });

  it('§1.4: an investigation recorded as done also starts the clock (outcome done)', () => {
    const c = friskola(wholeDaysAbsent(term, absent, 'valid', { perDay: 3 }), [{ step: 'rektor-utredning', date: '2026-11-16', outcome: 'done' }]);
    expect(stepOf(night(c, '2026-11-20', 'stockholm'), 'information-hemkommun')).toMatchObject({ arisesOn: '2026-11-16', dueDate: '2026-11-23' });
  });
});

describe('Förhandsbedömning — tracked 14 days from the orosanmälan (domain.md §2.3 SoL 11 kap. 1 a §; §7.4 TRACK_FORHANDSBEDOMNING)', () => {
  const reported = studentCase({ attendance: lessons(schoolDays('2026-11-09', '2026-11-25'), { perDay: 3 }), measures: [{ step: 'orosanmalan', date: '2026-11-10' }] });

  it('§2.3: orosanmälan made 2026-11-10 → tracking arises that day, due 2026-11-24', () => {
    expect(stepOf(night(reported, '2026-11-10'), 'forhandsbedomning-bevakning')).toMatchObject({
      arisesOn: '2026-11-10',
      arisesFrom: { kind: 'measure', step: 'orosanmalan' },
      dueDate: '2026-11-24',
      status: 'recommended',
    });
  });

  it('§2.3: on the 14th day it is due, not overdue; the day after it is overdue; the due date never moves', () => {
    expect(stepOf(night(reported, '2026-11-24'), 'forhandsbedomning-bevakning')).toMatchObject({ dueDate: '2026-11-24', status: 'recommended' });
    expect(stepOf(night(reported, '2026-11-25'), 'forhandsbedomning-bevakning')).toMatchObject({ dueDate: '2026-11-24', status: 'overdue' });
  });
});
