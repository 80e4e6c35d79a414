/**
 * National law (domain.md §1–2, §7.3), end to end through the public API.
 * Expected values are worked out by hand from domain.md and the default
 * calendar: HT2026 runs 2026-08-17 – 2026-12-18 with höstlov 2026-10-26 – 10-30,
 * so it has 20 school days up to Fri 2026-09-11, 30 up to Fri 09-25, 40 up to
 * Fri 10-09, 50 up to Fri 10-23 and 66 up to Mon 2026-11-23 (DEFAULT_AS_OF).
 */
import { describe, expect, it } from 'vitest';
import {
  consentRequest,
  decide,
  evidence,
  lessons,
  notRecommended,
  ruleIds,
  schoolDays,
  step,
  stepIds,
  studentCase,
  wholeDaysAbsent,
  type CaseOverrides,
} from '../helpers/cases.js';

const AS_OF = '2026-11-23'; // Monday

/** Five 60-minute lessons today; the first one 15 minutes late (or as given). */
function today(absence: { valid?: number; invalid?: number }, date = AS_OF) {
  return lessons([date], { perDay: 5, absent: (_, i) => (i === 0 ? absence : undefined) });
}

/** HT2026 up to Fri 2026-09-25 (30 school days); whole-day absence on the given days. */
function streakCase(absentDays: readonly string[], kind: 'valid' | 'invalid' = 'valid', overrides: CaseOverrides = {}) {
  return studentCase({
    ...overrides,
    attendance: wholeDaysAbsent(schoolDays('2026-08-17', '2026-09-25'), absentDays, kind, { perDay: 5 }),
  });
}
const TEN_DAYS = ['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24', '2026-09-25'];
const NINE_DAYS = TEN_DAYS.slice(1);
const STREAK_AS_OF = '2026-09-25';

describe('SL 7 kap. 17 § — same-day notice to guardians (§1.2, §7.3)', () => {
  it('SL 7 kap. 17 § (§1.2): invalid absence today (15 minutes late) → guardians informed the same day, due today, routed to vårdnadshavare', () => {
    const d = decide(studentCase({ attendance: today({ invalid: 15 }) }), 'skollagen');
    const s = step(d, 'vardnadshavare-informeras');
    expect(s).toMatchObject({
      kind: 'lagkrav',
      responsible: 'rektor',
      urgency: 'samma-dag',
      dueDate: AS_OF,
      status: 'recommended',
      routing: { target: 'vardnadshavare' },
      consent: { required: false },
    });
    expect(ruleIds(s)).toEqual(['sl-7-17-vardnadshavare-samma-dag']);
    expect(s.reasons[0]?.basis.citation).toBe('SL 7 kap. 17 §');
    expect(evidence(s)).toContainEqual(expect.objectContaining({ fact: 'invalidAbsenceDaysToNotify', actual: 1, result: true }));
    expect(s).toMatchObject({ arisesOn: AS_OF, arisesFrom: { kind: 'absence-days', days: [{ date: AS_OF, dueDate: AS_OF }] } });
  });

  it('SL 7 kap. 17 § (§1.2): valid absence today (whole day sick) does not trigger the same-day notice', () => {
    const d = decide(studentCase({ attendance: lessons([AS_OF], { perDay: 5, absent: () => ({ valid: 60 }) }) }), 'skollagen');
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
    const n = notRecommended(d, 'vardnadshavare-informeras');
    expect(n?.reason).toBe('conditions-not-met');
    if (n?.reason !== 'conditions-not-met') return;
    const failed = n.rules.find((r) => r.ruleId === 'sl-7-17-vardnadshavare-samma-dag')?.failed;
    expect(failed).toContainEqual(expect.objectContaining({ fact: 'invalidAbsenceDaysToNotify', actual: 0, result: false }));
  });

  it('SL 7 kap. 17 § (§1.2 "samma dag"): invalid absence last Friday, nobody told the guardians, none today → the notice is still owed, overdue since Friday', () => {
    const attendance = [...today({ invalid: 60 }, '2026-11-20'), ...today({})];
    const d = decide(studentCase({ attendance }), 'skollagen');
    expect(step(d, 'vardnadshavare-informeras')).toMatchObject({
      arisesOn: '2026-11-20',
      dueDate: '2026-11-20',
      status: 'overdue',
      arisesFrom: { kind: 'absence-days', days: [{ date: '2026-11-20', dueDate: '2026-11-20' }] },
    });
  });

  it('SL 7 kap. 17 § (§1.2): guardians told on Friday about Friday\'s absence → nothing owed on Monday', () => {
    const attendance = [...today({ invalid: 60 }, '2026-11-20'), ...today({})];
    const d = decide(studentCase({ attendance, measures: [{ step: 'vardnadshavare-informeras', date: '2026-11-20' }] }), 'skollagen');
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
  });

  it('SL 7 kap. 17 § (§1.2): absence the guardians reported themselves needs no notice from the school', () => {
    const attendance = lessons([AS_OF], { perDay: 5, absent: (_, i) => (i === 0 ? { invalid: 60, guardianReported: true } : undefined) });
    const d = decide(studentCase({ attendance }), 'skollagen');
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
  });

  it('SL 7 kap. 17 § (§1.2): already informed today (measure dated today) → not recommended again', () => {
    const d = decide(
      studentCase({ attendance: today({ invalid: 60 }), measures: [{ step: 'vardnadshavare-informeras', date: AS_OF }] }),
      'skollagen',
    );
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
    const n = notRecommended(d, 'vardnadshavare-informeras');
    expect(n?.reason).toBe('conditions-not-met');
    if (n?.reason !== 'conditions-not-met') return;
    expect(n.rules[0]?.failed).toContainEqual(expect.objectContaining({ fact: 'invalidAbsenceDaysToNotify', actual: 0 }));
  });

  it.each([
    ['forskoleklass', 0, '2020-05-01', 'kommunal'],
    ['grundskola', 7, '2013-03-15', 'kommunal'],
    ['anpassad-grundskola', 8, '2012-03-15', 'kommunal'],
    ['specialskola', 6, '2014-03-15', 'statlig'],
    ['sameskola', 4, '2016-03-15', 'statlig'],
  ] as const)(
    'SL 7 kap. 17 § (§1.2, SFS 2017:1115 for förskoleklass): every compulsory school form (%s) → guardians informed the same day',
    (schoolForm, grade, birthDate, huvudman) => {
      const d = decide(
        studentCase({ student: { schoolForm, grade, birthDate, school: { huvudman } }, attendance: today({ invalid: 60 }) }),
        'skollagen',
      );
      expect(step(d, 'vardnadshavare-informeras')).toMatchObject({ dueDate: AS_OF, routing: { target: 'vardnadshavare' } });
    },
  );

  it('SL 7 kap. 17 § with §1.6 and §7.5: an 18-year-old in anpassad grundskola has no vårdnadshavare any more → no guardian notice without the student\'s consent', () => {
    // Born 2008-11-23: 18 on 2026-11-23. Guardianship ends at 18 (§1.6: "at 18 there are no vårdnadshavare and
    // secrecy prevents informing parents without the pupil's consent"); §7.3 writes "any age" for the compulsory
    // forms, but a compulsory-school pupil of 18 is in the same position. Trappa applies the age limit everywhere.
    const withoutConsent = decide(
      studentCase({ student: { schoolForm: 'anpassad-grundskola', grade: 9, birthDate: '2008-11-23' }, attendance: today({ invalid: 60 }) }),
      'skollagen',
    );
    expect(stepIds(withoutConsent)).not.toContain('vardnadshavare-informeras');
    // Issue 11 point 4: the student's consent to contact with the parents, not to information sharing; and as
    // support (stod), not as the law's duty (SL 7:17 speaks of vårdnadshavare, whom an adult has none of).
    const withConsent = decide(
      studentCase({
        student: { schoolForm: 'anpassad-grundskola', grade: 9, birthDate: '2008-11-23' },
        attendance: today({ invalid: 60 }),
        consents: { 'contact-with-parents': { student: 'given' } },
      }),
      'skollagen',
    );
    expect(step(withConsent, 'vardnadshavare-informeras')).toMatchObject({ kind: 'stod' });
    expect(ruleIds(step(withConsent, 'vardnadshavare-informeras'))).toEqual(['myndig-elev-foraldrakontakt-samtycke']);
  });
});

