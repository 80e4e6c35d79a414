import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears } from '../../src/calendar/age.js';
import { plusDays } from '../helpers/studentCase.js';

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

describe('ageInYears: completed years on a date (§7.2 "completed years on evaluationDate")', () => {
  it('is one less on the day before the birthday and one more on the birthday', () => {
    expect(ageInYears('2008-11-24', '2026-11-23')).toBe(17);
    expect(ageInYears('2008-11-24', '2026-11-24')).toBe(18);
  });

  it.each([
    [12, '2014-11-23', 'öppna insatser on the child’s own consent (SoL, from 2023-07-01)'],
    [15, '2011-11-23', 'the child’s own talan in socialtjänst matters'],
    [18, '2008-11-23', 'no orosanmälan, no guardian contact without consent'],
  ])('turns %i exactly on the birthday (%s; %s)', (age, birth) => {
    expect(ageInYears(birth, '2026-11-22')).toBe(age - 1);
    expect(ageInYears(birth, '2026-11-23')).toBe(age);
  });

  it('counts across month and year ends', () => {
    expect(ageInYears('2010-12-31', '2026-12-30')).toBe(15);
    expect(ageInYears('2010-12-31', '2026-12-31')).toBe(16);
    expect(ageInYears('2011-01-01', '2026-12-31')).toBe(15);
    expect(ageInYears('2011-01-01', '2027-01-01')).toBe(16);
  });

  it('is 0 before the first birthday and on the birth date', () => {
    expect(ageInYears('2026-11-23', '2026-11-23')).toBe(0);
    expect(ageInYears('2025-11-24', '2026-11-23')).toBe(0);
  });

  describe('born on 29 February [DEFAULT: the later date in common years]', () => {
    it('turns 18 on 2026-03-01 in a common year, not on 28 February', () => {
      expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
      expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    });

    it('turns a year older on 29 February in a leap year', () => {
      expect(ageInYears('2008-02-29', '2024-02-28')).toBe(15);
      expect(ageInYears('2008-02-29', '2024-02-29')).toBe(16);
      expect(ageInYears('2008-02-29', '2028-02-29')).toBe(20);
    });

    it('follows the Gregorian century rule (2100 is common, 2000 was leap)', () => {
      expect(ageInYears('2096-02-29', '2100-02-28')).toBe(3);
      expect(ageInYears('2096-02-29', '2100-03-01')).toBe(4);
      expect(ageInYears('1996-02-29', '2000-02-28')).toBe(3);
      expect(ageInYears('1996-02-29', '2000-02-29')).toBe(4);
    });
  });

  it('increases by exactly one across each birthday, and only there (property)', () => {
    const birth = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(birth, fc.integer({ min: 1, max: 60 }), (b, n) => {
        const year = Number(b.slice(0, 4)) + n;
        const md = b.slice(5);
        const birthday = md === '02-29' && !isLeap(year) ? `${year}-03-01` : `${year}-${md}`;
        expect(ageInYears(b, plusDays(birthday, -1))).toBe(n - 1);
        expect(ageInYears(b, birthday)).toBe(n);
        expect(ageInYears(b, plusDays(birthday, 1))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('never decreases from one day to the next and grows by at most one (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1996-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        (b, on) => {
          const birthIso = b.toISOString().slice(0, 10);
          const onIso = on.toISOString().slice(0, 10);
          const step = ageInYears(birthIso, plusDays(onIso, 1)) - ageInYears(birthIso, onIso);
          expect(step === 0 || step === 1).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
