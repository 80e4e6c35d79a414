/**
 * The case hot path (`fastCaseShell`, with `fastAttendanceRecord` for the
 * lessons) is held equal to zod: on valid cases it returns what
 * `StudentCaseSchema` returns, and on any mutation of one `parseStudentCase`
 * gives the same result as `parseStudentCaseWithZod` (verdict, issues,
 * rejected records, duplicates, conflicts, and the case, key order included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCaseShell } from '../../src/adapters/fastCaseShell.js';
import { parseStudentCase, parseStudentCaseWithZod } from '../../src/adapters/parseStudentCase.js';
import { StudentCaseSchema } from '../../src/model/studentCase.js';
import { arbitraryAttendance, arbitraryCase, arbitraryDatedCase } from '../../src/testing/index.js';
import { edgeVariants, mutatedCase } from '../helpers/caseMutations.js';
import { studentCase } from '../helpers/cases.js';

/** What zod makes of a case without its lessons, as `parseStudentCase` asks it. */
function zodShell(value: unknown): ReturnType<typeof StudentCaseSchema.safeParse> {
  return StudentCaseSchema.safeParse(typeof value === 'object' && value !== null ? { ...value, attendance: [] } : value);
}

/** The two parses agree in every field, and their cases serialise alike (same key order). */
function expectSameParse(value: unknown): void {
  const fast = parseStudentCase(value);
  const zod = parseStudentCaseWithZod(value);
  expect(fast).toStrictEqual(zod);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
}

/** Valid cases: any evaluation date (both school structures), and cases of the default date. */
const validCases = fc.oneof(
  arbitraryCase(),
  arbitraryDatedCase().map((d) => d.input),
);

