import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLesson, encodeLesson, LESSON_WORDS } from '../../src/adapters/lessons/lessonCodec.js';
import { parseLessonJsonLine, studentIdOfJsonLine } from '../../src/adapters/lessons/lessonRecord.js';
import { scanLessonWords } from '../../src/adapters/lessons/scanLesson.js';
import { arbitraryAttendance, arbitraryInvalidLesson } from '../../src/testing/arbitraries/index.js';

const studentId = fc.oneof(fc.constantFrom('e1', 'skola-001-elev-0001', ''), fc.string({ maxLength: 8 }));
const validLesson = arbitraryAttendance({ asOf: '2026-09-04', maxLessonsPerDay: 2 }).filter((a) => a.length > 0).map((a) => a[0]);

/** Lines as real exports write them, and mutations of them: spacing, escapes, repeated or unknown keys, odd numbers. */
const line = fc.oneof(
  fc.record({ studentId, lesson: validLesson }).map(({ studentId: id, lesson }) => JSON.stringify({ studentId: id, ...lesson })),
  fc.record({ studentId, lesson: arbitraryInvalidLesson() }).map(({ studentId: id, lesson }) =>
    JSON.stringify(typeof lesson === 'object' && lesson !== null && !Array.isArray(lesson) ? { studentId: id, ...lesson } : lesson),
  ),
  fc
    .record({ studentId, lesson: validLesson, edit: fc.integer({ min: 0, max: 9 }) })
    .map(({ studentId: id, lesson, edit }) => {
      const text = JSON.stringify({ studentId: id, ...lesson });
      switch (edit) {
        case 0:
          return text.replace(':', ': ');
        case 1:
          return text.replace('"scheduledMinutes":', '"scheduledMinutes":0');
        case 2:
          return text.replace(/}$/, ',"studentId":"other"}');
        case 3:
          return text.replace('"start":"', '"start":"\\u0030');
        case 4:
          return text.replace(/"scheduledMinutes":(\d+)/, '"scheduledMinutes":$1.0');
        case 5:
          return text.replace(/"scheduledMinutes":(\d+)/, '"scheduledMinutes":$1e0');
        case 6:
          return text.replace(/}$/, ',"extra":1}');
        case 7:
          return text.slice(0, -1);
        case 8:
          return `${text} `;
        default:
          return text.replace(/"scheduledMinutes":(\d+)/, '"scheduledMinutes":"$1"');
      }
    }),
  fc.string({ maxLength: 40 }),
);

describe('studentIdOfJsonLine (partition key)', () => {
  it('equals the parsed top-level studentId whenever there is one', () => {
    fc.assert(
      fc.property(line, (text) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return;
        }
        const id = (parsed as { studentId?: unknown } | null)?.studentId;
        if (typeof id === 'string' && id !== '') expect(studentIdOfJsonLine(text)).toBe(id);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('lesson codec', () => {
  it('decodes every valid record to an equal record', () => {
    fc.assert(
      fc.property(validLesson, fc.nat(1_000_000), (lesson, student) => {
        const parsed = parseLessonJsonLine(JSON.stringify({ studentId: 'e', ...lesson }));
        if (!parsed.ok) throw new Error('kit lesson rejected');
        const words = new Int32Array(LESSON_WORDS);
        encodeLesson(student, parsed.lesson.record, words, 0);
        expect(words[0]).toBe(student);
        expect(decodeLesson(words, 0)).toEqual(parsed.lesson.record);
      }),
    );
  });

  it('keeps the extremes: 600 minutes, 23:59, every reason, both flags', () => {
    for (const reason of ['none', 'sick', 'granted-leave', 'other', 'unknown', 'school-initiated'] as const) {
      const record = { date: '9999-12-31', start: '23:59', scheduledMinutes: 600, validAbsenceMinutes: 300, invalidAbsenceMinutes: 300, reported: false, guardianReported: true, reason };
      const words = new Int32Array(LESSON_WORDS);
      encodeLesson(0, record, words, 0);
      expect(decodeLesson(words, 0)).toEqual(record);
    }
  });
});

describe('scanLessonWords (canonical lines straight to the codec words)', () => {
  it('gives the words encodeLesson gives for the full path\'s record, on every line it accepts', () => {
    fc.assert(
      fc.property(line, (text) => {
        const words = new Int32Array(LESSON_WORDS);
        const id = scanLessonWords(text, words);
        if (id === undefined) return;
        const full = parseLessonJsonLine(text);
        expect(full.ok).toBe(true);
        if (!full.ok) return;
        expect(id).toBe(full.lesson.studentId);
        const expected = new Int32Array(LESSON_WORDS);
        encodeLesson(0, full.lesson.record, expected, 0);
        expect([...words.slice(1)]).toEqual([...expected.slice(1)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the lines the kit and the city fixture write (compact, canonical order)', () => {
    fc.assert(
      fc.property(validLesson, (lesson) => {
        // The schema's key order, as the city fixture writes it.
        const keys = ['date', 'start', 'scheduledMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'reported', 'guardianReported', 'reason'] as const;
        const canonical: Record<string, unknown> = { studentId: 'e1' };
        for (const k of keys) if (lesson?.[k] !== undefined) canonical[k] = lesson[k];
        expect(scanLessonWords(JSON.stringify(canonical), new Int32Array(LESSON_WORDS))).toBe('e1');
      }),
    );
  });

  it('reads a line in place inside a larger text exactly as the line alone, whatever surrounds it', () => {
    fc.assert(
      fc.property(line, fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 12 }), line, fc.constantFrom('0}', '"}', '5,"reason":"sick"}')), (text, before, after) => {
        if (text.includes('\n')) return;
        const alone = new Int32Array(LESSON_WORDS);
        const inPlace = new Int32Array(LESSON_WORDS);
        const whole = `${before}\n${text}\n${after}`;
        const from = before.length + 1;
        const id = scanLessonWords(whole, inPlace, from, from + text.length);
        expect(id).toBe(scanLessonWords(text, alone));
        if (id !== undefined) expect([...inPlace]).toEqual([...alone]);
      }),
      { numRuns: 2000 },
    );
    // A line cut short must not borrow from the next one.
    const cut = '{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":6';
    expect(scanLessonWords(`${cut}\n0}`, new Int32Array(LESSON_WORDS), 0, cut.length)).toBeUndefined();
  });

  it('leaves other key orders, spacing, leading zeros and 4-digit minutes to the full path', () => {
    const words = new Int32Array(LESSON_WORDS);
    expect(scanLessonWords('{"studentId": "e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}', words)).toBeUndefined();
    expect(scanLessonWords('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60.0}', words)).toBeUndefined();
    // 60.0 is an integer after JSON.parse: the full path accepts it.
    expect(parseLessonJsonLine('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60.0}').ok).toBe(true);
    expect(scanLessonWords('{"date":"2026-11-23","studentId":"e1","start":"08:10","scheduledMinutes":60}', words)).toBeUndefined();
    expect(scanLessonWords('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":060}', words)).toBeUndefined();
    expect(scanLessonWords('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":1000}', words)).toBeUndefined();
    expect(scanLessonWords('{"studentId":"e1","date":"2026-02-29","start":"08:10","scheduledMinutes":60}', words)).toBeUndefined();
    expect(scanLessonWords('{"studentId":"e1","date":"2026-11-23","start":"24:00","scheduledMinutes":60}', words)).toBeUndefined();
  });
});
