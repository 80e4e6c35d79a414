/**
 * Issue 11 point 6: skolk reported to CSN for a gymnasium student with studiehjälp
 * (domain.md §1.6, csn.se "Ogiltig frånvaro på gymnasiet" and "Frågor och svar om skolk"):
 * - report when invalid absence is repeated and at least four hours in a month; ÖKS decisions:
 *   3 h 48 min on 3 occasions is not enough, 4 h 10 min on 4 occasions is;
 * - normally at least 30 days from the first skolk day to the report, exceptionally 15;
 * - only for students with studiehjälp, paid until vårterminen of the year the student turns 20;
 * - the school may refrain for special reasons (illness, bullying, personal reasons);
 * - grundskola students have no CSN link.
 * HT2026: 2026-08-17 – 2026-12-18, five 60-minute lessons a school day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS } from '../../src/index.js';
import { CSN_SPECIAL_REASON_SIGNALS } from '../../src/model/vocabulary.js';
import { decide, lessons, notRecommended, schoolDays, step, stepIds, studentCase, type CaseOverrides, type LessonAbsence } from '../helpers/cases.js';

const GYMNASIUM: NonNullable<CaseOverrides['student']> = { schoolForm: 'gymnasieskola', grade: 2, birthDate: '2009-05-01', studiehjalp: 'yes' };

/** Invalid minutes per (date, lesson index); every other lesson present. */
function attendance(upTo: string, invalid: Readonly<Record<string, readonly number[]>>) {
  return lessons(schoolDays('2026-08-17', upTo), {
    perDay: 5,
    absent: (date, i): LessonAbsence | undefined => {
      const m = invalid[date]?.[i];
      return m === undefined || m === 0 ? undefined : { invalid: m };
    },
  });
}

/** 4 h 10 min on 4 occasions (days) in November: 65 + 60 + 60 + 65 minutes. */
const FOUR_H_TEN: Record<string, number[]> = {
  '2026-11-03': [60, 5],
  '2026-11-05': [60],
  '2026-11-10': [60],
  '2026-11-12': [60, 5],
};
/** 3 h 48 min on 3 occasions in November: 76 + 76 + 76 minutes. */
const THREE_H_48: Record<string, number[]> = {
  '2026-11-03': [60, 16],
  '2026-11-05': [60, 16],
  '2026-11-10': [60, 16],
};

