import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts, type FactsResult } from '../../src/metrics/computeFacts.js';
import { DEFAULT_PARAMETERS, defaultCalendarFor, type StudentCase } from '../../src/index.js';
import { rateAbove } from '../../src/policy/operators.js';
import { BASE_STUDENT, datesBetween, lesson, studentCase, weekdaysBetween, type LessonInput } from '../helpers/studentCase.js';

const AS_OF = '2026-11-23'; // Monday, ISO week 48, in HT2026 (2026-08-17 – 2026-12-18)
// One calendar object for the whole file, so the index is built once.
const CALENDAR = defaultCalendarFor(AS_OF);
const HOSTLOV = datesBetween('2026-10-26', '2026-10-30');

/** HT2026 school days, counted by hand: weekdays minus höstlov (no weekday helgdag falls in HT2026). */
const schoolDays = (from: string, to: string): string[] => weekdaysBetween(from, to, HOSTLOV);

// 20 school days ending on AS_OF (§7.2 rolling window) and the 20 before them.
const WINDOW = schoolDays('2026-10-20', AS_OF);
const PREVIOUS_WINDOW = schoolDays('2026-09-22', '2026-10-19');

function facts(c: StudentCase, asOf = AS_OF): FactsResult {
  return computeFacts(c, asOf, CALENDAR, DEFAULT_PARAMETERS);
}

type Absence = { valid?: number; invalid?: number; reported?: boolean };

/** One 60-minute lesson a day (or several), absences chosen per date and lesson. */
function daily(dates: readonly string[], absence: (date: string, i: number) => Absence = () => ({}), perDay = 1): LessonInput[] {
  const starts = ['08:00', '10:00', '13:00'];
  return dates.flatMap((d) => starts.slice(0, perDay).map((s, i) => lesson(d, s, 60, absence(d, i))));
}

describe('computeFacts: windows (§7.2 term-to-date and rolling 20 school days)', () => {
  it('checks its own fixtures: the window and the previous window are 20 school days each', () => {
    expect(WINDOW).toHaveLength(20);
    expect(PREVIOUS_WINDOW).toHaveLength(20);
  });

  it('catches recent absence in the window that the term rate dilutes (§7.2 "trigger on either")', () => {
    const absent = new Set(schoolDays('2026-11-09', '2026-11-20'));
    const { facts: f, warnings } = facts(studentCase({ attendance: daily(schoolDays('2026-08-17', AS_OF), (d) => (absent.has(d) ? { valid: 60 } : {})) }));
    expect(f.termId).toBe('HT2026');
    expect(f.termSchoolDaysElapsed).toBe(66); // 14 weeks minus höstlov, plus Monday 23 November
    expect(f.termScheduledMinutes).toBe(66 * 60);
    expect(f.termAbsence).toEqual({ part: 600, whole: 3960 });
    expect(f.termValidAbsence).toEqual({ part: 600, whole: 3960 });
    expect(f.termInvalidAbsence).toEqual({ part: 0, whole: 3960 });
    expect(f.windowAbsence).toEqual({ part: 600, whole: 1200 });
    expect(f.previousWindowAbsence).toEqual({ part: 0, whole: 1200 });
    expect(rateAbove(f.termAbsence, 20)).toBe(false); // 15.2 %
    expect(rateAbove(f.windowAbsence, 20)).toBe(true); // 50 %
    expect(f.trend).toBe('rising');
    expect(warnings).toEqual([]);
  });

  it('keeps older absence in the term rate but out of the window', () => {
    const absent = new Set(schoolDays('2026-09-07', '2026-09-18'));
    const { facts: f } = facts(studentCase({ attendance: daily(schoolDays('2026-08-17', AS_OF), (d) => (absent.has(d) ? { invalid: 60 } : {})) }));
    expect(f.termAbsence).toEqual({ part: 600, whole: 3960 });
    expect(f.termInvalidAbsenceMinutes).toBe(600);
    expect(f.windowAbsence).toEqual({ part: 0, whole: 1200 });
    expect(f.windowInvalidAbsence).toEqual({ part: 0, whole: 1200 });
    expect(f.trend).toBe('stable');
  });

  it('leaves lessons before the term out of term facts but lets the window reach back (term boundary)', () => {
    const { facts: f } = facts(
      studentCase({ attendance: [...daily(['2026-06-10', '2026-06-11'], () => ({ invalid: 60 })), ...daily(['2026-11-23'])] }),
    );
    expect(f.termAbsence).toEqual({ part: 0, whole: 60 });
    expect(f.termDaysWithAbsence).toBe(0);
    expect(f.termAbsenceOccasions).toBe(0);
    expect(f.longestWholeDayStreak).toBe(0);
  });

  it('uses the term during a break and ends the window at the last school day', () => {
    const { facts: f } = facts(studentCase({ attendance: daily(schoolDays('2026-10-19', '2026-10-23'), () => ({ valid: 30 })) }), '2026-10-28');
    expect(f.termId).toBe('HT2026');
    expect(f.termSchoolDaysElapsed).toBe(50); // 17 August – 23 October: 10 weeks
    expect(f.windowAbsence).toEqual({ part: 150, whole: 300 });
  });
});

