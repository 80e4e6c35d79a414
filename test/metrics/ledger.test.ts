import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/calendar/dayNumber.js';
import { buildLedger as buildRecordLedger, buildPackedLedger, type Ledger } from '../../src/metrics/ledger.js';
import { packAttendance } from '../../src/metrics/packAttendance.js';
import { PACKED_LESSON_WORDS } from '../../src/model/packedLessons.js';
import { AbsenceReasonSchema } from '../../src/model/vocabulary.js';
import type { AttendanceRecord } from '../../src/model/studentCase.js';
import { countOccasions, occasionsInDays, type LedgerLesson } from '../../src/metrics/occasions.js';
import { lesson, record } from '../helpers/studentCase.js';

/**
 * The ledger has two sources: records (`buildLedger`, the library's) and packed words
 * (`buildPackedLedger`, the batch's). Every expectation below is written from the rules of
 * counting (domain.md §1.1–1.2) and must hold for both.
 */
const SOURCES: ReadonlyArray<[string, (records: readonly AttendanceRecord[], asOf: string) => Ledger]> = [
  ['records', buildRecordLedger],
  ['packed words', (records, asOf) => buildPackedLedger(packAttendance(records), dayNumber(asOf))],
];

describe.each(SOURCES)('the ledger from %s', (_source, buildLedger) => {
  it('folds a day’s lessons into reported minutes per category', () => {
    const ledger = buildLedger(
      [
        record(lesson('2026-11-23', '08:00', 60, { invalid: 60 })),
        record(lesson('2026-11-23', '09:10', 40, { valid: 40 })),
        record(lesson('2026-11-23', '10:00', 50, { invalid: 10 })),
        record(lesson('2026-11-23', '13:00', 60)),
      ],
      '2026-11-23',
    );
    expect(ledger.days).toEqual([
      { day: dayNumber('2026-11-23'), date: '2026-11-23', scheduled: 210, valid: 40, invalid: 70, lessons: 4, unreportedLessons: 0, invalidLessons: 2,
        guardianReported: 0, guardianReportedInvalid: 0, sick: 0, guardianReportedSick: 0, schoolInitiated: 0, firstLessonInvalid: true, lastLessonInvalid: false,
        // Invalid, valid, invalid, present: one run of absence, two of invalid absence (the valid lesson breaks it).
        firstLessonAbsent: true, lastLessonAbsent: false, absentRuns: 1, invalidRuns: 2 },
    ]);
    expect(ledger.recordsAfterAsOf).toBe(0);
  });

  it('leaves unreported lessons out of minutes and the lesson sequence, counting them as unreportedLessons (missing data, not presence)', () => {
    const ledger = buildLedger(
      [
        record(lesson('2026-11-20', '08:00', 60, { invalid: 60 })),
        record(lesson('2026-11-20', '10:00', 60, { reported: false })),
        record(lesson('2026-11-20', '13:00', 60, { reported: false })),
      ],
      '2026-11-23',
    );
    expect(ledger.days[0]).toMatchObject({ scheduled: 60, invalid: 60, lessons: 1, unreportedLessons: 2 });
    // The unreported lessons after it neither end nor count as a run.
    expect(ledger.days[0]).toMatchObject({ absentRuns: 1, invalidRuns: 1, firstLessonAbsent: true, lastLessonAbsent: true, lastLessonInvalid: true });
  });

  it('keeps what the typology patterns need: guardian-reported, sick and school-initiated minutes, first and last lesson invalid', () => {
    const ledger = buildLedger(
      [
        record({ ...lesson('2026-11-23', '08:00', 60, { valid: 60 }), reason: 'sick', guardianReported: true }),
        record({ ...lesson('2026-11-23', '09:10', 60, { invalid: 20 }), guardianReported: true }),
        record({ ...lesson('2026-11-23', '10:20', 60, { valid: 60 }), reason: 'school-initiated' }),
        record({ ...lesson('2026-11-23', '13:00', 60, { invalid: 60 }), reason: 'unknown' }),
        record(lesson('2026-11-23', '14:10', 60, { reported: false })),
      ],
      '2026-11-23',
    );
    expect(ledger.days[0]).toMatchObject({
      guardianReported: 80,
      guardianReportedInvalid: 20,
      sick: 60,
      guardianReportedSick: 60, // the 08:00 lesson: sick and reported by the guardians
      schoolInitiated: 60,
      // The first reported lesson was valid; the last reported one (13:00) invalid; the unreported 14:10 does not count.
      firstLessonInvalid: false,
      lastLessonInvalid: true,
    });
  });

  it('keeps a day whose lessons are all unreported, with zero minutes', () => {
    const ledger = buildLedger([record(lesson('2026-11-20', '08:00', 60, { reported: false }))], '2026-11-23');
    expect(ledger.days).toEqual([
      { day: dayNumber('2026-11-20'), date: '2026-11-20', scheduled: 0, valid: 0, invalid: 0, lessons: 0, unreportedLessons: 1, invalidLessons: 0,
        guardianReported: 0, guardianReportedInvalid: 0, sick: 0, guardianReportedSick: 0, schoolInitiated: 0, firstLessonInvalid: false, lastLessonInvalid: false,
        firstLessonAbsent: false, lastLessonAbsent: false, absentRuns: 0, invalidRuns: 0 },
    ]);
  });

  it('counts records after asOf and leaves them out; asOf itself is included', () => {
    const ledger = buildLedger(
      [
        record(lesson('2026-11-24', '08:00', 60, { invalid: 60 })),
        record(lesson('2026-11-23', '08:00', 60, { invalid: 30 })),
        record(lesson('2026-12-01', '08:00', 60, { reported: false })),
      ],
      '2026-11-23',
    );
    expect(ledger.recordsAfterAsOf).toBe(2);
    expect(ledger.days.map((d) => [d.date, d.invalid])).toEqual([['2026-11-23', 30]]);
  });

  it('orders days by date and lessons by start time, whatever the input order', () => {
    const ledger = buildLedger(
      [
        record(lesson('2026-11-23', '13:00', 60)),
        record(lesson('2026-11-20', '10:00', 60, { valid: 60 })),
        record(lesson('2026-11-23', '08:00', 60, { invalid: 5 })),
        record(lesson('2026-11-20', '08:00', 60)),
      ],
      '2026-11-23',
    );
    expect(ledger.days.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-23']);
    // In schedule order: 20th present, valid; 23rd invalid, present.
    expect(ledger.days.map((d) => [d.firstLessonAbsent, d.lastLessonAbsent, d.absentRuns, d.firstLessonInvalid, d.invalidRuns])).toEqual([
      [false, true, 1, false, 0],
      [true, false, 1, true, 1],
    ]);
  });

  it('returns an empty ledger for no records', () => {
    expect(buildLedger([], '2026-11-23')).toEqual({ days: [], recordsAfterAsOf: 0 });
  });
});

// ---- properties ------------------------------------------------------------------------------

const DATES = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25'];
const STARTS = ['08:00', '09:00', '10:15', '11:30', '13:00', '14:10'];

/** Records with unique (date, start) slots, so that the schedule order is total. */
const recordsArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...DATES), fc.constantFrom(...STARTS)), {
    maxLength: 30,
    selector: ([d, s]) => `${d} ${s}`,
  })
  .chain((slots) =>
    fc.tuple(
      ...slots.map(([date, start]) =>
        fc
          .record({
            scheduled: fc.integer({ min: 1, max: 90 }),
            validShare: fc.integer({ min: 0, max: 100 }),
            invalidShare: fc.integer({ min: 0, max: 100 }),
            reported: fc.boolean(),
            guardianReported: fc.boolean(),
            reason: fc.constantFrom(...AbsenceReasonSchema.options),
          })
          .map(({ scheduled, validShare, invalidShare, reported, guardianReported, reason }) => {
            const valid = Math.floor((scheduled * validShare) / 100);
            const invalid = Math.floor(((scheduled - valid) * invalidShare) / 100);
            return { ...record(lesson(date, start, scheduled, { valid, invalid, reported })), guardianReported, reason };
          }),
      ),
    ),
  )
  .map((rs): AttendanceRecord[] => [...rs]);

