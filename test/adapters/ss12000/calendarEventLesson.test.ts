import { describe, expect, it } from 'vitest';
import { eventLesson, studentLesson, type Lesson } from '../../../src/adapters/ss12000/calendarEventLesson.js';
import type { Ss12000CalendarEvent } from '../../../src/adapters/ss12000/entities.js';

const event = (extra: Partial<Ss12000CalendarEvent> = {}): Ss12000CalendarEvent => ({
  id: 'e',
  startTime: '2026-11-23T10:20:00+01:00',
  endTime: '2026-11-23T12:00:00+01:00',
  ...extra,
});
const lessonOf = (e: Ss12000CalendarEvent): Lesson => {
  const r = eventLesson(e);
  if (!r.ok) throw new Error(r.issue.message);
  return r.lesson;
};

describe('eventLesson', () => {
  it('uses the span when teachingLengthStudent is not given', () => {
    expect(lessonOf(event())).toMatchObject({ date: '2026-11-23', start: '10:20', scheduledMinutes: 100 });
  });

  it('prefers teachingLengthStudent (the span may include a break)', () => {
    expect(lessonOf(event({ teachingLengthStudent: 90 })).scheduledMinutes).toBe(90);
  });

  it('counts a lesson across the October DST switch by real minutes', () => {
    // 02:30 happens twice on 2026-10-25; 01:30+02:00 to 02:30+01:00 is two real hours.
    expect(lessonOf(event({ startTime: '2026-10-25T01:30:00+02:00', endTime: '2026-10-25T02:30:00+01:00' })).scheduledMinutes).toBe(120);
  });

  it('locates what is wrong', () => {
    expect(eventLesson(event({ endTime: '2026-11-23T10:20:00+01:00' }))).toEqual({ ok: false, issue: { field: 'endTime', message: 'Expected endTime after startTime', text: { sv: 'Förväntade endTime efter startTime', en: 'Expected endTime after startTime' } } });
    expect(eventLesson(event({ teachingLengthStudent: 0 }))).toMatchObject({ ok: false, issue: { field: 'teachingLengthStudent' } });
    expect(eventLesson(event({ endTime: '2026-11-24T10:20:00+01:00' }))).toMatchObject({ ok: false, issue: { field: 'endTime' } });
  });
});

describe('studentLesson', () => {
  const student = { id: 'p1' };

  it('is the group lesson without an exception', () => {
    const e = event({ studentExceptions: [{ student: { id: 'other' }, participates: false }] });
    expect(studentLesson(e, lessonOf(e), 'p1')).toMatchObject({ kind: 'lesson', lesson: lessonOf(e) });
  });

  it('participates: false takes the student out', () => {
    const e = event({ studentExceptions: [{ student, participates: false }] });
    expect(studentLesson(e, lessonOf(e), 'p1')).toMatchObject({ kind: 'not-participating' });
  });

  it("the exception's teachingLength sets the minutes", () => {
    const e = event({ teachingLengthStudent: 90, studentExceptions: [{ student, participates: true, teachingLength: 45 }] });
    expect(studentLesson(e, lessonOf(e), 'p1')).toMatchObject({ kind: 'lesson', lesson: { start: '10:20', scheduledMinutes: 45 } });
  });

  it("the exception's times move the lesson; without a length its span counts", () => {
    const e = event({
      teachingLengthStudent: 90,
      studentExceptions: [{ student, participates: true, startTime: '2026-11-23T10:00:00Z', endTime: '2026-11-23T10:30:00Z' }],
    });
    expect(studentLesson(e, lessonOf(e), 'p1')).toMatchObject({ kind: 'lesson', lesson: { date: '2026-11-23', start: '11:00', scheduledMinutes: 30 } });
  });

  it('participates: true and nothing else keeps the group lesson', () => {
    const e = event({ teachingLengthStudent: 90, studentExceptions: [{ student, participates: true }] });
    expect(studentLesson(e, lessonOf(e), 'p1')).toMatchObject({ kind: 'lesson', lesson: lessonOf(e) });
  });

  it('locates a broken exception', () => {
    const e = event({ studentExceptions: [{ student: { id: 'x' }, participates: true }, { student, participates: true, endTime: '2026-11-23T09:00:00Z' }] });
    expect(studentLesson(e, lessonOf(e), 'p1')).toMatchObject({
      kind: 'invalid',
      issue: { field: 'studentExceptions[1].endTime', message: "Expected the exception's end after its start" },
    });
    const zero = event({ studentExceptions: [{ student, participates: true, teachingLength: 0 }] });
    expect(studentLesson(zero, lessonOf(zero), 'p1')).toMatchObject({ kind: 'invalid', issue: { field: 'studentExceptions[0].teachingLength' } });
  });
});
