import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import type { RejectedLine } from '../../src/batch/rejectionLog.js';
import { runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import type { AttendanceRecord, StudentCaseInput } from '../../src/model/studentCase.js';
import { byteLines } from '../helpers/byteLines.js';

/** NDJSON decisions, and the rejected lines' messages in English (the words these tests match). */
const ENGLISH_NDJSON = { output: 'json', details: 'none', lang: 'en' } as const;

const AS_OF = '2026-11-23';
const policy = builtinPolicy('stockholm');
const settings: BatchSettings = { policy, calendar: undefined, asOf: AS_OF, incremental: false };
const school = generateSchool({ students: 3, seed: 5, termEnd: AS_OF });
const dir = mkdtempSync(join(tmpdir(), 'trappa-decoding-'));
const studentsPath = join(dir, 'students.ndjson');
writeFileSync(studentsPath, school.map(({ attendance: _, ...context }) => JSON.stringify(context)).join('\n') + '\n');
// Worker threads need the built worker script (npm test builds first).
const workerUrl = new URL('../../dist/batch-worker.js', import.meta.url);
const haveWorkers = existsSync(workerUrl);

/** Valid lesson lines, a few of each student, with their student and record. */
const valid = school.flatMap((c) =>
  (c.attendance ?? []).slice(-12).map((r) => ({ studentId: c.student.id, record: r, line: JSON.stringify({ studentId: c.student.id, ...r }) })),
);
const firstId = school[0]?.student.id ?? '';

/** One segment of a lesson file, as bytes; the lesson it adds when it is a valid line; the student it is a rejected line of. */
type Segment = { readonly bytes: Uint8Array; readonly lesson?: (typeof valid)[number]; readonly rejectedFor?: string };
const text = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...valid).map((lesson) => ({ bytes: text(lesson.line), lesson })) },
  // Valid UTF-8, not a lesson: a non-ASCII reason, an unknown student.
  fc.constant({ bytes: text(`{"studentId":"${firstId}","date":"2026-11-20","start":"08:10","scheduledMinutes":60,"reason":"sjukdom-å"}`), rejectedFor: firstId }),
  fc.constant({ bytes: text('{"studentId":"elev-okand","date":"2026-11-20","start":"08:10","scheduledMinutes":60}') }),
  // A valid line with a stray byte in it (in the id, or after the closing brace): rejected, and its student
  // hears of it when the id (after `{"studentId":"`, 14 characters) is intact.
  fc.constantFrom(...valid).chain((lesson) =>
    fc.tuple(fc.integer({ min: 1, max: lesson.line.length }), fc.constantFrom([0xc3], [0xe2, 0x82], [0xff], [0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f])).map(([at, bad]) => ({
      bytes: Buffer.concat([text(lesson.line.slice(0, at)), Buffer.from(bad), text(lesson.line.slice(at))]),
      // A bad byte before the `"studentId":"…"` token (right after `{`) or after it leaves the id readable.
      ...(at <= 1 || at > 14 + lesson.studentId.length ? { rejectedFor: lesson.studentId } : {}),
    })),
  ),
  // Random bytes, line breaks and carriage returns included.
  fc.uint8Array({ maxLength: 24 }).map((bytes) => ({ bytes })),
  fc.constantFrom('\r', '   ', '\uFEFF', 'å', '{').map((s) => ({ bytes: text(s) })),
);

interface LessonFile {
  readonly bytes: Uint8Array;
  /** The valid lessons that are lines of their own, in file order. */
  readonly lessons: ReadonlyArray<(typeof valid)[number]>;
  /** Ids of the known students of rejected lines, once a line. */
  readonly rejectedFor: readonly string[];
}

/** A lesson file: a BOM or not, a valid first line (so it reads as NDJSON), then segments, each ended by LF or CRLF. */
const lessonFile: fc.Arbitrary<LessonFile> = fc
  .tuple(fc.boolean(), fc.constantFrom(...valid), fc.array(fc.tuple(segment, fc.boolean()), { maxLength: 24 }), fc.boolean())
  .map(([bom, first, segments, lastBreak]) => {
    const parts: Uint8Array[] = [bom ? Buffer.from([0xef, 0xbb, 0xbf]) : new Uint8Array(), text(first.line)];
    const lessons = [first];
    const rejectedFor: string[] = [];
    // Each segment is a line of its own: a line break before it and after it (or the end of the file).
    for (const [s, crlf] of segments) {
      parts.push(text(crlf ? '\r\n' : '\n'), s.bytes);
      if (s.lesson !== undefined) lessons.push(s.lesson);
      if (s.rejectedFor !== undefined) rejectedFor.push(s.rejectedFor);
    }
    if (lastBreak) parts.push(text('\n'));
    return { bytes: Buffer.concat(parts), lessons, rejectedFor };
  });