describe('SL 15 kap. 16 § — same-day notice in gymnasium, under 18 only (§1.6)', () => {
  const gymnasium = (birthDate: string, extra: CaseOverrides = {}) =>
    studentCase({
      ...extra,
      student: { schoolForm: 'gymnasieskola', grade: 2, birthDate },
      attendance: today({ invalid: 60 }),
    });

  it('SL 15 kap. 16 § (§1.6): gymnasium pupil aged 16 with invalid absence today → guardians informed the same day', () => {
    const d = decide(gymnasium('2010-02-01'), 'skollagen');
    const s = step(d, 'vardnadshavare-informeras');
    expect(s).toMatchObject({ kind: 'lagkrav', urgency: 'samma-dag', dueDate: AS_OF, routing: { target: 'vardnadshavare' } });
    expect(ruleIds(s)).toEqual(['sl-15-16-vardnadshavare-samma-dag']);
    expect(s.reasons[0]?.basis.citation).toBe('SL 15 kap. 16 §; SL 18 kap. (anpassad gymnasieskola)');
  });

  it('SL 15 kap. 16 § (§1.6): anpassad gymnasieskola under 18 → guardians informed the same day', () => {
    const d = decide(
      studentCase({ student: { schoolForm: 'anpassad-gymnasieskola', grade: 1, birthDate: '2010-02-01' }, attendance: today({ invalid: 60 }) }),
      'skollagen',
    );
    expect(ruleIds(step(d, 'vardnadshavare-informeras'))).toEqual(['sl-15-16-vardnadshavare-samma-dag']);
  });

  it('SL 15 kap. 16 § (§1.6): gymnasium pupil aged 18+ without the student’s consent → NO guardian contact', () => {
    const d = decide(gymnasium('2007-05-01'), 'skollagen');
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
    expect(notRecommended(d, 'vardnadshavare-informeras')?.reason).toBe('conditions-not-met');
  });

  it('SL 15 kap. 16 § (§1.6): gymnasium pupil aged 18+ who refused information sharing → NO guardian contact', () => {
    const d = decide(gymnasium('2007-05-01', { consents: { 'information-sharing': { student: 'refused', guardians: 'given' } } }), 'skollagen');
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
  });

  it('SL 15 kap. 16 § (§1.6): gymnasium pupil aged 18+ who consented to contact with the parents → the parents informed the same day, as stod (not the law\'s duty: issue 11 point 4)', () => {
    const d = decide(gymnasium('2007-05-01', { consents: { 'contact-with-parents': { student: 'given' } } }), 'skollagen');
    const s = step(d, 'vardnadshavare-informeras');
    expect(s).toMatchObject({ kind: 'stod', dueDate: AS_OF, routing: { target: 'vardnadshavare' } });
    expect(ruleIds(s)).toEqual(['myndig-elev-foraldrakontakt-samtycke']);
  });

  it('SL 15 kap. 16 § (§1.6, §7.5): gymnasium pupil aged 18+ who consented only to information sharing (school – social services) → NO contact with the parents', () => {
    const d = decide(gymnasium('2007-05-01', { consents: { 'information-sharing': { student: 'given', guardians: 'given' } } }), 'skollagen');
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
  });

  it('SL 15 kap. 16 § (§1.6, §7.2 completed years): the day before the 18th birthday → guardians informed', () => {
    // Born 2008-11-24: still 17 on 2026-11-23.
    const d = decide(gymnasium('2008-11-24'), 'skollagen');
    expect(d.facts.ageYears).toBe(17);
    expect(stepIds(d)).toContain('vardnadshavare-informeras');
  });

  it('SL 15 kap. 16 § (§1.6, §7.2 completed years): on the 18th birthday, without consent → NO guardian contact', () => {
    // Born 2008-11-23: 18 on 2026-11-23.
    const d = decide(gymnasium('2008-11-23'), 'skollagen');
    expect(d.facts.ageYears).toBe(18);
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
  });
});

