/**
 * Lesson lines and files as exports write them and as they get them wrong,
 * as bytes: NDJSON (canonical lines and their mutations) and CSV (any
 * delimiter of `,;\t`, aliases, extra columns, quoting, ja/nej, CRLF, BOM),
 * with unknown students, broken values, bad quoting, stray non-UTF-8 bytes,
 * multi-byte characters, blank lines and a repeated header. Shared by the
 * byte scanners' tests and the fast-path-on/off batch test.
 */
import fc from 'fast-check';
import { LESSON_CSV_ALIASES, LESSON_CSV_COLUMNS, type LessonCsvColumn } from '../../src/adapters/lessons/lessonCsvAliases.js';
import { AttendanceRecordSchema, type AttendanceRecord } from '../../src/model/studentCase.js';
import { arbitraryAttendance, arbitraryInvalidLesson } from '../../src/testing/arbitraries/index.js';

/** One generated line: its bytes, and whether it is a usual valid line of a known student (the fast path must take it). */
export interface LessonLine {
  readonly bytes: Uint8Array;
  readonly usual: boolean;
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const BAD_BYTES = [[0xc3], [0xe2, 0x82], [0xff], [0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f], [0xc0, 0xaf]] as const;

/** The bytes of `text` with invalid UTF-8 put in at a drawn place. */
const withBadBytes = (text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> =>
  text.chain((t) =>
    fc.tuple(fc.integer({ min: 0, max: t.length }), fc.constantFrom(...BAD_BYTES)).map(([at, bad]) => Buffer.concat([utf8(t.slice(0, at)), Buffer.from(bad), utf8(t.slice(at))])),
  );

/** Valid lessons of a term (up to two a day), every field given, in the schema's key order. */
export const validLesson: fc.Arbitrary<AttendanceRecord> = arbitraryAttendance({ asOf: '2026-11-20', maxLessonsPerDay: 2 })
  .filter((a) => a.length > 0)
  .map((a) => AttendanceRecordSchema.parse(a[0]));

/** Ids that are not students of the run: unknown, not opaque, with a multi-byte character, empty. */
const OTHER_IDS = ['elev-okand', 'elev ö', 'Åsa', '', '19900101-1234', 'e"1'];

/** A lesson as the city fixture writes it: canonical order, defaults left out. */
function canonicalJson(studentId: string, lesson: AttendanceRecord, keepDefaults: boolean): string {
  const defaults: Record<string, unknown> = { validAbsenceMinutes: 0, invalidAbsenceMinutes: 0, reported: true, guardianReported: false, reason: 'none' };
  const value: Record<string, unknown> = { studentId };
  for (const [k, v] of Object.entries(lesson)) if (keepDefaults || defaults[k] !== v) value[k] = v;
  return JSON.stringify(value);
}

/** Edits of a canonical NDJSON line that the fast path must leave to the general path, valid or not. */
const JSON_EDITS: ReadonlyArray<(text: string) => string> = [
  (t) => t.replace(':', ': '),
  (t) => t.replace('"scheduledMinutes":', '"scheduledMinutes":0'),
  (t) => t.replace(/}$/, ',"studentId":"elev-okand"}'),
  (t) => t.replace('"start":"', '"start":"\\u0030'),
  (t) => t.replace(/"scheduledMinutes":(\d+)/, '"scheduledMinutes":$1.0'),
  (t) => t.replace(/"scheduledMinutes":(\d+)/, '"scheduledMinutes":$1e0'),
  (t) => t.replace(/}$/, ',"extra":1}'),
  (t) => t.slice(0, -1),
  (t) => `${t} `,
  (t) => ` ${t}`,
  (t) => t.replace(/"scheduledMinutes":(\d+)/, '"scheduledMinutes":"$1"'),
  (t) => t.replace(/}$/, ',"reason":"sjukdom-å"}'),
  (t) => t.replace(/"date":"[^"]*",/, '').replace(/}$/, ',"date":"2026-11-02"}'),
  (t) => t.replace(/"studentId":"([^"]*)"/, '"studentId":"$1\\u0020"'),
  (t) => `${t}\r`,
];

/**
 * NDJSON lesson lines for the students `ids`.
 *
 * @param ids - the run's student ids (at least one)
 * @returns lines of every kind, each with whether the fast path must take it
 */
