/**
 * Stockholm stad (domain.md §0.1 layer 3, §3.1–3.3), end to end through the
 * public API. Expected values are worked out by hand from domain.md and the
 * default calendar: HT2026 runs 2026-08-17 – 2026-12-18 with höstlov
 * 2026-10-26 – 10-30; school days: 20 up to Fri 09-11, 30 up to Fri 09-25,
 * 40 up to Fri 10-09, 66 up to Mon 11-23, 85 up to Fri 12-18.
 */
import { describe, expect, it } from 'vitest';
import type { StepId } from '../../src/index.js';
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
  type LessonAbsence,
} from '../helpers/cases.js';

// ---- §3.1: "över 20 procent" on exactly 1000 minutes -------------------------------------------
// asOf Fri 2026-09-11: HT2026 has had 20 school days (08-17 – 09-11), so the term-to-date and the
// rolling 20-school-day window are the same 20 days; one 50-minute lesson a day = 1000 minutes.
const TWENTY_AS_OF = '2026-09-11';
const TWENTY_DAYS = schoolDays('2026-08-17', TWENTY_AS_OF);

/** 1000 minutes; `absence` maps a date to that day's absence (whole day = 50 minutes). */
function thousandMinutes(absence: Readonly<Record<string, LessonAbsence>>, overrides: CaseOverrides = {}) {
  return studentCase({ ...overrides, attendance: lessons(TWENTY_DAYS, { minutes: 50, absent: (date) => absence[date] }) });
}
const W = 50; // a whole day
/** 200 minutes: four whole days, valid. */
const EXACTLY_200 = { '2026-08-17': { valid: W }, '2026-08-18': { valid: W }, '2026-08-19': { valid: W }, '2026-08-20': { valid: W } };

const STHLM_STEPS: readonly StepId[] = ['kartlaggning', 'individanpassad-planering', 'uppfoljning'];

