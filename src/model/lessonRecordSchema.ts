import { z } from 'zod';
import { ABSENCE_WITHIN_LESSON_NOTE, ATTENDANCE_RECORD_SHAPE, absenceWithinLesson } from './studentCase.js';

/**
 * One line of a lesson-level export (`trappa evaluate --format lessons`): an
 * attendance record and the `studentId` it belongs to. The id is only a
 * non-empty string here: it is matched against the students file, whose ids
 * were checked as opaque ids. The batch reads lines with `parseLessonValue`
 * (a fast path, then `AttendanceRecordSchema`); this schema says the same in
 * one object, for the JSON Schema, and a property test holds the two equal.
 *
 * @example LessonRecordSchema.safeParse({ studentId: 'e1', date: '2026-11-23', start: '08:10', scheduledMinutes: 60 }).success // true
 * @example LessonRecordSchema.safeParse({ studentId: 'e1', date: '2026-11-23', start: '08:10', scheduledMinutes: 40, invalidAbsenceMinutes: 60 }).success // false
 */
export const LessonRecordSchema = z
  .strictObject({
    studentId: z.string().min(1).describe('The student the lesson belongs to, as in the students file.'),
    ...ATTENDANCE_RECORD_SHAPE,
  })
  .superRefine(absenceWithinLesson)
  .meta({
    title: 'Trappa lesson record',
    description: `One lesson for one student, one per line of a lesson NDJSON file. Strict: unknown keys are errors. ${ABSENCE_WITHIN_LESSON_NOTE}`,
  });
