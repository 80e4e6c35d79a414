import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictText, LESSON_CONTENT_FIELDS, resolveDuplicateLessons } from '../../src/adapters/lessonDuplicates.js';
import type { AttendanceRecord } from '../../src/model/studentCase.js';

const lesson = (date: string, start: string, invalid = 0, extra: Partial<AttendanceRecord> = {}): AttendanceRecord => ({
  date,
  start,
  scheduledMinutes: 60,
  validAbsenceMinutes: 0,
  invalidAbsenceMinutes: invalid,
  reported: true,
  guardianReported: false,
  reason: invalid > 0 ? 'unknown' : 'none',
  ...extra,
});

/** Records from a small space, so that dates and starts collide often, and so do whole records. */
const record: fc.Arbitrary<AttendanceRecord> = fc
  .record({
    date: fc.constantFrom('2026-11-20', '2026-11-23'),
    start: fc.constantFrom('08:10', '09:10', '10:10'),
    invalid: fc.constantFrom(0, 60),
    reported: fc.boolean(),
  })
  .map(({ date, start, invalid, reported }) => lesson(date, start, invalid, { reported }));

const canonical = (r: AttendanceRecord): string => JSON.stringify([r.date, r.start, ...LESSON_CONTENT_FIELDS.map((f) => r[f])]);
const sorted = (rs: readonly AttendanceRecord[]): string[] => rs.map(canonical).sort();

/**
 * The rule as the issue states it, written out independently: per student, date and start, the
 * different versions; one version is accepted once (the rest are duplicates), several are all
 * rejected (their copies are still duplicates).
 */
function oracle(records: readonly AttendanceRecord[]): { accepted: string[]; duplicates: number; rejected: number; conflictKeys: string[] } {
  const versions = new Map<string, Set<string>>();
  for (const r of records) {
    const key = `${r.date} ${r.start}`;
    versions.set(key, (versions.get(key) ?? new Set()).add(canonical(r)));
  }
  const accepted: string[] = [];
  let rejected = 0;
  const conflictKeys: string[] = [];
  let distinct = 0;
  for (const [key, set] of versions) {
    distinct += set.size;
    if (set.size === 1) accepted.push(...set);
    else {
      rejected += set.size;
      conflictKeys.push(key);
    }
  }
  return { accepted: accepted.sort(), duplicates: records.length - distinct, rejected, conflictKeys: conflictKeys.sort() };
}

describe('resolveDuplicateLessons', () => {
  it('the issue\'s example: one absent and one present at the same date and start are both rejected, naming the fields that differ', () => {
    const absent = lesson('2026-11-23', '08:10', 60);
    const present = lesson('2026-11-23', '08:10', 0);
    expect(resolveDuplicateLessons([absent, lesson('2026-11-23', '09:10'), present])).toEqual({
      accepted: [lesson('2026-11-23', '09:10')],
      duplicates: [],
      conflicts: [{ date: '2026-11-23', start: '08:10', records: [0, 2], fields: ['invalidAbsenceMinutes', 'reason'] }],
    });
  });

  it('an export twice: every record of the second copy is a duplicate, the first copy is used', () => {
    const once = [lesson('2026-11-20', '08:10', 60), lesson('2026-11-20', '09:10'), lesson('2026-11-23', '08:10')];
    const r = resolveDuplicateLessons([...once, ...once]);
    expect(r.accepted).toEqual(once);
    expect(r.duplicates).toEqual([3, 4, 5]);
    expect(r.conflicts).toEqual([]);
  });

  it('records in date and start order are returned as they are (no copy)', () => {
    const ordered = [lesson('2026-11-20', '08:10'), lesson('2026-11-20', '09:10'), lesson('2026-11-23', '08:10')];
    expect(resolveDuplicateLessons(ordered).accepted).toBe(ordered);
  });

  it('a day with many records (grouped by a map, not pairwise): the same rule', () => {
    const starts = Array.from({ length: 60 }, (_, i) => `${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}`);
    const day = starts.map((start) => lesson('2026-11-23', start));
    // Every lesson twice, in reverse the second time; one of them also reported absent.
    const records = [...day, ...[...day].reverse(), lesson('2026-11-23', starts[7] as string, 60)];
    const r = resolveDuplicateLessons(records);
    expect(r.duplicates).toHaveLength(60);
    expect(r.conflicts).toEqual([{ date: '2026-11-23', start: starts[7], records: [7, 120], fields: ['invalidAbsenceMinutes', 'reason'] }]);
    expect(sorted(r.accepted)).toEqual(sorted(day.filter((_, i) => i !== 7)));
  });

  it('names fields, never values', () => {
    expect(conflictText(['lessons.csv:9'], ['invalidAbsenceMinutes', 'reason'])).toEqual({
      sv: 'Samma elev, datum och start som lessons.csv:9, med annat värde på invalidAbsenceMinutes, reason; ingen av dem används',
      en: 'Same student, date and start as lessons.csv:9, with a different invalidAbsenceMinutes, reason; none of them is used',
    });
  });

  it('agrees with the rule written out: accepted once, duplicates counted, conflicts rejected; every index in exactly one place', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 14 }), (records) => {
        const r = resolveDuplicateLessons(records);
        const o = oracle(records);
        expect(sorted(r.accepted)).toEqual(o.accepted);
        expect(r.duplicates).toHaveLength(o.duplicates);
        const rejected = r.conflicts.flatMap((c) => c.records);
        expect(rejected).toHaveLength(o.rejected);
        expect(r.conflicts.map((c) => `${c.date} ${c.start}`).sort()).toEqual(o.conflictKeys);
        // A partition of the indices: accepted (in input order), duplicates, rejected.
        const left = new Set([...r.duplicates, ...rejected]);
        expect(left.size).toBe(r.duplicates.length + rejected.length);
        expect(r.accepted).toEqual(records.filter((_, i) => !left.has(i)));
        for (const c of r.conflicts) {
          expect(c.fields.length).toBeGreaterThan(0);
          for (const f of LESSON_CONTENT_FIELDS) {
            const values = new Set(c.records.map((i) => records[i]?.[f]));
            expect(c.fields.includes(f)).toBe(values.size > 1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any permutation and any duplication of the records gives the same outcome, the extra copies counted as duplicates', () => {
    const input = fc.array(record, { maxLength: 10 }).chain((records) =>
      fc.record({
        records: fc.constant(records),
        extra: fc.array(fc.nat(), { maxLength: 6 }).map((picks) => (records.length === 0 ? [] : picks.map((p) => records[p % records.length] as AttendanceRecord))),
      }),
    );
    fc.assert(
      fc.property(
        input.chain(({ records, extra }) =>
          fc.record({ records: fc.constant(records), extra: fc.constant(extra), mixed: fc.shuffledSubarray([...records, ...extra], { minLength: records.length + extra.length }) }),
        ),
        ({ records, extra, mixed }) => {
          const once = resolveDuplicateLessons(records);
          const again = resolveDuplicateLessons(mixed);
          expect(sorted(again.accepted)).toEqual(sorted(once.accepted));
          expect(again.duplicates).toHaveLength(once.duplicates.length + extra.length);
          const shape = (r: typeof once) => r.conflicts.map((c) => ({ at: `${c.date} ${c.start}`, rejected: c.records.length, fields: c.fields })).sort((a, b) => (a.at < b.at ? -1 : 1));
          expect(shape(again)).toEqual(shape(once));
        },
      ),
      { numRuns: 300 },
    );
  });
});
