/**
 * Issue 13, point 2, through the built CLI: in every input format the text
 * summary and `--summary-json` show `read = accepted + duplicate + rejected`
 * (`+ excluded` for SS 12000); copies alone exit 0, a conflict exits 3 and is
 * named on stderr with both locations and the fields that differ.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const FIXTURE = new URL('../../fixtures/ss12000/', import.meta.url).pathname;
const AS_OF = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'trappa-cli-duplicates-'));
const school = generateSchool({ students: 2, seed: 4, termEnd: AS_OF });

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', '--as-of', AS_OF, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function summaryRecords(path: string): Record<string, number> {
  return (JSON.parse(readFileSync(path, 'utf8')) as { records: Record<string, number> }).records;
}

describe('duplicate lesson records through the CLI', () => {
  it('case files: copies count once (exit 0); a conflicting pair is rejected with both indices (exit 3)', () => {
    const [a, b] = school;
    if (a === undefined || b === undefined) throw new Error('fixture');
    const attendance = a.attendance ?? [];
    const n = attendance.length;
    const copies = join(dir, 'copies.ndjson');
    writeFileSync(copies, `${JSON.stringify({ ...a, attendance: [...attendance, ...attendance] })}\n${JSON.stringify(b)}\n`);
    const plain = join(dir, 'plain.ndjson');
    writeFileSync(plain, `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    const summary = join(dir, 'copies-summary.json');
    const once = trappa(plain, '--json');
    const twice = trappa(copies, '--json', '--summary-json', summary);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toBe(once.stdout);
    const total = n + (b.attendance ?? []).length;
    expect(twice.stderr).toContain(`lektionsposter: ${total + n} lästa = ${total} godtagna + ${n} ${n === 1 ? 'dubblett' : 'dubbletter'} + 0 avvisade`);
    expect(summaryRecords(summary)).toEqual({ read: total + n, accepted: total, duplicate: n, rejected: 0 });

    const last = attendance[n - 1];
    if (last === undefined) throw new Error('fixture');
    const other = { date: last.date, start: last.start, scheduledMinutes: last.scheduledMinutes, invalidAbsenceMinutes: last.scheduledMinutes, reason: 'unknown' };
    const conflict = join(dir, 'conflict.ndjson');
    writeFileSync(conflict, `${JSON.stringify({ ...a, attendance: [...attendance, other] })}\n`);
    const r = trappa(conflict, '--details', 'none');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${conflict}:1: attendance[${n - 1}]: Samma elev, datum och start som attendance[${n}], med annat värde på `);
    expect(r.stderr).toContain(`${conflict}:1: attendance[${n}]: Samma elev, datum och start som attendance[${n - 1}], med annat värde på `);
    expect(trappa(conflict, '--details', 'none', '--lang', 'en').stderr).toContain(`${conflict}:1: attendance[${n}]: Same student, date and start as attendance[${n - 1}], with a different `);
    expect(r.stdout).toContain(`lektionsposter: ${n + 1} lästa = ${n - 1} godtagna + 0 dubbletter + 2 avvisade`);
    expect(r.stdout).toMatch(/\n {2}motstridiga lektionsposter \(avvisade\) +1\n/);
  });

  it('lesson NDJSON: an export concatenated twice gives the same decisions, the second copy counted duplicate (exit 0)', () => {
    const students = join(dir, 'students.ndjson');
    writeFileSync(students, school.map(({ attendance: _, ...c }) => JSON.stringify(c)).join('\n') + '\n');
    const lines = school.flatMap((c) => (c.attendance ?? []).map((r) => JSON.stringify({ studentId: c.student.id, ...r })));
    const once = join(dir, 'once.ndjson');
    const twice = join(dir, 'twice.ndjson');
    writeFileSync(once, `${lines.join('\n')}\n`);
    writeFileSync(twice, `${lines.join('\n')}\n${lines.join('\n')}\n`);
    const summary = join(dir, 'lessons-summary.json');
    const a = trappa('--format', 'lessons', '--students', students, once, '--json');
    const b = trappa('--format', 'lessons', '--students', students, twice, '--json', '--summary-json', summary);
    const c = trappa('--format', 'lessons', '--students', students, once, once, '--json');
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    expect(b.stderr).toContain(`lektionsposter: ${2 * lines.length} lästa = ${lines.length} godtagna + ${lines.length} dubbletter + 0 avvisade`);
    expect(summaryRecords(summary)).toEqual({ read: 2 * lines.length, accepted: lines.length, duplicate: lines.length, rejected: 0 });
  });

  it('SS 12000: a page exported twice is counted duplicate, the decisions unchanged (exit 0)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'trappa-ss12000-dup-'));
    cpSync(join(FIXTURE, 'export'), copy, { recursive: true });
    copyFileSync(join(copy, 'attendances-2.json'), join(copy, 'attendances-3.json'));
    const summary = join(dir, 'ss-summary.json');
    const context = join(FIXTURE, 'trappa-context.json');
    const a = trappa('--format', 'ss12000', join(FIXTURE, 'export'), '--context', context, '--json');
    const b = trappa('--format', 'ss12000', copy, '--context', context, '--json', '--summary-json', summary, '--lang', 'en');
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toContain('lesson records: 942 read = 621 accepted + 314 duplicate + 7 excluded (cancelled or not taking part) + 0 rejected');
    expect(summaryRecords(summary)).toEqual({ read: 942, accepted: 621, duplicate: 314, excluded: 7, rejected: 0 });
  });
});

describe('a student given twice in case files', () => {
  it('evaluate: the second case is rejected, naming the first place; one decision a student (exit 3)', () => {
    const [a, b] = school;
    if (a === undefined || b === undefined) throw new Error('fixture');
    const first = join(dir, 'first.ndjson');
    writeFileSync(first, `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    const again = join(dir, 'again.json');
    // The same student in a second file, as when two exports are joined: another day's data.
    writeFileSync(again, JSON.stringify({ ...a, attendance: (a.attendance ?? []).slice(0, 3) }));
    const summary = join(dir, 'twice-summary.json');
    const once = trappa(first, '--json');
    const twice = trappa(first, again, '--json', '--summary-json', summary);
    expect(twice.code).toBe(3);
    expect(twice.stdout).toBe(once.stdout);
    expect(twice.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { studentId: string }).studentId)).toEqual([a.student.id, b.student.id]);
    expect(twice.stderr).toContain(`${again}:1: student.id: Elev-id:t finns redan; eleven angavs första gången på ${first}:1`);
    const counts = JSON.parse(readFileSync(summary, 'utf8')) as { cases: Record<string, number>; records: Record<string, number> };
    expect(counts.cases).toEqual({ read: 3, evaluated: 2, rejected: 1 });
    const n = (a.attendance ?? []).length + (b.attendance ?? []).length;
    expect(counts.records).toEqual({ read: n + 3, accepted: n, duplicate: 0, rejected: 3 });
    expect(trappa(first, again, '--lang', 'en', '--details', 'none').stderr).toContain(`${again}:1: student.id: Duplicate student id; the student was first given at ${first}:1`);
  });

  it('verify and diff reject it too', () => {
    const [a] = school;
    if (a === undefined) throw new Error('fixture');
    const twice = join(dir, 'twice.ndjson');
    writeFileSync(twice, `${JSON.stringify(a)}\n${JSON.stringify(a)}\n`);
    for (const command of ['verify', 'diff']) {
      const args = command === 'diff' ? ['--from', 'stockholm', '--to', 'goteborg'] : ['--policy', 'stockholm'];
      const r = spawnSync(process.execPath, [CLI, command, twice, '--as-of', AS_OF, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(r.stderr, command).toContain(`${twice}:2: student.id: Elev-id:t finns redan; eleven angavs första gången på ${twice}:1`);
      expect(r.status, command).toBe(3);
    }
  });
});
