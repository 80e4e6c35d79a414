/**
 * The bench's anchors (issue 15) compute trappa's `termAbsence` fact: for generated students
 * with lessons in the term before (to be left out), in this term, on lessons nobody reported
 * (left out) and after asOf (left out), the plain Node loop and DuckDB (in the test's process and
 * in one of its own), on NDJSON and on CSV,
 * give every student the part and whole of the fact in trappa's decision. The bench's check is
 * then a comparison of like with like.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinPolicy, type StudentCaseInput } from '../../src/index.js';
import { LESSON_CSV_COLUMNS } from '../../src/adapters/lessons/lessonRecord.js';
import { arbitraryAttendance, arbitraryCase, decideCase } from '../../src/testing/index.js';
import { duckdbAnchor, duckdbProcessAnchor, flaggedStudents, over20, plainNodeAnchor, rateDifferences, type TermRate } from '../../bench/anchors.js';
import { median, termStartOf } from '../../bench/anchorSection.js';

const AS_OF = '2026-09-15';
const PERIOD = { termStart: termStartOf(AS_OF), asOf: AS_OF };
const policy = builtinPolicy('stockholm');
const dir = mkdtempSync(join(tmpdir(), 'trappa-anchors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A lesson after asOf, wholly absent: the ledger leaves it out, so must the anchors. */
const AFTER_AS_OF = { date: '2026-09-16', start: '08:00', scheduledMinutes: 60, invalidAbsenceMinutes: 60 };

const students = fc.array(
  // From VT2026's last fortnight (another term) into HT2026; measures none (an `obehovligt` investigation would move the term's start).
  arbitraryCase({ asOf: AS_OF, attendance: arbitraryAttendance({ asOf: AS_OF, from: '2026-06-01', maxLessonsPerDay: 3 }), measures: fc.constant([]) }),
  { minLength: 1, maxLength: 3 },
);

function writeLessons(cases: readonly StudentCaseInput[], name: string): { ndjson: string; csv: string } {
  const rows = cases.flatMap((c) => [...(c.attendance ?? []), AFTER_AS_OF].map((l) => ({ studentId: c.student.id, ...l }) as Record<string, unknown>));
  const ndjson = join(dir, `${name}.ndjson`);
  const csv = join(dir, `${name}.csv`);
  writeFileSync(ndjson, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  writeFileSync(csv, [LESSON_CSV_COLUMNS.join(','), ...rows.map((r) => LESSON_CSV_COLUMNS.map((c) => (r[c] === undefined ? '' : String(r[c]))).join(','))].join('\n'));
  return { ndjson, csv };
}

describe('bench anchors', () => {
  it('the Node loop and DuckDB, on NDJSON and CSV, give every student the rate of trappa’s termAbsence fact', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(students, async (drawn) => {
        const cases = drawn.map((c, i) => ({ ...c, student: { ...c.student, id: `elev-${i}` } }));
        const trappa = new Map<string, TermRate>(cases.map((c) => [c.student.id, decideCase(c, policy, AS_OF).facts.termAbsence]));
        const files = writeLessons(cases, `run-${(run += 1)}`);
        for (const anchor of [
          await plainNodeAnchor(files.ndjson, 'ndjson', PERIOD),
          await plainNodeAnchor(files.csv, 'csv', PERIOD),
          await duckdbAnchor(files.ndjson, 'ndjson', PERIOD, 1),
          await duckdbAnchor(files.csv, 'csv', PERIOD, 2),
          // From a process of its own, as trappa's CLI is timed: the same query, the same rates.
          duckdbProcessAnchor(run % 2 === 0 ? files.ndjson : files.csv, run % 2 === 0 ? 'ndjson' : 'csv', PERIOD, 1),
        ]) {
          expect(rateDifferences(trappa, anchor.rates ?? new Map())).toEqual([]);
        }
      }),
      // Each run starts DuckDB five times (once in a process of its own): a failure is reported as drawn (up to three students), not shrunk.
      { numRuns: 10, endOnFailure: true },
    );
  });

  it('over20 is strictly over 20 per cent, never of nothing', () => {
    expect([over20({ part: 20, whole: 100 }), over20({ part: 201, whole: 1000 }), over20({ part: 0, whole: 0 }), over20({ part: 1, whole: 0 })]).toEqual([false, true, false, false]);
  });

  it('rateDifferences lists flag differences first, a missing student as 0 of 0', () => {
    const a = new Map<string, TermRate>([
      ['a', { part: 10, whole: 100 }],
      ['b', { part: 30, whole: 100 }],
      ['c', { part: 5, whole: 100 }],
    ]);
    const b = new Map<string, TermRate>([
      ['a', { part: 11, whole: 100 }],
      ['b', { part: 30, whole: 100 }],
    ]);
    expect(rateDifferences(a, b).map((d) => [d.studentId, d.flag])).toEqual([
      ['a', false],
      ['c', false],
    ]);
    expect(rateDifferences(b, new Map([['b', { part: 20, whole: 100 }]])).map((d) => [d.studentId, d.flag])).toEqual([
      ['b', true],
      ['a', false],
    ]);
    expect(flaggedStudents(a)).toEqual(['b']);
  });

  it('termStartOf and median', () => {
    expect([termStartOf('2026-11-23'), termStartOf('2026-01-08')]).toEqual(['2026-08-17', '2026-01-08']);
    expect([median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([2, 2.5]);
  });
});
