import { describe, expect, it } from 'vitest';
import { oneLessonPerStart } from '../../../src/adapters/ss12000/oneLessonPerStart.js';
import type { AttendanceTally } from '../../../src/adapters/ss12000/readAttendances.js';
import { createRejectionTracker } from '../../../src/adapters/ss12000/rejectionTracker.js';
import type { AttendanceRecord } from '../../../src/model/studentCase.js';

describe('oneLessonPerStart', () => {
  const lesson = (start: string, invalid = 0): AttendanceRecord => ({
    date: '2026-11-23',
    start,
    scheduledMinutes: 60,
    validAbsenceMinutes: 0,
    invalidAbsenceMinutes: invalid,
    reported: true,
    guardianReported: false,
    reason: invalid > 0 ? 'unknown' : 'none',
  });
  const tally = (records: AttendanceRecord[], ids: string[]): AttendanceTally => ({
    lessons: new Map([['p1', { records, attendanceIds: ids }]]),
    excluded: [],
    rejectedRecords: {},
    conflictingRecords: {},
    accepted: records.length,
    duplicate: 0,
    rejected: 0,
  });

  it('leaves lessons at different starts alone', () => {
    const before = tally([lesson('08:10'), lesson('09:10')], ['a1', 'a2']);
    const tracker = createRejectionTracker();
    const after = oneLessonPerStart(before, ['p1'], tracker);
    expect(after.lessons.get('p1')?.records).toEqual(before.lessons.get('p1')?.records);
    expect([after.accepted, after.duplicate, after.rejected]).toEqual([2, 0, 0]);
    expect(tracker.list()).toEqual([]);
  });

  it('counts a copy under another id once, as a duplicate', () => {
    const after = oneLessonPerStart(tally([lesson('08:10'), lesson('09:10'), lesson('08:10')], ['a1', 'a2', 'a3']), ['p1'], createRejectionTracker());
    expect(after.lessons.get('p1')?.records.map((r) => r.start)).toEqual(['08:10', '09:10']);
    expect(after.lessons.get('p1')?.attendanceIds).toEqual(['a1', 'a2']);
    expect([after.accepted, after.duplicate, after.rejected]).toEqual([2, 1, 0]);
  });

  it('rejects every version of a lesson reported differently, naming the others and the field, and counts the conflict', () => {
    const tracker = createRejectionTracker();
    const after = oneLessonPerStart(tally([lesson('08:10'), lesson('09:10'), lesson('08:10', 60)], ['a1', 'a2', 'a3']), ['p1'], tracker);
    expect(after.lessons.get('p1')?.attendanceIds).toEqual(['a2']);
    expect([after.accepted, after.duplicate, after.rejected]).toEqual([1, 0, 2]);
    expect(after.rejectedRecords).toEqual({ p1: 2 });
    expect(after.conflictingRecords).toEqual({ p1: { count: 2, lessons: 1 } });
    const rejected = tracker.list();
    expect(rejected.map((r) => [r.entity, r.id, r.attendanceRecords])).toEqual([
      ['Attendance', 'a1', 1],
      ['Attendance', 'a3', 1],
    ]);
    expect(rejected[0]?.issues[0]?.message).toContain('Attendance a3');
    expect(rejected[0]?.issues[0]?.message).toContain('invalidAbsenceMinutes');
  });

  it('only resolves the students it is given', () => {
    const before = tally([lesson('08:10'), lesson('08:10')], ['a1', 'a2']);
    const after = oneLessonPerStart(before, [], createRejectionTracker());
    expect(after.lessons.get('p1')?.records).toHaveLength(2);
    expect(after.duplicate).toBe(0);
  });
});
