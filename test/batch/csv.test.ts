import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsvLine } from '../../src/batch/csv.js';
import { parseCsvHeader, parseLessonCsvLine } from '../../src/batch/lessonRecord.js';

function quote(field: string): string {
  return /[",]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
}

describe('splitCsvLine', () => {
  it('splits RFC 4180 fields', () => {
    expect(splitCsvLine('a,"b,c",d')).toEqual({ fields: ['a', 'b,c', 'd'] });
    expect(splitCsvLine('"say ""hi""",')).toEqual({ fields: ['say "hi"', ''] });
    expect(splitCsvLine(',,')).toEqual({ fields: ['', '', ''] });
    expect(splitCsvLine('"open')).toHaveProperty('error');
    expect(splitCsvLine('"a"b')).toHaveProperty('error');
  });

  it('round-trips any fields written with quoting', () => {
    const field = fc.string({ maxLength: 6 }).filter((s) => !s.includes('\n') && !s.includes('\r'));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        expect(splitCsvLine(fields.map(quote).join(','))).toEqual({ fields });
      }),
    );
  });
});

describe('lesson CSV', () => {
  const header = parseCsvHeader('studentId,date,start,scheduledMinutes,invalidAbsenceMinutes,reported,reason');
  if ('error' in header) throw new Error(header.error);

  it('reads a row, with empty cells taking the schema defaults', () => {
    const r = parseLessonCsvLine('e1,2026-11-23,08:10,60,60,,', header);
    expect(r).toEqual({
      ok: true,
      lesson: {
        studentId: 'e1',
        record: { date: '2026-11-23', start: '08:10', scheduledMinutes: 60, validAbsenceMinutes: 0, invalidAbsenceMinutes: 60, reported: true, guardianReported: false, reason: 'none' },
      },
    });
  });

  it('names the field of a bad cell', () => {
    const r = parseLessonCsvLine('e1,2026-11-23,08:10,sixty,0,yes,', header);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['scheduledMinutes', 'reported']);
  });

  it('rejects a row with the wrong number of fields', () => {
    const r = parseLessonCsvLine('e1,2026-11-23', header);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/expected 7 fields/);
  });

  it('rejects headers with unknown, repeated or missing columns', () => {
    expect(parseCsvHeader('studentId,date,start,minutes')).toEqual({ error: expect.stringContaining('header column 4 is not one of studentId') });
    expect(parseCsvHeader('studentId,date,start,scheduledMinutes,date')).toEqual({ error: expect.stringContaining('twice') });
    expect(parseCsvHeader('studentId,date,scheduledMinutes')).toEqual({ error: expect.stringContaining('start') });
    expect(parseCsvHeader('\uFEFFstudentId,date,start,scheduledMinutes')).toEqual({ columns: ['studentId', 'date', 'start', 'scheduledMinutes'] });
  });
});
