/**
 * Everything date-sensitive in calendar/ and metrics/, as plain JSON. The
 * time-zone test runs this in child processes with different `TZ` values
 * (a worker thread cannot change its own zone) and compares the results.
 */
import { ageInYears } from '../../src/calendar/age.js';
import { indexCalendar } from '../../src/calendar/calendarIndex.js';
import { dayNumber, isoDate, weekday } from '../../src/calendar/dayNumber.js';
import { defaultCalendarFor } from '../../src/calendar/defaultCalendar.js';
import { swedishPublicHolidays } from '../../src/calendar/publicHolidays.js';
import { addWorkingDays } from '../../src/calendar/workingDays.js';
import { computeFacts } from '../../src/metrics/computeFacts.js';
import { DEFAULT_PARAMETERS } from '../../src/policy/policy.js';
import { lesson, studentCase } from './studentCase.js';

/** Dates around the European (last Sunday of March/October) and US DST switches of 2026. */
export const DST_DATES = ['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-31', '2026-11-01', '2026-11-02'];

export function probe(): unknown {
  const calendar = defaultCalendarFor('2026-11-23');
  const index = indexCalendar(calendar);
  const c = studentCase({
    attendance: [
      lesson('2026-10-23', '08:00', 60, { invalid: 60 }),
      lesson('2026-10-26', '08:00', 60, { valid: 60 }),
      lesson('2026-11-02', '08:00', 60, { valid: 60 }),
      lesson('2026-11-23', '08:00', 60, { invalid: 15 }),
    ],
  });
  return {
    localHourOfUtcNoon: new Date(Date.UTC(2026, 0, 1, 12)).getHours(),
    days: DST_DATES.map((d) => [dayNumber(d), isoDate(dayNumber(d)), weekday(dayNumber(d))]),
    holidays: [2025, 2026, 2027].map((y) => swedishPublicHolidays(y).map((h) => h.date)),
    schoolDays: index.schoolDays.length,
    firstAndLast: [index.schoolDays[0], index.schoolDays[index.schoolDays.length - 1]],
    windowEndingAtDst: index.schoolDaysEndingAt(dayNumber('2026-11-02'), 3),
    workingDays: addWorkingDays('2026-10-22', 3),
    age: ageInYears('2008-10-25', '2026-10-25'),
    facts: computeFacts(c, '2026-11-23', calendar, DEFAULT_PARAMETERS),
  };
}
