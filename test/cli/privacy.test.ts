import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';

// Issue 12, D9: reports of rejected lines give the line, the field and a reason, and never repeat
// an invalid id or other input text; no control character from the input reaches stderr raw.

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-privacy-'));
const AS_OF = '2026-11-23';
const [student] = generateSchool({ students: 1, seed: 3, termEnd: AS_OF });
if (student === undefined) throw new Error('fixture');
const { attendance: _, ...context } = student;
const id = context.student.id;

const students = join(dir, 'students.ndjson');
writeFileSync(
  students,
  [
    JSON.stringify(context),
    JSON.stringify({ ...context, student: { ...context.student, id: '19900101-1234' } }),
    JSON.stringify({ ...context, student: { ...context.student, id: 'Anna Andersson' } }),
    JSON.stringify({ ...context, student: { ...context.student, id: 'elev-2' }, '\u001b]0;pwned\u0007': 1 }),
    '{"student":{"id":"elev-3","namn":Anna Ander',
  ].join('\n') + '\n',
);
const lesson = (studentId: string, extra = ''): string => `{"studentId":${JSON.stringify(studentId)},"date":"2026-11-20","start":"08:10","scheduledMinutes":60${extra}}`;
const lessons = join(dir, 'lessons.ndjson');
writeFileSync(
  lessons,
  [
    lesson(id),
    lesson('19900101-1234'),
    lesson('pnr:19900101_1234'),
    lesson('Anna Andersson 201001011234'),
    `{"studentId":"${id}","namn":Anna Ander`,
    lesson(id, ',"\\u001b[2J\\u0000":1'),
    `{"studentId":"${id}","date":"2026-11-20","start":"08:10","scheduledMinutes":60,"reason":"\u001b[31m\u0000"}`,
    `{"studentId":"${id}","date":"2026-11-20\u009b","start":"08:10","scheduledMinutes":60}`,
  ].join('\n') + '\n',
);
const SECRETS = ['19900101', '201001011234', 'Anna', 'Ander', 'pwned', '\u001b', '\u0000', '\u0007', '\u009b'];

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', '--as-of', AS_OF, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('rejected lines repeat no input text (D9)', () => {
  it('the batch: stderr and --rejected name line, field and reason only', () => {
    const rejectedPath = join(dir, 'rejected.ndjson');
    // In Swedish (the default) and in English: the messages below are matched in English.
    const sv = trappa('--format', 'lessons', '--students', students, lessons, '--details', 'none', '--rejected', rejectedPath);
    expect(sv.code).toBe(3);
    const rejectedSv = readFileSync(rejectedPath, 'utf8');
    expect(rejectedSv).toContain('Ser ut som ett personnummer; använd ett opakt id i stället');
    for (const secret of SECRETS) {
      expect(sv.stderr, JSON.stringify(secret)).not.toContain(secret);
      expect(rejectedSv, JSON.stringify(secret)).not.toContain(secret);
    }
    const r = trappa('--format', 'lessons', '--students', students, lessons, '--details', 'none', '--rejected', rejectedPath, '--lang', 'en');
    expect(r.code).toBe(3);
    const rejected = readFileSync(rejectedPath, 'utf8');
    for (const secret of SECRETS) {
      expect(r.stderr, JSON.stringify(secret)).not.toContain(secret);
      expect(rejected, JSON.stringify(secret)).not.toContain(secret);
    }
    const lines = rejected.trim().split('\n').map((l) => JSON.parse(l) as { location: string; studentId: string | null; issues: Array<{ path: string; message: string }> });
    const at = (file: string, n: number) => lines.find((l) => l.location === `${file}:${n}`);
    expect(at(students, 2)).toMatchObject({ studentId: null, issues: [{ path: 'student.id', message: 'Looks like a personnummer; use an opaque id instead' }] });
    expect(at(students, 4)).toMatchObject({ studentId: 'elev-2', issues: [{ path: '(root)', message: 'Unrecognized key: (key)' }] });
    expect(at(students, 5)).toMatchObject({ studentId: 'elev-3', issues: [{ path: '(line)', message: 'invalid JSON: unexpected character at character 34' }] });
    expect(at(lessons, 2)).toMatchObject({ studentId: null, issues: [{ path: 'studentId', message: 'Looks like a personnummer; use an opaque id instead' }] });
    expect(at(lessons, 3)?.studentId).toBeNull();
    expect(at(lessons, 4)).toMatchObject({ studentId: null, issues: [{ path: 'studentId', message: 'Expected an opaque id of 1–128 characters [A-Za-z0-9_.:-]' }] });
    expect(at(lessons, 5)?.issues).toEqual([{ path: '(line)', message: expect.stringMatching(/^invalid JSON: unexpected character at character \d+$/) }]);
    expect(at(lessons, 6)?.issues).toEqual([{ path: '(root)', message: 'Unrecognized key: (key)' }]);
    expect(at(lessons, 7)?.issues[0]?.message).toMatch(/^invalid JSON: Bad control character in string literal at character \d+$/);
    // A C1 control (CSI) passes JSON.parse; the schema rejects the date, and the message is escaped.
    expect(at(lessons, 8)?.issues[0]?.path).toBe('date');
  }, 20_000);

  it('trappa evaluate on case files: the same', () => {
    const r = trappa(students, '--json');
    expect(r.code).toBe(3);
    for (const secret of SECRETS) expect(r.stderr, JSON.stringify(secret)).not.toContain(secret);
  });

  it('a file name with control characters is escaped in messages', () => {
    const odd = join(dir, 'odd\u001b[2J.ndjson');
    writeFileSync(odd, 'not json\n');
    const r = trappa(odd);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('odd\\u001b[2J.ndjson:1: ogiltig JSON: oväntat tecken vid tecken 2');
    expect(trappa(odd, '--lang', 'en').stderr).toContain('odd\\u001b[2J.ndjson:1: invalid JSON: unexpected character at character 2');
  });
});