describe('Stockholm 20 % guideline (§3.1): "elevfrånvaro över 20 procent ska ses som allvarlig"', () => {
  it('calendar sanity: HT2026 has 20 school days up to 2026-09-11', () => {
    expect(TWENTY_DAYS).toHaveLength(20);
    expect(TWENTY_DAYS[0]).toBe('2026-08-17');
  });

  it('Stockholm §3.1: exactly 20.0 % (200 of 1000 minutes) is not "över 20 procent" → no kartläggning, planering or uppföljning', () => {
    const d = decide(thousandMinutes(EXACTLY_200), 'stockholm', TWENTY_AS_OF);
    expect(d.facts.termAbsence).toEqual({ part: 200, whole: 1000 });
    expect(d.facts.windowAbsence).toEqual({ part: 200, whole: 1000 });
    for (const id of STHLM_STEPS) expect(stepIds(d)).not.toContain(id);
    const n = notRecommended(d, 'kartlaggning');
    expect(n?.reason).toBe('conditions-not-met');
    if (n?.reason !== 'conditions-not-met') return;
    expect(n.rules[0]?.failed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fact: 'termAbsenceBeyondShortIllness', actual: { part: 200, whole: 1000 }, result: false }),
        expect.objectContaining({ fact: 'windowAbsenceBeyondShortIllness', actual: { part: 200, whole: 1000 }, result: false }),
      ]),
    );
  });

  it('Stockholm §3.1: one minute more (201 of 1000) → kartläggning, individanpassad planering, uppföljning, rektor-utredning, EHT and anmälan till utbildningsförvaltningen, all kind riktlinje', () => {
    const d = decide(thousandMinutes({ ...EXACTLY_200, '2026-08-21': { valid: 1 } }), 'stockholm', TWENTY_AS_OF);
    expect(d.facts.termAbsence).toEqual({ part: 201, whole: 1000 });
    const expected: ReadonlyArray<[StepId, string]> = [
      ['kartlaggning', 'sthlm-allvarlig-franvaro-kartlaggning'],
      ['individanpassad-planering', 'sthlm-allvarlig-franvaro-planering'],
      ['uppfoljning', 'sthlm-allvarlig-franvaro-uppfoljning'],
      ['rektor-utredning', 'sthlm-allvarlig-franvaro-utredning'],
      ['eht', 'sthlm-allvarlig-franvaro-eht'],
      ['anmalan-huvudman', 'sthlm-anmalan-utbildningsforvaltningen'],
    ];
    for (const [id, rule] of expected) {
      const s = step(d, id);
      expect(s.kind, id).toBe('riktlinje');
      // 20 school days, 5 with absence, longest streak 5: not "upprepad eller längre" by the national rule.
      expect(ruleIds(s), id).toEqual([rule]);
      expect(s.reasons[0]?.basis.citation, id).toMatch(/^Stockholms stad/);
      // The city's guideline as quoted in its public report (docs/sources.md, Stockholms stad).
      expect(s.reasons[0]?.basis.url, id).toMatch(/^https:\/\/5dok\.org\//);
    }
    expect(step(d, 'anmalan-huvudman').routing).toEqual({ target: 'huvudman' });
  });

  it('Stockholm §3.1 ("oavsett om den är giltig eller ogiltig"): 100 valid + 101 invalid of 1000 minutes count together → kartläggning', () => {
    const d = decide(
      thousandMinutes({
        '2026-08-17': { valid: W },
        '2026-08-18': { valid: W },
        '2026-08-19': { invalid: W },
        '2026-08-20': { invalid: W },
        '2026-08-21': { invalid: 1 },
      }),
      'stockholm',
      TWENTY_AS_OF,
    );
    expect(d.facts.termValidAbsence).toEqual({ part: 100, whole: 1000 });
    expect(d.facts.termInvalidAbsence).toEqual({ part: 101, whole: 1000 });
    expect(stepIds(d)).toEqual(expect.arrayContaining([...STHLM_STEPS]));
  });

  it.each(['valid', 'invalid'] as const)('Stockholm §3.1: %s absence alone over 20 % (201 of 1000) → kartläggning', (kind) => {
    const d = decide(
      thousandMinutes({
        '2026-08-17': { [kind]: W },
        '2026-08-18': { [kind]: W },
        '2026-08-19': { [kind]: W },
        '2026-08-20': { [kind]: W },
        '2026-08-21': { [kind]: 1 },
      }),
      'stockholm',
      TWENTY_AS_OF,
    );
    expect(stepIds(d)).toEqual(expect.arrayContaining([...STHLM_STEPS]));
  });

  it('Stockholm §3.1 + §7.2 windows: rolling window over 20 % while the term is not (300 of 1200 vs 300 of 3960) → kartläggning, explained by the window', () => {
    // asOf Mon 2026-11-23: window = 10-20..10-23 (4) + 11-02..11-20 (15) + 11-23 (1) = 20 days × 60 = 1200;
    // term = 66 days × 60 = 3960. Whole days absent 11-16 – 11-20: 300 minutes.
    const days = schoolDays('2026-08-17', '2026-11-23');
    expect(days).toHaveLength(66);
    const d = decide(studentCase({ attendance: wholeDaysAbsent(days, schoolDays('2026-11-16', '2026-11-20')) }), 'stockholm', '2026-11-23');
    expect(d.facts.windowAbsence).toEqual({ part: 300, whole: 1200 });
    expect(d.facts.termAbsence).toEqual({ part: 300, whole: 3960 });
    const s = step(d, 'kartlaggning');
    expect(evidence(s)).toContainEqual(expect.objectContaining({ fact: 'windowAbsenceBeyondShortIllness', actual: { part: 300, whole: 1200 }, result: true }));
    expect(evidence(s).map((e) => e.fact)).not.toContain('termAbsenceBeyondShortIllness');
  });

  it('Stockholm §3.1: rolling window at exactly 20.0 % (240 of 1200) and term 240 of 3960 → no kartläggning', () => {
    const days = schoolDays('2026-08-17', '2026-11-23');
    const d = decide(studentCase({ attendance: wholeDaysAbsent(days, schoolDays('2026-11-17', '2026-11-20')) }), 'stockholm', '2026-11-23');
    expect(d.facts.windowAbsence).toEqual({ part: 240, whole: 1200 });
    expect(stepIds(d)).not.toContain('kartlaggning');
  });

  it('Stockholm §3.1 + §7.2 windows: term-to-date over 20 % while the window is clean (540 of 2400 vs 0 of 1200) → kartläggning, explained by the term', () => {
    // asOf Fri 2026-10-09: term = 40 days × 60 = 2400; window = 09-14 – 10-09. Absent 08-17 – 08-27 (9 days).
    const days = schoolDays('2026-08-17', '2026-10-09');
    expect(days).toHaveLength(40);
    const d = decide(studentCase({ attendance: wholeDaysAbsent(days, schoolDays('2026-08-17', '2026-08-27')) }), 'stockholm', '2026-10-09');
    expect(d.facts.termAbsence).toEqual({ part: 540, whole: 2400 });
    expect(d.facts.windowAbsence).toEqual({ part: 0, whole: 1200 });
    expect(evidence(step(d, 'kartlaggning'))).toContainEqual(
      expect.objectContaining({ fact: 'termAbsenceBeyondShortIllness', actual: { part: 540, whole: 2400 }, result: true }),
    );
  });
});

