/**
 * Issue 13 point 5: a rejected field's message shows the offending value, so
 * the sender can find it, but only for fields that cannot hold personal data
 * (dates, times, minutes, booleans, codes), and never a value that is not of
 * the field's own shape (a name typed into a date column).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStudentCase } from '../../src/adapters/parseStudentCase.js';
import { fieldPattern, SHOWN_FIELDS, shownValue } from '../../src/adapters/shownValue.js';
import { parseLessonJsonLine } from '../../src/adapters/lessons/lessonRecord.js';
import { arbitraryAttendance, arbitraryCase } from '../../src/testing/index.js';
import { studentCase } from '../helpers/cases.js';

/** Fields that hold or point to a person: their values are never shown, whatever they are. */
const PERSONAL = [
  'student.id',
  'student.birthDate',
  'student.school.id',
  'student.school.district',
  'student.residence.municipalityCode',
  'student.residence.district',
  'studentId',
  'attendance[].studentId',
];

function messagesOf(value: unknown, lesson: boolean): string[] {
  if (lesson) {
    const r = parseLessonJsonLine(JSON.stringify(value));
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  }
  const r = parseStudentCase(value);
  if (!r.ok) return r.issues.map((i) => `${i.path}: ${i.message}`);
  return r.rejectedRecords.flatMap((rec) => rec.issues.map((i) => `${i.path}: ${i.message}`));
}