describe('SL 7 kap. 19 a § — frånvaroutredning, anmälan till huvudman, samråd med elevhälsan (§1.4)', () => {
  it('SL 7 kap. 19 a § (§1.4): a 10-school-day whole-day streak of VALID (sick) absence → rektor investigates skyndsamt ("oavsett giltig eller ogiltig")', () => {
    const d = decide(streakCase(TEN_DAYS, 'valid'), 'skollagen', STREAK_AS_OF);
    const s = step(d, 'rektor-utredning');
    expect(s).toMatchObject({ kind: 'lagkrav', responsible: 'rektor', urgency: 'skyndsamt', status: 'recommended' });
    expect(ruleIds(s)).toEqual(['sl-7-19a-franvaroutredning']);
    expect(s.reasons[0]?.basis.citation).toBe('SL 7 kap. 19 a §');
    expect(evidence(s)).toContainEqual(
      expect.objectContaining({ fact: 'longestWholeDayStreak', actual: 10, result: true, via: ['upprepad-eller-langre-franvaro'] }),
    );
    // Valid absence only: nothing for SL 7:17.
    expect(stepIds(d)).not.toContain('vardnadshavare-informeras');
  });

  it('SL 7 kap. 19 a § (§1.4): a 10-school-day streak of INVALID absence → rektor investigates too', () => {
    const d = decide(streakCase(TEN_DAYS, 'invalid'), 'skollagen', STREAK_AS_OF);
    expect(stepIds(d)).toContain('rektor-utredning');
    expect(stepIds(d)).toContain('vardnadshavare-informeras'); // invalid absence on 09-25 itself
  });

  it('SL 7 kap. 19 a § (§1.4): the investigation brings anmälan till huvudmannen (snarast) and samråd med elevhälsan', () => {
    const d = decide(streakCase(TEN_DAYS), 'skollagen', STREAK_AS_OF);
    const huvudman = step(d, 'anmalan-huvudman');
    expect(huvudman).toMatchObject({ kind: 'lagkrav', urgency: 'snarast', routing: { target: 'huvudman' }, responsible: 'rektor' });
    expect(ruleIds(huvudman)).toEqual(['sl-7-19a-anmalan-huvudman']);
    const eht = step(d, 'eht');
    // The duty is the rektor's: to see to it that the investigation is made in samråd with elevhälsan (issue 11 point 7).
    expect(eht).toMatchObject({ kind: 'lagkrav', responsible: 'rektor' });
    expect(ruleIds(eht)).toEqual(['sl-7-19a-samrad-elevhalsan']);
    expect(eht.reasons[0]?.basis.citation).toBe('SL 7 kap. 19 a §');
  });

  it('SL 15 kap. 16 § (§1.6): for a gymnasium student the samråd med elevhälsan cites 15 kap. 16 §, not 7 kap. 19 a §', () => {
    const d = decide(streakCase(TEN_DAYS, 'valid', { student: { schoolForm: 'gymnasieskola', grade: 1, birthDate: '2010-02-01' } }), 'skollagen', STREAK_AS_OF);
    const eht = step(d, 'eht');
    expect(ruleIds(eht)).toEqual(['sl-15-16-samrad-elevhalsan']);
    expect(eht.reasons[0]?.basis.citation).toBe('SL 15 kap. 16 §; SL 18 kap. (anpassad gymnasieskola)');
  });

  it('SL 7 kap. 19 a § (§1.4): a 9-school-day streak in a 30-day term (9 days with absence) is not yet "upprepad eller längre" → no investigation, no anmälan, no EHT', () => {
    const d = decide(streakCase(NINE_DAYS), 'skollagen', STREAK_AS_OF);
    expect(d.facts.longestWholeDayStreak).toBe(9);
    for (const id of ['rektor-utredning', 'anmalan-huvudman', 'eht'] as const) {
      expect(stepIds(d)).not.toContain(id);
      expect(notRecommended(d, id)?.reason).toBe('conditions-not-met');
    }
  });

  it('SL 7 kap. 19 a § (§1.4 "upprepad"): scattered absence — 2 of 5 lessons every Monday and Friday of HT2026 → investigation', () => {
    // 14 Mondays + 13 Fridays from 2026-08-17 to 2026-11-23 (höstlov excluded) = 27 days;
    // 27 × 120 = 3240 of 66 × 300 = 19800 minutes (16.4 %).
    const days = schoolDays('2026-08-17', AS_OF);
    const monFri = new Set(days.filter((x) => [1, 5].includes(new Date(`${x}T00:00:00Z`).getUTCDay())));
    const attendance = lessons(days, { perDay: 5, absent: (date, i) => (monFri.has(date) && i >= 3 ? { invalid: 60 } : undefined) });
    const d = decide(studentCase({ attendance }), 'skollagen');
    expect(d.facts.termAbsence).toEqual({ part: 3240, whole: 19800 });
    expect(d.facts.termDaysWithAbsence).toBe(27);
    expect(stepIds(d)).toEqual(expect.arrayContaining(['rektor-utredning', 'anmalan-huvudman', 'eht']));
  });

  it('SL 7 kap. 19 a § (§1.4): förskoleklass is covered (obligatorisk skolform)', () => {
    const d = decide(streakCase(TEN_DAYS, 'valid', { student: { schoolForm: 'forskoleklass', grade: 0, birthDate: '2020-05-01' } }), 'skollagen', STREAK_AS_OF);
    expect(stepIds(d)).toEqual(expect.arrayContaining(['rektor-utredning', 'anmalan-huvudman', 'eht']));
  });

  it('SL 7 kap. 19 a § (§1.9): in force from 2018-07-01 — the same 10-day streak gives no investigation on 2018-06-29 but one on 2018-07-02', () => {
    // VT2018 streak: 2018-05-21 – 06-01 (Kristi himmelsfärd was 05-10, nationaldagen 06-06).
    const days = schoolDays('2018-05-21', '2018-06-01');
    expect(days).toHaveLength(10);
    const input = studentCase({ student: { birthDate: '2005-03-15' }, attendance: wholeDaysAbsent(days, days) });
    expect(stepIds(decide(input, 'skollagen', '2018-06-29'))).not.toContain('rektor-utredning');
    expect(stepIds(decide(input, 'skollagen', '2018-07-02'))).toContain('rektor-utredning');
  });
});

