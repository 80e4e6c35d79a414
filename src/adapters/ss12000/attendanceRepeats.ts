import type { AttendanceEntry } from './readAttendanceList.js';

/** How Attendance records repeat one another. */
export interface AttendanceRepeats {
  /** How many different records share this id (1 when it is unique or its repeats are copies). */
  differentRecords(id: string): number;
  /** Whether an earlier record in the list has the same id (the record at `index` is a later copy). */
  isLaterCopy(id: string, index: number): boolean;
  /** The ids of the records that report this student on this lesson, when more than one id does. */
  idsOnLesson(studentId: string, calendarEventId: string): ReadonlySet<string> | undefined;
}

const lessonKey = (studentId: string, eventId: string): string => `${studentId}\u0000${eventId}`;

/**
 * Find repeated Attendance records over the whole list, so that each is
 * judged without regard to its order in the export: copies of one record
 * count once; records that contradict each other (same id, different
 * content; or different ids for the same student and lesson) are all
 * rejected, since nothing says which one is right.
 *
 * @param attendances - every Attendance entry
 * @returns lookups by id and by student and lesson
 * @example attendanceRepeats(entries).differentRecords('a1') // 2 when two different records have id a1
 */
export function attendanceRepeats(attendances: readonly AttendanceEntry[]): AttendanceRepeats {
  const timesById = new Map<string, number>();
  const firstIndexById = new Map<string, number>();
  attendances.forEach(({ parsed }, index) => {
    if (!parsed.success) return;
    timesById.set(parsed.data.id, (timesById.get(parsed.data.id) ?? 0) + 1);
    if (!firstIndexById.has(parsed.data.id)) firstIndexById.set(parsed.data.id, index);
  });
  const copiesById = new Map<string, Set<string>>(); // only for ids that occur more than once
  const firstIdByLesson = new Map<string, string>();
  const idsByLesson = new Map<string, Set<string>>(); // only for lessons reported by more than one id
  for (const { raw, parsed } of attendances) {
    if (!parsed.success) continue;
    const { id } = parsed.data;
    if ((timesById.get(id) ?? 0) > 1) copiesById.set(id, (copiesById.get(id) ?? new Set<string>()).add(JSON.stringify(raw)));
    const key = lessonKey(parsed.data.student.id, parsed.data.calendarEvent.id);
    const first = firstIdByLesson.get(key);
    if (first === undefined) firstIdByLesson.set(key, id);
    else if (first !== id) idsByLesson.set(key, (idsByLesson.get(key) ?? new Set<string>([first])).add(id));
  }
  return {
    differentRecords: (id) => copiesById.get(id)?.size ?? 1,
    isLaterCopy: (id, index) => firstIndexById.get(id) !== index,
    idsOnLesson: (studentId, eventId) => idsByLesson.get(lessonKey(studentId, eventId)),
  };
}
