import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ss12000AttendanceSchema } from '../../../src/adapters/ss12000/entities.js';
import { fastSs12000Attendance } from '../../../src/adapters/ss12000/fastAttendance.js';

const marking = fc.constantFrom('Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring');
const minutes = fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined });

/** A valid record, as exports carry it: optional fields present or not, extra keys. */
const valid = fc.record({
  id: fc.uuid(),
  calendarEvent: fc.record({ id: fc.uuid(), displayName: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }) }),
  student: fc.record({ id: fc.uuid(), securityMarking: fc.option(marking, { nil: undefined }) }),
  isReported: fc.boolean(),
  attendanceMinutes: minutes,
  validAbsenceMinutes: minutes,
  invalidAbsenceMinutes: minutes,
  otherAttendanceMinutes: minutes,
  absenceReason: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
});

/** What can go wrong with one field: deleted, null, or a value of the wrong kind or range. */
const bad = fc.oneof(
  fc.constant(Symbol.for('delete')),
  fc.constantFrom(null, '', 'x', -1, 0.5, -0, 2 ** 53, '10', true, [], {}, { id: '' }, { id: 5 }, { id: 'ok', securityMarking: 'Okänd' }, { id: 'ok', securityMarking: null }),
);
const fields = ['id', 'calendarEvent', 'student', 'isReported', 'attendanceMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'otherAttendanceMinutes'] as const;
const mutated = fc.tuple(valid, fc.array(fc.tuple(fc.constantFrom(...fields), bad), { maxLength: 2 })).map(([record, changes]) => {
  const out: Record<string, unknown> = { ...record };
  for (const [field, value] of changes) {
    if (value === Symbol.for('delete')) delete out[field];
    else out[field] = value;
  }
  return out;
});

describe('fastSs12000Attendance', () => {
  it('accepts exactly what Ss12000AttendanceSchema accepts, with the same output', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 19, arbitrary: mutated }, { weight: 1, arbitrary: fc.anything() }), (value) => {
        const fast = fastSs12000Attendance(value);
        const slow = Ss12000AttendanceSchema.safeParse(value);
        expect(fast !== undefined).toBe(slow.success);
        if (fast !== undefined && slow.success) {
          accepted += 1;
          expect(fast).toEqual(slow.data);
        } else refused += 1;
      }),
      { numRuns: 2000 },
    );
    // The generator reaches both sides.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });
});