describe('SL 7 kap. 19 a § — measures already taken and follow-up (§1.4, §7.4)', () => {
  // Whole-day (sick) absence every school day from 2026-09-28 to 2026-11-23: the absence persists.
  const persistent = (measures: NonNullable<CaseOverrides['measures']>) =>
    studentCase({
      attendance: wholeDaysAbsent(schoolDays('2026-08-17', AS_OF), schoolDays('2026-09-28', AS_OF)),
      measures,
    });

  it('SL 7 kap. 19 a § (§1.4): a rektor-utredning already opened this term is not recommended again (already-taken)', () => {
    const d = decide(persistent([{ step: 'rektor-utredning', date: '2026-11-02' }]), 'skollagen');
    expect(stepIds(d)).not.toContain('rektor-utredning');
    expect(notRecommended(d, 'rektor-utredning')).toEqual({
      step: 'rektor-utredning',
      reason: 'already-taken',
      measureDate: '2026-11-02',
      ruleIds: ['sl-7-19a-franvaroutredning'],
    });
  });

  it('SL 7 kap. 19 a § (§1.4 "om det inte är obehövligt"): rektor recorded the investigation as obehövligt today → not recommended, and the decision shows the episode it closed (never a silent skip)', () => {
    const d = decide(persistent([{ step: 'rektor-utredning', date: AS_OF, outcome: 'obehovligt' }]), 'skollagen');
    expect(stepIds(d)).not.toContain('rektor-utredning');
    expect(d.episode).toEqual({ start: '2026-11-24', obehovligtOn: AS_OF });
    expect(d.facts.utredningObehovlig).toBe(true);
  });

  it('SL 7 kap. 19 a § (§1.4; issue 10 "episodes"): obehövligt covers the absence up to its date; 15 more whole days absent after it meet "längre frånvaro" again → a new episode, investigated again', () => {
    const d = decide(persistent([{ step: 'rektor-utredning', date: '2026-11-02', outcome: 'obehovligt' }]), 'skollagen');
    expect(d.episode).toEqual({ start: '2026-11-03', obehovligtOn: '2026-11-02' });
    // Ten whole days after it: 11-03 … 11-16; the new episode began 11-03.
    expect(step(d, 'rektor-utredning')).toMatchObject({ arisesOn: '2026-11-16', closableFrom: '2026-11-03', arisesFrom: { kind: 'fact', fact: 'longestWholeDayStreak' } });
    for (const id of ['eht', 'anmalan-huvudman'] as const) expect(stepIds(d), id).toContain(id);
  });

  it('SL 7 kap. 19 a § / 7 kap. 22 § (§1.4 "När en utredning … har inletts ska rektorn se till att frånvaron snarast anmäls till huvudmannen"; §7.3): investigation recorded as obehövligt → no anmälan till huvudman, no EHT samråd, no information to the hemkommun', () => {
    const input = streakCase(TEN_DAYS, 'valid', { student: { school: { huvudman: 'fristaende' } } });
    const d = decide({ ...input, measures: [{ step: 'rektor-utredning', date: STREAK_AS_OF, outcome: 'obehovligt' }] }, 'skollagen', STREAK_AS_OF);
    expect(stepIds(d)).not.toContain('rektor-utredning');
    for (const id of ['anmalan-huvudman', 'eht', 'information-hemkommun'] as const) expect(stepIds(d), id).not.toContain(id);
  });

  it('SL 7 kap. 19 a § (§1.4): an investigation from last term (VT2026) does not cover this term → recommended again', () => {
    const d = decide(persistent([{ step: 'rektor-utredning', date: '2026-06-01' }]), 'skollagen');
    expect(stepIds(d)).toContain('rektor-utredning');
  });

  it('SL 7 kap. 19 a § (§7.4 follow-up): absence persisting 20 school days after the investigation (2026-10-19 → 2026-11-23) → overdue uppfoljning', () => {
    // School days after 10-19 up to 11-23: 10-20..10-23 (4) + 11-02..11-20 (15) + 11-23 (1) = 20.
    const date = '2026-10-19';
    const d = decide(
      persistent([
        { step: 'rektor-utredning', date },
        { step: 'anmalan-huvudman', date },
        { step: 'eht', date },
      ]),
      'skollagen',
    );
    const s = step(d, 'uppfoljning');
    // Due on the 20th school day after the investigation (today), overdue from tomorrow.
    expect(s).toMatchObject({ dueDate: AS_OF, arisesOn: AS_OF, status: 'recommended' });
    expect(s.escalations).toEqual([{ step: 'rektor-utredning', measureDate: date, schoolDaysSince: 20 }]);
    const later = decide(persistent([{ step: 'rektor-utredning', date }, { step: 'anmalan-huvudman', date }, { step: 'eht', date }]), 'skollagen', '2026-11-24');
    expect(step(later, 'uppfoljning')).toMatchObject({ dueDate: AS_OF, status: 'overdue' });
  });

  it('SL 7 kap. 19 a § (§7.4 follow-up): 19 school days after the investigation (2026-10-20) → no follow-up yet', () => {
    const d = decide(persistent([{ step: 'rektor-utredning', date: '2026-10-20' }]), 'skollagen');
    expect(stepIds(d)).not.toContain('uppfoljning');
  });

  it('SL 7 kap. 19 a § (§7.4 follow-up): a follow-up recorded within the last 20 school days → no overdue uppfoljning', () => {
    const d = decide(
      persistent([
        { step: 'rektor-utredning', date: '2026-10-19' },
        { step: 'uppfoljning', date: '2026-11-16' },
      ]),
      'skollagen',
    );
    expect(stepIds(d)).not.toContain('uppfoljning');
  });
});