export function arbitraryJsonLessonLine(ids: readonly string[]): fc.Arbitrary<LessonLine> {
  const known = fc.constantFrom(...ids);
  const any = fc.oneof(known, fc.constantFrom(...OTHER_IDS));
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(known, validLesson, fc.boolean()).map(([id, l, all]) => ({ bytes: utf8(canonicalJson(id, l, all)), usual: true })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...OTHER_IDS), validLesson).map(([id, l]) => ({ bytes: utf8(canonicalJson(id, l, false)), usual: false })) },
    { weight: 3, arbitrary: fc.tuple(any, validLesson, fc.constantFrom(...JSON_EDITS)).map(([id, l, edit]) => ({ bytes: utf8(edit(canonicalJson(id, l, false))), usual: false })) },
    {
      weight: 2,
      arbitrary: fc.tuple(any, arbitraryInvalidLesson({ asOf: '2026-11-20' })).map(([id, l]) => ({
        bytes: utf8(JSON.stringify(typeof l === 'object' && l !== null && !Array.isArray(l) ? { studentId: id, ...l } : l)),
        usual: false,
      })),
    },
    { weight: 2, arbitrary: withBadBytes(fc.tuple(known, validLesson).map(([id, l]) => canonicalJson(id, l, false))).map((bytes) => ({ bytes, usual: false })) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', '\uFEFF', '\t', '{', 'null', '[]').map((t) => ({ bytes: utf8(t), usual: false })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 16 }).map((bytes) => ({ bytes: bytes.filter((b) => b !== 10), usual: false })) },
  );
}

/** A CSV header and what the row writer needs of it. */
export interface CsvLayout {
  readonly delimiter: string;
  /** Per field: a lesson column, or the name of an extra column. */
  readonly fields: readonly string[];
  /** The header line as written. */
  readonly headerLine: string;
}

const EXTRA_COLUMNS = ['teacher', 'Lärare', 'Sal', 'kommentar; fri text', 'the "group"'];
const OPTIONAL: readonly LessonCsvColumn[] = ['validAbsenceMinutes', 'invalidAbsenceMinutes', 'reported', 'guardianReported', 'reason'];
const quote = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;

/** A header name as an export may spell it: canonical or an alias, in some case, padded or with `_` for spaces. */
const spelling = (column: LessonCsvColumn): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(column, ...LESSON_CSV_ALIASES[column]), fc.integer({ min: 0, max: 4 }))
    .map(([name, how]) => [name, name.toUpperCase(), name.toLowerCase(), name.replace(/ /g, '_'), ` ${name} `][how] ?? name);