describe('issue 11 point 6 — CSN skolk report (domain §1.6; ÖKS: 4 h 10 min on 4 occasions yes, 3 h 48 min on 3 no)', () => {
  describe.each(BUILTIN_POLICY_IDS)('%s', (policy) => {
    it('4 h 10 min on 4 occasions in a month → csn-rapport, riktlinje, to CSN, from the first skolk day', () => {
      const d = decide(studentCase({ student: GYMNASIUM, attendance: attendance('2026-11-23', FOUR_H_TEN) }), policy, '2026-11-23');
      expect(d.facts.monthInvalidAbsenceMinutes).toBe(250);
      expect(d.facts.monthInvalidAbsenceDays).toBe(4);
      const s = step(d, 'csn-rapport');
      expect(s).toMatchObject({ kind: 'riktlinje', routing: { target: 'csn' }, dueDate: null, status: 'recommended' });
      // Normally ≥ 30 days from the first skolk day, exceptionally ≥ 15.
      expect(s.csnReport).toEqual({
        firstSkolkDay: '2026-11-03',
        earliestReportDate: '2026-12-03',
        earliestExceptionalReportDate: '2026-11-18',
        studiehjalp: 'yes',
        specialReasons: [],
      });
    });

    it('3 h 48 min on 3 occasions in a month → no csn-rapport', () => {
      const d = decide(studentCase({ student: GYMNASIUM, attendance: attendance('2026-11-23', THREE_H_48) }), policy, '2026-11-23');
      expect(d.facts.monthInvalidAbsenceMinutes).toBe(228);
      expect(stepIds(d)).not.toContain('csn-rapport');
    });

    it('"upprepade tillfällen": 5 hours on one day is one occasion → no csn-rapport', () => {
      const d = decide(studentCase({ student: GYMNASIUM, attendance: attendance('2026-11-23', { '2026-11-03': [60, 60, 60, 60, 60] }) }), policy, '2026-11-23');
      expect(stepIds(d)).not.toContain('csn-rapport');
    });

    it('only with studiehjälp: "no" → none; "unknown" → the step asks the school to check', () => {
      const no = decide(studentCase({ student: { ...GYMNASIUM, studiehjalp: 'no' }, attendance: attendance('2026-11-23', FOUR_H_TEN) }), policy, '2026-11-23');
      expect(stepIds(no)).not.toContain('csn-rapport');
      const unknown = decide(studentCase({ student: { ...GYMNASIUM, studiehjalp: 'unknown' }, attendance: attendance('2026-11-23', FOUR_H_TEN) }), policy, '2026-11-23');
      expect(step(unknown, 'csn-rapport').csnReport?.studiehjalp).toBe('unknown');
    });

    it('grundskola has no CSN link', () => {
      const d = decide(studentCase({ student: { grade: 8, birthDate: '2012-05-01' }, attendance: attendance('2026-11-23', FOUR_H_TEN) }), policy, '2026-11-23');
      expect(stepIds(d)).not.toContain('csn-rapport');
    });

    it('studiehjälp is paid until vårterminen of the year the student turns 20 (adults included)', () => {
      // Born 2006: turns 20 in 2026, so HT2026 has no studiehjälp.
      const twenty = decide(studentCase({ student: { ...GYMNASIUM, birthDate: '2006-12-01', grade: 3 }, attendance: attendance('2026-11-23', FOUR_H_TEN) }), policy, '2026-11-23');
      expect(twenty.facts.studiehjalpAgeEligible).toBe(false);
      expect(stepIds(twenty)).not.toContain('csn-rapport');
      // Born 2007: 19, turns 20 in 2027; an adult (18+) is reported too.
      const nineteen = decide(studentCase({ student: { ...GYMNASIUM, birthDate: '2007-01-15', grade: 3 }, attendance: attendance('2026-11-23', FOUR_H_TEN) }), policy, '2026-11-23');
      expect(nineteen.facts.ageYears).toBe(19);
      expect(stepIds(nineteen)).toContain('csn-rapport');
    });

    it('särskilda skäl: a bullying signal is listed for the school to weigh; the step stays (the school decides)', () => {
      const d = decide(
        studentCase({ student: GYMNASIUM, attendance: attendance('2026-11-23', FOUR_H_TEN), signals: [{ type: 'bullying', date: '2026-10-01' }] }),
        policy,
        '2026-11-23',
      );
      expect(step(d, 'csn-rapport').csnReport?.specialReasons).toEqual(['bullying']);
    });
  });

  it('last month counts on the first days of the next: on 2 December, November\'s skolk is still to be reported', () => {
    const d = decide(studentCase({ student: GYMNASIUM, attendance: attendance('2026-12-02', FOUR_H_TEN) }), 'skollagen', '2026-12-02');
    expect(d.facts.monthInvalidAbsenceMinutes).toBe(0);
    expect(d.facts.previousMonthInvalidAbsenceMinutes).toBe(250);
    expect(step(d, 'csn-rapport').csnReport?.firstSkolkDay).toBe('2026-11-03');
  });

  it('a report recorded covers its month; new skolk in a later month is a new report', () => {
    const measures = [{ step: 'csn-rapport' as const, date: '2026-11-25' }];
    const covered = decide(studentCase({ student: GYMNASIUM, attendance: attendance('2026-12-02', FOUR_H_TEN), measures }), 'skollagen', '2026-12-02');
    expect(stepIds(covered)).not.toContain('csn-rapport');
    expect(notRecommended(covered, 'csn-rapport')).toMatchObject({ reason: 'already-taken', measureDate: '2026-11-25' });
    const december = { ...FOUR_H_TEN, '2026-12-01': [60, 60], '2026-12-03': [60, 60] };
    const again = decide(studentCase({ student: GYMNASIUM, attendance: attendance('2026-12-04', december), measures }), 'skollagen', '2026-12-04');
    expect(step(again, 'csn-rapport').csnReport?.firstSkolkDay).toBe('2026-12-01');
  });

  it('property: the signals listed as särskilda skäl are exactly the recorded ones of that list', () => {
    fc.assert(
      fc.property(fc.subarray([...CSN_SPECIAL_REASON_SIGNALS, 'guardians-unaware', 'concealment'] as const), (types) => {
        const d = decide(
          studentCase({ student: GYMNASIUM, attendance: attendance('2026-11-23', FOUR_H_TEN), signals: types.map((type) => ({ type, date: '2026-11-01' })) }),
          'skollagen',
          '2026-11-23',
        );
        const listed = step(d, 'csn-rapport').csnReport?.specialReasons ?? [];
        expect([...listed].sort()).toEqual(types.filter((t) => (CSN_SPECIAL_REASON_SIGNALS as readonly string[]).includes(t)).sort());
      }),
      { numRuns: 25 },
    );
  });
});

