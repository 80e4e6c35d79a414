import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/metrics/computeFacts.js';
import { buildLedger } from '../../src/metrics/ledger.js';
import { computePatterns } from '../../src/metrics/patterns.js';
import { DEFAULT_PARAMETERS, defaultCalendarFor } from '../../src/index.js';
import { lesson, record, studentCase, type LessonInput } from '../helpers/studentCase.js';

const AS_OF = '2026-11-23'; // Monday, in HT2026 (2026-08-17 – 2026-12-18)

type Extra = { reason?: LessonInput['reason']; guardianReported?: boolean };

/** A 60-minute lesson with optional absence, reason and guardian reporting. */
function l(date: string, start: string, absence: { valid?: number; invalid?: number; reported?: boolean } = {}, extra: Extra = {}): LessonInput {
  return { ...lesson(date, start, 60, absence), ...extra };
}

const STARTS = ['08:00', '09:10', '10:20', '13:00'];

/** Four lessons on `date`; `absent(i)` gives lesson i's absence. */
function day(date: string, absent: (i: number) => [{ valid?: number; invalid?: number; reported?: boolean }, Extra?] | undefined = () => undefined): LessonInput[] {
  return STARTS.map((s, i) => {
    const a = absent(i);
    return a === undefined ? l(date, s) : l(date, s, a[0], a[1] ?? {});
  });
}

function patternsOf(lessons: readonly LessonInput[]) {
  return computePatterns(buildLedger(lessons.map(record), AS_OF).days);
}

describe('computePatterns: ströfrånvaro versus whole days (domain §4.1 skolk "borta från lektioner men kan vara i skolan")', () => {
  // Week 47 of 2026, four 60-minute lessons a day except Friday (two):
  //   Mon 16/11: lesson 1 invalid 60, lesson 3 invalid 10 (late)  → scattered: 2 lessons, 70 min; first lesson invalid, last not
  //   Tue 17/11: all four invalid                                 → whole day, invalid
  //   Wed 18/11: all four valid, reason sick, guardian-reported    → whole day, valid, sick
  //   Thu 19/11: present
  //   Fri 20/11: two lessons, the first invalid                   → scattered: 1 lesson, 60 min (a two-lesson day: no first/last reading)
  const week = [
    ...day('2026-11-16', (i) => (i === 0 ? [{ invalid: 60 }] : i === 2 ? [{ invalid: 10 }] : undefined)),
    ...day('2026-11-17', () => [{ invalid: 60 }]),
    ...day('2026-11-18', () => [{ valid: 60 }, { reason: 'sick', guardianReported: true }]),
    ...day('2026-11-19'),
    l('2026-11-20', '08:00', { invalid: 60 }),
    l('2026-11-20', '09:10'),
  ];
  const p = patternsOf(week);

  it('counts reported days, scheduled minutes and absence (hand-computed)', () => {
    expect(p.reportedDays).toBe(5);
    expect(p.scheduledMinutes).toBe(4 * 4 * 60 + 2 * 60); // 1080
    expect(p.absenceMinutes).toBe(70 + 240 + 240 + 60); // 610
    expect(p.invalidMinutes).toBe(70 + 240 + 60); // 370
    expect(p.absenceDays).toBe(4);
  });

  it('separates invalid lessons on days present (ströfrånvaro) from whole days', () => {
    expect(p.scatteredInvalidLessons).toBe(3); // Mon 2 + Fri 1
    expect(p.scatteredInvalidDays).toBe(2);
    expect(p.scatteredInvalidMinutes).toBe(130); // 70 + 60
    expect(p.wholeDays).toBe(2);
    expect(p.wholeDaysInvalid).toBe(1);
    expect(p.wholeDaysValid).toBe(1);
  });

  it('agrees with the fact termLessonLevelInvalidLessons', () => {
    const c = studentCase({ attendance: week });
    const result = computeFacts(c, AS_OF, defaultCalendarFor(AS_OF), DEFAULT_PARAMETERS);
    expect(result.patterns.scatteredInvalidLessons).toBe(result.facts.termLessonLevelInvalidLessons);
    expect(result.patterns).toEqual(p);
  });

  it('reads guardian reporting as exact shares of minutes', () => {
    expect(p.guardianReported).toEqual({ part: 240, whole: 610 });
    expect(p.guardianReportedInvalid).toEqual({ part: 0, whole: 370 });
  });

  it('counts first/last-lesson invalid absence only on days of three or more lessons', () => {
    // Monday: 2 scattered invalid lessons, one of them the first lesson. Friday has two lessons: not read.
    expect(p.firstLastInvalidLessons).toEqual({ part: 1, whole: 2 });
  });

  it('counts days with absence per weekday and the Monday/Friday share', () => {
    expect(p.absenceDaysByWeekday).toEqual([1, 1, 1, 0, 1, 0, 0]);
    expect(p.mondayFridayAbsenceDays).toEqual({ part: 2, whole: 4 });
  });

  it('finds the one sick whole day as a one-day episode', () => {
    expect(p.sickWholeDays).toBe(1);
    expect(p.sickEpisodes).toBe(1);
    expect(p.oneDaySickEpisodes).toBe(1);
    expect(p.sickMondayFriday).toEqual({ part: 0, whole: 1 });
    expect(p.schoolInitiatedMinutes).toBe(0);
  });
});

