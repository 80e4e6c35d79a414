import { dayNumber, isoDate } from '../calendar/dayNumber.js';
import { defaultCalendarFor } from '../calendar/defaultCalendar.js';
import { schoolDaysSince } from '../calendar/schoolDaysSince.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import { both, type Template } from '../model/template.js';
import { STALE_INPUT_TEXT } from '../report/failureText.js';

/**
 * The newest lesson of tonight's input is older than `--max-input-age`
 * allows: a nightly job must not report on stale data. Nothing was written.
 */
export class StaleInputError extends Error {
  /** The message, sv and en (`message` is the English). */
  readonly text: Template;

  /**
   * @param newest - the newest lesson's date, or undefined when no lesson was accepted
   * @param age - school days after it up to the evaluation date
   * @param maxAge - the limit
   */
  constructor(
    readonly newest: string | undefined,
    readonly age: number,
    readonly maxAge: number,
  ) {
    const text = newest === undefined ? both(STALE_INPUT_TEXT.noLesson, { max: maxAge }) : both(STALE_INPUT_TEXT.stale, { newest, age, max: maxAge });
    super(text.en);
    this.text = text;
    this.name = 'StaleInputError';
  }
}

/**
 * Fail a run whose newest lesson is more than `maxAge` school days before
 * `asOf` (counted in the run's calendar: weekends and breaks do not count).
 *
 * @param newestDay - day number of the newest accepted lesson, or -1 for none
 * @param asOf - the evaluation date
 * @param maxAge - school days allowed
 * @param calendar - the run's calendar (default: the Swedish default for `asOf`)
 * @throws {StaleInputError} when the input is older, or holds no lesson
 * @example checkInputAge(dayNumber('2026-11-20'), '2026-11-23', 1, undefined) // ok: Friday's lessons on Monday
 */
export function checkInputAge(newestDay: number, asOf: string, maxAge: number, calendar: SchoolCalendar | undefined): void {
  if (newestDay < 0) throw new StaleInputError(undefined, Number.POSITIVE_INFINITY, maxAge);
  const age = schoolDaysSince(calendar ?? defaultCalendarFor(asOf), newestDay, dayNumber(asOf));
  if (age > maxAge) throw new StaleInputError(isoDate(newestDay), age, maxAge);
}
