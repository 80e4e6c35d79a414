import type { CalendarIndex } from '../calendar/calendarIndex.js';
import { dayNumber, isoDate } from '../calendar/dayNumber.js';
import { addCalendarDays, addWorkingDays } from '../calendar/workingDays.js';
import type { NoticeOccasion } from '../model/decision.js';
import type { Deadline } from '../model/policyFile.js';
import type { NoticeDay } from '../metrics/computeFacts.js';

/**
 * A date plus a count in a deadline's unit: calendar days, working days
 * (weekends, public holidays and the eves off work skipped) or months (the
 * same day number, clamped to the month's last day).
 *
 * @param from - ISO start date (not counted)
 * @param count - how many units
 * @param unit - the unit
 * @returns the ISO date
 * @example addDeadline('2026-01-31', 1, 'months') // '2026-02-28'
 */
export function addDeadline(from: string, count: number, unit: Deadline['unit']): string {
  if (unit === 'working-days') return addWorkingDays(from, count);
  if (unit === 'calendar-days') return addCalendarDays(from, count);
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7)) - 1 + count;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(Number(from.slice(8, 10)), last);
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The due date of a deadline counted from its anchor (the date the duty
 * arose, or the measure it follows), or null when the deadline has no fixed
 * length ("skyndsamt", "snarast") or the anchor is not there yet.
 *
 * @param deadline - the deadline
 * @param anchor - the date it counts from, or null
 * @returns the ISO due date or null
 * @example dueFrom({ urgency: 'inom-frist', days: 5, unit: 'working-days', from: 'utredning-inledd' }, '2026-12-01') // '2026-12-08'
 */
export function dueFrom(deadline: Deadline, anchor: string | null): string | null {
  if (deadline.days === undefined || anchor === null) return null;
  return addDeadline(anchor, deadline.days, deadline.unit);
}

/**
 * The same-day notice's occasions (SL 7 kap. 17 §): each day is due that day,
 * or the next school day when its invalid absence was only in the day's last
 * lesson (särskilda skäl, domain.md §1.2: the school cannot reach the
 * guardians the same day).
 *
 * @param days - the days still to notify, oldest first
 * @param index - the calendar index
 * @returns each day with its due date
 * @example noticeOccasions([{ date: '2026-11-20', lastLessonOnly: true }], index) // [{ date: '2026-11-20', dueDate: '2026-11-23' }]
 */
export function noticeOccasions(days: readonly NoticeDay[], index: CalendarIndex): NoticeOccasion[] {
  return days.map((d) => ({ date: d.date, dueDate: d.lastLessonOnly ? nextSchoolDay(d.date, index) : d.date }));
}

function nextSchoolDay(iso: string, index: CalendarIndex): string {
  const day = dayNumber(iso);
  const days = index.schoolDays;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] ?? Infinity) <= day) lo = mid + 1;
    else hi = mid;
  }
  const next = days[lo];
  return next === undefined ? addWorkingDays(iso, 1) : isoDate(next);
}