// ---- §0.1 layer 3: city policy binds only the city's own schools ---------------------------------
// asOf Fri 2026-09-25: 30 school days, whole days absent 09-14 – 09-25 (10 days, 33 %): both the
// national "upprepad eller längre" (10-day streak) and Stockholm's "över 20 procent" hold.
const STREAK_AS_OF = '2026-09-25';
function streakCase(overrides: CaseOverrides = {}) {
  return studentCase({
    ...overrides,
    attendance: wholeDaysAbsent(schoolDays('2026-08-17', STREAK_AS_OF), schoolDays('2026-09-14', STREAK_AS_OF), 'valid', { perDay: 5 }),
  });
}

describe('Stockholm policy binds only kommunala schools in Stockholm (§0.1 layer 3, §3.1)', () => {
  it('Stockholm §3.1 / §0.1: fristående school in Stockholm → no riktlinje steps, but the statutory steps (SL 7:19 a, 7:22) still apply', () => {
    const d = decide(streakCase({ student: { school: { huvudman: 'fristaende', teams: ['skolsocialt-team'] } } }), 'stockholm', STREAK_AS_OF);
    expect(d.steps.filter((s) => s.kind === 'riktlinje').map((s) => s.id)).toEqual([]);
    for (const id of [...STHLM_STEPS, 'skolsocialt-team'] as const) expect(stepIds(d)).not.toContain(id);
    for (const id of ['rektor-utredning', 'anmalan-huvudman', 'eht', 'information-hemkommun'] as const) {
      expect(step(d, id).kind, id).toBe('lagkrav');
    }
    expect(ruleIds(step(d, 'rektor-utredning'))).toEqual(['sl-7-19a-franvaroutredning']);
  });

  it('Stockholm §3.1 / §0.1: kommunal school in another municipality (Solna) with policy stockholm → no Stockholm guideline steps; statutory steps apply', () => {
    const d = decide(
      streakCase({ student: { school: { municipalityCode: '0184', district: 'Råsunda', teams: ['skolsocialt-team'] }, residence: { municipalityCode: '0184' } } }),
      'stockholm',
      STREAK_AS_OF,
    );
    for (const id of [...STHLM_STEPS, 'skolsocialt-team'] as const) expect(stepIds(d)).not.toContain(id);
    expect(d.steps.filter((s) => s.kind === 'riktlinje').map((s) => s.id)).toEqual([]);
    expect(ruleIds(step(d, 'rektor-utredning'))).toEqual(['sl-7-19a-franvaroutredning']);
    expect(stepIds(d)).not.toContain('information-hemkommun'); // Solna school, Solna resident
  });

  it.each([
    ['fristående school in Stockholm', { school: { huvudman: 'fristaende' } }, ['sthlm-hemkommun-5-arbetsdagar']],
    ['kommunal school in Solna, Solna resident', { school: { municipalityCode: '0184', district: 'Råsunda' }, residence: { municipalityCode: '0184' } }, []],
  ] as const)(
    '§0.1 layer 3 ("binding only on that city\'s own schools; for fristående only the statutory reporting duties"): %s → no reason from the stockholm policy except §3.2 reporting',
    (_, student, allowed) => {
      const d = decide(streakCase({ student }), 'stockholm', STREAK_AS_OF);
      const fromStockholm = d.steps.flatMap((s) => s.reasons.filter((r) => r.policyId === 'stockholm').map((r) => r.ruleId));
      expect(fromStockholm.filter((id) => !(allowed as readonly string[]).includes(id))).toEqual([]);
    },
  );
});

