import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastAttendanceRecord, isAbsenceReason, isClockTime } from '../../src/model/fastAttendance.js';
import { ClockTimeSchema } from '../../src/model/isoDate.js';
import { AbsenceReasonSchema } from '../../src/model/vocabulary.js';
import { AttendanceRecordSchema } from '../../src/model/studentCase.js';

/** Values each field may take: mostly valid, with the edge cases zod must reject. */
const fieldValue = {
  date: fc.oneof(
    fc.constantFrom('2026-11-23', '2024-02-29', '2026-02-29', '2026-13-01', '2026-1-01', '', '2026-11-23T08:00'),
    fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  ),
  start: fc.constantFrom('08:10', '00:00', '23:59', '24:00', '8:10', '08:60', 'x'),
  minutes: fc.oneof(fc.integer({ min: -2, max: 602 }), fc.constantFrom(0.5, Number.NaN, '40', null, Infinity)),
  flag: fc.oneof(fc.boolean(), fc.constantFrom('true', 0, null)),
  reason: fc.constantFrom('none', 'sick', 'granted-leave', 'other', 'unknown', 'school-initiated', 'skolk', 'SICK', 'sick ', null),
};

const record = fc.record(
  {
    date: fieldValue.date,
    start: fieldValue.start,
    scheduledMinutes: fieldValue.minutes,
    validAbsenceMinutes: fieldValue.minutes,
    invalidAbsenceMinutes: fieldValue.minutes,
    reported: fieldValue.flag,
    guardianReported: fieldValue.flag,
    reason: fieldValue.reason,
    extra: fc.constant('not allowed'),
    undefinedValue: fc.constant(undefined),
  },
  { requiredKeys: ['date', 'start', 'scheduledMinutes'] },
);

/** Records zod accepts (so that the kinds of object below are compared where the verdict is "yes" too). */
const validRecord = fc.record(
  {
    date: fc.constantFrom('2026-11-23', '2024-02-29'),
    start: fc.constantFrom('08:10', '23:59'),
    scheduledMinutes: fc.constantFrom(40, 60),
    validAbsenceMinutes: fc.constantFrom(0, 10),
    invalidAbsenceMinutes: fc.constantFrom(0, 30),
    reported: fc.boolean(),
    guardianReported: fc.boolean(),
    reason: fc.constantFrom('none', 'sick'),
  },
  { requiredKeys: ['date', 'start', 'scheduledMinutes'] },
);

/** The hot path's verdict on a value is zod's, and so is its output when accepted. */
function expectAsZod(value: unknown): void {
  const fast = fastAttendanceRecord(value);
  const zod = AttendanceRecordSchema.safeParse(value);
  expect(fast !== undefined).toBe(zod.success);
  if (zod.success) expect(fast).toStrictEqual(zod.data);
}

describe('fastAttendanceRecord (the hot-path validator) agrees with AttendanceRecordSchema', () => {
  it('accepts exactly what zod accepts, with the same output (property)', () => {
    fc.assert(
      fc.property(fc.oneof(record, fc.anything()), (value) => {
        expectAsZod(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with zod on a run of records, in any order: the last date it read is remembered (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (values) => {
        for (const value of values) expectAsZod(value);
      }),
      { numRuns: 500 },
    );
  });

  it('takes as a reason exactly the schema\'s reasons (the switch is not the Set it replaced)', () => {
    for (const reason of AbsenceReasonSchema.options) expect(isAbsenceReason(reason)).toBe(true);
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(isAbsenceReason(value)).toBe(AbsenceReasonSchema.safeParse(value).success);
      }),
    );
  });

  it('takes as a clock time exactly what ClockTimeSchema takes (property)', () => {
    const clockLike = fc.tuple(...Array.from({ length: 5 }, () => fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '9', ':', '/', '٣', 'a'))).map((cs) => cs.join(''));
    for (const edge of ['00:00', '23:59', '24:00', '19:59', '20:00', '09:60', '2:300', '12:3', '12:345', ' 8:10']) {
      expect(isClockTime(edge)).toBe(ClockTimeSchema.safeParse(edge).success);
    }
    fc.assert(
      fc.property(fc.oneof(clockLike, fc.string({ maxLength: 7 })), (value) => {
        expect(isClockTime(value)).toBe(ClockTimeSchema.safeParse(value).success);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with zod on records of any prototype and any kind of property: null prototype, class instances, inherited keys, getters, hidden keys, proxies (property)', () => {
    class Lesson {
      constructor(fields: Record<string, unknown>) {
        Object.assign(this, fields);
      }
      describe(): string {
        return 'a lesson';
      }
    }
    /** The same fields as another kind of object. */
    const kinds: ReadonlyArray<(fields: Record<string, unknown>) => unknown> = [
      (f) => Object.assign(Object.create(null) as object, f),
      (f) => new Lesson(f),
      (f) => Object.freeze({ ...f }),
      // An inherited enumerable key: zod reads it, and its key check sees it too.
      (f) => {
        const { reason, ...own } = f;
        return Object.assign(Object.create(reason === undefined ? {} : { reason }) as object, own);
      },
      (f) => Object.assign(Object.create({ extra: 1 }) as object, f),
      // Getters, enumerable and not.
      (f) => Object.defineProperties({}, Object.fromEntries(Object.entries(f).map(([k, v]) => [k, { get: () => v, enumerable: true }]))),
      (f) => Object.defineProperty({ ...f }, 'start', { value: f['start'], enumerable: false }),
      (f) => Object.defineProperty({ ...f }, 'extra', { value: 1, enumerable: false }),
      // Proxies whose `in` says no: zod asks `in` for the required keys (a review found the hot path did not).
      (f) => new Proxy({ ...f }, { has: () => false }),
      (f) => Object.create(new Proxy({ ...f }, { has: () => false })) as object,
      // A getter that adds a key when read: zod reads the fields first, then checks the keys.
      (f) => {
        const o: Record<string, unknown> = { ...f };
        return Object.defineProperty(o, 'date', { get: () => ((o['extra'] = 1), f['date']), enumerable: true });
      },
    ];
    fc.assert(
      fc.property(fc.oneof(record, validRecord), fc.nat(kinds.length - 1), (fields, k) => {
        expectAsZod((kinds[k] as (f: Record<string, unknown>) => unknown)(fields));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads each field once, as zod does: a getter that answers differently the second time gives zod\'s value', () => {
    const counting = (): Record<string, unknown> => {
      let reads = 0;
      return Object.defineProperty({ date: '2026-11-23', start: '08:10', scheduledMinutes: 60 }, 'invalidAbsenceMinutes', {
        get: () => {
          reads += 1;
          return reads === 1 ? 10 : 20;
        },
        enumerable: true,
      });
    };
    expect(AttendanceRecordSchema.parse(counting()).invalidAbsenceMinutes).toBe(10);
    expect(fastAttendanceRecord(counting())?.invalidAbsenceMinutes).toBe(10);
  });

  it('applies zod defaults only for missing or undefined fields, never for null', () => {
    const base = { date: '2026-11-23', start: '08:10', scheduledMinutes: 60 };
    expect(fastAttendanceRecord(base)).toStrictEqual(AttendanceRecordSchema.parse(base));
    expect(fastAttendanceRecord({ ...base, validAbsenceMinutes: undefined })).toStrictEqual(AttendanceRecordSchema.parse(base));
    expect(fastAttendanceRecord({ ...base, validAbsenceMinutes: null })).toBeUndefined();
    expect(AttendanceRecordSchema.safeParse({ ...base, validAbsenceMinutes: null }).success).toBe(false);
  });
});
