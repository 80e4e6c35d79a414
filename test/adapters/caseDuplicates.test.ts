/**
 * Issue 13, point 2, in a case file: lesson records of one date and start in
 * a case's own `attendance` are resolved by `parseStudentCase` as the batch
 * resolves lesson lines (identical copies count once, versions that differ
 * are all rejected), and the student gets a `conflicting-lessons` warning.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseTally, recordWarnings } from '../../src/adapters/recordWarnings.js';
import { builtinPolicy, evaluate, parseStudentCase, type StudentCaseInput } from '../../src/index.js';
import { arbitraryCase, DEFAULT_TEST_AS_OF, type LessonInput } from '../../src/testing/index.js';
import { lessons, schoolDays, studentCase } from '../helpers/cases.js';

const AS_OF = '2026-11-23';
const policy = builtinPolicy('stockholm');

/** What `trappa evaluate` does with one case: parse, then evaluate with the warnings of its records. */
function decideWithWarnings(input: StudentCaseInput, asOf = AS_OF) {
  const parsed = parseStudentCase(JSON.parse(JSON.stringify(input)) as unknown);
  if (!parsed.ok) throw new Error(`case rejected: ${JSON.stringify(parsed.issues)}`);
  return { parsed, decision: evaluate(parsed.case, policy, { asOf, warnings: recordWarnings(caseTally(parsed)) }) };
}

const term = lessons(schoolDays('2026-08-17', AS_OF), { perDay: 2 });

describe('duplicate lesson records in a case file', () => {
  it('two records of one date and start, one absent and one present: both rejected, with each other\'s index, and a warning', () => {
    const absent: LessonInput = { date: AS_OF, start: '13:00', scheduledMinutes: 60, invalidAbsenceMinutes: 60, reason: 'unknown' };
    const present: LessonInput = { date: AS_OF, start: '13:00', scheduledMinutes: 60 };
    const attendance = [...term, absent, present];
    const { parsed, decision } = decideWithWarnings(studentCase({ attendance }));
    const [i, j] = [term.length, term.length + 1];
    expect(parsed.case.attendance).toHaveLength(term.length);
    expect(parsed.duplicates).toEqual([]);
    expect(parsed.conflicts).toEqual([{ date: AS_OF, start: '13:00', records: [i, j], fields: ['invalidAbsenceMinutes', 'reason'] }]);
    expect(parsed.rejectedRecords).toMatchObject([
      { index: i, issues: [{ path: `attendance[${i}]`, message: `Same student, date and start as attendance[${j}], with a different invalidAbsenceMinutes, reason; none of them is used` }] },
      { index: j, issues: [{ path: `attendance[${j}]`, message: `Same student, date and start as attendance[${i}], with a different invalidAbsenceMinutes, reason; none of them is used` }] },
    ]);
    expect(decision.warnings).toContainEqual({ kind: 'conflicting-lessons', count: 2, lessons: 1 });
    expect(decision.warnings).toContainEqual({ kind: 'rejected-records', count: 2 });
    // The decision is the one on the term without the two records (and with the warnings).
    const clean = parseStudentCase(studentCase({ attendance: term }));
    if (!clean.ok) throw new Error('fixture case rejected');
    const warnings = [{ kind: 'rejected-records', count: 2 }, { kind: 'conflicting-lessons', count: 2, lessons: 1 }] as const;
    expect(decision).toEqual(evaluate(clean.case, policy, { asOf: AS_OF, warnings }));
  });

  it('an attendance list written twice: the same decision, every record of the second copy a duplicate, no warning', () => {
    const once = decideWithWarnings(studentCase({ attendance: term }));
    const twice = decideWithWarnings(studentCase({ attendance: [...term, ...term] }));
    expect(twice.decision).toEqual(once.decision);
    expect(twice.parsed.duplicates).toEqual(term.map((_, k) => term.length + k));
    expect(twice.parsed.rejectedRecords).toEqual([]);
    expect(twice.decision.warnings.map((w) => w.kind)).not.toContain('conflicting-lessons');
  });

  it('any permutation and any duplication of the records gives the same decision, the copies counted (property)', () => {
    const drawn = arbitraryCase({ asOf: DEFAULT_TEST_AS_OF }).chain((input) => {
      const records = input.attendance ?? [];
      return fc.record({
        input: fc.constant(input),
        // Versions that contradict a record (absent where it was present, or the other way round).
        conflicts: fc.array(fc.nat(), { maxLength: 2 }).map((picks) =>
          records.length === 0 ? [] : picks.map((p) => flip(records[p % records.length] as LessonInput)),
        ),
        copies: fc.array(fc.nat(), { maxLength: 8 }),
        seed: fc.integer(),
      });
    });
    fc.assert(
      fc.property(drawn, ({ input, conflicts, copies, seed }) => {
        const base = [...(input.attendance ?? []), ...conflicts];
        const extra = base.length === 0 ? [] : copies.map((p) => base[p % base.length] as LessonInput);
        const mixed = shuffle([...base, ...extra], seed);
        const a = decideWithWarnings({ ...input, attendance: base }, DEFAULT_TEST_AS_OF);
        const b = decideWithWarnings({ ...input, attendance: mixed }, DEFAULT_TEST_AS_OF);
        expect(b.decision).toEqual(a.decision);
        expect(b.parsed.duplicates).toHaveLength(a.parsed.duplicates.length + extra.length);
        expect(b.parsed.rejectedRecords).toHaveLength(a.parsed.rejectedRecords.length);
        // read = accepted + duplicate + rejected
        expect(b.parsed.case.attendance.length + b.parsed.duplicates.length + b.parsed.rejectedRecords.length).toBe(mixed.length);
      }),
      { numRuns: 40 },
    );
  });
});

/** The same lesson reported the other way: absent if it was present, present if it was absent. */
function flip(l: LessonInput): LessonInput {
  const absent = (l.invalidAbsenceMinutes ?? 0) + (l.validAbsenceMinutes ?? 0) > 0;
  return absent
    ? { date: l.date, start: l.start, scheduledMinutes: l.scheduledMinutes }
    : { date: l.date, start: l.start, scheduledMinutes: l.scheduledMinutes, invalidAbsenceMinutes: l.scheduledMinutes, reason: 'unknown' };
}

/** A deterministic shuffle. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  return items
    .map((item, i) => ({ item, k: (Math.imul(i + 1, seed | 1) ^ (i * 2654435761)) >>> 0 }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.item);
}