describe('computeFacts: trend (window against the 20 school days before it, margin 5 points)', () => {
  const dates = [...PREVIOUS_WINDOW, ...WINDOW];
  const withAbsentDays = (previousDays: number, windowDays: number, extraMinutes = 0): StudentCase => {
    const absent = new Set([...PREVIOUS_WINDOW.slice(0, previousDays), ...WINDOW.slice(0, windowDays)]);
    const extraDay = WINDOW[WINDOW.length - 1];
    return studentCase({
      attendance: daily(dates, (d) => (absent.has(d) ? { valid: 60 } : d === extraDay ? { valid: extraMinutes } : {})),
    });
  };

  it('is rising at 20 % against 10 %', () => {
    expect(facts(withAbsentDays(2, 4)).facts.trend).toBe('rising');
  });

  it('is stable at exactly 5 points more (15 % against 10 %)', () => {
    const { facts: f } = facts(withAbsentDays(2, 3));
    expect([f.windowAbsence, f.previousWindowAbsence]).toEqual([
      { part: 180, whole: 1200 },
      { part: 120, whole: 1200 },
    ]);
    expect(f.trend).toBe('stable');
  });

  it('is rising one minute past the margin (181 of 1200 minutes against 10 %)', () => {
    expect(facts(withAbsentDays(2, 3, 1)).facts.trend).toBe('rising');
  });

  it('is falling at 10 % against 20 %', () => {
    expect(facts(withAbsentDays(4, 2)).facts.trend).toBe('falling');
  });

  it('is unknown when the previous window has no reported minutes', () => {
    expect(facts(studentCase({ attendance: daily(WINDOW, () => ({ valid: 60 })) })).facts.trend).toBe('unknown');
  });

  it('is unknown when the window has no reported minutes', () => {
    expect(facts(studentCase({ attendance: daily(PREVIOUS_WINDOW) })).facts.trend).toBe('unknown');
  });
});

