/**
 * `trappa explain` reads the lesson files as bytes and decodes only the lines
 * that hold the student's id or a backslash (issue 15: a city's 645 MB file in
 * about a second, where decoding and parsing every line took four). The oracle
 * is the nightly batch (`runBatch`, whose reader is its own: the byte scanner
 * and the general path), on the same files: for any mix of the student's
 * lessons (plain, with the id spelt by a JSON escape, rejected, not UTF-8),
 * other students' lessons, lines of ids that hold the student's id inside
 * them, backslashes on other students' lines, blank lines, CRLF and a BOM, in
 * NDJSON or CSV, and any read size (the id and the lines cut at chunk edges),
 * plain or gzip, the decision
 * `explainFromLessons` makes is the one the batch wrote, byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { runBatch } from '../../src/batch/runBatch.js';
import { explainFromLessons } from '../../src/cli/explainStudent.js';
import { builtinPolicy } from '../../src/index.js';
import type { Decision } from '../../src/model/decision.js';
import type { StudentCaseInput } from '../../src/model/studentCase.js';

const AS_OF = '2026-11-20';
const policy = builtinPolicy('stockholm');
const dir = mkdtempSync(join(tmpdir(), 'trappa-explain-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const school = generateSchool({ students: 3, seed: 21, termEnd: AS_OF });
const [target, other] = school as [StudentCaseInput, StudentCaseInput, StudentCaseInput];
const id = target.student.id;
const students = join(dir, 'students.ndjson');
writeFileSync(students, school.map(({ attendance: _, ...context }) => `${JSON.stringify(context)}\n`).join(''));

type Lesson = NonNullable<StudentCaseInput['attendance']>[number];
const lessonsOf = (c: StudentCaseInput): Lesson[] => (c.attendance ?? []).slice(-25);

/**
 * One line of a lesson file, as a value: what it holds, before it is written as NDJSON or CSV.
 * `escaped`: in NDJSON the id's first character and the start's colon as JSON escapes (a backslash
 * on a line of any student: exports written with ASCII escaping have one on every line); in CSV the
 * id quoted.
 */
type Line =
  | { readonly kind: 'lesson'; readonly studentId: string; readonly lesson: Lesson; readonly escaped: boolean }
  | { readonly kind: 'rejected'; readonly studentId: string; readonly lesson: Lesson }
  | { readonly kind: 'not-utf8'; readonly studentId: string; readonly lesson: Lesson }
  | { readonly kind: 'blank' };