describe('SL 15 kap. 16 § — frånvaroutredning in gymnasium (§1.6, key takeaway 1)', () => {
  const gymnasiumStreak = (form: 'gymnasieskola' | 'anpassad-gymnasieskola' = 'gymnasieskola') =>
    streakCase(TEN_DAYS, 'valid', { student: { schoolForm: form, grade: 1, birthDate: '2010-02-01' } });

  it('SL 15 kap. 16 § (§1.6): gymnasium pupil with a 10-school-day streak → rektor investigates, in samråd med elevhälsan', () => {
    const d = decide(gymnasiumStreak(), 'skollagen', STREAK_AS_OF);
    const s = step(d, 'rektor-utredning');
    expect(ruleIds(s)).toEqual(['sl-15-16-franvaroutredning']);
    expect(s.reasons[0]?.basis.citation).toBe('SL 15 kap. 16 §; SL 18 kap. (anpassad gymnasieskola)');
    expect(stepIds(d)).toContain('eht');
  });

  it('issue 11 point 7: §7.3 REPORT_HUVUDMAN cites 7:19 a only, and §1.6 (Lidingö\'s summary of 15:16) has no report to the huvudman: for a gymnasium investigation the report is support (stod), still shown', () => {
    const d = decide(gymnasiumStreak(), 'skollagen', STREAK_AS_OF);
    const s = step(d, 'anmalan-huvudman');
    expect(s).toMatchObject({ kind: 'stod', routing: { target: 'huvudman' } });
    expect(s.reasons[0]).toMatchObject({ ruleId: 'sl-15-16-anmalan-huvudman', ruleVersion: 2 });
    expect(s.reasons[0]?.basis.citation).toMatch(/^Jfr SL 7 kap\. 19 a §/);
  });

  it('issue 11 point 7: anpassad gymnasieskola has its own chapter (18 kap., Skolverket): its investigation cites 18 kap. beside 15 kap. 16 §', () => {
    const d = decide(gymnasiumStreak('anpassad-gymnasieskola'), 'skollagen', STREAK_AS_OF);
    expect(step(d, 'rektor-utredning').reasons[0]?.basis.citation).toContain('SL 18 kap. (anpassad gymnasieskola)');
  });
});