describe('computeFacts: whole days, streaks and ströfrånvaro (§7.2 episodes)', () => {
  // Two lessons a day, 2–23 November:
  //   2, 3 Nov whole day valid · 4 present · 5, 6 whole day invalid, 9 whole day valid ·
  //   10 second lesson invalid (present at the first) · 11–19 present · 20, 23 whole day valid.
  const days = schoolDays('2026-11-02', AS_OF);
  const plan: Record<string, (i: number) => Absence> = {
    '2026-11-02': () => ({ valid: 60 }),
    '2026-11-03': () => ({ valid: 60 }),
    '2026-11-05': () => ({ invalid: 60 }),
    '2026-11-06': () => ({ invalid: 60 }),
    '2026-11-09': () => ({ valid: 60 }),
    '2026-11-10': (i) => (i === 1 ? { invalid: 60 } : {}),
    '2026-11-20': () => ({ valid: 60 }),
    '2026-11-23': () => ({ valid: 60 }),
  };
  const { facts: f } = facts(studentCase({ attendance: daily(days, (d, i) => plan[d]?.(i) ?? {}, 2) }));

  it('counts the longest run of whole days absent across a weekend, broken by a present day', () => {
    expect(f.longestWholeDayStreak).toBe(3); // 5, 6, 9 November
  });

  it('counts the run still going on asOf', () => {
    expect(f.currentWholeDayStreak).toBe(2); // 20, 23 November
  });

  it('separates whole days from days with lesson-level absence', () => {
    expect(f.termWholeDayAbsenceDays).toBe(7);
    expect(f.termPartialDayAbsenceDays).toBe(1);
    expect(f.termDaysWithAbsence).toBe(8);
  });

  it('counts invalid lessons on days present as ströfrånvaro, not invalid whole days', () => {
    expect(f.termLessonLevelInvalidLessons).toBe(1);
    expect(f.termInvalidAbsenceMinutes).toBe(300);
  });

  it('counts occasions as runs of absent lessons across days', () => {
    expect(f.termAbsenceOccasions).toBe(4); // 2–3, 5–9, 10 (2nd lesson), 20–23
    expect(f.termInvalidAbsenceOccasions).toBe(2); // 5–6, 10 (2nd lesson)
  });

  it('adds minutes exactly', () => {
    expect(f.termAbsence).toEqual({ part: 900, whole: days.length * 120 });
    expect(f.termValidAbsenceMinutes).toBe(600);
  });

  it('neither breaks nor extends a streak on a day whose lessons are all unreported (missing data)', () => {
    const { facts: g } = facts(
      studentCase({
        attendance: [
          ...daily(['2026-11-16', '2026-11-18'], () => ({ valid: 60 }), 2),
          ...daily(['2026-11-17'], () => ({ reported: false }), 2),
        ],
      }),
      '2026-11-18',
    );
    expect(g.longestWholeDayStreak).toBe(2);
    expect(g.termWholeDayAbsenceDays).toBe(2);
  });

  it('counts a day as whole when every reported lesson is absent, even if one is unreported', () => {
    const { facts: g } = facts(
      studentCase({
        attendance: [lesson('2026-11-16', '08:00', 60, { invalid: 60 }), lesson('2026-11-16', '10:00', 60, { reported: false })],
      }),
      '2026-11-16',
    );
    expect(g.termWholeDayAbsenceDays).toBe(1);
    expect(g.termLessonLevelInvalidLessons).toBe(0);
  });

  it('does not count a day with every lesson partly absent as a whole day', () => {
    const { facts: g } = facts(studentCase({ attendance: daily(['2026-11-16'], () => ({ invalid: 59 }), 2) }), '2026-11-16');
    expect(g.termWholeDayAbsenceDays).toBe(0);
    expect(g.termPartialDayAbsenceDays).toBe(1);
    expect(g.termLessonLevelInvalidLessons).toBe(2);
  });
});

describe('computeFacts: data quality', () => {
  const week = schoolDays('2026-11-16', '2026-11-20');

  it('counts unreported lessons in the reporting rate only; exactly 90 % gives no warning', () => {
    let n = 0;
    // Enrolled on the week's Monday: the term before it is not missing data.
    const { facts: f, warnings } = facts(studentCase({ student: { ...BASE_STUDENT, enrolledFrom: '2026-11-16' }, attendance: daily(week, () => ({ reported: n++ !== 3 }), 2) }));
    expect(f.reportingRate).toEqual({ part: 9, whole: 10 });
    expect(f.termScheduledMinutes).toBe(540);
    // The one uncovered school day is asOf (Mon 11-23), after the last lesson: 5 of 6 = 83 %, over the 80 % default.
    expect(f.termCoverage).toEqual({ part: 5, whole: 6 });
    expect(warnings).toEqual([]);
  });

  it('warns below 90 % reported (low-reporting-rate)', () => {
    let n = 0;
    const { facts: f, warnings } = facts(studentCase({ attendance: daily(week, () => ({ reported: n++ % 5 !== 0 }), 2) }));
    expect(f.reportingRate).toEqual({ part: 8, whole: 10 });
    expect(warnings).toContainEqual({ kind: 'low-reporting-rate', reportingRate: { part: 8, whole: 10 }, minimumPercent: 90 });
  });

  it('warns about records after asOf and leaves them out of every fact (records-after-as-of)', () => {
    const { facts: f, warnings } = facts(
      studentCase({ student: { ...BASE_STUDENT, enrolledFrom: '2026-11-16' }, attendance: [...daily(week), ...daily(['2026-11-24', '2026-11-25'], () => ({ invalid: 60 }))] }),
    );
    expect(warnings).toEqual([{ kind: 'records-after-as-of', count: 2 }]);
    expect(f.termAbsence).toEqual({ part: 0, whole: 300 });
    expect(f.termInvalidAbsenceOccasions).toBe(0);
  });

  it('warns when the term has no attendance, and reports empty rates', () => {
    const { facts: f, warnings } = facts(studentCase());
    expect(warnings.map((w) => w.kind)).toEqual(['no-attendance-this-term', 'low-coverage', 'low-coverage']);
    expect(f.termCoverage).toEqual({ part: 0, whole: 66 });
    expect(f.termCoverageSufficient).toBe(false);
    expect(f.termAbsence).toEqual({ part: 0, whole: 0 });
    expect(f.windowAbsence).toEqual({ part: 0, whole: 0 });
    expect(rateAbove(f.termAbsence, 0)).toBe(false); // §7.2 scheduled 0 → no rate trigger
    expect(f.trend).toBe('unknown');
  });
});