describe('SL 15 kap. 15 § — gymnasium student under 20, absent without valid reason "i betydande utsträckning" → the huvudman, when not the hemkommun, informs the hemkommun snarast (domain §1.6; no numeric definition in the sources: over 10 % invalid is our [DEFAULT])', () => {
  const TERM = schoolDays('2026-08-17', '2026-11-23');
  /** Whole days of invalid absence on the first `n` school days of the term. */
  const invalidDays = (n: number) => lessons(TERM, { perDay: 5, absent: (date) => (TERM.indexOf(date) < n ? { invalid: 60 } : undefined) });
  const SOLNA = { municipalityCode: '0184', district: 'Centrum' };

  it('a Solna student at a Stockholm kommunal gymnasium, 12 % invalid → information-hemkommun 0184', () => {
    const d = decide(studentCase({ student: { ...GYMNASIUM, residence: SOLNA }, attendance: invalidDays(8) }), 'skollagen');
    expect(d.facts.termInvalidAbsence.part * 100).toBeGreaterThan(d.facts.termInvalidAbsence.whole * 10);
    const s = step(d, 'information-hemkommun');
    expect(s.reasons.map((r) => r.ruleId)).toContain('sl-15-15-anmalan-hemkommun');
    expect(s.routing).toEqual({ target: 'hemkommun', municipalityCode: '0184' });
  });

  it('at 9 % invalid absence → not "betydande" under the default', () => {
    const d = decide(studentCase({ student: { ...GYMNASIUM, residence: SOLNA }, attendance: invalidDays(6) }), 'skollagen');
    expect(d.facts.termInvalidAbsence.part * 100).toBeLessThanOrEqual(d.facts.termInvalidAbsence.whole * 10);
    expect(stepIds(d)).not.toContain('information-hemkommun');
  });

  it('a student of 20 → no report (the paragraph covers students under 20)', () => {
    const d = decide(studentCase({ student: { ...GYMNASIUM, birthDate: '2006-01-10', grade: 3, residence: SOLNA }, attendance: invalidDays(8) }), 'skollagen');
    expect(d.facts.ageYears).toBe(20);
    expect(stepIds(d)).not.toContain('information-hemkommun');
  });

  it('the hemkommun as huvudman → nothing to inform', () => {
    const d = decide(studentCase({ student: GYMNASIUM, attendance: invalidDays(8) }), 'skollagen');
    expect(d.facts.huvudmanIsHemkommun).toBe(true);
    expect(stepIds(d)).not.toContain('information-hemkommun');
  });

  it('a fristående gymnasium in the student\'s own municipality → informs the hemkommun', () => {
    const d = decide(studentCase({ student: { ...GYMNASIUM, school: { huvudman: 'fristaende' } }, attendance: invalidDays(8) }), 'skollagen');
    expect(step(d, 'information-hemkommun').routing).toEqual({ target: 'hemkommun', municipalityCode: '0180' });
  });
});