describe('fastCaseShell and parseStudentCase agree with zod', () => {
  it('accepts every generated valid case, with the output zod gives (property)', () => {
    fc.assert(
      fc.property(validCases, (input) => {
        const shell = fastCaseShell(input);
        expect(shell).toBeDefined();
        const zod = zodShell(input);
        expect(zod.success).toBe(true);
        expect(shell).toStrictEqual(zod.data);
        expect(JSON.stringify(shell)).toBe(JSON.stringify(zod.data));
        expectSameParse(input);
      }),
      { numRuns: 150 },
    );
  });

  /** A mutated case: the hot path accepts it only as zod does, and the parse is zod's. */
  const sameAsZod = (value: unknown): void => {
    const shell = fastCaseShell(value);
    if (shell !== undefined) {
      const zod = zodShell(value);
      expect(zod.success).toBe(true);
      expect(shell).toStrictEqual(zod.data);
      expect(JSON.stringify(shell)).toBe(JSON.stringify(zod.data));
    }
    expectSameParse(value);
  };

  /** Cases with a week of lessons: cheap, so many variants of them can be checked. */
  const weekCases = arbitraryCase({ attendance: arbitraryAttendance({ from: '2026-11-16' }) });

  it('on every field set to each of its edge values, deleted, or given an extra key, the parse is zod-only\'s (property)', () => {
    fc.assert(
      fc.property(weekCases, (input) => {
        for (const variant of edgeVariants(input)) sameAsZod(variant);
      }),
      { numRuns: 2 },
    );
  });

  it('on a case with every optional field written, each field at each edge value, deleted or given a key, the parse is zod-only\'s', () => {
    const rich = studentCase({
      student: { protectedIdentity: false, enrolledFrom: '2026-08-20', studiehjalp: 'no', school: { teams: ['skolsocialt-team'] } },
      attendance: [
        { date: '2026-11-20', start: '08:10', scheduledMinutes: 60, validAbsenceMinutes: 10, invalidAbsenceMinutes: 20, reported: true, guardianReported: true, reason: 'sick' },
        { date: '2026-11-23', start: '08:10', scheduledMinutes: 40 },
      ],
      consents: { 'skolsocialt-team': { guardians: 'given', student: 'refused' }, sip: {}, 'information-sharing': { guardians: 'not-asked' }, 'contact-with-parents': { student: 'given' } },
      signals: [{ type: 'bullying', date: '2026-10-01', until: '2026-10-31' }],
      measures: [{ step: 'rektor-utredning', date: '2026-10-05', outcome: 'obehovligt' }],
    });
    expect(fastCaseShell(rich)).toBeDefined();
    const variants = edgeVariants(rich);
    expect(variants.length).toBeGreaterThan(300);
    for (const variant of variants) sameAsZod(variant);
  });

  it('on mutated cases with a week of lessons, accepts only what zod accepts, and the parse is zod-only\'s (property)', () => {
    fc.assert(fc.property(mutatedCase(weekCases), sameAsZod), { numRuns: 500 });
  });

  it('on mutated full-term cases, the parse is zod-only\'s (property)', () => {
    fc.assert(fc.property(mutatedCase(validCases), sameAsZod), { numRuns: 150 });
  });

  it('on lessons in a sparse array (holes anywhere), the parse is zod-only\'s: holes are skipped, indices kept (property)', () => {
    fc.assert(
      fc.property(weekCases, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (input, holes) => {
        const attendance: unknown[] = [...(input.attendance ?? [])];
        if (attendance.length === 0) return;
        for (const h of holes) delete attendance[h % attendance.length];
        const value = { ...input, attendance };
        sameAsZod(value);
        const result = parseStudentCase(value);
        expect(result.ok && result.case.attendance.length + result.duplicates.length + result.rejectedRecords.length).toBe(attendance.filter(() => true).length);
      }),
      { numRuns: 100 },
    );
  });

  it('a lesson the hot path leaves to zod is rejected at its own index; the others are kept, in order', () => {
    const input = studentCase({
      attendance: [
        { date: '2026-11-19', start: '08:10', scheduledMinutes: 60 },
        { date: '2026-11-20', start: '08:10', scheduledMinutes: 60, invalidAbsenceMinutes: 61 },
        { date: '2026-11-23', start: '08:10', scheduledMinutes: 60 },
      ],
    });
    const result = parseStudentCase(input);
    expect(result.ok && result.rejectedRecords.map((r) => r.index)).toEqual([1]);
    expect(result.ok && result.case.attendance.map((r) => r.date)).toEqual(['2026-11-19', '2026-11-23']);
    expectSameParse(input);
  });

  it('the mutations reach every outcome: still valid, the case rejected, lessons rejected, duplicates, conflicts', () => {
    const outcomes = { fastAccepted: 0, caseRejected: 0, recordsRejected: 0, duplicates: 0, conflicts: 0 };
    for (const value of fc.sample(mutatedCase(arbitraryCase()), { numRuns: 300, seed: 15 })) {
      const result = parseStudentCase(value);
      if (fastCaseShell(value) !== undefined) outcomes.fastAccepted += 1;
      if (!result.ok) outcomes.caseRejected += 1;
      else {
        if (result.rejectedRecords.length > result.conflicts.reduce((n, c) => n + c.records.length, 0)) outcomes.recordsRejected += 1;
        if (result.duplicates.length > 0) outcomes.duplicates += 1;
        if (result.conflicts.length > 0) outcomes.conflicts += 1;
      }
    }
    for (const [outcome, count] of Object.entries(outcomes)) expect({ outcome, reached: count >= 5 }).toEqual({ outcome, reached: true });
  });

  it('keeps a key written as undefined where zod keeps it, and applies defaults only where zod does', () => {
    const base = studentCase();
    const withUndefined = {
      ...base,
      student: { ...base.student, enrolledFrom: undefined, residence: { municipalityCode: '0180', district: undefined }, studiehjalp: undefined },
      consents: undefined,
    };
    const shell = fastCaseShell(withUndefined);
    expect(shell).toStrictEqual(zodShell(withUndefined).data);
    expect(Object.keys(shell?.student ?? {})).toContain('enrolledFrom');
    expect(shell?.student.studiehjalp).toBe('unknown');
    expect(shell?.consents).toEqual({});
  });

  it('reads consents in input order, as zod does', () => {
    const input = { ...studentCase(), consents: { 'contact-with-parents': { student: 'given' }, sip: {} } };
    expect(Object.keys(fastCaseShell(input)?.consents ?? {})).toEqual(['contact-with-parents', 'sip']);
    expectSameParse(input);
  });

  it('takes objects without a prototype, and leaves other objects to zod', () => {
    const input = studentCase();
    const bare = Object.assign(Object.create(null) as object, input);
    expect(fastCaseShell(bare)).toStrictEqual(zodShell(bare).data);
    class Input {}
    const instance = Object.assign(new Input(), input);
    expect(fastCaseShell(instance)).toBeUndefined();
    expectSameParse(instance);
  });

  it('leaves a symbol key in consents to zod (a record reads symbol keys; JSON has none)', () => {
    const input = { ...studentCase(), consents: { [Symbol('sip')]: {} } };
    expect(fastCaseShell(input)).toBeUndefined();
  });
});