describe('computeFacts: today (SL 7:17 same-day notice)', () => {
  it('sums invalid minutes on asOf only', () => {
    const { facts: f } = facts(
      studentCase({
        attendance: [
          lesson('2026-11-20', '08:00', 60, { invalid: 60 }),
          lesson(AS_OF, '08:00', 60, { invalid: 20 }),
          lesson(AS_OF, '10:00', 60, { invalid: 60 }),
          lesson(AS_OF, '13:00', 60, { valid: 60 }),
          lesson(AS_OF, '14:10', 60, { invalid: 60, reported: false }),
        ],
      }),
    );
    expect(f.invalidAbsenceMinutesToday).toBe(80);
  });

  it('is 0 when nothing is recorded on asOf', () => {
    expect(facts(studentCase({ attendance: [lesson('2026-11-20', '08:00', 60, { invalid: 60 })] })).facts.invalidAbsenceMinutesToday).toBe(0);
  });
});

describe('computeFacts: context', () => {
  const withStudent = (patch: Record<string, unknown>): StudentCase =>
    studentCase({ student: { ...BASE_STUDENT, ...patch } as typeof BASE_STUDENT });

  it('huvudmanIsHemkommun: kommunal school in the student’s own municipality (SL 7:22)', () => {
    expect(facts(withStudent({})).facts.huvudmanIsHemkommun).toBe(true);
  });

  it('huvudmanIsHemkommun: false for another municipality’s kommunal school', () => {
    const { facts: f } = facts(withStudent({ residence: { municipalityCode: '0184' } }));
    expect(f.huvudmanIsHemkommun).toBe(false);
    expect(f.residenceMunicipalityCode).toBe('0184');
    expect(f.schoolMunicipalityCode).toBe('0180');
  });

  it('huvudmanIsHemkommun: false for a fristående or statlig school, even in the same municipality', () => {
    expect(facts(withStudent({ school: { id: 'fri-1', huvudman: 'fristaende', municipalityCode: '0180' } })).facts.huvudmanIsHemkommun).toBe(false);
    expect(
      facts(withStudent({ schoolForm: 'specialskola', school: { id: 'spsm-1', huvudman: 'statlig', municipalityCode: '0180' } })).facts
        .huvudmanIsHemkommun,
    ).toBe(false);
  });

  it('protected identity without residence: residence unknown, never routed as hemkommun', () => {
    const { residence: _none, ...student } = BASE_STUDENT;
    const { facts: f } = facts(studentCase({ student: { ...student, protectedIdentity: true } }));
    expect(f.protectedIdentity).toBe(true);
    expect(f.residenceKnown).toBe(false);
    expect(f.residenceMunicipalityCode).toBeNull();
    expect(f.huvudmanIsHemkommun).toBe(false);
  });

  it('age in completed years on asOf (§7.2) and school-form flags', () => {
    const { facts: f } = facts(withStudent({ birthDate: '2008-11-24', schoolForm: 'gymnasieskola', grade: 3 }));
    expect(f.ageYears).toBe(17);
    expect(f.gymnasiumSchoolForm).toBe(true);
    expect(f.compulsorySchoolForm).toBe(false);
    expect(facts(withStudent({})).facts.compulsorySchoolForm).toBe(true);
  });

  it('ignores signals dated after asOf and counts those on asOf', () => {
    const { facts: f } = facts(
      studentCase({
        signals: [
          { type: 'harm-suspected', date: '2026-11-24' },
          { type: 'anxiety-distress', date: AS_OF },
        ],
      }),
    );
    expect(f.signalHarmSuspected).toBe(false);
    expect(f.signalAnxietyDistress).toBe(true);
    expect(f.signalGuardiansTrying).toBe(false);
  });

  it('daysSinceOrosanmalan counts from the latest orosanmälan on or before asOf', () => {
    const { facts: f } = facts(
      studentCase({
        measures: [
          { step: 'orosanmalan', date: '2026-10-01' },
          { step: 'orosanmalan', date: '2026-11-09' },
          { step: 'orosanmalan', date: '2026-11-30' },
          { step: 'rektor-utredning', date: '2026-11-20' },
        ],
      }),
    );
    expect(f.orosanmalanMade).toBe(true);
    expect(f.daysSinceOrosanmalan).toBe(14);
  });

  it('daysSinceOrosanmalan is null when the only orosanmälan is after asOf', () => {
    const { facts: f } = facts(studentCase({ measures: [{ step: 'orosanmalan', date: '2026-11-30' }] }));
    expect(f.orosanmalanMade).toBe(false);
    expect(f.daysSinceOrosanmalan).toBeNull();
  });

  it('studentConsentsToParentContact only with the student’s own contact-with-parents consent, never from information-sharing (domain §1.6, §7.5; issue 11 point 4)', () => {
    expect(facts(studentCase({ consents: { 'contact-with-parents': { student: 'given' } } })).facts.studentConsentsToParentContact).toBe(true);
    expect(facts(studentCase({ consents: { 'contact-with-parents': { guardians: 'given' } } })).facts.studentConsentsToParentContact).toBe(false);
    expect(facts(studentCase({ consents: { 'information-sharing': { student: 'given', guardians: 'given' } } })).facts.studentConsentsToParentContact).toBe(false);
    expect(facts(studentCase()).facts.studentConsentsToParentContact).toBe(false);
  });

  it('utredningKlar: the latest rektor-utredning measure this term has outcome done (started, obehovligt or last term: not finished)', () => {
    const klar = (measures: NonNullable<Parameters<typeof studentCase>[0]>['measures']) => facts(studentCase({ measures })).facts.utredningKlar;
    expect(klar([{ step: 'rektor-utredning', date: '2026-10-01', outcome: 'done' }])).toBe(true);
    expect(klar([{ step: 'rektor-utredning', date: '2026-10-01' }])).toBe(true); // outcome defaults to done
    expect(klar([{ step: 'rektor-utredning', date: '2026-10-01', outcome: 'started' }])).toBe(false);
    expect(klar([{ step: 'rektor-utredning', date: '2026-10-01', outcome: 'done' }, { step: 'rektor-utredning', date: '2026-11-02', outcome: 'started' }])).toBe(false);
    expect(klar([{ step: 'rektor-utredning', date: '2026-10-01', outcome: 'obehovligt' }])).toBe(false);
    expect(klar([{ step: 'rektor-utredning', date: '2026-06-01', outcome: 'done' }])).toBe(false);
    expect(klar([])).toBe(false);
  });
});