const asOfArb = fc.constantFrom('2026-11-15', '2026-11-19', '2026-11-23', '2026-11-30');

describe.each(SOURCES)('ledger properties, from %s', (_source, buildLedger) => {
  it('does not depend on input order (shuffle → same ledger)', () => {
    fc.assert(
      fc.property(
        recordsArb.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))),
        asOfArb,
        ([rs, shuffled], asOf) => {
          expect(buildLedger(shuffled, asOf)).toEqual(buildLedger(rs, asOf));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('accounts for every record exactly once: reported minutes, unreported lessons, or after asOf', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, (rs, asOf) => {
        const ledger = buildLedger(rs, asOf);
        const inScope = rs.filter((r) => r.date <= asOf);
        const reported = inScope.filter((r) => r.reported);
        const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
        expect(ledger.recordsAfterAsOf).toBe(rs.length - inScope.length);
        expect(sum(ledger.days.map((d) => d.scheduled))).toBe(sum(reported.map((r) => r.scheduledMinutes)));
        expect(sum(ledger.days.map((d) => d.valid))).toBe(sum(reported.map((r) => r.validAbsenceMinutes)));
        expect(sum(ledger.days.map((d) => d.invalid))).toBe(sum(reported.map((r) => r.invalidAbsenceMinutes)));
        expect(sum(ledger.days.map((d) => d.lessons))).toBe(reported.length);
        expect(sum(ledger.days.map((d) => d.unreportedLessons))).toBe(inScope.length - reported.length);
        expect(new Set(ledger.days.map((d) => d.date)).size).toBe(ledger.days.length);
        for (const d of ledger.days) {
          expect(d.date <= asOf).toBe(true);
          expect(d.day).toBe(dayNumber(d.date));
          expect(d.valid + d.invalid).toBeLessThanOrEqual(d.scheduled);
          expect(d.invalidLessons).toBeLessThanOrEqual(d.lessons);
          expect(d.absentRuns).toBeLessThanOrEqual(d.lessons);
          expect(d.invalidRuns).toBeLessThanOrEqual(d.invalidLessons);
        }
        expect(ledger.days.map((d) => d.day)).toEqual([...ledger.days.map((d) => d.day)].sort((a, b) => a - b));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the packed ledger', () => {
  it('equals the record ledger for any records with one lesson per date and start, and any asOf', () => {
    fc.assert(
      fc.property(
        recordsArb.chain((rs) => fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
        asOfArb,
        (rs, asOf) => {
          expect(buildPackedLedger(packAttendance(rs), dayNumber(asOf))).toEqual(buildRecordLedger(rs, asOf));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses words out of (day, start) order rather than fold them wrongly', () => {
    const packed = packAttendance([record(lesson('2026-11-20', '08:00', 60)), record(lesson('2026-11-23', '08:00', 60))]);
    const swapped = new Int32Array(packed.words.length);
    swapped.set(packed.words.subarray(PACKED_LESSON_WORDS), 0);
    swapped.set(packed.words.subarray(0, PACKED_LESSON_WORDS), PACKED_LESSON_WORDS);
    expect(() => buildPackedLedger({ words: swapped }, dayNumber('2026-11-23'))).toThrow(RangeError);
  });

  it('packAttendance refuses two records of one date and start: they must be resolved first', () => {
    const r = record(lesson('2026-11-20', '08:00', 60));
    expect(() => packAttendance([r, { ...r, invalidAbsenceMinutes: 60 }])).toThrow(/share a date and start/);
  });
});

/** Records where about half the lessons are attended (no minutes of absence), on unique slots: `recordsArb` draws few such lessons. */
const halfAttendedArb = recordsArb.chain((rs) =>
  fc.tuple(...rs.map(() => fc.boolean())).map((attended) => rs.map((r, i) => (attended[i] ? { ...r, validAbsenceMinutes: 0, invalidAbsenceMinutes: 0 } : r))),
);

/** Every field of one day, counted the plain way from its reported lessons in start order (domain.md §1.1–1.2). */
function dayByHand(rs: readonly AttendanceRecord[], date: string): Record<string, unknown> {
  const all = rs.filter((r) => r.date === date);
  const reported = all.filter((r) => r.reported).sort((a, b) => (a.start < b.start ? -1 : 1));
  const absent = reported.map((r) => r.validAbsenceMinutes + r.invalidAbsenceMinutes > 0);
  const invalid = reported.map((r) => r.invalidAbsenceMinutes > 0);
  const runs = (flags: boolean[]): number => flags.filter((f, i) => f && (i === 0 || !flags[i - 1])).length;
  const sum = (f: (r: AttendanceRecord) => number): number => reported.reduce((n, r) => n + f(r), 0);
  const minutes = (r: AttendanceRecord): number => r.validAbsenceMinutes + r.invalidAbsenceMinutes;
  return {
    date,
    scheduled: sum((r) => r.scheduledMinutes),
    valid: sum((r) => r.validAbsenceMinutes),
    invalid: sum((r) => r.invalidAbsenceMinutes),
    lessons: reported.length,
    unreportedLessons: all.length - reported.length,
    invalidLessons: invalid.filter(Boolean).length,
    guardianReported: sum((r) => (r.guardianReported ? minutes(r) : 0)),
    guardianReportedInvalid: sum((r) => (r.guardianReported ? r.invalidAbsenceMinutes : 0)),
    sick: sum((r) => (r.reason === 'sick' ? minutes(r) : 0)),
    guardianReportedSick: sum((r) => (r.reason === 'sick' && r.guardianReported ? minutes(r) : 0)),
    schoolInitiated: sum((r) => (r.reason === 'school-initiated' ? minutes(r) : 0)),
    firstLessonInvalid: invalid[0] ?? false,
    lastLessonInvalid: invalid.at(-1) ?? false,
    firstLessonAbsent: absent[0] ?? false,
    lastLessonAbsent: absent.at(-1) ?? false,
    absentRuns: runs(absent),
    invalidRuns: runs(invalid),
  };
}

describe.each(SOURCES)('every field of every day of the ledger from %s, counted by hand', (_source, buildLedger) => {
  it('equals a plain count of the day’s reported lessons in start order, attended lessons mixed with absent ones (property)', () => {
    fc.assert(
      fc.property(fc.oneof(recordsArb, halfAttendedArb), asOfArb, (rs, asOf) => {
        const { days } = buildLedger(rs, asOf);
        const dates = [...new Set(rs.filter((r) => r.date <= asOf).map((r) => r.date))].sort();
        expect(days.map((d) => d.date)).toEqual(dates);
        for (const d of days) {
          const { day, ...fields } = d;
          expect(day).toBe(dayNumber(d.date));
          expect(fields).toEqual(dayByHand(rs, d.date));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(SOURCES)('absence occasions from the days of a ledger from %s', (_source, buildLedger) => {
  it('equal countOccasions of the reported lessons in schedule order, from any day on (property)', () => {
    fc.assert(
      fc.property(recordsArb, asOfArb, fc.nat(), (rs, asOf, k) => {
        const { days } = buildLedger(rs, asOf);
        const from = days.length === 0 ? 0 : k % (days.length + 1);
        const firstDate = days[from]?.date ?? '9999-12-31';
        const lessons: LedgerLesson[] = rs
          .filter((r) => r.reported && r.date <= asOf && r.date >= firstDate)
          .sort((a, b) => (a.date === b.date ? (a.start < b.start ? -1 : 1) : a.date < b.date ? -1 : 1))
          .map((r) => ({ absent: r.validAbsenceMinutes + r.invalidAbsenceMinutes > 0, invalid: r.invalidAbsenceMinutes > 0 }));
        for (const pick of ['any', 'invalid'] as const) expect(occasionsInDays(days, from, pick)).toBe(countOccasions(lessons, pick));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the ledger from records in any order, slots repeated (one pass when in order, a sorted copy when not)', () => {
  /** Records on few slots, so that (date, start) pairs repeat, in the order drawn. */
  const repeated = fc.array(
    fc.record({
      date: fc.constantFrom(...DATES.slice(0, 4)),
      start: fc.constantFrom(...STARTS.slice(0, 3)),
      scheduled: fc.integer({ min: 1, max: 60 }),
      invalid: fc.boolean(),
      reported: fc.boolean(),
    }),
    { maxLength: 24 },
  ).map((rs): AttendanceRecord[] => rs.map((r) => record(lesson(r.date, r.start, r.scheduled, { invalid: r.invalid ? r.scheduled : 0, reported: r.reported }))));
  const asOf = fc.constantFrom('2026-11-15', '2026-11-17', '2026-11-18', '2026-11-30');

  it('equals the fold of a stable sort, and its sums equal a plain group-by of its own (property)', () => {
    fc.assert(
      fc.property(fc.oneof(repeated, repeated.map((rs) => [...rs].sort((a, b) => (a.date === b.date ? (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) : a.date < b.date ? -1 : 1)))), asOf, (rs, day) => {
        const sorted = [...rs].sort((a, b) => (a.date === b.date ? (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) : a.date < b.date ? -1 : 1));
        const ledger = buildRecordLedger(rs, day);
        expect(ledger).toEqual(buildRecordLedger(sorted, day));
        // The oracle: per date on or before asOf, reported minutes and lessons; the rest after asOf.
        const byDate = new Map<string, { scheduled: number; invalid: number; lessons: number; unreported: number }>();
        for (const r of rs) {
          if (r.date > day) continue;
          const d = byDate.get(r.date) ?? { scheduled: 0, invalid: 0, lessons: 0, unreported: 0 };
          if (r.reported) {
            d.scheduled += r.scheduledMinutes;
            d.invalid += r.invalidAbsenceMinutes;
            d.lessons += 1;
          } else d.unreported += 1;
          byDate.set(r.date, d);
        }
        expect(ledger.days.map((d) => [d.date, { scheduled: d.scheduled, invalid: d.invalid, lessons: d.lessons, unreported: d.unreportedLessons }])).toEqual(
          [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)),
        );
        expect(ledger.recordsAfterAsOf).toBe(rs.filter((r) => r.date > day).length);
      }),
      { numRuns: 500 },
    );
  });
});