describe('values in error messages', () => {
  it('show the offending value of a date, a time, minutes, a boolean or a code', () => {
    const base = studentCase();
    const lesson = { date: '2026-02-30', start: '8.10', scheduledMinutes: 900, reported: 'ja', reason: 'sjuk' };
    expect(messagesOf({ ...base, attendance: [lesson] }, false)).toEqual([
      'attendance[0].date: Expected a calendar date written YYYY-MM-DD (got "2026-02-30")',
      'attendance[0].start: Expected a time written HH:MM (24 h) (got "8.10")',
      'attendance[0].scheduledMinutes: Too big: expected number to be <=600 (got 900)',
      'attendance[0].reported: Invalid input: expected boolean, received string (got "ja")',
      expect.stringMatching(/^attendance\[0\]\.reason: Invalid option: expected one of .* \(got "sjuk"\)$/),
    ]);
    const student = { ...base.student, grade: 14, school: { ...base.student.school, municipalityCode: '180' } };
    expect(messagesOf({ ...base, student }, false)).toEqual([
      'student.grade: Too big: expected number to be <=11 (got 14)',
      'student.school.municipalityCode: Expected a four-digit municipality code such as "0180" (got "180")',
    ]);
    expect(messagesOf({ ...base, signals: [{ type: 'harm-suspected', date: '2026-10-10', until: '2026-10-01' }] }, false)).toEqual([
      'signals[0].until: until must not be before date (got "2026-10-01")',
    ]);
  });

  it('show a long value cut to 40 characters, and no value already in the message', () => {
    expect(shownValue('scheduledMinutes', '60 '.repeat(20))).toBe(`"${'60 '.repeat(13)}…"`);
    // A date and four digits read as a personnummer, however long the text around them.
    expect(shownValue('date', '2026-01-01 '.repeat(8))).toBeUndefined();
    expect(messagesOf({ studentId: 'e1', date: '2026-11-23', start: '08:10', scheduledMinutes: 60, invalidAbsenceMinutes: 90 }, true)).toEqual([
      'invalidAbsenceMinutes: Valid + invalid absence (90 min) exceeds the 60 scheduled minutes',
    ]);
  });

  it('never show a personal field, nor a value not of its field\'s shape, nor ten digits in a row', () => {
    for (const path of PERSONAL) expect(SHOWN_FIELDS.has(fieldPattern(path)), path).toBe(false);
    const base = studentCase();
    expect(messagesOf({ ...base, student: { ...base.student, birthDate: '2012-02-30' } }, false)).toEqual(['student.birthDate: Expected a calendar date written YYYY-MM-DD']);
    expect(messagesOf({ ...base, student: { ...base.student, id: 'Anna Andersson' } }, false)).toEqual([
      'student.id: Expected an opaque id of 1–128 characters [A-Za-z0-9_.:-]',
    ]);
    expect(shownValue('date', 'Anna Andersson')).toBeUndefined();
    expect(shownValue('reason', 'sjuk, mamma ringde')).toBeUndefined();
    expect(shownValue('scheduledMinutes', 199001011234)).toBeUndefined();
    expect(shownValue('date', '19900101-1234')).toBeUndefined();
    expect(shownValue('date', { namn: 'Anna' })).toBeUndefined();
  });

  it('never contain the value of a field that is not allow-listed, whatever is put where (property)', () => {
    /** Values that can be told apart in a message: a code-like word, digits, a number, a sentence, an object, an array. */
    const marked = (n: number, kind: number): { value: unknown; marks: string[] } => {
      const word = `Zq${n}x`;
      const digits = `73${n}41`;
      const number = 7_300_000 + n;
      const values: unknown[] = [word, digits, number, `${word} Andersson`, { namn: word }, [word, number], `${digits}-01`];
      return { value: values[kind % values.length], marks: [word, digits, String(number)] };
    };
    type Node = { path: Array<string | number>; dotted: string };
    const nodes = (value: unknown, path: Array<string | number> = [], dotted = ''): Node[] => {
      if (typeof value !== 'object' || value === null) return [];
      return Object.entries(value).flatMap(([key, child]) => {
        const p = Array.isArray(value) ? [...path, Number(key)] : [...path, key];
        const d = Array.isArray(value) ? `${dotted}[${key}]` : dotted === '' ? key : `${dotted}.${key}`;
        return [{ path: p, dotted: d }, ...nodes(child, p, d)];
      });
    };
    const lessonArb = arbitraryAttendance().filter((a) => a.length > 0).map((a) => ({ studentId: 'elev-1', ...a[0] }));
    let shown = 0;
    let hidden = 0;
    fc.assert(
      fc.property(
        fc.oneof(arbitraryCase().map((c) => ({ value: c as unknown, lesson: false })), lessonArb.map((l) => ({ value: l as unknown, lesson: true }))),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 }),
        ({ value, lesson }, picks) => {
          const input = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
          const all = nodes(input);
          const placed: Array<{ dotted: string; marks: string[] }> = [];
          picks.forEach(([at, kind, newKey], i) => {
            const node = all[at % all.length];
            if (node === undefined) return;
            const { value: v, marks } = marked(i, kind);
            // Walk to the parent; a node under an earlier replacement is gone.
            let parent: unknown = input;
            for (const key of node.path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
            if (typeof parent !== 'object' || parent === null) return;
            if (newKey && !Array.isArray(parent)) {
              // An unknown key (a name column an export added): never a shown field.
              (parent as Record<string, unknown>)[`namn${i}`] = v;
              placed.push({ dotted: `${node.dotted.replace(/(^|\.)[^.[\]]+$/, '$1')}namn${i}`, marks });
            } else {
              (parent as Record<string | number, unknown>)[node.path[node.path.length - 1] as string | number] = v;
              placed.push({ dotted: node.dotted, marks });
            }
          });
          const text = messagesOf(input, lesson).join('\n');
          for (const { dotted, marks } of placed) {
            const allowed = SHOWN_FIELDS.has(fieldPattern(lesson ? dotted : dotted.replace(/^attendance\[\d+\]\./, 'attendance[].')));
            const seen = marks.some((m) => text.includes(m));
            if (!allowed) expect(seen, `${dotted} shown in:\n${text}`).toBe(false);
            else if (seen) shown += 1;
            if (!allowed && text.includes(`${dotted}:`)) hidden += 1;
          }
        },
      ),
      { numRuns: 300 },
    );
    // Not vacuous: allow-listed values were shown, and other fields were rejected without their value.
    expect(shown).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThan(0);
  });
});
