/**
 * Issue 10, points 4 and 5: episodes and signals that end.
 * - `obehovligt` covers the absence up to its own date; new absence after it
 *   that meets "upprepad eller längre frånvaro" again is a new episode.
 * - A term break does not end a whole-day streak (break days are not
 *   counted); rolling windows take the last N school days whatever the term.
 * - A signal ends after its `until` or the policy's validity for its kind,
 *   and is listed in `expiredSignals`; an unreported concern never lapses.
 */
import { describe, expect, it } from 'vitest';
import { lessons, schoolDays, studentCase, wholeDaysAbsent, type SignalInput, type MeasureInput } from '../helpers/cases.js';
import { findStep, night, stepOf } from './duties.js';

const MONDAY = '2026-11-23';

describe('SL 7 kap. 19 a § "om det inte är obehövligt" covers one episode, not the rest of the term (domain.md §1.4; issue 10 §4)', () => {
  const term = schoolDays('2026-08-17', MONDAY);
  const sickSeptember = schoolDays('2026-09-07', '2026-09-18'); // 10 school days, sick
  const november = schoolDays('2026-11-02', MONDAY); // 16 school days, invalid
  const attendance = term.flatMap((d) =>
    lessons([d], {
      perDay: 4,
      absent: () => (sickSeptember.includes(d) ? { valid: 60, reason: 'sick' } : november.includes(d) ? { invalid: 60 } : undefined),
    }),
  );
  const c = studentCase({ attendance, measures: [{ step: 'rektor-utredning', date: '2026-09-21', outcome: 'obehovligt' }] });

  it('§1.4: sick 10 days in September, rektor records obehövligt on 2026-09-21 → no investigation while no new absence (2026-10-23)', () => {
    const d = night(c, '2026-10-23');
    expect(d.episode).toEqual({ start: '2026-09-22', obehovligtOn: '2026-09-21' });
    for (const id of ['rektor-utredning', 'eht', 'anmalan-huvudman'] as const) expect(findStep(d, id), id).toBeUndefined();
  });

  it('§1.4: then 16 whole days of invalid absence in November → a new episode: investigation, EHT samråd and anmälan till huvudman recommended again', () => {
    expect(november).toHaveLength(16);
    const d = night(c, MONDAY);
    expect(d.episode).toEqual({ start: '2026-09-22', obehovligtOn: '2026-09-21' });
    const s = stepOf(d, 'rektor-utredning');
    expect(s).toMatchObject({ kind: 'lagkrav', status: 'recommended', arisesFrom: { kind: 'fact', fact: 'longestWholeDayStreak' } });
    expect(s.arisesOn > '2026-09-21').toBe(true);
    expect(s.arisesOn <= MONDAY).toBe(true);
    for (const id of ['eht', 'anmalan-huvudman'] as const) expect(stepOf(d, id).arisesOn > '2026-09-21', id).toBe(true);
  });

  it('§1.4: the September absence is not counted in the new episode (only absence after the obehövligt date)', () => {
    const d = night(c, MONDAY);
    expect(d.facts.longestWholeDayStreak).toBe(16);
    expect(d.facts.termValidAbsenceMinutes).toBe(0);
  });
});

describe('Whole-day streaks run across a term break (domain.md §1.4 "längre frånvaro", §7.2 episodes; issue 10 §4)', () => {
  // Absent every school day from Mon 2026-11-02: 35 school days in HT2026, then VT2027 from Fri 2027-01-08.
  const days = schoolDays('2026-11-02', '2027-01-14');
  const c = studentCase({ attendance: wholeDaysAbsent(days, days, 'valid', { perDay: 5 }) });

  it('§1.4: the schedule used: 35 school days to 2026-12-18 and 5 in January (2027-01-06 trettondagen is no school day)', () => {
    expect(days.filter((d) => d <= '2026-12-18')).toHaveLength(35);
    expect(days.filter((d) => d >= '2027-01-01')).toEqual(['2027-01-08', '2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14']);
  });

  it('§1.4: absent every school day since 2026-11-02, evaluated 2027-01-14 → rektor-utredning recommended, dated by longestWholeDayStreak from before the break', () => {
    const d = night(c, '2027-01-14');
    expect(d.facts.longestWholeDayStreak).toBe(40);
    expect(d.facts.currentWholeDayStreak).toBe(40);
    const s = stepOf(d, 'rektor-utredning');
    expect(s).toMatchObject({ kind: 'lagkrav', status: 'recommended', arisesFrom: { kind: 'fact', fact: 'longestWholeDayStreak' } });
    expect(s.arisesOn).toBe('2026-11-13'); // the 10th whole day absent
    expect(s.closableFrom).toBe('2026-11-02'); // the streak's first day, before the break
  });

  it('§7.2 rolling window of 20 school days: on 2027-01-14 it reaches back into December (15 HT days + 5 VT days, all absent)', () => {
    const d = night(c, '2027-01-14');
    expect(d.facts.windowAbsence).toEqual({ part: 20 * 5 * 60, whole: 20 * 5 * 60 });
  });

  it('§1.4: the break days are not counted — a streak of 10 made of 5 days before and 5 days after the break is ≥ 10', () => {
    const around = schoolDays('2026-12-14', '2027-01-14');
    const absent = [...around.filter((d) => d >= '2026-12-14' && d <= '2026-12-18'), '2027-01-08', '2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14'];
    const d = night(studentCase({ attendance: wholeDaysAbsent(around, absent, 'valid', { perDay: 5 }) }), '2027-01-14');
    expect(d.facts.longestWholeDayStreak).toBe(10);
    expect(findStep(d, 'rektor-utredning')).toBeDefined();
  });
});

