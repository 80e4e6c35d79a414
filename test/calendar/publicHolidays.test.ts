import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/calendar/dayNumber.js';
import { easterSundayDay, isSwedishHoliday, swedishPublicHolidays } from '../../src/calendar/publicHolidays.js';

const easterSunday = (year: number): string => isoDate(easterSundayDay(year));
import { isoWeekdayOf, plusDays } from '../helpers/studentCase.js';

/**
 * Gauss's Easter algorithm (Gregorian), with its two exceptions: an
 * independent oracle for the Meeus/Jones/Butcher implementation under test.
 */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q + 30) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let march = 22 + d + e; // day counted from 1 March
  if (d === 29 && e === 6) march = 19 + 31; // 19 April
  else if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) march = 18 + 31; // 18 April
  return plusDays(`${year}-03-01`, march - 1);
}

function dateOf(year: number, id: string): string {
  const h = swedishPublicHolidays(year).find((x) => x.id === id);
  if (h === undefined) throw new Error(`no ${id} in ${year}`);
  return h.date;
}

describe('easterSundayDay', () => {
  it.each([
    [1943, '1943-04-25'], // the latest possible date
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('agrees with Gauss’s algorithm and is a Sunday from 22 March to 25 April, every year 1900–2200', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const easter = easterSunday(year);
      expect(easter, String(year)).toBe(gaussEaster(year));
      expect(isoWeekdayOf(easter)).toBe(7);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`, easter).toBe(true);
    }
  });
});

describe('swedishPublicHolidays (Lag 1989:253 om allmänna helgdagar + non-working eves)', () => {
  it('lists all of 2026 in date order, with the eves marked helgafton', () => {
    expect(swedishPublicHolidays(2026).map((h) => [h.date, h.id, h.kind])).toEqual([
      ['2026-01-01', 'nyarsdagen', 'helgdag'],
      ['2026-01-06', 'trettondedag-jul', 'helgdag'],
      ['2026-04-03', 'langfredagen', 'helgdag'],
      ['2026-04-05', 'pasdagen', 'helgdag'],
      ['2026-04-06', 'annandag-pask', 'helgdag'],
      ['2026-05-01', 'forsta-maj', 'helgdag'],
      ['2026-05-14', 'kristi-himmelsfardsdag', 'helgdag'],
      ['2026-05-24', 'pingstdagen', 'helgdag'],
      ['2026-06-06', 'nationaldagen', 'helgdag'],
      ['2026-06-19', 'midsommarafton', 'helgafton'],
      ['2026-06-20', 'midsommardagen', 'helgdag'],
      ['2026-10-31', 'alla-helgons-dag', 'helgdag'],
      ['2026-12-24', 'julafton', 'helgafton'],
      ['2026-12-25', 'juldagen', 'helgdag'],
      ['2026-12-26', 'annandag-jul', 'helgdag'],
      ['2026-12-31', 'nyarsafton', 'helgafton'],
    ]);
  });

  it.each([
    // year, långfredagen, annandag påsk, Kristi himmelsfärds dag, pingstdagen, midsommarafton, midsommardagen, alla helgons dag
    [2024, '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-19', '2024-06-21', '2024-06-22', '2024-11-02'],
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-20', '2025-06-21', '2025-11-01'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-24', '2026-06-19', '2026-06-20', '2026-10-31'],
    // 2027: midsommardagen on 26 June and alla helgons dag on 6 November, the last days of their ranges
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-16', '2027-06-25', '2027-06-26', '2027-11-06'],
  ])('movable holidays of %i', (year, langfredagen, annandag, himmelsfard, pingst, afton, midsommar, allaHelgon) => {
    expect(dateOf(year, 'langfredagen')).toBe(langfredagen);
    expect(dateOf(year, 'annandag-pask')).toBe(annandag);
    expect(dateOf(year, 'kristi-himmelsfardsdag')).toBe(himmelsfard);
    expect(dateOf(year, 'pingstdagen')).toBe(pingst);
    expect(dateOf(year, 'midsommarafton')).toBe(afton);
    expect(dateOf(year, 'midsommardagen')).toBe(midsommar);
    expect(dateOf(year, 'alla-helgons-dag')).toBe(allaHelgon);
  });

  it('keeps both entries when Kristi himmelsfärds dag falls on första maj (2008)', () => {
    const may1 = swedishPublicHolidays(2008).filter((h) => h.date === '2008-05-01').map((h) => h.id);
    expect(may1.sort()).toEqual(['forsta-maj', 'kristi-himmelsfardsdag']);
  });

  it('places every holiday by its rule for any year 1900–2200 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const hs = swedishPublicHolidays(year);
        expect(hs).toHaveLength(16);
        expect(hs.map((h) => h.date)).toEqual([...hs.map((h) => h.date)].sort());
        const easter = dateOf(year, 'pasdagen');
        expect(dateOf(year, 'langfredagen')).toBe(plusDays(easter, -2));
        expect(dateOf(year, 'annandag-pask')).toBe(plusDays(easter, 1));
        expect(dateOf(year, 'kristi-himmelsfardsdag')).toBe(plusDays(easter, 39));
        expect(isoWeekdayOf(dateOf(year, 'kristi-himmelsfardsdag'))).toBe(4);
        expect(dateOf(year, 'pingstdagen')).toBe(plusDays(easter, 49));
        expect(isoWeekdayOf(dateOf(year, 'pingstdagen'))).toBe(7);
        const midsommar = dateOf(year, 'midsommardagen');
        expect(isoWeekdayOf(midsommar)).toBe(6);
        expect(midsommar >= `${year}-06-20` && midsommar <= `${year}-06-26`).toBe(true);
        expect(dateOf(year, 'midsommarafton')).toBe(plusDays(midsommar, -1));
        const allaHelgon = dateOf(year, 'alla-helgons-dag');
        expect(isoWeekdayOf(allaHelgon)).toBe(6);
        expect(allaHelgon >= `${year}-10-31` && allaHelgon <= `${year}-11-06`).toBe(true);
        for (const [id, md] of [
          ['nyarsdagen', '01-01'],
          ['trettondedag-jul', '01-06'],
          ['forsta-maj', '05-01'],
          ['nationaldagen', '06-06'],
          ['julafton', '12-24'],
          ['juldagen', '12-25'],
          ['annandag-jul', '12-26'],
          ['nyarsafton', '12-31'],
        ] as const) {
          expect(dateOf(year, id)).toBe(`${year}-${md}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives every holiday Swedish and English labels', () => {
    for (const h of swedishPublicHolidays(2026)) {
      expect(h.sv.length).toBeGreaterThan(0);
      expect(h.en.length).toBeGreaterThan(0);
    }
  });
});

describe('isSwedishHoliday', () => {
  it.each(['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-14', '2026-06-06', '2026-06-19', '2026-10-31', '2026-12-24', '2026-12-31'])(
    '%s is a holiday or non-working eve',
    (iso) => {
      expect(isSwedishHoliday(iso)).toBe(true);
    },
  );

  it.each([
    ['2026-01-05', 'trettondagsafton'],
    ['2026-04-02', 'skärtorsdagen'],
    ['2026-04-30', 'valborgsmässoafton'],
    ['2026-05-25', 'annandag pingst (no longer a helgdag since nationaldagen replaced it in 2005)'],
    ['2026-11-23', 'an ordinary Monday'],
  ])('%s (%s) is not', (iso) => {
    expect(isSwedishHoliday(iso)).toBe(false);
  });
});
