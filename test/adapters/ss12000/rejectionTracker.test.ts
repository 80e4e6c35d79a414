import { describe, expect, it } from 'vitest';
import { createRejectionTracker } from '../../../src/adapters/ss12000/rejectionTracker.js';

describe('createRejectionTracker', () => {
  it('lists rejections in the order found, each with the records counted against it', () => {
    const tracker = createRejectionTracker();
    const a = tracker.reject('CalendarEvent', 'e1', []);
    const b = tracker.reject('Person', 'p1', [{ entity: 'Person', id: 'p1', field: 'birthDate', message: 'Missing', text: { sv: 'Saknas', en: 'Missing' } }]);
    tracker.countRecord(b);
    tracker.countRecord(b);
    tracker.countRecord(a);
    expect(tracker.list()).toEqual([
      { entity: 'CalendarEvent', id: 'e1', issues: [], attendanceRecords: 1 },
      { entity: 'Person', id: 'p1', issues: [{ entity: 'Person', id: 'p1', field: 'birthDate', message: 'Missing', text: { sv: 'Saknas', en: 'Missing' } }], attendanceRecords: 2 },
    ]);
  });

  it('keeps two rejections with the same entity and id apart', () => {
    const tracker = createRejectionTracker();
    tracker.reject('Attendance', 'a1', []);
    tracker.countRecord(tracker.reject('Attendance', 'a1', []));
    expect(tracker.list().map((r) => r.attendanceRecords)).toEqual([0, 1]);
  });
});