describe('Stockholm residents at non-city schools: report within 5 working days (§3.2)', () => {
  it('Stockholm §3.2 (rule sthlm-hemkommun-5-arbetsdagar): Stockholm resident at a Solna kommunal school, investigation started Fri 2026-12-18 → information-hemkommun arises then, due Tue 2026-12-29 (5 working days across jul), result due 2027-01-18 (one month)', () => {
    // 12-21, 12-22, 12-23 (3); 12-24 julafton, 12-25, 12-26, weekend; 12-28 (4), 12-29 (5).
    const asOf = '2026-12-18';
    const days = schoolDays('2026-08-17', asOf);
    expect(days).toHaveLength(85);
    const d = decide(
      studentCase({
        student: { school: { municipalityCode: '0184', district: 'Råsunda' } },
        attendance: wholeDaysAbsent(days, schoolDays('2026-12-07', asOf)),
        measures: [{ step: 'rektor-utredning', date: asOf, outcome: 'started' }],
      }),
      'stockholm',
      asOf,
    );
    const s = step(d, 'information-hemkommun');
    expect(s).toMatchObject({ arisesOn: asOf, arisesFrom: { kind: 'measure', step: 'rektor-utredning' }, dueDate: '2026-12-29', resultDueDate: '2027-01-18' });
    // The due date is anchored: the same case a week later has the same due date (issue 10: it never moves with asOf).
    const later = decide(
      studentCase({
        student: { school: { municipalityCode: '0184', district: 'Råsunda' } },
        attendance: wholeDaysAbsent(days, schoolDays('2026-12-07', asOf)),
        measures: [{ step: 'rektor-utredning', date: asOf, outcome: 'started' }],
      }),
      'stockholm',
      '2027-01-04',
    );
    expect(step(later, 'information-hemkommun')).toMatchObject({ dueDate: '2026-12-29', status: 'overdue' });
    expect(s.routing).toEqual({ target: 'hemkommun', municipalityCode: '0180' });
    expect(s.kind).toBe('lagkrav');
    expect(ruleIds(s)).toEqual(expect.arrayContaining(['sl-7-22-information-hemkommun', 'sthlm-hemkommun-5-arbetsdagar']));
  });

  it('Stockholm §3.2 / key takeaway 4 ("non-city huvudmän … within 5 working days" after the huvudman learned the investigation started): fristående school, investigation started Fri 2026-09-25 → due Fri 2026-10-02', () => {
    const d = decide(
      streakCase({ student: { school: { huvudman: 'fristaende' } }, measures: [{ step: 'rektor-utredning', date: STREAK_AS_OF, outcome: 'started' }] }),
      'stockholm',
      STREAK_AS_OF,
    );
    const s = step(d, 'information-hemkommun');
    expect(s.dueDate).toBe('2026-10-02');
    expect(ruleIds(s)).toContain('sthlm-hemkommun-5-arbetsdagar');
  });

  it('Stockholm §3.2: no investigation started yet → the information is still indicated, with no due date (the 5 days count from the start)', () => {
    const d = decide(streakCase({ student: { school: { huvudman: 'fristaende' } } }), 'stockholm', STREAK_AS_OF);
    expect(step(d, 'information-hemkommun')).toMatchObject({ dueDate: null, status: 'recommended' });
  });

  it('Stockholm §3.2 applies to pupils who live in Stockholm: a Solna resident at a Stockholm city school → hemkommun Solna informed snarast, no 5-day deadline', () => {
    const d = decide(streakCase({ student: { residence: { municipalityCode: '0184' } } }), 'stockholm', STREAK_AS_OF);
    const s = step(d, 'information-hemkommun');
    expect(s.routing).toEqual({ target: 'hemkommun', municipalityCode: '0184' });
    expect(s.dueDate).toBeNull();
    expect(ruleIds(s)).toEqual(['sl-7-22-information-hemkommun']);
  });

  it('Stockholm §3.2 is city policy, not law: the same fristående case under policy skollagen → snarast without a fixed due date', () => {
    const d = decide(streakCase({ student: { school: { huvudman: 'fristaende' } } }), 'skollagen', STREAK_AS_OF);
    expect(step(d, 'information-hemkommun')).toMatchObject({ urgency: 'snarast', dueDate: null });
  });
});

