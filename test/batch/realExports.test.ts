import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import type { RejectedLine } from '../../src/batch/rejectionLog.js';
import { runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { builtinPolicy } from '../../src/index.js';
import type { StudentCaseInput } from '../../src/model/studentCase.js';

/**
 * One test per way real lesson exports are written (issue 13, "Real export
 * files are rejected"): each file is written the way the export comes, and
 * must give exactly the decisions of the same lessons written as NDJSON.
 */

const AS_OF = '2026-11-23';
const settings: BatchSettings = { policy: builtinPolicy('stockholm'), calendar: undefined, asOf: AS_OF, incremental: false };
const cases = generateSchool({ students: 5, seed: 13, termEnd: AS_OF });
const dir = mkdtempSync(join(tmpdir(), 'trappa-real-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const students = join(dir, 'students.ndjson');
writeFileSync(students, cases.map(({ attendance: _, ...context }) => JSON.stringify(context)).join('\n') + '\n');
type Lesson = NonNullable<StudentCaseInput['attendance']>[number] & { readonly studentId: string };
const lessons: Lesson[] = cases.flatMap((c) => (c.attendance ?? []).map((r) => ({ studentId: c.student.id, ...r })));
const ndjson = join(dir, 'lessons.ndjson');
writeFileSync(ndjson, lessons.map((l) => JSON.stringify(l)).join('\n') + '\n');

async function run(lessonFile: string, extra: Partial<BatchRun> = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await runBatch({ files: { students, lessons: [lessonFile] }, settings, out, workers: 1, ...extra });
  return { report, text: Buffer.concat(chunks).toString('utf8') };
}

const oracle = run(ndjson);

/** How an export writes the file. */
interface Dialect {
  readonly delimiter?: string;
  /** Header names by column; default the canonical names. */
  readonly names?: Partial<Record<string, string>>;
  /** Extra columns (name, cell of row i) placed after the given column index. */
  readonly extra?: { readonly after: number; readonly name: string; readonly cell: (i: number) => string };
  readonly booleans?: (value: boolean, i: number) => string;
  readonly quote?: (cell: string, column: string) => boolean;
  readonly bom?: boolean;
  readonly eol?: string;
}

const COLUMNS = ['studentId', 'date', 'start', 'scheduledMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'reported', 'guardianReported', 'reason'];

function writeExport(name: string, d: Dialect): string {
  const delimiter = d.delimiter ?? ',';
  const q = (cell: string, column: string): string => (d.quote?.(cell, column) === true ? `"${cell.replace(/"/g, '""')}"` : cell);
  const row = (cells: string[], i: number): string => {
    const out = [...cells];
    if (d.extra !== undefined) out.splice(d.extra.after + 1, 0, q(i < 0 ? d.extra.name : d.extra.cell(i), 'extra'));
    return out.join(delimiter);
  };
  const header = row(
    COLUMNS.map((c) => q(d.names?.[c] ?? c, 'header')),
    -1,
  );
  const rows = lessons.map((l, i) =>
    row(
      COLUMNS.map((c) => {
        const v = (l as Record<string, unknown>)[c];
        if (v === undefined) return '';
        return q(typeof v === 'boolean' ? (d.booleans?.(v, i) ?? String(v)) : String(v), c);
      }),
      i,
    ),
  );
  const eol = d.eol ?? '\n';
  const path = join(dir, name);
  writeFileSync(path, `${d.bom === true ? '\uFEFF' : ''}${[header, ...rows].join(eol)}${eol}`);
  return path;
}

async function expectSameAsNdjson(path: string) {
  const expected = await oracle;
  const got = await run(path);
  expect(got.report.summary.records).toEqual({ read: lessons.length, accepted: lessons.length, duplicate: 0, rejected: 0 });
  expect(got.text).toBe(expected.text);
  return got;
}

describe('lesson CSV files written the way real exports come', () => {
  it('semicolon CSV (Swedish Excel)', async () => {
    const path = writeExport('excel-sv.csv', { delimiter: ';' });
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('studentId;date;start;scheduledMinutes;validAbsenceMinutes;invalidAbsenceMinutes;reported;guardianReported;reason');
    await expectSameAsNdjson(path);
  });

  it('tab-separated export', async () => {
    await expectSameAsNdjson(writeExport('export.tsv', { delimiter: '\t' }));
  });

  it('an extra column (teacher) is ignored, and the summary names it once', async () => {
    const path = writeExport('with-teacher.csv', { extra: { after: 3, name: 'teacher', cell: (i) => `lärare-${i % 3}` } });
    const { report } = await expectSameAsNdjson(path);
    expect(report.summary.ignoredColumns).toEqual(['teacher']);
  });

  it('booleans written TRUE/FALSE, 1/0 and ja/nej', async () => {
    const spellings = [
      ['TRUE', 'FALSE'],
      ['1', '0'],
      ['ja', 'nej'],
      ['Ja', 'NEJ'],
    ] as const;
    const path = writeExport('booleans.csv', { booleans: (v, i) => (spellings[i % spellings.length] ?? ['true', 'false'])[v ? 0 : 1] });
    expect(readFileSync(path, 'utf8')).toMatch(/,(TRUE|FALSE|1|0|ja|nej|Ja|NEJ),/);
    await expectSameAsNdjson(path);
  });

  it('a UTF-8 BOM before the header (Excel "CSV UTF-8")', async () => {
    const path = writeExport('bom.csv', { bom: true });
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await expectSameAsNdjson(path);
  });

  it('CRLF line endings', async () => {
    const path = writeExport('crlf.csv', { eol: '\r\n' });
    expect(readFileSync(path, 'utf8')).toContain('\r\n');
    await expectSameAsNdjson(path);
  });

  it('Swedish header names, in any case', async () => {
    const names = {
      studentId: 'Elev-ID',
      date: 'Datum',
      start: 'STARTTID',
      scheduledMinutes: 'Schemalagda minuter',
      validAbsenceMinutes: 'Giltig frånvaro',
      invalidAbsenceMinutes: 'ogiltig frånvaro',
      reported: 'Rapporterad',
      guardianReported: 'Anmäld av vårdnadshavare',
      reason: 'Orsak',
    };
    await expectSameAsNdjson(writeExport('svenska.csv', { delimiter: ';', names }));
  });

  it('quoted fields with the delimiter and quotes inside (every field quoted, as many systems write)', async () => {
    const path = writeExport('quoted.csv', {
      delimiter: ';',
      quote: () => true,
      extra: { after: 0, name: 'Grupp; klass', cell: (i) => `7A; "${i % 2 === 0 ? 'Ma' : 'Sv'}"` },
    });
    expect(readFileSync(path, 'utf8')).toContain('"7A; ""Ma"""');
    const { report } = await expectSameAsNdjson(path);
    expect(report.summary.ignoredColumns).toEqual(['Grupp; klass']);
  });

  it('all of it at once: Excel on a Swedish PC (BOM, CRLF, semicolons, Swedish names, ja/nej, extra columns)', async () => {
    const path = writeExport('excel-all.csv', {
      delimiter: ';',
      bom: true,
      eol: '\r\n',
      names: { studentId: 'elev', date: 'datum', start: 'starttid', scheduledMinutes: 'schemalagda minuter', reported: 'rapporterad', guardianReported: 'anmäld' },
      booleans: (v) => (v ? 'Ja' : 'Nej'),
      extra: { after: 8, name: 'Lärare', cell: () => 'ABC' },
    });
    const { report } = await expectSameAsNdjson(path);
    expect(report.summary.ignoredColumns).toEqual(['Lärare']);
  });

  it('a bad cell is still rejected with its file, line and field; an unclosed quote with its line', async () => {
    const path = join(dir, 'bad.csv');
    const [a, b, c] = lessons;
    if (a === undefined || b === undefined || c === undefined) throw new Error('fixture');
    writeFileSync(
      path,
      [
        '\uFEFFelev;datum;starttid;schemalagda minuter;rapporterad;lärare',
        `${a.studentId};${a.date};${a.start};${a.scheduledMinutes};kanske;x`,
        `${b.studentId};${b.date};${b.start};${b.scheduledMinutes};ja;"open`,
        `${c.studentId};${c.date};${c.start};${c.scheduledMinutes};nej;"a"b`,
      ].join('\r\n') + '\r\n',
    );
    const rejectedPath = join(dir, 'rejected.ndjson');
    const { report } = await run(path, { rejectedPath });
    expect(report.summary.records).toEqual({ read: 3, accepted: 0, duplicate: 0, rejected: 3 });
    const rejected = readFileSync(rejectedPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RejectedLine);
    expect(rejected.map((r) => [r.location, r.issues[0]?.path, r.issues[0]?.message])).toEqual([
      [`${path}:2`, 'reported', expect.stringMatching(/boolean/i)], // 'Fel typ: förväntade sant eller falskt (boolean), …'
      [`${path}:3`, '(line)', 'ogiltig CSV: det citerade fältet 6 avslutas inte på sin rad (en lektions-CSV har en lektion per rad: en radbrytning inom citattecken stöds inte)'],
      [`${path}:4`, '(line)', 'ogiltig CSV: fält 6: text efter det avslutande citattecknet (ett citattecken i ett citerat fält skrivs "")'],
    ]);
  });

  it('--delimiter overrides the sniffing: a pipe-separated file', async () => {
    const path = writeExport('pipes.csv', { delimiter: '|' });
    await expect(run(path)).rejects.toThrow(/pipes\.csv:1: not NDJSON, and not a lesson CSV: header lacks the required columns .*is the header row missing\?/);
    const expected = await oracle;
    const got = await run(path, { delimiter: '|' });
    expect(got.text).toBe(expected.text);
  });
});