describe('SL 7 kap. 22 § — huvudman informs the hemkommun (§1.4)', () => {
  type SchoolOverride = NonNullable<NonNullable<CaseOverrides['student']>['school']>;
  const withSchool = (school: SchoolOverride, residence?: { municipalityCode: string }) =>
    streakCase(TEN_DAYS, 'valid', { student: residence === undefined ? { school } : { school, residence } });

  it('SL 7 kap. 22 § (§1.4): fristående school → information-hemkommun routed to the residence municipality (0180), snarast', () => {
    const d = decide(withSchool({ huvudman: 'fristaende' }), 'skollagen', STREAK_AS_OF);
    const s = step(d, 'information-hemkommun');
    expect(s).toMatchObject({
      kind: 'lagkrav',
      responsible: 'huvudman',
      urgency: 'snarast',
      dueDate: null,
      routing: { target: 'hemkommun', municipalityCode: '0180' },
    });
    expect(ruleIds(s)).toEqual(['sl-7-22-information-hemkommun']);
    expect(s.reasons[0]?.basis.citation).toBe('SL 7 kap. 22 §');
  });

  it('SL 7 kap. 22 § (§1.4): another municipality’s kommunal school (Solna 0184) for a Stockholm resident → routed to Stockholm (0180)', () => {
    const d = decide(withSchool({ municipalityCode: '0184', district: 'Råsunda' }), 'skollagen', STREAK_AS_OF);
    expect(step(d, 'information-hemkommun').routing).toEqual({ target: 'hemkommun', municipalityCode: '0180' });
  });

  it('SL 7 kap. 22 § (§1.4): Stockholm’s kommunal school for a Solna resident → routed to the hemkommun Solna (0184), not the school’s kommun', () => {
    const d = decide(withSchool({}, { municipalityCode: '0184' }), 'skollagen', STREAK_AS_OF);
    expect(step(d, 'information-hemkommun').routing).toEqual({ target: 'hemkommun', municipalityCode: '0184' });
  });

  it('SL 7 kap. 22 § (§1.4, "offentliga huvudmän too since 2018"): statlig specialskola → hemkommun informed', () => {
    const d = decide(
      streakCase(TEN_DAYS, 'valid', { student: { schoolForm: 'specialskola', grade: 6, birthDate: '2014-03-15', school: { huvudman: 'statlig' } } }),
      'skollagen',
      STREAK_AS_OF,
    );
    expect(step(d, 'information-hemkommun').routing).toEqual({ target: 'hemkommun', municipalityCode: '0180' });
  });

  it('SL 7 kap. 22 § (§1.4): kommunal school in the home municipality → the huvudman IS the hemkommun, no information step', () => {
    const d = decide(withSchool({}), 'skollagen', STREAK_AS_OF);
    expect(stepIds(d)).not.toContain('information-hemkommun');
    const n = notRecommended(d, 'information-hemkommun');
    expect(n?.reason).toBe('conditions-not-met');
    if (n?.reason !== 'conditions-not-met') return;
    expect(n.rules.find((r) => r.ruleId === 'sl-7-22-information-hemkommun')?.failed).toContainEqual(
      expect.objectContaining({ fact: 'huvudmanIsHemkommun', actual: true, result: false }),
    );
  });

  it('SL 7 kap. 22 § (§1.4): no investigation (9-day streak) → no information to the hemkommun either', () => {
    const d = decide(streakCase(NINE_DAYS, 'valid', { student: { school: { huvudman: 'fristaende' } } }), 'skollagen', STREAK_AS_OF);
    expect(stepIds(d)).not.toContain('information-hemkommun');
  });

  it('SL 7 kap. 22 § (§1.4) with protected identity → routing is manual, never by address', () => {
    const d = decide(
      streakCase(TEN_DAYS, 'valid', { student: { protectedIdentity: true, residence: null, school: { huvudman: 'fristaende' } } }),
      'skollagen',
      STREAK_AS_OF,
    );
    expect(step(d, 'information-hemkommun').routing).toEqual({ target: 'manual', for: 'hemkommun', reason: 'protected-identity' });
  });
});

