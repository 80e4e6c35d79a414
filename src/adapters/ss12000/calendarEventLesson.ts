import type { Template } from '../../model/template.js';
import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
import type { Ss12000CalendarEvent } from './entities.js';
import { stockholmCivilTime } from './stockholmTime.js';

/** One lesson as Trappa counts it: Stockholm date and start, scheduled minutes, and the instants for overlap tests. */
export interface Lesson {
  readonly date: string;
  readonly start: string;
  readonly scheduledMinutes: number;
  readonly startMs: number;
  readonly endMs: number;
}

/** A problem with a lesson's times or length, located at a CalendarEvent field. */
export interface LessonIssue {
  readonly field: string;
  readonly message: string;
  readonly text: Template;
}

const MAX_LESSON_MINUTES = 600;

function spanMinutes(startMs: number, endMs: number): number {
  return Math.round((endMs - startMs) / 60_000);
}

function lessonOf(startTime: string, startMs: number, endMs: number, minutes: number): Lesson {
  const civil = stockholmCivilTime(startTime);
  return { date: civil.date, start: civil.time, scheduledMinutes: minutes, startMs, endMs };
}

function checkMinutes(minutes: number, field: string): LessonIssue | undefined {
  if (minutes < 1) return { field, ...said(T.lessonTooShort, { n: minutes }) };
  if (minutes > MAX_LESSON_MINUTES) return { field, ...said(T.lessonTooLong, { n: minutes, max: MAX_LESSON_MINUTES }) };
  return undefined;
}

/**
 * The lesson a calendar event schedules for its group: scheduled minutes are
 * `teachingLengthStudent` when given (the actual teaching time, which may
 * leave out a break inside the event), otherwise the event's span.
 *
 * @param event - a validated, not cancelled CalendarEvent
 * @returns the lesson, or the issue that makes it unusable
 * @example eventLesson({ id: 'e', startTime: '2026-11-23T08:10:00+01:00', endTime: '2026-11-23T09:00:00+01:00' })
 * // { ok: true, lesson: { date: '2026-11-23', start: '08:10', scheduledMinutes: 50, … } }
 */
export function eventLesson(event: Ss12000CalendarEvent): { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly issue: LessonIssue } {
  const startMs = Date.parse(event.startTime);
  const endMs = Date.parse(event.endTime);
  if (!(endMs > startMs)) return { ok: false, issue: { field: 'endTime', ...said(T.endAfterStart) } };
  const minutes = event.teachingLengthStudent ?? spanMinutes(startMs, endMs);
  const issue = checkMinutes(minutes, event.teachingLengthStudent === undefined ? 'endTime' : 'teachingLengthStudent');
  if (issue !== undefined) return { ok: false, issue };
  return { ok: true, lesson: lessonOf(event.startTime, startMs, endMs, minutes) };
}

/** The lesson for one student, after that student's exception (if any). */
export type StudentLesson =
  | { readonly kind: 'lesson'; readonly lesson: Lesson }
  | { readonly kind: 'not-participating' }
  | { readonly kind: 'invalid'; readonly issue: LessonIssue };

/**
 * Apply a student's exception to the group's lesson. `participates: false`
 * takes the student out of it. Otherwise the exception's own `startTime` /
 * `endTime` move the lesson, and its `teachingLength` sets the minutes; when
 * the exception moves the times without a length, the minutes are the
 * exception's span (the spec's fallback to the CalendarEvent's length is meant
 * for exceptions that keep the event's times).
 *
 * @param event - the validated CalendarEvent
 * @param base - `eventLesson(event)`'s lesson
 * @param studentId - the Person id
 * @returns the student's lesson, not-participating, or the exception's issue
 * @example studentLesson(event, base, 'p1') // { kind: 'lesson', lesson: base } when p1 has no exception
 */
export function studentLesson(event: Ss12000CalendarEvent, base: Lesson, studentId: string): StudentLesson {
  const exceptions = event.studentExceptions ?? [];
  const index = exceptions.findIndex((e) => e.student.id === studentId);
  const exception = exceptions[index];
  if (exception === undefined) return { kind: 'lesson', lesson: base };
  if (!exception.participates) return { kind: 'not-participating' };
  const at = `studentExceptions[${index}]`;
  const movesTimes = exception.startTime !== undefined || exception.endTime !== undefined;
  if (!movesTimes && exception.teachingLength === undefined) return { kind: 'lesson', lesson: base };
  const startTime = exception.startTime ?? event.startTime;
  const startMs = exception.startTime === undefined ? base.startMs : Date.parse(exception.startTime);
  const endMs = exception.endTime === undefined ? base.endMs : Date.parse(exception.endTime);
  if (!(endMs > startMs)) return { kind: 'invalid', issue: { field: `${at}.endTime`, ...said(T.exceptionEnd) } };
  const minutes = exception.teachingLength ?? (movesTimes ? spanMinutes(startMs, endMs) : base.scheduledMinutes);
  const issue = checkMinutes(minutes, exception.teachingLength === undefined ? `${at}.endTime` : `${at}.teachingLength`);
  if (issue !== undefined) return { kind: 'invalid', issue };
  return { kind: 'lesson', lesson: lessonOf(startTime, startMs, endMs, minutes) };
}
