import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceRepeats } from '../../../src/adapters/ss12000/attendanceRepeats.js';
import { readAttendanceList } from '../../../src/adapters/ss12000/readAttendanceList.js';
import { createRejectionTracker } from '../../../src/adapters/ss12000/rejectionTracker.js';

const attendance = (id: string, invalid = 0, student = 'p1') => ({
  id,
  calendarEvent: { id: 'e1' },
  student: { id: student },
  isReported: true,
  validAbsenceMinutes: 0,
  invalidAbsenceMinutes: invalid,
});

describe('attendanceRepeats', () => {
  const entries = (raws: unknown[]) => readAttendanceList(raws, createRejectionTracker());

  it('a copy of a record (same id and content) is a later copy; a unique id is not', () => {
    const r = attendanceRepeats(entries([attendance('a1'), attendance('a2'), attendance('a1')]));
    expect(r.differentRecords('a1')).toBe(1);
    expect([0, 1, 2].map((i) => r.isLaterCopy(i))).toEqual([false, false, true]);
    expect(r.isFirstOfId('a1', 0)).toBe(true);
    expect(r.isFirstOfId('a1', 2)).toBe(false);
  });

  it('counts the different versions of an id; a copy of any version is a later copy', () => {
    const r = attendanceRepeats(entries([attendance('a1', 10), attendance('a1', 0), attendance('a1', 10), attendance('a1', 0)]));
    expect(r.differentRecords('a1')).toBe(2);
    expect([0, 1, 2, 3].map((i) => r.isLaterCopy(i))).toEqual([false, false, true, true]);
  });

  it('ignores records that fail the schema', () => {
    const r = attendanceRepeats(entries([{ ...attendance('a1'), isReported: 'yes' }, attendance('a1', 10)]));
    expect(r.differentRecords('a1')).toBe(1);
    expect(r.isLaterCopy(1)).toBe(false);
    expect(r.isFirstOfId('a1', 1)).toBe(true);
  });

  it('whatever the order, the first occurrence of each version is the only one that is not a later copy', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a1', 'a2'), fc.constantFrom(0, 10, 20)), { maxLength: 12 }), (pairs) => {
        const r = attendanceRepeats(entries(pairs.map(([id, invalid]) => attendance(id, invalid))));
        const firsts = new Set(pairs.map((p) => p.join()));
        const notCopies = pairs.filter((_, i) => !r.isLaterCopy(i)).map((p) => p.join());
        expect(notCopies.sort()).toEqual([...firsts].sort());
        for (const id of ['a1', 'a2']) {
          const versions = new Set(pairs.filter((p) => p[0] === id).map((p) => p[1])).size;
          expect(r.differentRecords(id)).toBe(Math.max(1, versions));
        }
      }),
      { numRuns: 100 },
    );
  });
});
