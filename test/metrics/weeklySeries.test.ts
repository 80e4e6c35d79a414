/**
 * Issue 16 point 1: the weekly series a report plots. HT2026 runs 2026-08-17 (Mon, ISO week 34) to
 * 2026-12-18, höstlov 2026-10-26 – 10-30 (week 44). Up to Mon 2026-11-23 (week 48): 15 weeks,
 * week 44 empty, week 48 only its Monday. Expected values are counted by hand from the calendar.
 */
import { describe, expect, it } from 'vitest';
import { indexCalendar } from '../../src/calendar/calendarIndex.js';
import { buildLedger } from '../../src/metrics/ledger.js';
import { isoWeek, weekStart, weeklySeries } from '../../src/metrics/weeklySeries.js';
import { DecisionSchema } from '../../src/model/decisionSchema.js';
import type { AttendanceRecord } from '../../src/model/studentCase.js';
import { decide, lessons, schoolDays, studentCase } from '../helpers/cases.js';

const AS_OF = '2026-11-23';

describe('weeklySeries (issue 16 point 1)', () => {
  it('two 60-minute lessons a day all term: 600 minutes a week, höstlov 0, the last week one Monday; absence in its week', () => {
    const attendance = lessons(schoolDays('2026-08-17', AS_OF), {
      perDay: 2,
      absent: (date, i) =>
        date === '2026-09-01' && i === 0 ? { invalid: 60 } // Tue, week 36
        : date === '2026-09-02' && i === 1 ? { valid: 60, reason: 'sick', guardianReported: true } // Wed, week 36
        : date === '2026-10-23' ? { invalid: 45 } // Fri, week 43, both lessons
        : date === AS_OF && i === 1 ? { valid: 30 } // Mon, week 48
        : undefined,
    });
    const d = decide(studentCase({ attendance }), 'stockholm', AS_OF);
    const six = (n: number) => new Array<number>(n).fill(600);
    expect(d.series).toEqual({
      firstWeek: '2026-08-17',
      //          w34–w43 (10 weeks)  w44 w45–w47  w48
      scheduled: [...six(10), 0, ...six(3), 120],
      valid: [0, 0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30],
      invalid: [0, 0, 60, 0, 0, 0, 0, 0, 0, 90, 0, 0, 0, 0, 0],
    });
    // The columns add up to the term's facts.
    const sum = (xs: readonly number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
    expect(sum(d.series?.scheduled)).toBe(d.facts.termScheduledMinutes);
    expect(sum(d.series?.valid)).toBe(d.facts.termValidAbsenceMinutes);
    expect(sum(d.series?.invalid)).toBe(d.facts.termInvalidAbsenceMinutes);
    expect(d.schoolId).toBe('skola-1');
  });

  it('leaves out last term, records after asOf and unreported lessons', () => {
    const attendance = [
      ...lessons(['2026-06-01', '2026-08-17', '2026-11-24']),
      { ...lessons(['2026-08-18'])[0]!, reported: false },
    ];
    const d = decide(studentCase({ attendance }), 'stockholm', AS_OF);
    expect(d.series?.scheduled).toEqual([60, ...new Array<number>(14).fill(0)]);
  });

  it('keeps the last 25 weeks of a longer term, starting on a Monday', () => {
    const index = indexCalendar({ terms: [{ id: 'LONG', start: '2026-01-05', end: '2026-12-31' }], breaks: [] });
    const days = buildLedger([lesson('2026-07-12', 60), lesson('2026-07-13', 60), lesson('2026-12-31', 45)], '2026-12-31').days;
    const s = weeklySeries(days, index, '2026-12-31');
    // Thu 2026-12-31 is in the week of Mon 2026-12-28; 24 weeks before it: Mon 2026-07-13.
    expect(s?.firstWeek).toBe('2026-07-13');
    expect(s?.scheduled).toHaveLength(25);
    expect(s?.scheduled[0]).toBe(60); // 2026-07-12 (a Sunday, the week before) is left out
    expect(s?.scheduled[24]).toBe(45);
    expect(weekStart(s!, 24)).toBe('2026-12-28');
  });

  it('after the term has ended, runs to the term\'s last week; before any term, null', () => {
    const index = indexCalendar({ terms: [{ id: 'T', start: '2026-08-17', end: '2026-08-28' }], breaks: [] });
    const days = buildLedger([lesson('2026-08-28', 60)], '2026-09-15').days;
    expect(weeklySeries(days, index, '2026-09-15')).toEqual({ firstWeek: '2026-08-17', scheduled: [0, 60], valid: [0, 0], invalid: [0, 0] });
    expect(weeklySeries(days, index, '2026-08-01')).toBeNull();
  });

  it('isoWeek: the ISO week-year around new year', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  it('is small in a decision line and read back by DecisionSchema; unequal columns are refused', () => {
    const d = decide(studentCase({ attendance: lessons(schoolDays('2026-08-17', AS_OF), { perDay: 6 }) }), 'stockholm', AS_OF);
    expect(JSON.stringify(d.series).length).toBeLessThan(400);
    const line = JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
    expect(DecisionSchema.safeParse(line).success).toBe(true);
    const { series: _series, schoolId: _schoolId, ...older } = line;
    expect(DecisionSchema.safeParse(older).success).toBe(true); // a file written before the series
    const bad = DecisionSchema.safeParse({ ...line, series: { firstWeek: '2026-08-17', scheduled: [60], valid: [0], invalid: [] } });
    expect(bad.error?.issues[0]?.path).toEqual(['series']);
  });
});

function lesson(date: string, scheduledMinutes: number): AttendanceRecord {
  return { date, start: '08:00', scheduledMinutes, validAbsenceMinutes: 0, invalidAbsenceMinutes: 0, reported: true, guardianReported: false, reason: 'unknown' };
}
