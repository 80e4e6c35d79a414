/**
 * Day numbers: whole days since 1970-01-01 for a civil date. The hot path
 * compares integers, never Date or luxon objects; this is the one conversion.
 */
import { boundedMemo } from '../model/boundedMemo.js';
import { twoDigits } from '../model/isoDate.js';

const MS_PER_DAY = 86_400_000;

/** Years whose months' first days `dayNumber` remembers: 1900–2299. */
const MONTH_BASE_FROM = 1900;
const MONTH_BASE_TO = 2300;
/** Not remembered yet (no day number of those years is this low). */
const NO_DAY = -2147483648;
/**
 * The day number of the first of each month of those years, by `(year - 1900) * 12 + month - 1`:
 * read from here, a date costs one load instead of `daysFromCivil`'s divisions (the ledger's fold
 * of the bench's students, which reads one date a school day: 6.2–7.2 → 5.7–6.8 µs a student).
 */
const MONTH_BASE = new Int32Array((MONTH_BASE_TO - MONTH_BASE_FROM) * 12).fill(NO_DAY);

/**
 * Day number of an ISO calendar date (`YYYY-MM-DD`), independent of the
 * process time zone.
 *
 * @param iso - a valid ISO date
 * @returns days since 1970-01-01
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(iso: string): number {
  // `YYYY-MM-DD` read digit by digit, without the three strings `slice` makes (some 20 ns, and cheaper than a
  // remembered answer's `Map` lookup); anything else the slices read, so every string gives what it gave before.
  // A month of 1900–2299 is remembered as its first day (`MONTH_BASE`).
  if (iso.length === 10) {
    const y = twoDigits(iso, 0) * 100 + twoDigits(iso, 2);
    const m = twoDigits(iso, 5);
    const d = twoDigits(iso, 8);
    if (y >= 0 && m >= 0 && d >= 0) {
      if (y < MONTH_BASE_FROM || y >= MONTH_BASE_TO || m < 1 || m > 12) return daysFromCivil(y, m, d);
      // A day is its month's first day plus the days after it (`daysFromCivil` is linear in the day).
      const k = (y - MONTH_BASE_FROM) * 12 + m - 1;
      let base = MONTH_BASE[k] as number;
      if (base === NO_DAY) base = MONTH_BASE[k] = daysFromCivil(y, m, 1);
      return base + d - 1;
    }
  }
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * The day number of a date given by its parts (what `dayNumber` reads from a
 * string), for any integer year, before year 1 and after 9999 too.
 *
 * @param civilYear - the year (proleptic Gregorian; 0 is 1 BC)
 * @param month - 1–12
 * @param day - the day of the month
 * @returns days since 1970-01-01
 * @example daysFromCivil(2026, 11, 23) // 20415
 * @example isoDate(daysFromCivil(10000, 1, 1)) // '+010000-01-01'
 */
export function daysFromCivil(civilYear: number, month: number, day: number): number {
  // Days from civil (H. Hinnant): integer arithmetic on the proleptic Gregorian
  // calendar, the same calendar Date uses, without building a Date per call.
  const year = civilYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The day number of a date given by its parts, for a year that must be an
 * integer (`daysFromCivil` with the check): the calendar's dates are built
 * from these (terms, breaks, holidays).
 *
 * @param year - the year
 * @param month - 1–12
 * @param day - the day of the month
 * @returns days since 1970-01-01
 * @throws {RangeError} for a year that is not an integer
 * @example dayOf(2026, 11, 23) // 20415
 */
export function dayOf(year: number, month: number, day: number): number {
  if (!Number.isInteger(year)) throw new RangeError(`a calendar year must be an integer, got ${year}`);
  return daysFromCivil(year, month, day);
}

/**
 * The Monday of the ISO week (Monday to Sunday) holding a day.
 *
 * @param day - a day number
 * @returns the Monday's day number
 * @example isoDate(mondayOf(dayNumber('2026-11-26'))) // '2026-11-23'
 */
export function mondayOf(day: number): number {
  return day - (weekday(day) - 1);
}

/**
 * ISO calendar date of a day number.
 *
 * @param day - days since 1970-01-01
 * @returns the date as `YYYY-MM-DD`
 * @example isoDate(1) // '1970-01-02'
 */
export function isoDate(day: number): string {
  // Civil from days (H. Hinnant), the inverse of `dayNumber`: no Date per call.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) {
    // Years before 1 or after 9999 get a sign and six digits from Date; trim as before.
    const iso = new Date(day * MS_PER_DAY).toISOString();
    return iso.slice(0, iso.indexOf('T'));
  }
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}

/**
 * `isoDate`, remembered: one string per date, shared by every ledger day,
 * decoded record and coverage period that has it (so dates compare by
 * identity first).
 *
 * @example isoDateCached(20415) // '2026-11-23'
 */
export const isoDateCached: (day: number) => string = boundedMemo(isoDate);

/**
 * ISO weekday of a day number: 1 = Monday … 7 = Sunday.
 *
 * @param day - days since 1970-01-01 (a Thursday)
 * @returns 1–7
 * @example weekday(0) // 4
 */
export function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
