import type { SecurityMarking, Ss12000Attendance } from './entities.js';

const MARKINGS: ReadonlySet<unknown> = new Set<SecurityMarking>(['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring']);
const MINUTE_FIELDS = ['attendanceMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'otherAttendanceMinutes'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyId(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * The hot path of reading `Attendance` (a municipality exports millions):
 * accept a record exactly when `Ss12000AttendanceSchema` would, with the same
 * output, without building zod's issue objects. Returns undefined for
 * anything else; the caller then runs the schema for the located message. A
 * property test holds the two to the same verdict and output.
 *
 * @param value - one parsed JSON value
 * @returns the record as the schema reads it, or undefined
 * @example fastSs12000Attendance({ id: 'a', calendarEvent: { id: 'e' }, student: { id: 's' }, isReported: true })?.isReported // true
 */
export function fastSs12000Attendance(value: unknown): Ss12000Attendance | undefined {
  if (!isObject(value)) return undefined;
  const { id, calendarEvent, student, isReported } = value;
  if (!nonEmptyId(id) || typeof isReported !== 'boolean') return undefined;
  if (!isObject(calendarEvent) || !nonEmptyId(calendarEvent.id)) return undefined;
  if (!isObject(student) || !nonEmptyId(student.id)) return undefined;
  const marking = student.securityMarking;
  if (marking !== undefined && marking !== null && !MARKINGS.has(marking)) return undefined;
  const out: Ss12000Attendance = {
    id,
    calendarEvent: { id: calendarEvent.id },
    student: marking === undefined || marking === null ? { id: student.id } : { id: student.id, securityMarking: marking as SecurityMarking },
    isReported,
  };
  for (const field of MINUTE_FIELDS) {
    const minutes = value[field];
    if (minutes === undefined || minutes === null) continue;
    if (typeof minutes !== 'number' || !Number.isSafeInteger(minutes) || minutes < 0) return undefined;
    out[field] = minutes;
  }
  return out;
}
