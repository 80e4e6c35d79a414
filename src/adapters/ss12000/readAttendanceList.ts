import type { z } from 'zod';
import { Ss12000AttendanceSchema, type Ss12000Attendance } from './entities.js';
import { unwrapList } from './envelope.js';
import { fastSs12000Attendance } from './fastAttendance.js';
import type { RejectionTracker } from './rejectionTracker.js';

/** One Attendance record as exported, and what the schema made of it. */
export interface AttendanceEntry {
  readonly raw: unknown;
  readonly parsed: { readonly success: true; readonly data: Ss12000Attendance } | { readonly success: false; readonly error: z.ZodError };
}

/**
 * Unwrap and validate the Attendance list, keeping every record in export
 * order (each is accepted, excluded or rejected later, one by one). A value
 * that is not a list is one rejection and no records.
 *
 * @param value - the list as exported, or undefined when not given
 * @param tracker - where the rejection of a broken list goes
 * @returns one entry per exported record
 * @example readAttendanceList([{ id: 'a1' }], tracker)[0]?.parsed.success // false (no student, lesson or isReported)
 */
export function readAttendanceList(value: unknown, tracker: RejectionTracker): readonly AttendanceEntry[] {
  const list = value === undefined ? { ok: true as const, items: [] } : unwrapList(value);
  if (!list.ok) tracker.reject('Attendance', null, [{ entity: 'Attendance', id: null, field: '(root)', message: list.message, text: list.text }]);
  const items = list.ok ? list.items : [];
  return items.map((raw): AttendanceEntry => {
    const fast = fastSs12000Attendance(raw);
    return { raw, parsed: fast === undefined ? Ss12000AttendanceSchema.safeParse(raw) : { success: true, data: fast } };
  });
}
