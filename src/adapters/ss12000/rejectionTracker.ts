import type { Ss12000Entity, Ss12000Issue, Ss12000Rejection } from './issues.js';

/** A rejection as the tracker holds it: Attendance records are counted against it as they are read. */
export interface TrackedRejection {
  readonly entity: Ss12000Entity;
  readonly id: string | null;
  readonly issues: readonly Ss12000Issue[];
}

/**
 * Everything `fromSs12000` could not use, in the order it was found: the one
 * piece of state its steps share, passed to each step that may reject.
 */
export interface RejectionTracker {
  /** Record a rejection; the returned handle is what Attendance records are counted against. */
  reject(entity: Ss12000Entity, id: string | null, issues: readonly Ss12000Issue[]): TrackedRejection;
  /** Count one Attendance record that was not evaluated because of `rejection`. */
  countRecord(rejection: TrackedRejection): void;
  /** The rejections so far, in order, each with its count of Attendance records. */
  list(): Ss12000Rejection[];
}

/**
 * A new, empty rejection tracker.
 *
 * @returns the tracker
 * @example
 * const tracker = createRejectionTracker();
 * tracker.countRecord(tracker.reject('CalendarEvent', 'e1', []));
 * tracker.list() // [{ entity: 'CalendarEvent', id: 'e1', issues: [], attendanceRecords: 1 }]
 */
export function createRejectionTracker(): RejectionTracker {
  const rejections: TrackedRejection[] = [];
  const records = new Map<TrackedRejection, number>();
  return {
    reject(entity, id, issues) {
      const rejection: TrackedRejection = { entity, id, issues };
      rejections.push(rejection);
      return rejection;
    },
    countRecord(rejection) {
      records.set(rejection, (records.get(rejection) ?? 0) + 1);
    },
    list() {
      return rejections.map((r) => ({ entity: r.entity, id: r.id, issues: r.issues, attendanceRecords: records.get(r) ?? 0 }));
    },
  };
}
