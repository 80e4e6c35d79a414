import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fastCsvFields, splitCsvLine } from '../../src/adapters/lessons/csv.js';
import { LESSON_CSV_ALIASES, LESSON_CSV_COLUMNS, lessonCsvColumn, headerKey, type LessonCsvColumn } from '../../src/adapters/lessons/lessonCsvAliases.js';
import { parseCsvHeader, parseLessonCsvLine, parseLessonValue, sniffDelimiter, type LessonParse } from '../../src/adapters/lessons/lessonRecord.js';
import { forEachLine } from '../../src/io/lines.js';
import { sniffLessonFile } from '../../src/batch/readLessons.js';
import { arbitraryAttendance } from '../../src/testing/arbitraries/index.js';

/** csv-parse as the authority reads one line (the options `parseCsvRecord` uses): the fields, or undefined when it refuses the line. */
function library(line: string, delimiter: string): string[] | undefined {
  try {
    const records = parse(line, { delimiter, record_delimiter: '\n', relax_column_count: true }) as string[][];
    return records.length === 0 ? [''] : records.length === 1 ? records[0] : undefined;
  } catch {
    return undefined;
  }
}

function quote(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

const delimiter = fc.constantFrom(',', ';', '\t');
/** Characters that matter to CSV, and some that do not. */
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'å', '1', ' ', ',', ';', '\t', '"', '\r', '|'), maxLength: 6 });
/** One field as exports write it, and as they get it wrong: bare, quoted, quoted with text after, unclosed. */
const rawField = fc.oneof(
  text,
  text.map(quote),
  fc.tuple(text, text).map(([a, b]) => `${quote(a)}${b}`),
  text.map((t) => `"${t}`),
  fc.tuple(text, text).map(([a, b]) => `${a}"${b}`),
);
const csvLine = fc.oneof(
  fc.tuple(fc.array(rawField, { minLength: 1, maxLength: 6 }), delimiter).map(([fields, d]) => ({ line: fields.join(d), d })),
  fc.tuple(text, delimiter).map(([line, d]) => ({ line, d })),
);

describe('splitCsvLine: the fast path held to csv-parse', () => {
  it('splits RFC 4180 fields under any delimiter', () => {
    expect(splitCsvLine('a,"b,c",d')).toEqual({ fields: ['a', 'b,c', 'd'] });
    expect(splitCsvLine('a;"b;c";d', ';')).toEqual({ fields: ['a', 'b;c', 'd'] });
    expect(splitCsvLine('a\t"b\tc"\td', '\t')).toEqual({ fields: ['a', 'b\tc', 'd'] });
    expect(splitCsvLine('"say ""hi""",')).toEqual({ fields: ['say "hi"', ''] });
    expect(splitCsvLine(',,')).toEqual({ fields: ['', '', ''] });
    expect(splitCsvLine('"open')).toEqual({ error: { sv: expect.stringContaining('det citerade fältet 1 avslutas inte på sin rad'), en: expect.stringContaining('the quoted field 1 is not closed on its line') } });
    expect(splitCsvLine('a,"b"c')).toMatchObject({ error: { sv: expect.stringContaining('fält 2: text efter det avslutande citattecknet'), en: expect.stringContaining('field 2: text after its closing quote') } });
    expect(splitCsvLine('a,b"c')).toMatchObject({ error: { sv: expect.stringContaining('fält 2: ett citattecken i ett fält'), en: expect.stringContaining('field 2: a quote inside a field') } });
  });

  it('never repeats the line in an error (csv-parse quotes the field in its own messages)', () => {
    for (const line of ['x,"Anna Andersson', 'x,"Anna"Andersson', 'x,Anna"Andersson']) {
      const r = splitCsvLine(line);
      expect(r).toHaveProperty('error');
      expect(JSON.stringify(r)).not.toMatch(/Anna|Andersson/);
    }
  });

  it('answers every line as csv-parse does: the same fields, or refused when csv-parse refuses', () => {
    fc.assert(
      fc.property(csvLine, ({ line, d }) => {
        const expected = library(line, d);
        const fast = fastCsvFields(line, d);
        if (fast !== undefined) expect(fast).toEqual(expected);
        // The fast path leaves only lines csv-parse refuses: csv-parse decides, it does not slow the usual line.
        if (expected !== undefined) expect(fast).toBeDefined();
        const r = splitCsvLine(line, d);
        if (expected === undefined) expect(r).toHaveProperty('error');
        else expect(r).toEqual({ fields: expected });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any fields written with quoting', () => {
    const field = fc.string({ maxLength: 6 }).filter((s) => !s.includes('\n'));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), delimiter, (fields, d) => {
        expect(splitCsvLine(fields.map(quote).join(d), d)).toEqual({ fields });
      }),
    );
  });
});