describe('Signals that end (issue 10 §5; domain.md §3.3 skolsocialt team only without far-illa concern, §2.1 concern reported genast)', () => {
  const term = schoolDays('2026-08-17', MONDAY);
  const absent = schoolDays('2026-11-02', MONDAY);
  /** Stockholm kommunal school with a skolsocialt team, åk 7, 16 whole days absent, consent given (§3.3). */
  const teamCase = (signals: SignalInput[], measures: MeasureInput[] = []) =>
    studentCase({
      student: { school: { teams: ['skolsocialt-team'] } },
      attendance: wholeDaysAbsent(term, absent, 'valid', { perDay: 3 }),
      signals,
      measures,
      consents: { 'skolsocialt-team': { guardians: 'given', student: 'given' } },
    });

  it('§3.3: a harm signal in force (reported on 2026-10-02) keeps the pupil out of Stockholm\'s skolsocialt team', () => {
    const d = night(teamCase([{ type: 'harm-suspected', date: '2026-10-02' }], [{ step: 'orosanmalan', date: '2026-10-02' }]), MONDAY, 'stockholm');
    expect(findStep(d, 'skolsocialt-team')).toBeUndefined();
    expect(d.expiredSignals).toEqual([]);
  });

  it('§3.3 + skollagen.json signalValidityDays (180 days): a reported harm signal of 2026-03-02 has expired by 2026-11-23 → no longer blocks the team, listed in expiredSignals', () => {
    const d = night(teamCase([{ type: 'harm-suspected', date: '2026-03-02' }], [{ step: 'orosanmalan', date: '2026-03-02' }]), MONDAY, 'stockholm');
    expect(stepOf(d, 'skolsocialt-team')).toMatchObject({ kind: 'riktlinje', status: 'recommended' });
    expect(d.expiredSignals).toEqual([{ type: 'harm-suspected', date: '2026-03-02', until: '2026-08-29', endedBy: 'policy' }]);
    expect(d.facts.signalHarmSuspected).toBe(false);
    expect(findStep(d, 'orosanmalan')).toBeUndefined();
  });

  it('§3.3: a signal with its own `until` ends then (complex-problems until 2026-10-31, reported) → the team is offered again, endedBy signal', () => {
    const d = night(
      teamCase([{ type: 'complex-problems', date: '2026-10-02', until: '2026-10-31' }], [{ step: 'orosanmalan', date: '2026-10-02' }]),
      MONDAY,
      'stockholm',
    );
    expect(findStep(d, 'skolsocialt-team')).toBeDefined();
    expect(d.expiredSignals).toEqual([{ type: 'complex-problems', date: '2026-10-02', until: '2026-10-31', endedBy: 'signal' }]);
  });

  it('§2.1 genast: an UNREPORTED harm signal older than its validity (2026-03-02, 266 days) still gives orosanmälan, overdue since its date, and is not listed as expired', () => {
    const d = night(teamCase([{ type: 'harm-suspected', date: '2026-03-02' }]), MONDAY, 'stockholm');
    expect(stepOf(d, 'orosanmalan')).toMatchObject({
      kind: 'lagkrav',
      arisesOn: '2026-03-02',
      dueDate: '2026-03-02',
      status: 'overdue',
      arisesFrom: { kind: 'signal', signal: 'harm-suspected' },
    });
    expect(d.expiredSignals).toEqual([]);
    expect(findStep(d, 'skolsocialt-team')).toBeUndefined();
  });

  it('§2.1: an unreported concern with an explicit `until` in the past still gives orosanmälan (an unreported concern never lapses)', () => {
    const d = night(teamCase([{ type: 'violence-disclosed', date: '2026-09-01', until: '2026-09-30' }]), MONDAY, 'skollagen');
    expect(stepOf(d, 'orosanmalan')).toMatchObject({ arisesOn: '2026-09-01', status: 'overdue' });
    expect(d.expiredSignals).toEqual([]);
  });

  it('issue 10 acceptance (same output for any input order): expiredSignals does not depend on the order of signals, also when two ended signals tie on kind, date and end', () => {
    // The second one ends by the policy's 180 days (2026-08-29), the first by its own `until` on the same day.
    const signals: SignalInput[] = [
      { type: 'normbrytande', date: '2026-03-02', until: '2026-08-29' },
      { type: 'normbrytande', date: '2026-03-02' },
      { type: 'normbrytande', date: '2026-01-12', until: '2026-02-01' },
    ];
    const forward = night(studentCase({ signals }), MONDAY);
    const backward = night(studentCase({ signals: [...signals].reverse() }), MONDAY);
    expect(forward.expiredSignals).toHaveLength(3);
    expect(backward.expiredSignals).toEqual(forward.expiredSignals);
  });

  it('issue 10 §5: an ended non-concern signal triggers nothing (needs-health-and-social-care until 2026-10-31 → no SIP) and is listed', () => {
    const d = night(teamCase([{ type: 'needs-health-and-social-care', date: '2026-10-01', until: '2026-10-31' }]), MONDAY, 'skollagen');
    expect(findStep(d, 'sip')).toBeUndefined();
    expect(d.expiredSignals).toEqual([{ type: 'needs-health-and-social-care', date: '2026-10-01', until: '2026-10-31', endedBy: 'signal' }]);
    const before = night(teamCase([{ type: 'needs-health-and-social-care', date: '2026-10-01', until: '2026-10-31' }]), '2026-10-30', 'skollagen');
    expect(findStep(before, 'sip')).toBeDefined();
  });
});
