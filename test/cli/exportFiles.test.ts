/**
 * Issue 13: files written the way exports come (a BOM from Excel or
 * Notepad, CRLF line ends, gzip, a pipe, a pretty-printed JSON object or
 * array) are read to the same decisions as plain NDJSON, and their errors
 * still name the file, the line and the field.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';
import { generateSchool } from '../../fixtures/school.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-exports-'));
const AS_OF = '2026-11-23';

function trappa(args: readonly string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const evaluate = (...args: string[]) => ['evaluate', '--as-of', AS_OF, '--json', ...args];

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const cases = generateSchool({ students: 4, seed: 5, termEnd: AS_OF });
const ndjson = `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`;
/** What Excel or a Windows tool writes: a BOM, CRLF line ends. */
const windows = `\uFEFF${cases.map((c) => JSON.stringify(c)).join('\r\n')}\r\n`;
const plain = write('cases.ndjson', ndjson);
const reference = trappa(evaluate(plain));

describe('case files as exports write them', () => {
  it('the reference run accepts every case', () => {
    expect(reference.code).toBe(0);
    expect(reference.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('BOM and CRLF, gzip (by name or only by its bytes), stdin and /dev/stdin give the same decisions', () => {
    const runs = {
      bomCrlf: trappa(evaluate(write('windows.ndjson', windows))),
      gzByBytes: trappa(evaluate(write('cases-gz.ndjson', gzipSync(ndjson)))),
      stdinGzBomCrlf: trappa(evaluate('-'), gzipSync(windows)),
      devStdin: trappa(evaluate('/dev/stdin'), ndjson),
    };
    for (const [name, r] of Object.entries(runs)) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout, name).toBe(reference.stdout);
      expect(r.stderr, name).toContain('elever: 4 lästa = 4 utvärderade + 0 avvisade');
    }
  });

  it('a pretty-printed JSON object is one case, and a pretty-printed array its cases (not one broken case per line)', () => {
    const one = trappa(evaluate(write('one.json', `\uFEFF${JSON.stringify(cases[0], null, 2).replace(/\n/g, '\r\n')}\r\n`)));
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(`${reference.stdout.split('\n')[0]}\n`);
    expect(one.stderr).toContain('elever: 1 lästa = 1 utvärderade + 0 avvisade');
    const all = trappa(evaluate(write('all.json', JSON.stringify(cases, null, 2))));
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(reference.stdout);
  });

  it('errors name the file (stdin for -), the line and the field, with the value of a non-personal field only', () => {
    const bad = cases.map((c) => JSON.parse(JSON.stringify(c)) as { student: { id: string; birthDate: string }; attendance: Array<{ date: string }> });
    const [first, second] = bad;
    if (first === undefined || second === undefined) throw new Error('fixture');
    (first.attendance[0] as { date: string }).date = '2026-02-30';
    second.student.birthDate = '2012-02-30';
    const lines = bad.map((c) => JSON.stringify(c));
    const lessonError = /attendance\[0\]\.date: Förväntade ett kalenderdatum skrivet ÅÅÅÅ-MM-DD \(fick "2026-02-30"\)/;
    const fromFile = trappa(evaluate(write('bad.ndjson', `\uFEFF${lines.join('\r\n')}\r\n`)));
    expect(fromFile.code).toBe(3);
    expect(fromFile.stderr).toMatch(new RegExp(`bad\\.ndjson:1: ${lessonError.source}`));
    // The birth date is personal data: the field and the reason, not the value.
    expect(fromFile.stderr).toContain('bad.ndjson:2: student.birthDate: Förväntade ett kalenderdatum skrivet ÅÅÅÅ-MM-DD\n');
    const fromFileEn = trappa([...evaluate(write('bad.ndjson', `\uFEFF${lines.join('\r\n')}\r\n`)), '--lang', 'en']);
    expect(fromFileEn.stderr).toContain('bad.ndjson:1: attendance[0].date: Expected a calendar date written YYYY-MM-DD (got "2026-02-30")\n');
    expect(fromFileEn.stderr).toContain('bad.ndjson:2: student.birthDate: Expected a calendar date written YYYY-MM-DD\n');
    expect(fromFileEn.stderr).not.toContain('2012-02-30');
    expect(fromFile.stderr).not.toContain('2012-02-30');
    const fromStdin = trappa(evaluate('-'), gzipSync(`${lines.join('\n')}\n`));
    expect(fromStdin.stderr).toMatch(new RegExp(`^stdin:1: ${lessonError.source}`, 'm'));
    expect(fromStdin.stderr).toContain('stdin:2: student.birthDate: ');
    // A pretty-printed array: the line the element starts on, and its index.
    const array = trappa(evaluate(write('bad.json', JSON.stringify(bad, null, 2))));
    const secondLine = JSON.stringify(bad, null, 2).split('\n').indexOf('  {', 2) + 1;
    expect(array.stderr).toMatch(new RegExp(`bad\\.json:2 \\[0\\]: ${lessonError.source}`));
    expect(array.stderr).toContain(`bad.json:${secondLine} [1]: student.birthDate: `);
  });

  it('refuses a binary file (a workbook, UTF-16) with what it is, and two inputs on stdin, before any output', () => {
    const xlsx = trappa(evaluate(write('export.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 7)]))));
    expect(xlsx.code).toBe(1);
    expect(xlsx.stdout).toBe('');
    expect(xlsx.stderr).toMatch(/export\.xlsx: ingen textfil: det är ett ZIP-arkiv \(en Excel \.xlsx- eller OpenDocument-fil\?\): exportera den som CSV \(UTF-8\) eller NDJSON/);
    expect(trappa([...evaluate(join(dir, 'export.xlsx')), '--lang', 'en']).stderr).toMatch(/export\.xlsx: not a text file: it is a ZIP archive \(an Excel \.xlsx or OpenDocument file\?\): export it as CSV \(UTF-8\) or NDJSON/);
    const utf16 = trappa(evaluate(write('unicode.txt', Buffer.from(`\uFEFF${ndjson}`, 'utf16le'))));
    expect(utf16.code).toBe(1);
    expect(utf16.stderr).toMatch(/unicode\.txt: ingen textfil: det är UTF-16-text .*spara den som UTF-8/);
    const two = trappa(evaluate('-', '/dev/stdin'), ndjson);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('bara en indata kan läsas från stdin (- eller /dev/stdin); 2 gör det: indatafil 1, indatafil 2');
    expect(trappa(evaluate('-', '/dev/stdin', '--lang', 'en'), ndjson).stderr).toContain('only one input can be read from stdin (- or /dev/stdin); 2 are: input file 1, input file 2');
    const truncated = trappa(evaluate(write('cut.ndjson.gz', gzipSync(ndjson).subarray(0, 200))));
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/cut\.ndjson\.gz: ingen hel gzip-fil \(.*\): den klipptes av eller är skadad/);
    expect(trappa([...evaluate(join(dir, 'cut.ndjson.gz')), '--lang', 'en']).stderr).toMatch(/cut\.ndjson\.gz: not a whole gzip file/);
  });

  it('a calendar and a policy may come from stdin or gzip, BOM included', () => {
    const calendar = JSON.stringify({ terms: [{ id: 'HT2026', start: '2026-08-17', end: '2026-12-18' }], breaks: [] });
    const fromFile = trappa(evaluate(plain, '--calendar', write('calendar.json', calendar)));
    expect(fromFile.code).toBe(0);
    expect(trappa(evaluate(plain, '--calendar', '-'), `\uFEFF${calendar}`).stdout).toBe(fromFile.stdout);
    expect(trappa(evaluate(plain, '--calendar', write('calendar.json.gz', gzipSync(calendar)))).stdout).toBe(fromFile.stdout);
    const policy = readFileSync(new URL('../../rules/stockholm.json', import.meta.url));
    expect(trappa(evaluate(plain, '--policy', write('policy.json.gz', gzipSync(policy)))).stdout).toBe(reference.stdout);
  });
});

describe('the nightly batch on lesson files as exports write them', () => {
  const city = writeCity({ students: 20, seed: 9, termEnd: AS_OF, dir: join(dir, 'city'), format: 'csv' });
  const batch = (...args: string[]) => ['evaluate', '--format', 'lessons', '--as-of', AS_OF, '--json', ...args];
  const base = trappa(batch('--students', city.students, city.lessons));
  const csvLines = readFileSync(city.lessons, 'utf8').split('\n');
  // Line 6 gets an impossible date, line 9 a name where the minutes go: rejected with their numbers, wherever the file comes from.
  const edited = csvLines.map((line, i) => (i === 5 ? line.replace(/,\d{4}-\d{2}-\d{2},/, ',2026-02-30,') : i === 8 ? line.replace(/,(\d+),/, ',Anna,') : line));
  const windowsCsv = `\uFEFF${edited.join('\r\n')}`;

  it('students with a BOM and CRLF, lessons gzipped or on stdin: the same decisions, with any worker count', () => {
    expect(base.code).toBe(0);
    const students = write('students.ndjson', `\uFEFF${readFileSync(city.students, 'utf8').replace(/\n/g, '\r\n')}`);
    const lessons = readFileSync(city.lessons);
    const runs = {
      stdinLessons: trappa(batch('--students', students, '-', '--workers', '2'), lessons),
      stdinStudents: trappa(batch('--students', '-', write('l.csv.gz', gzipSync(lessons))), readFileSync(students)),
    };
    for (const [name, r] of Object.entries(runs)) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout, name).toBe(base.stdout);
      expect(r.stderr, name).toContain(`lektionsposter: ${city.records} lästa = ${city.records} godtagna + 0 dubbletter + 0 avvisade`);
    }
  });

  it('rejected lesson lines keep the line numbers of the original stream, named as given (stdin, the .gz)', () => {
    const gz = write('edited.csv.gz', gzipSync(windowsCsv));
    const rejectedOf = (name: string, ...args: string[]): Array<{ location: string; issues: Array<{ path: string; message: string }> }> => {
      const path = join(dir, `rejected-${name}.ndjson`);
      const r = trappa(batch('--students', city.students, ...args, '--rejected', path, '--workers', '2'), name === 'stdin' ? gzipSync(windowsCsv) : undefined);
      expect(r.code, r.stderr).toBe(3);
      return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { location: string; issues: Array<{ path: string; message: string }> });
    };
    const fromGz = rejectedOf('gz', gz);
    expect(fromGz.map((r) => [r.location, r.issues[0]?.path])).toEqual([
      [`${gz}:6`, 'date'],
      [`${gz}:9`, 'scheduledMinutes'],
    ]);
    expect(fromGz[0]?.issues[0]?.message).toContain('(fick "2026-02-30")');
    // A name in a minutes column is not of a number's shape: not shown.
    expect(JSON.stringify(fromGz)).not.toContain('Anna');
    expect(rejectedOf('stdin', '-')).toEqual(fromGz.map((r) => ({ ...r, location: r.location.replace(gz, 'stdin') })));
  });

  it('refuses two inputs on stdin, and --previous on stdin (it is read twice)', () => {
    const both = trappa(batch('--students', '-', '-'), '');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('2 gör det: lektionsfil 1, --students');
    const previous = trappa(batch('--students', city.students, city.lessons, '--previous', '-'), '');
    expect(previous.code).toBe(2);
    expect(previous.stderr).toContain('--previous tar filen som --decisions-out skrev');
  });
});
