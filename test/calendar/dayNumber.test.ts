import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate, weekday } from '../../src/calendar/dayNumber.js';
import { isValidIsoDate } from '../../src/model/isoDate.js';
import { probe } from '../helpers/tzProbe.js';
import { probeInTimeZones } from '../helpers/inTimeZones.js';


// Day numbers of known dates, counted independently (proleptic Gregorian, days since 1970-01-01).
const KNOWN: ReadonlyArray<[string, number]> = [
  ['1970-01-01', 0],
  ['1970-01-02', 1],
  ['1969-12-31', -1],
  ['1900-01-01', -25_567],
  ['2000-02-29', 11_016],
  ['2000-03-01', 11_017],
  ['2026-03-29', 20_541], // European DST switch (spring)
  ['2026-10-25', 20_751], // European DST switch (autumn)
  ['2026-11-23', 20_780],
  ['2200-12-31', 84_370],
  ['9999-12-31', 2_932_896],
];

/** The day number the three slices of a date give, by Hinnant's days from civil written out again: the reference for `dayNumber`. */
const bySlices = (iso: string): number => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const year = y - (m <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
};

describe('dayNumber / isoDate', () => {
  it.each(KNOWN)('%s is day %i', (iso, day) => {
    expect(dayNumber(iso)).toBe(day);
    expect(isoDate(day)).toBe(iso);
  });

  it('round-trips every day from 1900 to 2200 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_370 }), (day) => {
        expect(dayNumber(isoDate(day))).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the UTC timestamp of the date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }),
        (instant) => {
          const iso = instant.toISOString().slice(0, 10);
          expect(dayNumber(iso)).toBe(Math.floor(instant.getTime() / 86_400_000));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with Date (proleptic Gregorian) for every four-digit year (property)', () => {
    const viaDate = (iso: string): number => {
      const d = new Date(0);
      d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
      return Math.round(d.getTime() / 86_400_000);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        if (!isValidIsoDate(iso)) return;
        expect(dayNumber(iso)).toBe(viaDate(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any ten characters as the three slices `Number` reads (digits, signs, spaces, letters, NaN alike) (property)', () => {
    // Mostly digits, so that many strings have digits in all eight places the fast reading takes.
    const char = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 1, arbitrary: fc.constantFrom(...'-+ .eE/x') });
    fc.assert(
      fc.property(fc.array(char, { minLength: 10, maxLength: 10 }), (chars) => {
        const text = chars.join('');
        expect(Object.is(dayNumber(text), bySlices(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a month of the years it remembers (1900–2299) as the slices do, for any two digits of day, the months around them and the years at its edges (property)', () => {
    const two = (n: number): string => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 1890, max: 2310 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${y}-${two(m)}-${two(d)}`;
        // Asked twice: the first answer may fill the remembered month, the second reads it.
        expect(dayNumber(text)).toBe(bySlices(text));
        expect(dayNumber(text)).toBe(bySlices(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts successive dates as successive day numbers across month, leap-day and year ends', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2); // 2024 is a leap year
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1); // 2100 is not a leap year
    expect(dayNumber('2027-01-01') - dayNumber('2026-12-31')).toBe(1);
  });

  // IsoDateSchema accepts every four-digit year, and dayNumber promises the day
  // number of "a valid ISO date". JavaScript's Date.UTC maps years 0–99 to
  // 1900–1999, so those years must not go through it unguarded.
  it('counts a year below 100 literally, not as 19xx', () => {
    expect(dayNumber('0050-03-01')).toBe(-701_206);
    expect(isoDate(dayNumber('0050-03-01'))).toBe('0050-03-01');
    expect(dayNumber('0001-01-01')).toBe(-719_162);
  });
});

describe('weekday', () => {
  it('1970-01-01 (day 0) is a Thursday = 4', () => {
    expect(weekday(0)).toBe(4);
  });

  it.each([
    ['2026-11-23', 1], // Monday
    ['2026-06-19', 5], // midsommarafton, a Friday
    ['2026-06-20', 6], // midsommardagen, a Saturday
    ['2026-04-05', 7], // påskdagen, a Sunday
    ['1969-12-28', 7], // negative day numbers too
    ['1900-01-01', 1],
  ])('%s has ISO weekday %i', (iso, expected) => {
    expect(weekday(dayNumber(iso))).toBe(expected);
  });

  it('matches Date#getUTCDay for any day and cycles with period 7 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        const js = new Date(day * 86_400_000).getUTCDay();
        expect(weekday(day)).toBe(js === 0 ? 7 : js);
        expect(weekday(day + 1)).toBe((weekday(day) % 7) + 1);
        expect(weekday(day + 7)).toBe(weekday(day));
      }),
      { numRuns: 300 },
    );
  });
});

describe('time-zone independence', () => {
  // A worker thread cannot change its own time zone, so the probe runs in child
  // processes: far east of UTC, west of UTC with US DST dates, and Stockholm.
  const probeUrl = new URL('../helpers/tzProbe.ts', import.meta.url).href;
  const zones = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Stockholm'] as const;

  it('gives the same calendar, holidays, windows and facts in UTC+14, UTC−8 and Stockholm', async () => {
    const results = await probeInTimeZones<Record<string, unknown>>(probeUrl, zones);
    const here = JSON.parse(JSON.stringify(probe())) as Record<string, unknown>;
    // Guard: the children really ran in other zones (noon UTC on 1 January is 02:00 next day in
    // Kiritimati, 04:00 in Los Angeles, 13:00 in Stockholm), so the comparison below means something.
    expect(results.map((r) => r.localHourOfUtcNoon)).toEqual([2, 4, 13]);
    for (const r of results) {
      const { localHourOfUtcNoon: _ignored, ...rest } = r;
      const { localHourOfUtcNoon: _alsoIgnored, ...expected } = here;
      expect(rest).toEqual(expected);
    }
  }, 20_000);
});