describe('Orosanmälan — SoL 14 kap. 1 § / SoL 2025 (§2.1)', () => {
  const harm = (date = AS_OF) => [{ type: 'harm-suspected' as const, date }];
  const otherDistrict: CaseOverrides['student'] = {
    school: { district: 'Skarpnäck' },
    residence: { municipalityCode: '0180', district: 'Rinkeby-Kista' },
  };

  it('SoL 14 kap. 1 § (§2.1): harm suspected with NO absence at all → orosanmälan genast, due today, to socialtjänst in the RESIDENCE district', () => {
    const d = decide(studentCase({ student: otherDistrict, signals: harm() }), 'skollagen');
    expect(d.facts.termAbsenceMinutes).toBe(0);
    const s = step(d, 'orosanmalan');
    expect(s).toMatchObject({
      kind: 'lagkrav',
      responsible: 'skolpersonal',
      urgency: 'genast',
      dueDate: AS_OF,
      status: 'recommended',
      routing: { target: 'socialtjanst', municipalityCode: '0180', district: 'Rinkeby-Kista' },
    });
    expect(evidence(s)).toContainEqual(expect.objectContaining({ fact: 'signalHarmSuspected', actual: true, result: true }));
  });

  it('SoL 14 kap. 1 § (§2.1 "där barnet bor"): child living in Huddinge (0126) at a Stockholm school → socialtjänst in Huddinge', () => {
    const d = decide(studentCase({ student: { residence: { municipalityCode: '0126' } }, signals: harm() }), 'skollagen');
    expect(step(d, 'orosanmalan').routing).toEqual({ target: 'socialtjanst', municipalityCode: '0126', district: null });
  });

  it('SoL 14 kap. 1 § (§2.1): fristående schools are obliged too → orosanmälan', () => {
    const d = decide(studentCase({ student: { school: { huvudman: 'fristaende' } }, signals: harm() }), 'skollagen');
    expect(step(d, 'orosanmalan').kind).toBe('lagkrav');
  });

  it.each(['violence-disclosed', 'whereabouts-unknown'] as const)(
    'SoL 14 kap. 1 § (§2.1 "kännedom om eller misstanke"): signal %s → orosanmälan',
    (type) => {
      const d = decide(studentCase({ signals: [{ type, date: AS_OF }] }), 'skollagen');
      expect(step(d, 'orosanmalan').urgency).toBe('genast');
    },
  );

  it('SoL 14 kap. 1 § (§2.1): the duty is never gated by consent — every consent refused → still recommended, consent.required false, no samtycke step', () => {
    const refused = { guardians: 'refused', student: 'refused' } as const;
    const d = decide(
      studentCase({ signals: harm(), consents: { 'information-sharing': refused, sip: refused, 'skolsocialt-team': refused } }),
      'stockholm',
    );
    const s = step(d, 'orosanmalan');
    expect(s.status).toBe('recommended');
    expect(s.consent).toEqual({ required: false });
    expect(consentRequest(d, 'orosanmalan')).toBeUndefined();
  });

  it('SoL 14 kap. 1 § (§2.1 "barn" = under 18): a 17-year-old (day before the 18th birthday) → orosanmälan', () => {
    const d = decide(
      studentCase({ student: { schoolForm: 'gymnasieskola', grade: 3, birthDate: '2008-11-24' }, signals: harm() }),
      'skollagen',
    );
    expect(stepIds(d)).toContain('orosanmalan');
  });

  it('SoL 14 kap. 1 § (§2.1, §2.7): an 18-year-old is not a "barn" → no orosanmälan', () => {
    const d = decide(
      studentCase({ student: { schoolForm: 'gymnasieskola', grade: 3, birthDate: '2008-11-23' }, signals: harm() }),
      'stockholm',
    );
    expect(stepIds(d)).not.toContain('orosanmalan');
  });

  it('SoL 14 kap. 1 § (§2.1) with protected identity → routing { target: manual, reason: protected-identity }, still genast', () => {
    const d = decide(studentCase({ student: { protectedIdentity: true, residence: null }, signals: harm() }), 'skollagen');
    const s = step(d, 'orosanmalan');
    expect(s.routing).toEqual({ target: 'manual', for: 'socialtjanst', reason: 'protected-identity' });
    expect(s.urgency).toBe('genast');
  });

  it('SoL 14 kap. 1 § (§2.1) with protected identity and a known residence → still manual, never by address', () => {
    const d = decide(studentCase({ student: { protectedIdentity: true }, signals: harm() }), 'skollagen');
    expect(step(d, 'orosanmalan').routing).toEqual({ target: 'manual', for: 'socialtjanst', reason: 'protected-identity' });
  });

  it('SoL version by date (§1.9): on 2025-06-30 the rule in force is SoL (2001:453) 14 kap. 1 §', () => {
    const d = decide(studentCase({ signals: harm('2025-06-30') }), 'skollagen', '2025-06-30');
    const s = step(d, 'orosanmalan');
    expect(ruleIds(s)).toEqual(['sol-2001-14-1-orosanmalan']);
    expect(s.reasons[0]?.basis.citation).toBe('SoL (2001:453) 14 kap. 1 §');
  });

  it('SoL version by date (§1.9): from 2025-07-01 the rule in force is SoL (2025:400)', () => {
    const d = decide(studentCase({ signals: harm('2025-06-30') }), 'skollagen', '2025-07-01');
    const s = step(d, 'orosanmalan');
    expect(ruleIds(s)).toEqual(['sol-2025-orosanmalan']);
    expect(s.reasons[0]?.basis.citation).toContain('SoL (2025:400)');
  });

  it('SoL 14 kap. 1 § (§2.1): a NEW harm signal after an earlier orosanmälan → a new orosanmälan is recommended', () => {
    const d = decide(
      studentCase({ signals: [...harm('2026-10-05'), ...harm('2026-11-20')], measures: [{ step: 'orosanmalan', date: '2026-10-05' }] }),
      'skollagen',
    );
    // "genast" (§2.1): due the day of the new signal, overdue since.
    expect(step(d, 'orosanmalan')).toMatchObject({ arisesOn: '2026-11-20', dueDate: '2026-11-20', status: 'overdue', arisesFrom: { kind: 'signal', signal: 'harm-suspected' } });
  });

  it('SoL 14 kap. 1 § (§2.1): an orosanmälan made after the signal → already taken, not recommended again', () => {
    const d = decide(studentCase({ signals: harm('2026-11-16'), measures: [{ step: 'orosanmalan', date: '2026-11-17' }] }), 'skollagen');
    expect(stepIds(d)).not.toContain('orosanmalan');
    expect(notRecommended(d, 'orosanmalan')).toEqual({
      step: 'orosanmalan',
      reason: 'already-taken',
      measureDate: '2026-11-17',
      ruleIds: ['sol-2025-orosanmalan'],
    });
  });
});