// ---- properties ------------------------------------------------------------------------------

// Lesson slots: HT2026 school days from 1 October, a few days outside the term (June) and after
// asOf, three lessons a day at most.
const SLOT_DATES = [...schoolDays('2026-10-01', AS_OF), '2026-06-10', '2026-06-11', '2026-11-24'];
const SLOT_STARTS = ['08:00', '10:00', '13:00'];

interface GenLesson {
  readonly date: string;
  readonly start: string;
  readonly scheduled: number;
  readonly valid: number;
  readonly invalid: number;
  readonly reported: boolean;
  /** Share (0–100) of the remaining minutes added by the bump, and whether it is invalid. */
  readonly bumpShare: number;
  readonly bumpInvalid: boolean;
}

const genLessonsArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...SLOT_DATES), fc.constantFrom(...SLOT_STARTS)), { maxLength: 70, selector: ([d, s]) => `${d} ${s}` })
  .chain((slots) =>
    fc.tuple(
      ...slots.map(([date, start]) =>
        fc
          .record({
            scheduled: fc.integer({ min: 20, max: 90 }),
            absent: fc.oneof(fc.constant(0), fc.constant(100), fc.integer({ min: 0, max: 100 })),
            invalidShare: fc.integer({ min: 0, max: 100 }),
            reported: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
            bumpShare: fc.oneof(fc.constant(0), fc.constant(100), fc.integer({ min: 0, max: 100 })),
            bumpInvalid: fc.boolean(),
          })
          .map(({ scheduled, absent, invalidShare, reported, bumpShare, bumpInvalid }): GenLesson => {
            const total = Math.floor((scheduled * absent) / 100);
            const invalid = Math.floor((total * invalidShare) / 100);
            return { date, start, scheduled, valid: total - invalid, invalid, reported, bumpShare, bumpInvalid };
          }),
      ),
    ),
  )
  .map((ls): GenLesson[] => [...ls]);