/** A CSV layout: the required columns, some optional and extra ones, in any order, spelled in any accepted way. */
export const arbitraryCsvLayout: fc.Arbitrary<CsvLayout> = fc
  .record({
    optional: fc.subarray([...OPTIONAL]),
    extras: fc.subarray(EXTRA_COLUMNS, { maxLength: 2 }),
    order: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
    names: fc.record(Object.fromEntries(LESSON_CSV_COLUMNS.map((c) => [c, spelling(c)])) as { [C in LessonCsvColumn]: fc.Arbitrary<string> }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    quoteHeader: fc.boolean(),
  })
  .map((g) => {
    const columns = ['studentId', 'date', 'start', 'scheduledMinutes', ...g.optional, ...g.extras];
    const fields = columns.map((c, i) => ({ c, k: g.order[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.c);
    const name = (f: string): string => ((LESSON_CSV_COLUMNS as readonly string[]).includes(f) ? g.names[f as LessonCsvColumn] : f);
    const cell = (text: string): string => (g.quoteHeader || text.includes(g.delimiter) || text.includes('"') ? quote(text) : text);
    return { delimiter: g.delimiter, fields, headerLine: fields.map((f) => cell(name(f))).join(g.delimiter) };
  });

/** A value one time in `every`, null otherwise. */
const sometimes = <T>(value: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> => fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });

const BOOLEAN_SPELLINGS = { true: ['true', 'TRUE', 'True', '1', 'ja', 'JA', 'Ja'], false: ['false', 'FALSE', '0', 'nej', 'NEJ', 'Nej'] } as const;
/** Cells the CSV reader refuses or leaves to the schema, for any column. */
const JUNK = ['x', 'kanske', '6 0', '-5', '601', '1e2', '60.0', ' 60', '2026-02-29', '24:00', '8:10', 'Sick', 'yes', '', '0'];
/** Text of an extra column: anything a teacher's name or a comment holds. */
const extraText = fc.string({ unit: fc.constantFrom('a', 'ö', 'Å', '€', '😀', ' ', ',', ';', '\t', '"', '\r', '\uFEFF'), maxLength: 6 });

/**
 * CSV data lines for a layout and the students `ids`.
 *
 * @param layout - the header
 * @param ids - the run's student ids (at least one)
 * @returns rows of every kind, each with whether the fast path must take it
 */
export function arbitraryCsvLessonLine(layout: CsvLayout, ids: readonly string[]): fc.Arbitrary<LessonLine> {
  const { delimiter, fields } = layout;
  const row = fc.record({
    id: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_IDS) }),
    lesson: validLesson,
    spellings: fc.array(fc.nat(6), { minLength: 2, maxLength: 2 }),
    leadingZeros: fc.boolean(),
    quoteCells: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
    extra: fc.array(extraText, { minLength: 2, maxLength: 2 }),
    junk: sometimes(fc.tuple(fc.nat(10), fc.constantFrom(...JUNK)), 5),
    bad: sometimes(fc.tuple(fc.constantFrom('unclosed', 'after-quote', 'quote-inside', 'escaped-lesson-cell', 'fewer', 'more', 'bad-bytes', 'bad-extra', 'cr'), fc.nat(10)), 4),
  });
  const rows = row.map((r): LessonLine => {
    let usual = r.id !== '' && ids.includes(r.id) && r.junk === null && r.bad === null;
    const values: Record<string, string> = { studentId: r.id, date: r.lesson.date, start: r.lesson.start, scheduledMinutes: String(r.lesson.scheduledMinutes) };
    const boolean = (v: boolean, k: number): string => BOOLEAN_SPELLINGS[v ? 'true' : 'false'][(r.spellings[k] ?? 0) % BOOLEAN_SPELLINGS[v ? 'true' : 'false'].length] ?? String(v);
    if (r.lesson.validAbsenceMinutes !== 0) values['validAbsenceMinutes'] = `${r.leadingZeros ? '0' : ''}${r.lesson.validAbsenceMinutes}`;
    if (r.lesson.invalidAbsenceMinutes !== 0) values['invalidAbsenceMinutes'] = String(r.lesson.invalidAbsenceMinutes);
    if (!r.lesson.reported || r.leadingZeros) values['reported'] = boolean(r.lesson.reported, 0);
    if (r.lesson.guardianReported || r.leadingZeros) values['guardianReported'] = boolean(r.lesson.guardianReported, 1);
    if (r.lesson.reason !== 'none' || r.leadingZeros) values['reason'] = r.lesson.reason;
    // A lesson whose value sits in a column the file does not have is another lesson: not a usual line of this one.
    for (const k of Object.keys(values)) if (!fields.includes(k)) delete values[k];
    const cells = fields.map((f, i) => {
      if (!(LESSON_CSV_COLUMNS as readonly string[]).includes(f)) return r.extra[i % 2] ?? '';
      if (r.junk !== null && r.junk[0] % fields.length === i) return r.junk[1];
      return values[f] ?? '';
    });
    let text = cells.map((c, i) => (r.quoteCells[i] === true || c.includes(delimiter) || c.includes('"') || c.includes('\r') ? quote(c) : c)).join(delimiter);
    if (r.bad !== null) {
      const at = r.bad[1] % fields.length;
      const split = text.split(delimiter);
      switch (r.bad[0]) {
        case 'unclosed':
          text = `${text}${delimiter}"open`;
          break;
        case 'after-quote':
          text = [...split.slice(0, at), `"x"y`, ...split.slice(at + 1)].join(delimiter);
          break;
        case 'quote-inside':
          text = [...split.slice(0, at), `x"y`, ...split.slice(at + 1)].join(delimiter);
          break;
        case 'escaped-lesson-cell':
          // `"08:10"` written with a needless `""`: the general path reads `08:10"…`, the schema refuses it.
          text = cells.map((c, i) => (i === at ? `"${c}"""` : c.includes(delimiter) || c.includes('"') || c.includes('\r') ? quote(c) : c)).join(delimiter);
          break;
        case 'fewer':
          text = split.slice(0, -1).join(delimiter);
          break;
        case 'more':
          text = `${text}${delimiter}`;
          break;
        case 'cr':
          text = `${text}\r`;
          break;
        default:
          break;
      }
      const extra = fields.findIndex((f) => !(LESSON_CSV_COLUMNS as readonly string[]).includes(f));
      if (r.bad[0] === 'bad-extra' && extra >= 0) {
        // A teacher's name in Latin-1 (`Å` as one byte) in an otherwise usual row: not UTF-8, so the line is rejected.
        const before = utf8(cells.slice(0, extra).map((c) => (c.includes(delimiter) || c.includes('"') || c.includes('\r') ? quote(c) : c)).join(delimiter) + (extra > 0 ? delimiter : ''));
        const after = utf8(cells.slice(extra + 1).map((c) => (c.includes(delimiter) || c.includes('"') || c.includes('\r') ? quote(c) : c)).map((c) => delimiter + c).join(''));
        const name = r.bad[1] % 2 === 0 ? [0xc5, 0x73, 0x61] : [0x22, 0xc5, 0x73, 0x61, 0x3b, 0x22];
        return { bytes: Buffer.concat([before, Buffer.from(name), after]), usual: false };
      }
      if (r.bad[0] === 'bad-bytes') {
        const bytes = utf8(text);
        const cut = Math.min(bytes.length, r.bad[1] * 3);
        return { bytes: Buffer.concat([bytes.subarray(0, cut), Buffer.from(BAD_BYTES[r.bad[1] % BAD_BYTES.length] ?? [0xff]), bytes.subarray(cut)]), usual: false };
      }
    }
    // A cell written `"…"` that holds a `""` of its own (an extra column with a quote) is usual; a CR kept in a lesson cell is not.
    if (usual && cells.some((c, i) => c.includes('\r') && (LESSON_CSV_COLUMNS as readonly string[]).includes(fields[i] ?? ''))) usual = false;
    return { bytes: utf8(text), usual };
  });
  return fc.oneof(
    { weight: 12, arbitrary: rows },
    { weight: 1, arbitrary: fc.constantFrom('', '  ', layout.headerLine, '\uFEFF', ';;;').map((t) => ({ bytes: utf8(t), usual: false })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }).map((bytes) => ({ bytes: bytes.filter((b) => b !== 10), usual: false })) },
  );
}

