/**
 * One case a student in a run of case files: `trappa evaluate`, `verify` and
 * `diff` admit each case through `admitCase` with `oncePerStudent`. The oracle
 * is a loop of its own: the first valid case of each id is accepted, every
 * other case is rejected, and the counts add up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitCase } from '../../src/run/admitCase.js';
import { oncePerStudent } from '../../src/run/oncePerStudent.js';
import { emptySummary } from '../../src/run/runSummary.js';
import { studentCase } from '../helpers/cases.js';

const LESSON = { date: '2026-11-23', start: '08:10', scheduledMinutes: 60 };

/** A case item: a student of a small pool, valid or not (a grade of "sju"), with 0–2 lessons. */
const item = fc.record({ id: fc.constantFrom('elev-1', 'elev-2', 'elev-3'), valid: fc.boolean(), lessons: fc.integer({ min: 0, max: 2 }) });

describe('oncePerStudent', () => {
  it('accepts the first valid case of each student and rejects the rest, naming where it was first given (property)', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        const summary = emptySummary();
        const once = oncePerStudent();
        const seen = new Map<string, string>();
        let lessonsRead = 0;
        items.forEach((it, i) => {
          const location = `cases.ndjson:${i + 1}`;
          const attendance = Array.from({ length: it.lessons }, (_, k) => ({ ...LESSON, start: `0${8 + k}:10` }));
          const value = studentCase({ student: { id: it.id, ...(it.valid ? {} : { grade: 'sju' as unknown as number }) }, attendance });
          lessonsRead += it.lessons;
          const admitted = admitCase({ location, value }, summary, (c) => once(c, location));
          const first = seen.get(it.id);
          if (!it.valid) {
            expect(admitted.status).toBe('rejected');
          } else if (first === undefined) {
            expect(admitted.status).toBe('accepted');
            seen.set(it.id, location);
          } else {
            expect(admitted.status).toBe('rejected');
            if (admitted.status !== 'rejected') return;
            expect(admitted.issues.map((issue) => [issue.path, issue.message])).toEqual([
              ['student.id', `Duplicate student id; the student was first given at ${first}`],
            ]);
            expect(admitted.issues[0]?.text?.sv).toBe(`Elev-id:t finns redan; eleven angavs första gången på ${first}`);
            // The message names a place, never the student.
            expect(admitted.issues[0]?.message).not.toContain(it.id);
          }
        });
        expect(summary.cases.read).toBe(items.length);
        expect(summary.cases.read - summary.cases.rejected).toBe(seen.size);
        expect(summary.records.read).toBe(lessonsRead);
        expect(summary.records.accepted + summary.records.duplicate + summary.records.rejected).toBe(summary.records.read);
      }),
    );
  });
});