const toInput = (l: GenLesson): LessonInput => lesson(l.date, l.start, l.scheduled, { valid: l.valid, invalid: l.invalid, reported: l.reported });

/** The same lesson with more absence, never above the scheduled minutes. */
function bumped(l: GenLesson): GenLesson {
  const extra = Math.floor(((l.scheduled - l.valid - l.invalid) * l.bumpShare) / 100);
  return l.bumpInvalid ? { ...l, invalid: l.invalid + extra } : { ...l, valid: l.valid + extra };
}

describe('computeFacts properties', () => {
  it('term and window rates equal direct sums over the reported lessons in their date ranges', () => {
    fc.assert(
      fc.property(genLessonsArb, (ls) => {
        const { facts: f } = facts(studentCase({ attendance: ls.map(toInput) }));
        const sums = (from: string, to: string): { part: number; whole: number; invalid: number } => {
          const xs = ls.filter((l) => l.reported && l.date >= from && l.date <= to);
          return {
            part: xs.reduce((n, l) => n + l.valid + l.invalid, 0),
            whole: xs.reduce((n, l) => n + l.scheduled, 0),
            invalid: xs.reduce((n, l) => n + l.invalid, 0),
          };
        };
        const term = sums('2026-08-17', AS_OF);
        const window = sums('2026-10-20', AS_OF);
        const previous = sums('2026-09-22', '2026-10-19');
        expect(f.termAbsence).toEqual({ part: term.part, whole: term.whole });
        expect(f.termInvalidAbsenceMinutes).toBe(term.invalid);
        expect(f.windowAbsence).toEqual({ part: window.part, whole: window.whole });
        expect(f.previousWindowAbsence).toEqual({ part: previous.part, whole: previous.whole });
        const termDates = new Set(ls.filter((l) => l.reported && l.date >= '2026-08-17' && l.date <= AS_OF && l.valid + l.invalid > 0).map((l) => l.date));
        expect(f.termDaysWithAbsence).toBe(termDates.size);
        expect(f.invalidAbsenceMinutesToday).toBe(sums(AS_OF, AS_OF).invalid);
        expect(f.termWholeDayAbsenceDays + f.termPartialDayAbsenceDays).toBe(f.termDaysWithAbsence);
        expect(f.currentWholeDayStreak).toBeLessThanOrEqual(f.longestWholeDayStreak);
        // A streak runs on across a break (issue 10), so only without earlier data is it bounded by this term's days.
        if (ls.every((l) => l.date >= '2026-08-17')) expect(f.longestWholeDayStreak).toBeLessThanOrEqual(f.termWholeDayAbsenceDays);
      }),
      { numRuns: 100 },
    );
  });

  it('is monotone: more absence minutes never lower absence, streaks, days with absence or today’s invalid minutes', () => {
    fc.assert(
      fc.property(genLessonsArb, (ls) => {
        const { facts: before } = facts(studentCase({ attendance: ls.map(toInput) }));
        const { facts: after } = facts(studentCase({ attendance: ls.map((l) => toInput(l.reported ? bumped(l) : l)) }));
        expect(after.termAbsence.whole).toBe(before.termAbsence.whole);
        expect(after.windowAbsence.whole).toBe(before.windowAbsence.whole);
        expect(after.termAbsence.part).toBeGreaterThanOrEqual(before.termAbsence.part);
        expect(after.windowAbsence.part).toBeGreaterThanOrEqual(before.windowAbsence.part);
        expect(after.longestWholeDayStreak).toBeGreaterThanOrEqual(before.longestWholeDayStreak);
        expect(after.termDaysWithAbsence).toBeGreaterThanOrEqual(before.termDaysWithAbsence);
        expect(after.termWholeDayAbsenceDays).toBeGreaterThanOrEqual(before.termWholeDayAbsenceDays);
        expect(after.invalidAbsenceMinutesToday).toBeGreaterThanOrEqual(before.invalidAbsenceMinutesToday);
        expect(after.termInvalidAbsenceMinutes).toBeGreaterThanOrEqual(before.termInvalidAbsenceMinutes);
      }),
      { numRuns: 100 },
    );
  });
});