describe('Anmälningsmöte and förhandsbedömning after an orosanmälan (§2.2, §2.3)', () => {
  const reported = (date: string, signals: CaseOverrides['signals'] = [{ type: 'harm-suspected', date }]) =>
    studentCase({
      student: { residence: { municipalityCode: '0180', district: 'Rinkeby-Kista' } },
      signals,
      measures: [{ step: 'orosanmalan', date }],
    });

  // Issue 11 point 3: the school asks social services whether a meeting is appropriate (§2.2 "bör", "om det är
  // lämpligt"), never while harm, violence, unknown whereabouts or crime/drugs are in force. The case: a child caring
  // for a parent at home, reported on 11-16.
  it('SoL 14 kap. 1 a § (§2.2): after an orosanmälan about caregiving at home → ask socialtjänst where the child lives whether an anmälningsmöte is appropriate', () => {
    const d = decide(reported('2026-11-16', [{ type: 'caregiving-at-home', date: '2026-11-16' }]), 'skollagen');
    const s = step(d, 'anmalningsmote');
    // Stockholm (§2.2): agree on a meeting within the 14 days of the förhandsbedömning: 11-16 + 14 = 11-30.
    expect(s).toMatchObject({
      routing: { target: 'socialtjanst', municipalityCode: '0180', district: 'Rinkeby-Kista' },
      status: 'recommended',
      dueDate: '2026-11-30',
    });
    expect(ruleIds(s)).toEqual(['sol-2025-anmalningsmote']);
  });

  it('SoL 14 kap. 1 a § (§2.2): not when the child has disclosed violence', () => {
    const d = decide(reported('2026-11-16', [{ type: 'violence-disclosed', date: '2026-11-16' }]), 'skollagen');
    expect(stepIds(d)).not.toContain('anmalningsmote');
    const n = notRecommended(d, 'anmalningsmote');
    expect(n?.reason).toBe('conditions-not-met');
    if (n?.reason !== 'conditions-not-met') return;
    expect(n.rules.flatMap((r) => r.failed)).toContainEqual(expect.objectContaining({ fact: 'signalViolenceDisclosed', actual: true, result: false }));
  });

  it('SoL 14 kap. 1 a § (§2.2): no orosanmälan made → no anmälningsmöte', () => {
    const d = decide(studentCase({ signals: [{ type: 'harm-suspected', date: AS_OF }] }), 'skollagen');
    expect(stepIds(d)).not.toContain('anmalningsmote');
  });

  it('SoL 11 kap. 1 a § (§2.3): förhandsbedömning tracked with a due date 14 days after the orosanmälan (2026-11-09 → 2026-11-23)', () => {
    const d = decide(reported('2026-11-09'), 'skollagen', '2026-11-20');
    const s = step(d, 'forhandsbedomning-bevakning');
    expect(s).toMatchObject({ dueDate: '2026-11-23', status: 'recommended', routing: { target: 'socialtjanst', municipalityCode: '0180', district: 'Rinkeby-Kista' } });
    expect(ruleIds(s)).toEqual(['sol-2025-forhandsbedomning']);
  });

  it('SoL 11 kap. 1 a § (§2.3): on day 14 itself the tracking is still on time', () => {
    const d = decide(reported('2026-11-09'), 'skollagen', '2026-11-23');
    expect(step(d, 'forhandsbedomning-bevakning')).toMatchObject({ dueDate: '2026-11-23', status: 'recommended' });
  });

  it('SoL 11 kap. 1 a § (§2.3): after the 14 days the tracking is overdue', () => {
    const d = decide(reported('2026-11-09'), 'skollagen', '2026-11-24');
    expect(step(d, 'forhandsbedomning-bevakning')).toMatchObject({ dueDate: '2026-11-23', status: 'overdue' });
  });

  it('SoL version by date (§1.9): a förhandsbedömning tracked on 2025-06-30 cites SoL (2001:453) 11 kap. 1 a §', () => {
    const d = decide(reported('2025-06-20'), 'skollagen', '2025-06-30');
    const s = step(d, 'forhandsbedomning-bevakning');
    expect(ruleIds(s)).toEqual(['sol-2001-11-1a-forhandsbedomning']);
    expect(s.dueDate).toBe('2025-07-04');
  });
});

describe('SIP — samordnad individuell plan (§2.4)', () => {
  const needs = (consents: CaseOverrides['consents'] = {}) =>
    studentCase({ signals: [{ type: 'needs-health-and-social-care', date: '2026-11-10' }], consents });

  it('SoL 2 kap. 7 § / HSL 16 kap. 4 § (§2.4): needs from both health care and social services → SIP proposed, blocked until consent, with a samtycke step', () => {
    const d = decide(needs(), 'skollagen');
    const s = step(d, 'sip');
    expect(s.status).toBe('blocked');
    expect(s.consent).toEqual({
      required: true,
      purpose: 'sip',
      parties: [
        { party: 'guardians', status: 'not-asked' },
        { party: 'student', status: 'not-asked' },
      ],
      satisfied: false,
    });
    expect(consentRequest(d, 'sip')).toMatchObject({ id: 'samtycke', forStep: 'sip', status: 'recommended' });
    expect(s.reasons[0]?.basis.citation).toContain('HSL (2017:30) 16 kap. 4 §');
  });

  it('SIP (§2.4): guardians consent but the child has not → still blocked ("barnet och vårdnadshavarna samtycker")', () => {
    const d = decide(needs({ sip: { guardians: 'given' } }), 'skollagen');
    expect(step(d, 'sip').status).toBe('blocked');
  });

  it('SIP (§2.4): guardians and child consent → SIP recommended, no samtycke step', () => {
    const d = decide(needs({ sip: { guardians: 'given', student: 'given' } }), 'skollagen');
    expect(step(d, 'sip').status).toBe('recommended');
    expect(consentRequest(d, 'sip')).toBeUndefined();
  });

  it('SIP (§2.4 "only with the individual\'s samtycke"): an 18-year-old consents herself → recommended without the guardians', () => {
    const d = decide(
      studentCase({
        student: { schoolForm: 'gymnasieskola', grade: 3, birthDate: '2008-11-23' },
        signals: [{ type: 'needs-health-and-social-care', date: '2026-11-10' }],
        consents: { sip: { student: 'given' } },
      }),
      'skollagen',
    );
    expect(step(d, 'sip').status).toBe('recommended');
  });

  it('SIP (§2.4): no such signal → no SIP', () => {
    const d = decide(studentCase({}), 'skollagen');
    expect(stepIds(d)).not.toContain('sip');
  });
});
