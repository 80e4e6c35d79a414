import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLesson, encodeLesson, LESSON_WORDS } from '../../src/adapters/lessons/lessonCodec.js';
import { parseLessonJsonLine, studentIdOfJsonLine } from '../../src/adapters/lessons/lessonRecord.js';
import { scanLessonJson, scanLessonJsonLine } from '../../src/adapters/lessons/scanLesson.js';
import { studentIdTable } from '../../src/adapters/lessons/studentIdTable.js';
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

const IDS = ['e1', 'skola-001-elev-0001', 'other', 'e'];
/** The schema's key order, as the city fixture writes a lesson's keys. */
const LESSON_KEYS = ['date', 'start', 'scheduledMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'reported', 'guardianReported', 'reason'] as const;

/** A lesson line as the kit and the city fixture write it: compact, the id first, then the schema's key order. */
function canonicalLine(id: string, lesson: Partial<Record<(typeof LESSON_KEYS)[number], unknown>> | undefined): string {
  const canonical: Record<string, unknown> = { studentId: id };
  for (const k of LESSON_KEYS) if (lesson?.[k] !== undefined) canonical[k] = lesson[k];
  return JSON.stringify(canonical);
}
const table = studentIdTable(IDS);
const bytesOf = (text: string): Buffer => Buffer.from(text, 'utf8');

/** What the general path makes of a line: the student number (of IDS) and the codec words, or undefined when it does not accept it. */
function generalPath(text: string): { readonly student: number; readonly words: number[] } | undefined {
  const full = parseLessonJsonLine(text);
  if (!full.ok) return undefined;
  const student = IDS.indexOf(full.lesson.studentId);
  if (student < 0) return undefined;
  const words = new Int32Array(LESSON_WORDS);
  encodeLesson(0, full.lesson.record, words, 0);
  return { student, words: [...words.slice(2)] };
}

describe('scanLessonJson (canonical lines from their bytes straight to the codec words)', () => {
  it('gives the student and the words the general path gives, on every line it accepts', () => {
    fc.assert(
      fc.property(line, (text) => {
        const words = new Int32Array(LESSON_WORDS);
        const bytes = bytesOf(text);
        const student = scanLessonJson(bytes, 0, bytes.length, table, words);
        if (student < 0) return;
        expect(generalPath(text)).toEqual({ student, words: [...words.slice(2)] });
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the lines the kit and the city fixture write (compact, canonical order) of a known student', () => {
    fc.assert(
      fc.property(validLesson, fc.constantFrom(...IDS), (lesson, id) => {
        const text = canonicalLine(id, lesson);
        const bytes = bytesOf(text);
        const words = new Int32Array(LESSON_WORDS);
        expect(scanLessonJson(bytes, 0, bytes.length, table, words)).toBe(IDS.indexOf(id));
        expect([...words.slice(2)]).toEqual(generalPath(text)?.words);
      }),
    );
  });

  it('reads a line in place inside a larger buffer exactly as the line alone, whatever surrounds it', () => {
    fc.assert(
      fc.property(line, fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 12 }), line, fc.constantFrom('0}', '"}', '5,"reason":"sick"}')), (text, before, after) => {
        if (text.includes('\n')) return;
        const alone = new Int32Array(LESSON_WORDS);
        const inPlace = new Int32Array(LESSON_WORDS);
        const lineBytes = bytesOf(text);
        const whole = bytesOf(`${before}\n${text}\n${after}`);
        const from = bytesOf(before).length + 1;
        const student = scanLessonJson(whole, from, from + lineBytes.length, table, inPlace);
        expect(student).toBe(scanLessonJson(lineBytes, 0, lineBytes.length, table, alone));
        if (student >= 0) expect([...inPlace]).toEqual([...alone]);
      }),
      { numRuns: 2000 },
    );
    // A line cut short must not borrow from the next one.
    const cut = '{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":6';
    expect(scanLessonJson(bytesOf(`${cut}\n0}`), 0, cut.length, table, new Int32Array(LESSON_WORDS))).toBe(-1);
  });

  it('finds each line\'s own student in a run of lines whose ids change length, whatever came before (the scanner tries the last id\'s length first)', () => {
    // Ids that are prefixes of each other and of the line's next key: a guessed length that lands on a quote inside them must not match.
    const ids = ['e', 'e1', 'e12', 'e1","', 'skola-001-elev-0001', 'skola-001-elev-00011', 'x'.repeat(40)];
    const plain = ids.filter((id) => !id.includes('"'));
    const local = studentIdTable(ids);
    const idLine = fc.record({ id: fc.constantFrom(...ids, 'e123', 'skola-001-elev-000', ''), lesson: validLesson });
    fc.assert(
      fc.property(fc.array(idLine, { minLength: 1, maxLength: 12 }), (lines) => {
        for (const { id, lesson } of lines) {
          const bytes = bytesOf(canonicalLine(id, lesson));
          const words = new Int32Array(LESSON_WORDS);
          const student = scanLessonJson(bytes, 0, bytes.length, local, words);
          const known = plain.includes(id) ? ids.indexOf(id) : -1;
          // A known plain id is found (the line is canonical); anything else is left to the general path.
          expect(student).toBe(known);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('scanLessonJsonLine, reading to the line feed itself, takes exactly the lines scanLessonJson takes between a line start and its line feed (a CR before it the break\'s), with the same words', () => {
    const breakBytes = fc.constantFrom('\n', '\r\n', '\r', '');
    fc.assert(
      fc.property(fc.array(fc.record({ text: line, end: breakBytes }), { minLength: 1, maxLength: 6 }), (parts) => {
        const bytes = bytesOf(parts.map((p) => p.text + p.end).join(''));
        // Every place a line starts: the buffer's start and after each line feed.
        const starts = [0, ...[...bytes.keys()].filter((k) => bytes[k] === 10).map((k) => k + 1)];
        for (const from of starts) {
          const viaLine = new Int32Array(LESSON_WORDS);
          const exact = new Int32Array(LESSON_WORDS);
          const end = scanLessonJsonLine(bytes, from, bytes.length, table, viaLine);
          const nl = bytes.indexOf(10, from);
          const lineEnd = nl > from && bytes[nl - 1] === 13 ? nl - 1 : nl;
          const student = nl === -1 ? -1 : scanLessonJson(bytes, from, lineEnd, table, exact);
          expect(end).toBe(student >= 0 ? nl : -1);
          if (student >= 0) {
            expect(viaLine[0]).toBe(student);
            expect([...viaLine.slice(2)]).toEqual([...exact.slice(2)]);
          }
        }
      }),
      { numRuns: 2000 },
    );
    const canonical = '{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}';
    expect(scanLessonJsonLine(bytesOf(`${canonical}\n{`), 0, canonical.length + 2, table, new Int32Array(LESSON_WORDS))).toBe(canonical.length);
    // The line feed must be at hand: a line at the end of the bytes read so far is left to be cut.
    expect(scanLessonJsonLine(bytesOf(`${canonical}\n`), 0, canonical.length, table, new Int32Array(LESSON_WORDS))).toBe(-1);
    expect(scanLessonJsonLine(bytesOf(`${canonical}x\n`), 0, canonical.length + 2, table, new Int32Array(LESSON_WORDS))).toBe(-1);
  });

  it('leaves other key orders, spacing, leading zeros, 4-digit minutes, unknown students and escapes to the general path', () => {
    const scan = (text: string): number => scanLessonJson(bytesOf(text), 0, bytesOf(text).length, table, new Int32Array(LESSON_WORDS));
    expect(scan('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}')).toBe(0);
    expect(scan('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60,"reason":"sick"}')).toBe(0);
    expect(scan('{"studentId": "e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60}')).toBe(-1);
    expect(scan('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60.0}')).toBe(-1);
    // 60.0 is an integer after JSON.parse: the general path accepts it.
    expect(parseLessonJsonLine('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60.0}').ok).toBe(true);
    expect(scan('{"date":"2026-11-23","studentId":"e1","start":"08:10","scheduledMinutes":60}')).toBe(-1);
    expect(scan('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":060}')).toBe(-1);
    expect(scan('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":1000}')).toBe(-1);
    expect(scan('{"studentId":"e1","date":"2026-02-29","start":"08:10","scheduledMinutes":60}')).toBe(-1);
    expect(scan('{"studentId":"e1","date":"2026-11-23","start":"24:00","scheduledMinutes":60}')).toBe(-1);
    expect(scan('{"studentId":"e2","date":"2026-11-23","start":"08:10","scheduledMinutes":60}')).toBe(-1);
    expect(scan('{"studentId":"e\\u0031","date":"2026-11-23","start":"08:10","scheduledMinutes":60}')).toBe(-1);
    expect(scan('{"studentId":"e1","date":"2026-11-23","start":"08:10","scheduledMinutes":60,"reason":"sjuk"}')).toBe(-1);
  });
});