describe('lesson CSV header', () => {
  it('matches columns in any case, trimmed, and by their Swedish aliases; sniffs the delimiter', () => {
    expect(parseCsvHeader(' STUDENTID ;Date;start;Scheduled_Minutes')).toEqual({ delimiter: ';', columns: ['studentId', 'date', 'start', 'scheduledMinutes'], ignored: [] });
    expect(parseCsvHeader('Elev-ID\tDatum\tStarttid\tSchemalagda minuter\tOgiltig frånvaro\tAnmäld av vårdnadshavare\tOrsak')).toEqual({
      delimiter: '\t',
      columns: ['studentId', 'date', 'start', 'scheduledMinutes', 'invalidAbsenceMinutes', 'guardianReported', 'reason'],
      ignored: [],
    });
    // Decomposed å (as some Mac exports write it) is the same name.
    expect(lessonCsvColumn('la\u030Artare')).toBeUndefined();
    expect(lessonCsvColumn('giltig fra\u030Anvaro')).toBe('validAbsenceMinutes');
    expect(sniffDelimiter('"Elev, id";datum;starttid;schemalagda minuter')).toBe(';');
  });

  it('ignores extra columns and lists each once, by its name as written', () => {
    expect(parseCsvHeader('studentId,teacher,date,start,room,scheduledMinutes,teacher,')).toEqual({
      delimiter: ',',
      columns: ['studentId', null, 'date', 'start', null, 'scheduledMinutes', null, null],
      ignored: ['teacher', 'room', '(column 8)'],
    });
    // A name that looks like a personnummer is not shown; a long one is shortened.
    expect(parseCsvHeader(`studentId,date,start,scheduledMinutes,19900101-1234,${'x'.repeat(60)}`)).toMatchObject({ ignored: ['(column 5)', `${'x'.repeat(39)}…`] });
  });

  it('rejects repeated and missing columns without repeating the line', () => {
    expect(parseCsvHeader('studentId,date,start,scheduledMinutes,Elev')).toEqual({ error: { sv: 'rubrikradens kolumner 1 och 5 är båda studentId', en: 'header columns 1 and 5 are both studentId' } });
    expect(parseCsvHeader('studentId,date,scheduledMinutes')).toMatchObject({ error: { sv: expect.stringContaining('rubrikraden saknar den obligatoriska kolumnen start'), en: expect.stringContaining('header lacks the required column start') } });
    const noHeader = parseCsvHeader('elev-0001;2026-11-23;08:10;60');
    expect(noHeader).toMatchObject({ error: { sv: expect.stringContaining('ingen av dess 4 kolumner är en lektionskolumn: saknas rubrikraden?'), en: expect.stringContaining('none of its 4 columns is a lesson column: is the header row missing?') } });
    expect(JSON.stringify(noHeader)).not.toContain('elev-0001');
    expect(parseCsvHeader('studentId;date;start;scheduledMinutes', ',')).toMatchObject({ error: { en: expect.stringContaining('is the header row missing, or is the delimiter not ","?') } });
    expect(parseCsvHeader('x', ',')).toMatchObject({ error: { sv: expect.stringContaining('dess enda kolumn är ingen lektionskolumn: saknas rubrikraden, eller är avgränsaren inte ","?') } });
    expect(parseCsvHeader('studentId;date;start;scheduledMinutes', ';')).toMatchObject({ delimiter: ';' });
    expect(parseCsvHeader('\uFEFFstudentId,date,start,scheduledMinutes')).toMatchObject({ columns: ['studentId', 'date', 'start', 'scheduledMinutes'] });
  });

  it('has an alias table in which no name stands for two columns, nor for another column than its own', () => {
    const seen = new Map<string, LessonCsvColumn>();
    for (const column of LESSON_CSV_COLUMNS) {
      for (const name of [column, ...LESSON_CSV_ALIASES[column]]) {
        expect(seen.get(headerKey(name)) ?? column).toBe(column);
        seen.set(headerKey(name), column);
        expect(lessonCsvColumn(name)).toBe(column);
      }
    }
  });
});