describe('Skolsociala team in Stockholm (§3.3)', () => {
  const teamCase = (overrides: CaseOverrides = {}) =>
    streakCase({
      ...overrides,
      student: {
        school: { teams: ['skolsocialt-team'] },
        residence: { municipalityCode: '0180', district: 'Rinkeby-Kista' },
        ...overrides.student,
      },
    });
  const both = { 'skolsocialt-team': { guardians: 'given', student: 'given' } } as const;

  it('Stockholm §3.3: åk 7, repeated/long absence, school has a team, no consent yet → step blocked, with a samtycke step for skolsocialt-team', () => {
    const d = decide(teamCase(), 'stockholm', STREAK_AS_OF);
    const s = step(d, 'skolsocialt-team');
    expect(s.kind).toBe('riktlinje');
    expect(s.status).toBe('blocked');
    expect(s.consent).toEqual({
      required: true,
      purpose: 'skolsocialt-team',
      parties: [
        { party: 'guardians', status: 'not-asked' },
        { party: 'student', status: 'not-asked' },
      ],
      satisfied: false,
    });
    expect(consentRequest(d, 'skolsocialt-team')).toMatchObject({ id: 'samtycke', forStep: 'skolsocialt-team' });
  });

  it.each([
    ['guardians only', { 'skolsocialt-team': { guardians: 'given' } }],
    ['student only', { 'skolsocialt-team': { student: 'given' } }],
    ['guardians given, student refused', { 'skolsocialt-team': { guardians: 'given', student: 'refused' } }],
  ] as const)('Stockholm §3.3 (consent of guardians AND pupil): %s → still blocked', (_, consents) => {
    const d = decide(teamCase({ consents }), 'stockholm', STREAK_AS_OF);
    expect(step(d, 'skolsocialt-team').status).toBe('blocked');
    expect(consentRequest(d, 'skolsocialt-team')).toBeDefined();
  });

  it('Stockholm §3.3: guardians and pupil both consent → recommended, no samtycke step', () => {
    const d = decide(teamCase({ consents: both }), 'stockholm', STREAK_AS_OF);
    expect(step(d, 'skolsocialt-team').status).toBe('recommended');
    expect(consentRequest(d, 'skolsocialt-team')).toBeUndefined();
  });

  it('Stockholm §3.3 (åk 4–9): åk 3 → not recommended, the failing evidence is the grade', () => {
    const d = decide(teamCase({ student: { grade: 3, birthDate: '2017-03-15' }, consents: both }), 'stockholm', STREAK_AS_OF);
    expect(stepIds(d)).not.toContain('skolsocialt-team');
    const n = notRecommended(d, 'skolsocialt-team');
    expect(n?.reason).toBe('conditions-not-met');
    if (n?.reason !== 'conditions-not-met') return;
    expect(n.rules).toEqual([
      {
        ruleId: 'sthlm-skolsocialt-team',
        failed: [expect.objectContaining({ fact: 'grade', operator: 'greaterThanInclusive', value: 4, actual: 3, result: false })],
      },
    ]);
  });

  it.each([4, 9])('Stockholm §3.3 (åk 4–9): åk %i → offered', (grade) => {
    const d = decide(teamCase({ student: { grade }, consents: both }), 'stockholm', STREAK_AS_OF);
    expect(step(d, 'skolsocialt-team').status).toBe('recommended');
  });

  it('Stockholm §3.3 (team availability per school): school without a skolsocialt team → not recommended, evidence schoolHasSkolsocialtTeam false', () => {
    const d = decide(streakCase({ consents: both }), 'stockholm', STREAK_AS_OF);
    const n = notRecommended(d, 'skolsocialt-team');
    expect(n?.reason).toBe('conditions-not-met');
    if (n?.reason !== 'conditions-not-met') return;
    expect(n.rules[0]?.failed).toContainEqual(expect.objectContaining({ fact: 'schoolHasSkolsocialtTeam', actual: false }));
  });

  it('Stockholm §3.3 ("upprepad eller längre skolfrånvaro"): two days absent in 30 → no team', () => {
    const d = decide(
      studentCase({
        student: { school: { teams: ['skolsocialt-team'] } },
        consents: both,
        attendance: wholeDaysAbsent(schoolDays('2026-08-17', STREAK_AS_OF), ['2026-09-01', '2026-09-02']),
      }),
      'stockholm',
      STREAK_AS_OF,
    );
    expect(stepIds(d)).not.toContain('skolsocialt-team');
  });

  it('Stockholm §3.3 ("far-illa concern → orosanmälan instead"): harm suspected → no team; orosanmälan (lagkrav) instead', () => {
    const d = decide(teamCase({ consents: both, signals: [{ type: 'harm-suspected', date: '2026-09-24' }] }), 'stockholm', STREAK_AS_OF);
    expect(stepIds(d)).not.toContain('skolsocialt-team');
    expect(step(d, 'orosanmalan').kind).toBe('lagkrav');
  });

  it('Stockholm §3.3: violence disclosed → no team', () => {
    const d = decide(teamCase({ consents: both, signals: [{ type: 'violence-disclosed', date: '2026-09-24' }] }), 'stockholm', STREAK_AS_OF);
    expect(stepIds(d)).not.toContain('skolsocialt-team');
  });

  it('Stockholm §3.3 ("inte en komplex och för omfattande problematik"): complex problems + absence → no team; orosanmälan (riktlinje sthlm-komplex-problematik-orosanmalan) to the residence district', () => {
    const d = decide(teamCase({ consents: both, signals: [{ type: 'complex-problems', date: '2026-09-24' }] }), 'stockholm', STREAK_AS_OF);
    expect(stepIds(d)).not.toContain('skolsocialt-team');
    const s = step(d, 'orosanmalan');
    expect(ruleIds(s)).toEqual(['sthlm-komplex-problematik-orosanmalan']);
    expect(s).toMatchObject({
      kind: 'riktlinje',
      urgency: 'genast',
      routing: { target: 'socialtjanst', municipalityCode: '0180', district: 'Rinkeby-Kista' },
      consent: { required: false },
    });
  });
});