const line: fc.Arbitrary<Line> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ lesson: fc.constantFrom(...lessonsOf(target)), escaped: fc.boolean() }).map(({ lesson, escaped }) => ({ kind: 'lesson' as const, studentId: id, lesson, escaped })) },
  { weight: 3, arbitrary: fc.record({ lesson: fc.constantFrom(...lessonsOf(other)), escaped: fc.boolean() }).map(({ lesson, escaped }) => ({ kind: 'lesson' as const, studentId: other.student.id, lesson, escaped })) },
  // Ids that hold the student's id: no such student, and never the student's lines.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(`${id}0`, `x${id}`, `${id}-b`), fc.constantFrom(...lessonsOf(target))).map(([studentId, lesson]) => ({ kind: 'lesson' as const, studentId, lesson, escaped: false })) },
  { weight: 1, arbitrary: fc.constantFrom(...lessonsOf(target)).map((lesson) => ({ kind: 'rejected' as const, studentId: id, lesson })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(id, other.student.id), fc.constantFrom(...lessonsOf(target))).map(([studentId, lesson]) => ({ kind: 'not-utf8' as const, studentId, lesson })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
);

/** The id with its first character as a JSON escape (`\u0073kola-…`): the same id to a JSON reader, other bytes in the file. */
const escapedId = (studentId: string): string => `\\u${studentId.charCodeAt(0).toString(16).padStart(4, '0')}${studentId.slice(1)}`;

const CSV_COLUMNS = 'studentId,date,start,scheduledMinutes,validAbsenceMinutes,invalidAbsenceMinutes,reported,guardianReported,reason';

function written(l: Line, format: 'ndjson' | 'csv'): Buffer {
  if (l.kind === 'blank') return Buffer.from(format === 'csv' ? '' : '  ');
  const lesson = { ...l.lesson, ...(l.kind === 'rejected' ? { scheduledMinutes: -5 } : {}) };
  if (format === 'ndjson') {
    const text = JSON.stringify({ studentId: l.studentId, ...lesson });
    if (l.kind === 'lesson' && l.escaped) return Buffer.from(text.replace(`"studentId":"${l.studentId}"`, `"studentId":"${escapedId(l.studentId)}"`).replace(/"start":"(\d\d):/, '"start":"$1\\u003a'));
    if (l.kind === 'not-utf8') return Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from([0xff]), Buffer.from('}')]);
    return Buffer.from(text);
  }
  // CSV has no escapes: the escaped lesson is the student's id quoted instead.
  const idCell = l.kind === 'lesson' && l.escaped ? `"${l.studentId}"` : l.studentId;
  const cells = [idCell, lesson.date, lesson.start, lesson.scheduledMinutes, lesson.validAbsenceMinutes ?? '', lesson.invalidAbsenceMinutes ?? '', lesson.reported === false ? 'false' : 'true', lesson.guardianReported === true ? 'true' : 'false', lesson.reason ?? ''];
  const row = Buffer.from(cells.join(','));
  return l.kind === 'not-utf8' ? Buffer.concat([row, Buffer.from([0xff])]) : row;
}

let files = 0;

describe('explainFromLessons reads only the lines that may name the student', () => {
  it('gives the decision the batch wrote, byte for byte, for any mix of lines, format, line endings, read size and compression (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('ndjson' as const, 'csv' as const),
        fc.boolean(),
        fc.constantFrom(7, 32, 100, 1 << 12, 1 << 20),
        fc.boolean(),
        fc.boolean(),
        async (lines, format, crlf, chunkBytes, gz, bom) => {
          files += 1;
          const eol = Buffer.from(crlf ? '\r\n' : '\n');
          const body = lines.flatMap((l) => [written(l, format), eol]);
          // A gzip file is read as a stream (`forEachInputByteLine`), a plain one in two buffers in turn (`forEachByteLine`).
          const lessons = join(dir, `lessons-${files}.${format}${gz ? '.gz' : ''}`);
          const bytes = Buffer.concat([...(bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : []), ...(format === 'csv' ? [Buffer.from(CSV_COLUMNS), eol, ...body] : body)]);
          writeFileSync(lessons, gz ? gzipSync(bytes) : bytes);
          const decisionsPath = join(dir, `night-${files}.ndjson`);
          await runBatch({
            files: { students, lessons: [lessons] },
            settings: { policy, calendar: undefined, asOf: AS_OF, incremental: false },
            out: new PassThrough().resume(),
            workers: 1,
            decisionsPath,
            decisionsForm: 'full',
          });
          const night = readFileSync(decisionsPath, 'utf8').split('\n').find((l) => l.startsWith(`{"studentId":"${id}"`));
          const result = await explainFromLessons(id, { students, lessons: [lessons], chunkBytes }, { policy, calendar: undefined, asOf: AS_OF });
          expect(result.kind).toBe('decisions');
          if (result.kind !== 'decisions') return;
          expect(JSON.stringify(result.decisions[0] as Decision)).toBe(night);
        },
      ),
      {
        numRuns: 25,
        // A line of each kind for the student, in both formats and the smallest reads.
        examples: [
          [
            [
              { kind: 'lesson', studentId: id, lesson: lessonsOf(target)[0] as Lesson, escaped: true },
              { kind: 'rejected', studentId: id, lesson: lessonsOf(target)[1] as Lesson },
              { kind: 'not-utf8', studentId: id, lesson: lessonsOf(target)[2] as Lesson },
              { kind: 'lesson', studentId: `x${id}`, lesson: lessonsOf(target)[3] as Lesson, escaped: false },
              { kind: 'blank' },
              { kind: 'lesson', studentId: id, lesson: lessonsOf(target)[4] as Lesson, escaped: false },
            ],
            'ndjson',
            true,
            7,
            false,
            true,
          ],
        ],
      },
    );
  });
});