/** A whole lesson file: its bytes, and its lines as generated. */
export interface LessonFile {
  readonly bytes: Uint8Array;
  readonly format: 'ndjson' | 'csv';
  readonly lines: readonly LessonLine[];
}

/** Lines joined by LF or CRLF, a BOM or not, a last line break or not. */
function joinLines(first: Uint8Array | undefined, lines: readonly LessonLine[], breaks: readonly boolean[], bom: boolean, lastBreak: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  if (bom) parts.push(Uint8Array.of(0xef, 0xbb, 0xbf));
  const all = first === undefined ? lines.map((l) => l.bytes) : [first, ...lines.map((l) => l.bytes)];
  all.forEach((bytes, i) => {
    if (i > 0) parts.push(utf8(breaks[i % breaks.length] === true ? '\r\n' : '\n'));
    parts.push(bytes);
  });
  if (lastBreak && all.length > 0) parts.push(utf8('\n'));
  return Buffer.concat(parts);
}

/**
 * Lesson files, NDJSON or CSV, for the students `ids`: a first line that
 * makes the format clear (a valid lesson, or the header), then lines of every
 * kind.
 *
 * @param ids - the run's student ids (at least one)
 * @param maxLines - lines after the first at most
 * @returns files with their generated lines
 */
export function arbitraryLessonFile(ids: readonly string[], maxLines = 30): fc.Arbitrary<LessonFile> {
  const framing = fc.record({ breaks: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), bom: fc.boolean(), lastBreak: fc.boolean() });
  const ndjson = fc
    .tuple(fc.constantFrom(...ids), validLesson, fc.array(arbitraryJsonLessonLine(ids), { maxLength: maxLines }), framing)
    .map(([id, first, lines, f]): LessonFile => ({ bytes: joinLines(utf8(canonicalJson(id, first, false)), lines, f.breaks, f.bom, f.lastBreak), format: 'ndjson', lines }));
  const csv = arbitraryCsvLayout.chain((layout) =>
    fc
      .tuple(fc.array(arbitraryCsvLessonLine(layout, ids), { maxLength: maxLines }), framing)
      .map(([lines, f]): LessonFile => ({ bytes: joinLines(utf8(layout.headerLine), lines, f.breaks, f.bom, f.lastBreak), format: 'csv', lines })),
  );
  return fc.oneof(ndjson, csv);
}
