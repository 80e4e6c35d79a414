import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttendanceRecordSchema, builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import { arbitraryCase, arbitraryInvalidLesson, DEFAULT_TEST_AS_OF, type LessonInput } from '../../src/testing/index.js';

/** A case with invalid records slipped in at drawn positions, and where they went. */
const caseWithInvalidRecords = fc
  .record({
    input: arbitraryCase(),
    invalid: fc.array(fc.tuple(arbitraryInvalidLesson(), fc.nat()), { maxLength: 8 }),
  })
  .map(({ input, invalid }) => {
    const attendance: unknown[] = [...(input.attendance ?? [])];
    for (const [record, at] of invalid) attendance.splice(at % (attendance.length + 1), 0, record);
    const injected = attendance.flatMap((r, i) => (invalid.some(([bad]) => bad === r) ? [i] : []));
    return { input, valid: input.attendance ?? [], attendance, injected };
  });

/** Valid lessons dated after asOf, mixed into a case. */
const caseWithLaterRecords = fc
  .record({
    input: arbitraryCase(),
    later: fc.array(
      fc.record({ date: fc.constantFrom('2026-11-24', '2026-11-30', '2026-12-18'), start: fc.constantFrom('08:00', '09:10'), scheduledMinutes: fc.constant(60) }),
      { maxLength: 5 },
    ),
  })
  // Two drawn lessons of one date and start are one lesson (identical copies count once).
  .map(({ input, later }) => ({ input: { ...input, attendance: [...later, ...(input.attendance ?? [])] as LessonInput[] }, later: new Set(later.map((l) => `${l.date} ${l.start}`)).size }));

describe('record counts add up (parseStudentCase: "one bad lesson never hides a student")', () => {
  it('accepts the valid records and rejects exactly the invalid ones, by index: accepted + rejected = input', () => {
    let rejectedSome = 0;
    fc.assert(
      fc.property(caseWithInvalidRecords, ({ input, valid, attendance, injected }) => {
        const parsed = parseStudentCase({ ...input, attendance });
        if (!parsed.ok) throw new Error(`case rejected: ${JSON.stringify(parsed.issues)}`);
        expect(parsed.case.attendance.length + parsed.rejectedRecords.length).toBe(attendance.length);
        expect(parsed.rejectedRecords.map((r) => r.index)).toEqual(injected);
        for (const r of parsed.rejectedRecords) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const issue of r.issues) expect(issue.path).toMatch(new RegExp(`^attendance\\[${r.index}\\]`));
        }
        expect(parsed.case.attendance).toEqual(valid.map((l) => AttendanceRecordSchema.parse(l)));
        if (injected.length > 0) rejectedSome += 1;
      }),
      { numRuns: 150 },
    );
    expect(rejectedSome).toBeGreaterThan(0);
  });

  it('counts records dated after asOf in a warning instead of evaluating them', () => {
    fc.assert(
      fc.property(caseWithLaterRecords, ({ input, later }) => {
        const parsed = parseStudentCase(input);
        if (!parsed.ok) throw new Error(`case rejected: ${JSON.stringify(parsed.issues)}`);
        expect(parsed.rejectedRecords).toEqual([]);
        const d = evaluate(parsed.case, builtinPolicy('skollagen'), { asOf: DEFAULT_TEST_AS_OF });
        const warning = d.warnings.find((w) => w.kind === 'records-after-as-of');
        expect(warning === undefined ? 0 : warning.count).toBe(later);
      }),
      { numRuns: 100 },
    );
  });
});