// ---- Issue 11 point 5: no "serious absence" from one sick day in week one or one flu week -------
// The rolling window is our [DEFAULT] (domain §3.1: the guideline names no window; Solna waits eight
// weeks). Stockholm's 20 % path waits until the term has had 20 school days (one full window,
// `minst-fyra-skolveckor-i-terminen`) and leaves out one short illness the guardians reported (the
// `shortIllnessSchoolDays` = 5 days with the most sick minutes). SL 7:19 a still counts valid
// absence ("oavsett om det är fråga om giltig eller ogiltig frånvaro", §1.4): long or repeated
// illness still reaches the city's steps, and the law's own investigation never waits for them.
describe('issue 11 point 5 — Stockholm "över 20 %": not on one sick day in week one, not on one flu week', () => {
  const SICK = { valid: 60, reason: 'sick', guardianReported: true } as const;
  const CITY_STEPS: readonly StepId[] = ['kartlaggning', 'individanpassad-planering', 'uppfoljning', 'anmalan-huvudman'];
  /** Five 60-minute lessons on each school day from the term's start to `asOf`; `absent` dates are whole days away. */
  function term(asOf: string, absent: Readonly<Record<string, LessonAbsence>>) {
    return studentCase({ attendance: lessons(schoolDays('2026-08-17', asOf), { perDay: 5, absent: (date) => absent[date] }) });
  }
  const days = (from: string, to: string, a: LessonAbsence) => Object.fromEntries(schoolDays(from, to).map((d) => [d, a]));

  it('one sick day in the first week (1 of 3 days, 33 %) → no kartläggning, no report to utbildningsförvaltningen', () => {
    const d = decide(term('2026-08-19', { '2026-08-18': SICK }), 'stockholm', '2026-08-19');
    expect(d.facts.termAbsence).toEqual({ part: 300, whole: 900 });
    for (const id of CITY_STEPS) expect(stepIds(d)).not.toContain(id);
  });

  it('one skipped day in the first week (invalid, 33 %) → still no city step before 20 school days: the rate of three days says nothing', () => {
    const d = decide(term('2026-08-19', { '2026-08-18': { invalid: 60 } }), 'stockholm', '2026-08-19');
    for (const id of CITY_STEPS) expect(stepIds(d)).not.toContain(id);
  });

  it('one flu week (5 whole sick days, reported) in the window, 25 % → no city steps; the same week unreported-invalid → all of them', () => {
    const flu = decide(term('2026-11-23', days('2026-11-16', '2026-11-20', SICK)), 'stockholm', '2026-11-23');
    expect(flu.facts.windowAbsence).toEqual({ part: 1500, whole: 6000 });
    expect(flu.facts.windowAbsenceBeyondShortIllness).toEqual({ part: 0, whole: 6000 });
    for (const id of CITY_STEPS) expect(stepIds(flu)).not.toContain(id);
    const skipped = decide(term('2026-11-23', days('2026-11-16', '2026-11-20', { invalid: 60 })), 'stockholm', '2026-11-23');
    for (const id of CITY_STEPS) expect(stepIds(skipped)).toContain(id);
  });

  it('a sick week the guardians did not report counts (only guardian-reported illness is left out)', () => {
    const d = decide(term('2026-11-23', days('2026-11-16', '2026-11-20', { valid: 60, reason: 'sick' })), 'stockholm', '2026-11-23');
    expect(stepIds(d)).toContain('kartlaggning');
  });

  it('§1.4 valid absence still counts: two sick weeks in the window (50 %, 25 % beyond one week) → kartläggning and the report', () => {
    const d = decide(term('2026-11-23', days('2026-11-09', '2026-11-20', SICK)), 'stockholm', '2026-11-23');
    expect(d.facts.windowAbsenceBeyondShortIllness).toEqual({ part: 1500, whole: 6000 });
    for (const id of CITY_STEPS) expect(stepIds(d)).toContain(id);
  });

  it('a flu week plus one more sick day: 6 of 20 days, one day beyond the week (5 %) → no city steps', () => {
    const d = decide(term('2026-11-23', { ...days('2026-11-16', '2026-11-20', SICK), '2026-11-03': SICK }), 'stockholm', '2026-11-23');
    expect(d.facts.windowAbsenceBeyondShortIllness).toEqual({ part: 300, whole: 6000 });
    expect(stepIds(d)).not.toContain('kartlaggning');
  });

  it('the 20th school day is the first the city path counts: over 20 % on day 19 → nothing; on day 20 → kartläggning', () => {
    // Absent (invalid) on the first five school days: 5 of 19 = 26 %, 5 of 20 = 25 %.
    const absent = days('2026-08-17', '2026-08-21', { invalid: 60 });
    const day19 = decide(term('2026-09-10', absent), 'stockholm', '2026-09-10');
    expect(day19.facts.termSchoolDaysElapsed).toBe(19);
    expect(stepIds(day19)).not.toContain('kartlaggning');
    const day20 = decide(term('2026-09-11', absent), 'stockholm', '2026-09-11');
    expect(day20.facts.termSchoolDaysElapsed).toBe(20);
    expect(stepIds(day20)).toContain('kartlaggning');
  });

  it('the law does not wait: ten whole sick days from the first day of term → the rektor\'s investigation (SL 7:19 a) on day 10', () => {
    const d = decide(term('2026-08-28', days('2026-08-17', '2026-08-28', SICK)), 'stockholm', '2026-08-28');
    expect(d.facts.termSchoolDaysElapsed).toBe(10);
    expect(step(d, 'rektor-utredning').kind).toBe('lagkrav');
    expect(stepIds(d)).not.toContain('kartlaggning');
  });
});