/** The lines the batch reads: non-blank after the BOM and CR are dropped; an invalid line is never blank. */
function nonBlankLines(bytes: Uint8Array): number {
  return byteLines(bytes).filter(({ text }) => text === null || text.trim() !== '').length;
}

/** The oracle: `evaluate` on each student with exactly the valid lessons, in file order, and a warning for their rejected lines. */
function expectedDecisions(lessons: LessonFile['lessons'], rejectedFor: readonly string[] = []): string {
  return [...school]
    .sort((a, b) => (a.student.id < b.student.id ? -1 : 1))
    .map((c) => {
      const { attendance: _, ...context } = c;
      const attendance: AttendanceRecord[] = lessons.filter((l) => l.studentId === c.student.id).map((l) => l.record as AttendanceRecord);
      const parsed = parseStudentCase({ ...context, attendance } satisfies StudentCaseInput);
      if (!parsed.ok) throw new Error('fixture case rejected');
      const rejected = rejectedFor.filter((id) => id === c.student.id).length;
      return `${JSON.stringify(evaluate(parsed.case, policy, { asOf: AS_OF, warnings: rejected > 0 ? [{ kind: 'rejected-records', count: rejected }] : [] }))}\n`;
    })
    .join('');
}

async function run(lessonsPath: string, extra: Partial<BatchRun>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const rejectedPath = join(dir, `rejected-${Math.random().toString(36).slice(2)}.ndjson`);
  const report = await runBatch({ files: { students: studentsPath, lessons: [lessonsPath] }, settings, out, workers: 1, rejectedPath, format: ENGLISH_NDJSON, ...extra });
  const rejected = readFileSync(rejectedPath, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as RejectedLine);
  return { report, text: Buffer.concat(chunks).toString('utf8'), rejected };
}

describe('lesson files of any bytes (D4: each line decoded on its own)', () => {
  it('any bytes, chunk size, slice, bucket and worker count give the same counts and decisions; read = accepted + duplicate + rejected', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        lessonFile,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(1, 2),
        async (file, chunkBytes, slices, buckets, workers) => {
          n += 1;
          const path = join(dir, `lessons-${n}.ndjson`);
          writeFileSync(path, file.bytes);
          const reference = await run(path, {});
          const drawn = await run(path, { chunkBytes, slices, buckets, ...(workers > 1 && haveWorkers ? { workers, workerUrl } : {}) });
          const { records } = drawn.report.summary;
          expect(records).toEqual(reference.report.summary.records);
          expect(records.read).toBe(records.accepted + records.duplicate + records.rejected);
          expect(records.read).toBe(nonBlankLines(file.bytes));
          // A valid line drawn twice is one lesson: the copies count as duplicates.
          const distinct = new Set(file.lessons.map((l) => l.line)).size;
          expect(records.accepted).toBe(distinct);
          expect(records.duplicate).toBe(file.lessons.length - distinct);
          expect(drawn.rejected.map((r) => r.location).sort()).toEqual(reference.rejected.map((r) => r.location).sort());
          expect(drawn.text).toBe(reference.text);
          expect(drawn.text).toBe(expectedDecisions([...new Map(file.lessons.map((l) => [l.line, l])).values()], file.rejectedFor));
          // No replacement character reaches an accepted student: ids and decisions are as written.
          expect(drawn.text).not.toContain('\uFFFD');
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('a stray lead byte as the last byte of a chunk rejects exactly its line, and "read" counts the lines of the file', async () => {
    const [a, b, c] = valid;
    if (a === undefined || b === undefined || c === undefined) throw new Error('fixture');
    // Line 2 ends in a lone lead byte; the chunk ends right after it, the next chunk is ASCII, and line 3 has an "å" in a later chunk.
    const bytes = Buffer.concat([text(`${a.line}\n${b.line}`), Buffer.from([0xc3]), text(`\n${c.line}\n{"studentId":"${firstId}","reason":"å"}\n`)]);
    const path = join(dir, 'boundary.ndjson');
    writeFileSync(path, bytes);
    const chunkBytes = a.line.length + 1 + b.line.length + 1;
    const runs = [await run(path, { chunkBytes }), await run(path, { chunkBytes, slices: 2 })];
    if (haveWorkers) runs.push(await run(path, { chunkBytes, workers: 2, workerUrl }));
    for (const r of runs) {
      expect(r.report.summary.records).toEqual({ read: 4, accepted: 2, duplicate: 0, rejected: 2 });
      expect(r.rejected.find((x) => x.location === `${path}:2`)?.issues).toEqual([{ path: '(line)', message: 'not valid UTF-8 (byte ' + String(b.line.length + 1) + ' of the line)' }]);
      expect(r.text).toBe(expectedDecisions([a, c], [b.studentId, firstId]));
      expect(r.text).toBe(runs[0]?.text);
    }
  }, 30_000);
});