describe('lesson CSV rows', () => {
  const header = parseCsvHeader('studentId,date,start,scheduledMinutes,invalidAbsenceMinutes,reported,reason');
  if ('error' in header) throw new Error(header.error.en);

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

  it('reads true/false, 1/0 and ja/nej in any case as booleans, and nothing else', () => {
    const reported = (cell: string) => {
      const r = parseLessonCsvLine(`e1,2026-11-23,08:10,60,0,${cell},`, header);
      return r.ok ? r.lesson.record.reported : 'rejected';
    };
    for (const yes of ['true', 'TRUE', 'True', '1', 'ja', 'JA', 'Ja']) expect(reported(yes)).toBe(true);
    for (const no of ['false', 'FALSE', '0', 'nej', 'NEJ', 'Nej']) expect(reported(no)).toBe(false);
    for (const other of ['yes', 'sant', '01', ' ja', 'j']) expect(reported(other)).toBe('rejected');
  });

  it('names the field of a bad cell', () => {
    const r = parseLessonCsvLine('e1,2026-11-23,08:10,sixty,0,kanske,', header);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['scheduledMinutes', 'reported']);
  });

  it('rejects a row with the wrong number of fields', () => {
    const r = parseLessonCsvLine('e1,2026-11-23', header);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/expected 7 fields/);
  });
});

// ---------------------------------------------------------------------------------------------
// Whole files written the way exports come, read by the batch's own sniffing and line reader.