// ---- Issue 11 point 10: the ten-year grundskola (prop. 2024/25:143, education after 2028-06-30) ---
// Förskoleklass ends and grade 10 becomes grundskolans last year: the same children are one grade
// higher. Stockholm's team for åk 4–9 serves åk 5–10 from 2028-07-01 (sthlm-skolsocialt-team v2).
describe('issue 11 point 10 — the ten-year grundskola shifts Stockholm\'s team band (åk 4–9 → åk 5–10 from 2028-07-01)', () => {
  /** Whole days absent on the last 10 school days up to asOf (a streak: upprepad eller längre), five lessons a day. */
  function teamCase(asOf: string, grade: number, birthDate: string) {
    const days = schoolDays(asOf.slice(0, 4) + '-08-17', asOf);
    const away = new Set(days.slice(-10));
    return studentCase({
      student: { grade, birthDate, school: { teams: ['skolsocialt-team'] } },
      attendance: lessons(days, { perDay: 5, absent: (d) => (away.has(d) ? { valid: 60, reason: 'other' } : undefined) }),
    });
  }
  const teamRule = (d: ReturnType<typeof decide>) => d.steps.find((s) => s.id === 'skolsocialt-team')?.reasons[0];

  it('2027-11-23 (nine-year): åk 4 → the team, v1; åk 10 in grundskola → a school-structure warning', () => {
    const d = decide(teamCase('2027-11-23', 4, '2017-05-01'), 'stockholm', '2027-11-23');
    expect(teamRule(d)).toMatchObject({ ruleId: 'sthlm-skolsocialt-team', ruleVersion: 2 });
    const ten = decide(teamCase('2027-11-23', 10, '2011-09-01'), 'stockholm', '2027-11-23');
    expect(ten.warnings).toContainEqual({ kind: 'school-structure-mismatch', field: 'grade', structure: 'nine-year' });
  });

  it('2028-11-23 (ten-year): åk 5 → the team, v2; a nine-year-old in åk 4 → no team; åk 10 → the team', () => {
    const five = decide(teamCase('2028-11-23', 5, '2017-09-01'), 'stockholm', '2028-11-23');
    expect(five.warnings.map((w) => w.kind)).not.toContain('school-structure-mismatch');
    expect(teamRule(five)).toMatchObject({ ruleId: 'sthlm-skolsocialt-team', ruleVersion: 3 });
    const four = decide(teamCase('2028-11-23', 4, '2019-09-01'), 'stockholm', '2028-11-23');
    expect(stepIds(four)).not.toContain('skolsocialt-team');
    const ten = decide(teamCase('2028-11-23', 10, '2012-09-01'), 'stockholm', '2028-11-23');
    expect(teamRule(ten)).toMatchObject({ ruleVersion: 3 });
  });

  it('förskoleklass does not exist for education after 2028-06-30: a case that says so gets a warning', () => {
    const d = decide(studentCase({ student: { schoolForm: 'forskoleklass', grade: 0, birthDate: '2022-09-01' } }), 'stockholm', '2028-11-23');
    expect(d.warnings).toContainEqual({ kind: 'school-structure-mismatch', field: 'schoolForm', structure: 'ten-year' });
    const before = decide(studentCase({ student: { schoolForm: 'forskoleklass', grade: 0, birthDate: '2021-09-01' } }), 'stockholm', '2027-11-23');
    expect(before.warnings.map((w) => w.kind)).not.toContain('school-structure-mismatch');
  });
});
