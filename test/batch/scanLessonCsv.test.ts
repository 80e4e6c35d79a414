import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLesson, LESSON_WORDS } from '../../src/adapters/lessons/lessonCodec.js';
import { parseCsvHeader, parseLessonCsvLine, type CsvHeader } from '../../src/adapters/lessons/lessonRecord.js';
import { csvLessonPlan, scanLessonCsv } from '../../src/adapters/lessons/scanLessonCsv.js';
import { studentIdTable } from '../../src/adapters/lessons/studentIdTable.js';
import { arbitraryCsvLayout, arbitraryCsvLessonLine, type CsvLayout, type LessonLine } from '../helpers/lessonFiles.js';

const IDS = ['e1', 'skola-001-elev-0001', 'E-2', 'x.y:z_9'];
const table = studentIdTable(IDS);
const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The general path on one row: strict UTF-8, csv-parse (via splitCsvLine), the schema, the id; the student and the codec words, or undefined. */
function generalPath(bytes: Uint8Array, header: CsvHeader): { readonly student: number; readonly words: number[] } | undefined {
  let line: string;
  try {
    line = fatal.decode(bytes);
  } catch {
    return undefined;
  }
  const parsed = parseLessonCsvLine(line, header);
  if (!parsed.ok) return undefined;
  const student = IDS.indexOf(parsed.lesson.studentId);
  if (student < 0) return undefined;
  const words = new Int32Array(LESSON_WORDS);
  encodeLesson(0, parsed.lesson.record, words, 0);
  return { student, words: [...words.slice(2)] };
}

function headerOf(layout: CsvLayout): CsvHeader {
  const header = parseCsvHeader(layout.headerLine, layout.delimiter);
  if ('error' in header) throw new Error(`generated header refused: ${header.error}`);
  return header;
}

const layoutAndRows = arbitraryCsvLayout.chain((layout) => fc.tuple(fc.constant(layout), fc.array(arbitraryCsvLessonLine(layout, IDS), { minLength: 1, maxLength: 8 })));

describe('scanLessonCsv: the CSV byte fast path held to the general CSV reader', () => {
  it('accepts only rows the general reader accepts, with the same student and words, and takes every usual row', () => {
    let usual = 0;
    fc.assert(
      fc.property(layoutAndRows, ([layout, rows]) => {
        const header = headerOf(layout);
        const plan = csvLessonPlan(header);
        expect(plan).toBeDefined();
        if (plan === undefined) return;
        for (const row of rows) {
          const words = new Int32Array(LESSON_WORDS);
          const student = scanLessonCsv(row.bytes, 0, row.bytes.length, plan, table, words);
          if (student >= 0) expect(generalPath(row.bytes, header)).toEqual({ student, words: [...words.slice(2)] });
          if (row.usual) {
            usual += 1;
            expect(student).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The generator does draw the usual export rows (quoted or not, ja/nej, extra columns with any text).
    expect(usual).toBeGreaterThan(500);
  });

  it('reads a row in place inside a larger buffer exactly as the row alone', () => {
    fc.assert(
      fc.property(layoutAndRows, fc.uint8Array({ maxLength: 8 }), ([layout, rows], after) => {
        const plan = csvLessonPlan(headerOf(layout));
        if (plan === undefined) return;
        const row = rows[0] as LessonLine;
        const whole = Buffer.concat([Buffer.from('x\n'), row.bytes, after]);
        const alone = new Int32Array(LESSON_WORDS);
        const inPlace = new Int32Array(LESSON_WORDS);
        const student = scanLessonCsv(whole, 2, 2 + row.bytes.length, plan, table, inPlace);
        expect(student).toBe(scanLessonCsv(row.bytes, 0, row.bytes.length, plan, table, alone));
        if (student >= 0) expect([...inPlace]).toEqual([...alone]);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the usual exports, and leaves the unusual rows to the general path', () => {
    const header = headerOf({ delimiter: ';', fields: [], headerLine: 'Elev;Datum;Starttid;Schemalagda minuter;Ogiltig frånvaro;Rapporterad;Orsak;Lärare' });
    const plan = csvLessonPlan(header);
    if (plan === undefined) throw new Error('no plan');
    const scan = (text: string): number => scanLessonCsv(Buffer.from(text), 0, Buffer.from(text).length, plan, table, new Int32Array(LESSON_WORDS));
    expect(scan('e1;2026-11-23;08:10;60;60;JA;none;"Berg; Åsa"')).toBe(0);
    expect(scan('"e1";"2026-11-23";"08:10";"060";"";"nej";"";"Sa ""Ö"""')).toBe(0);
    expect(scan('e1;2026-11-23;08:10;60;60;ja;none;')).toBe(0);
    expect(scan('e1;2026-11-23;08:10;60;60;ja;none')).toBe(-1);
    expect(scan('e1;2026-11-23;08:10;60;60;ja;none;x;')).toBe(-1);
    expect(scan('e3;2026-11-23;08:10;60;60;ja;none;x')).toBe(-1);
    expect(scan('e1;2026-11-23;08:10;60;61;ja;none;x')).toBe(-1);
    expect(scan('e1;2026-11-23;8:10;60;0;ja;none;x')).toBe(-1);
    expect(scan('e1;2026-11-23;08:10;60;0;yes;none;x')).toBe(-1);
    expect(scan('e1;2026-11-23;08:10;60;0;ja;Sick;x')).toBe(-1);
    expect(scan('e1;2026-11-23;08:10;60;0;ja;none;Berg "A"')).toBe(-1);
    expect(scan('e1;2026-11-23;08:10;60;0;ja;none;"Berg" A')).toBe(-1);
    expect(scan('e1;2026-11-23;"08:10""";60;0;ja;none;x')).toBe(-1);
    const bad = Buffer.concat([Buffer.from('e1;2026-11-23;08:10;60;0;ja;none;Berg'), Buffer.from([0xc3])]);
    expect(scanLessonCsv(bad, 0, bad.length, plan, table, new Int32Array(LESSON_WORDS))).toBe(-1);
  });
});