describe('computePatterns: "sick" without a medical pattern (domain §6.2, §7.5)', () => {
  const sick: [{ valid: number }, Extra] = [{ valid: 60 }, { reason: 'sick', guardianReported: true }];
  // Sick whole days: Mon 2/11, Fri 6/11, Tue 10/11, Thu 12/11 + (Fri 13/11 unreported) + Mon 16/11.
  const lessons = [
    ...day('2026-11-02', () => sick),
    ...day('2026-11-03'),
    ...day('2026-11-05'),
    ...day('2026-11-06', () => sick),
    ...day('2026-11-09'),
    ...day('2026-11-10', () => sick),
    ...day('2026-11-11'),
    ...day('2026-11-12', () => sick),
    ...day('2026-11-13', () => [{ reported: false }]),
    ...day('2026-11-16', () => sick),
    ...day('2026-11-17'),
  ];
  const p = patternsOf(lessons);

  it('counts sick whole days and their episodes; a day without reported lessons neither breaks nor extends a run', () => {
    expect(p.sickWholeDays).toBe(5);
    // {2/11}, {6/11}, {10/11}, {12/11, 16/11}
    expect(p.sickEpisodes).toBe(4);
    expect(p.oneDaySickEpisodes).toBe(3);
  });

  it('reads the Monday/Friday share of sick days exactly', () => {
    // Mondays 2/11 and 16/11, Friday 6/11: 3 of 5.
    expect(p.sickMondayFriday).toEqual({ part: 3, whole: 5 });
    expect(p.reportedDays).toBe(10);
  });

  it('joins a Friday and the Monday after into one episode: they are consecutive school days', () => {
    const q = patternsOf([...day('2026-11-05'), ...day('2026-11-06', () => sick), ...day('2026-11-09', () => sick), ...day('2026-11-10')]);
    expect(q.sickEpisodes).toBe(1);
    expect(q.oneDaySickEpisodes).toBe(0);
  });

  it('does not count a whole day with one non-sick lesson as sick', () => {
    const mixed = patternsOf(day('2026-11-02', (i) => (i === 3 ? [{ valid: 60 }, { reason: 'other' }] : sick)));
    expect(mixed.wholeDays).toBe(1);
    expect(mixed.sickWholeDays).toBe(0);
    expect(mixed.sickEpisodes).toBe(0);
  });
});

describe('computePatterns: school-initiated absence (domain §6.2 school exclusion, §7.1 SKOLINITIERAD)', () => {
  it('counts minutes and days with reason school-initiated, valid or invalid', () => {
    const p = patternsOf([
      // Sent home after lunch on Tuesday: lessons 3 and 4.
      ...day('2026-11-17', (i) => (i >= 2 ? [{ valid: 60 }, { reason: 'school-initiated' }] : undefined)),
      ...day('2026-11-18', () => [{ invalid: 60 }, { reason: 'school-initiated' }]),
      ...day('2026-11-19'),
    ]);
    expect(p.schoolInitiatedMinutes).toBe(120 + 240);
    expect(p.schoolInitiatedDays).toBe(2);
  });
});

describe('computePatterns: nothing to read', () => {
  it('gives zeros and empty shares for no days', () => {
    const p = computePatterns([]);
    expect(p.absenceMinutes).toBe(0);
    expect(p.guardianReported).toEqual({ part: 0, whole: 0 });
    expect(p.firstLastInvalidLessons).toEqual({ part: 0, whole: 0 });
    expect(p.sickEpisodes).toBe(0);
  });

  it('ignores days whose lessons are all unreported', () => {
    const p = patternsOf(day('2026-11-17', () => [{ reported: false }]));
    expect(p.reportedDays).toBe(0);
    expect(p.absenceDays).toBe(0);
  });

  it('reads the term to date only (computeFacts passes the term days)', () => {
    // 2026-06-01 is in VT2026; AS_OF is in HT2026.
    const c = studentCase({ attendance: [...day('2026-06-01', () => [{ invalid: 60 }]), ...day('2026-11-17')] });
    const { patterns } = computeFacts(c, AS_OF, defaultCalendarFor(AS_OF), DEFAULT_PARAMETERS);
    expect(patterns.absenceMinutes).toBe(0);
    expect(patterns.reportedDays).toBe(1);
  });
});
