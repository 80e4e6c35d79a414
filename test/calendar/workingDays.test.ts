import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, isWorkingDay } from '../../src/calendar/workingDays.js';
import { datesBetween, isoWeekdayOf, plusDays } from '../helpers/studentCase.js';

describe('isWorkingDay (arbetsdag)', () => {
  it.each([
    ['2026-11-21', 'a Saturday'],
    ['2026-11-22', 'a Sunday'],
    ['2026-01-06', 'trettondedag jul (Tuesday)'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-05-01', 'första maj (Friday)'],
    ['2026-05-14', 'Kristi himmelsfärds dag'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-12-24', 'julafton'],
    ['2026-12-31', 'nyårsafton'],
  ])('%s (%s) is not a working day', (iso) => {
    expect(isWorkingDay(iso)).toBe(false);
  });

  it.each([
    ['2026-01-05', 'trettondagsafton'],
    ['2026-04-02', 'skärtorsdagen'],
    ['2026-04-30', 'valborgsmässoafton'],
    ['2026-05-15', 'klämdag after Kristi himmelsfärd'],
    ['2026-11-23', 'an ordinary Monday'],
  ])('%s (%s) is a working day', (iso) => {
    expect(isWorkingDay(iso)).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('5 working days from Tuesday 2026-12-22 is Monday 2027-01-04 (skips jul, nyår and two weekends)', () => {
    // 23 Dec (1), 28 (2), 29 (3), 30 (4), 4 Jan (5): 24–27 Dec, 31 Dec–3 Jan are not working days.
    expect(addWorkingDays('2026-12-22', 5)).toBe('2027-01-04');
  });

  it.each([
    ['2026-11-20', 1, '2026-11-23', 'Friday + 1 is the next Monday'],
    ['2026-11-21', 1, '2026-11-23', 'from a Saturday, the start day is not counted'],
    ['2026-04-02', 1, '2026-04-07', 'skärtorsdagen + 1 jumps over påsk'],
    ['2026-06-18', 1, '2026-06-22', 'over midsommarafton and the weekend'],
    ['2026-05-13', 1, '2026-05-15', 'over Kristi himmelsfärds dag'],
    ['2026-11-16', 5, '2026-11-23', 'a plain week'],
    ['2026-11-23', 0, '2026-11-23', 'zero days is the same day'],
    ['2026-11-22', 0, '2026-11-22', 'zero days from a Sunday is that Sunday'],
  ])('%s + %i working days = %s (%s)', (from, n, due) => {
    expect(addWorkingDays(from, n)).toBe(due);
  });

  it('lands on a working day with exactly N working days after the start (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        (instant, n) => {
          const from = instant.toISOString().slice(0, 10);
          const due = addWorkingDays(from, n);
          expect(due > from).toBe(true);
          expect(isWorkingDay(due)).toBe(true);
          expect(isoWeekdayOf(due)).toBeLessThanOrEqual(5);
          expect(datesBetween(plusDays(from, 1), due).filter(isWorkingDay)).toHaveLength(n);
          expect(addWorkingDays(from, n + 1) > due).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2026-11-23', 14, '2026-12-07'],
    ['2026-12-25', 7, '2027-01-01'],
    ['2026-03-28', 2, '2026-03-30'], // across the spring DST switch
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i days = %s', (from, n, to) => {
    expect(addCalendarDays(from, n)).toBe(to);
  });
});