const dir = mkdtempSync(join(tmpdir(), 'trappa-csv-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOOLEAN_SPELLINGS = { true: ['true', 'TRUE', 'True', '1', 'ja', 'JA', 'Ja'], false: ['false', 'FALSE', '0', 'nej', 'NEJ', 'Nej'] } as const;
const EXTRA_COLUMNS = ['teacher', 'room', 'Lärare', 'Sal', 'kommentar; fri text', 'the "group"'];
const JUNK = ['x', 'kanske', '6 0', 'sant'];
const lessons = arbitraryAttendance({ asOf: '2026-09-04', maxLessonsPerDay: 2 }).map((a) => a.slice(0, 6));

/** A header name as an export may spell it: canonical or an alias, in some case, padded or with `_` for spaces. */
const spelling = (column: LessonCsvColumn) =>
  fc
    .tuple(fc.constantFrom(column, ...LESSON_CSV_ALIASES[column]), fc.integer({ min: 0, max: 4 }))
    .map(([name, how]) => [name, name.toUpperCase(), name.toLowerCase(), name.replace(/ /g, '_'), ` ${name} `][how] ?? name);

const exportFile = fc
  .record({
    lessons,
    ids: fc.array(fc.constantFrom('e1', 'skola-001-elev-0001', 'E 2'), { minLength: 6, maxLength: 6 }),
    optional: fc.subarray(['validAbsenceMinutes', 'invalidAbsenceMinutes', 'reported', 'guardianReported', 'reason'] as const),
    extras: fc.subarray(EXTRA_COLUMNS),
    extraCells: fc.array(fc.string({ unit: fc.constantFrom('a', 'ö', ' ', ',', ';', '\t', '"', '\r'), maxLength: 5 }), { minLength: 36, maxLength: 36 }),
    order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    names: fc.record(Object.fromEntries(LESSON_CSV_COLUMNS.map((c) => [c, spelling(c)])) as { [C in LessonCsvColumn]: fc.Arbitrary<string> }),
    delimiter,
    quoteAll: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
    spellings: fc.array(fc.nat(6), { minLength: 12, maxLength: 12 }),
    junk: fc.option(fc.tuple(fc.nat(5), fc.constantFrom('scheduledMinutes', 'reported', 'date') , fc.constantFrom(...JUNK)), { freq: 3 }),
    bom: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map((g) => {
    const columns: string[] = ['studentId', 'date', 'start', 'scheduledMinutes', ...g.optional, ...g.extras];
    // Any header order: sort by the drawn keys.
    const order = columns.map((c, i) => ({ c, k: g.order[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.c);
    let q = 0;
    const cell = (value: string): string => {
      const must = value.includes(g.delimiter) || value.includes('"') || value.includes('\r');
      return must || g.quoteAll[q++ % g.quoteAll.length] === true ? quote(value) : value;
    };
    const headerLine = order.map((c) => cell(lessonCsvColumn(c) === undefined ? c : g.names[c as LessonCsvColumn])).join(g.delimiter);
    const expected: LessonParse[] = [];
    const rows = g.lessons.map((lesson, row) => {
      const value: Record<string, unknown> = { studentId: g.ids[row] ?? 'e1', ...lesson };
      for (const c of ['validAbsenceMinutes', 'invalidAbsenceMinutes', 'reported', 'guardianReported', 'reason']) if (!g.optional.includes(c as never)) delete value[c];
      if (g.junk !== null && g.junk[0] === row && order.includes(g.junk[1])) value[g.junk[1]] = g.junk[2];
      expected.push(parseLessonValue(value));
      return order
        .map((c, i) => {
          if (lessonCsvColumn(c) === undefined) return cell(g.extraCells[(row * 6 + i) % 36] ?? '');
          const v = value[c];
          if (v === undefined) return '';
          if (typeof v === 'boolean') return cell(BOOLEAN_SPELLINGS[String(v) as 'true' | 'false'][(g.spellings[i] ?? 0) % BOOLEAN_SPELLINGS[String(v) as 'true' | 'false'].length] ?? String(v));
          return cell(String(v));
        })
        .join(g.delimiter);
    });
    const eol = g.crlf ? '\r\n' : '\n';
    return { text: `${g.bom ? '\uFEFF' : ''}${[headerLine, ...rows].join(eol)}${eol}`, delimiter: g.delimiter, expected, extras: order.filter((c) => EXTRA_COLUMNS.includes(c)) };
  });

/** What a verdict says, independent of key order: the lesson, or the fields named. */
function verdict(r: LessonParse): unknown {
  return r.ok ? r.lesson : [...new Set(r.issues.map((i) => i.path))].sort();
}

describe('lesson CSV files as exports write them (semicolons, tabs, quoting, extra columns, aliases, BOM, CRLF)', () => {
  it('reads every row as the same lesson written as an object, and splits every line as csv-parse splits the file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(exportFile, async (file) => {
        const path = join(dir, `export-${(n += 1)}.csv`);
        writeFileSync(path, file.text);
        const { header, headerLine } = await sniffLessonFile(path);
        expect(header).toMatchObject({ delimiter: file.delimiter, ignored: file.extras });
        if (header === null) return;
        const split: string[][] = [];
        const got: unknown[] = [];
        await forEachLine(path, (line, lineNumber) => {
          if (lineNumber === headerLine || line === '') return;
          const fields = splitCsvLine(line, header.delimiter);
          if ('fields' in fields) split.push(fields.fields);
          got.push(verdict(parseLessonCsvLine(line, header)));
        });
        expect(got).toEqual(file.expected.map(verdict));
        const records = parse(readFileSync(path, 'utf8'), { delimiter: file.delimiter, bom: true, relax_column_count: true }) as string[][];
        expect(split).toEqual(records.slice(1));
      }),
      { numRuns: 150 },
    );
  });
});
