/**
 * Issue 10, acceptance properties for dated duties, on the kit's arbitraries
 * (src/testing/arbitraries.ts), under every built-in policy:
 * - every step has arisesOn ≤ asOf;
 * - every overdue step has dueDate < asOf, and every step past its due date that is not blocked is overdue;
 * - the decision is the same for any order of the input records;
 * - advancing asOf with no new data and `previous` = the earlier decision never removes an open lagkrav step;
 * - when only lessons (and measures) dated after night 1 are added, every open lagkrav step of night 1 is
 *   on night 2, or closed by a measure dated on or after the day it arose.
 * "Kept" means the step is there and still lagkrav (domain.md §0.1: a city policy adds to the law, never
 * takes from it). Exceptions the law itself makes: no guardian notice about a student of 18 without the
 * student's consent (§1.6, §7.5) and no orosanmälan for a student of 18 (§2.1).
 *
 * Signals are drawn with `until` and from up to 400 days back, so that some
 * have ended (the kit's own signals are all recent and open-ended).
 */
import fc, { type Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, type BuiltinPolicyId, type Decision, type StepId, type StudentCaseInput } from '../../src/index.js';
import { dayNumber, isoDate } from '../../src/calendar/dayNumber.js';
import {
  arbitraryAsOf,
  arbitraryAttendance,
  arbitraryCase,
  arbitraryMeasures,
  type LessonInput,
  type MeasureInput,
  type SignalInput,
} from '../../src/testing/index.js';
import { SignalTypeSchema } from '../../src/model/vocabulary.js';
import { keyOf, night } from './duties.js';

function plus(iso: string, days: number): string {
  return isoDate(dayNumber(iso) + days);
}

/** Signals up to 400 days before asOf, about half with an `until` (some ended by asOf, some not). */
function signalsFor(asOf: string): Arbitrary<SignalInput[]> {
  const signal = fc
    .record({
      type: fc.constantFrom(...SignalTypeSchema.options),
      back: fc.integer({ min: 0, max: 400 }),
      until: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    })
    .map(({ type, back, until }): SignalInput => {
      const date = plus(asOf, -back);
      return until === undefined ? { type, date } : { type, date, until: plus(date, until) };
    });
  return fc.array(signal, { maxLength: 4 });
}

/** A case drawn for `asOf` with signals that may have ended. */
function caseFor(asOf: string): Arbitrary<StudentCaseInput> {
  return arbitraryCase({ asOf, signals: signalsFor(asOf) });
}

const datedCase = arbitraryAsOf().chain((asOf) => caseFor(asOf).map((input) => ({ asOf, input })));

/** The dated-duty invariants of one decision; returns the first broken one, or undefined. */
function datingViolation(d: Decision): string | undefined {
  for (const s of d.steps) {
    const key = keyOf(s);
    if (s.arisesOn > d.asOf) return `${key}: arisesOn ${s.arisesOn} is after asOf ${d.asOf}`;
    if (s.status === 'overdue' && !(s.dueDate !== null && s.dueDate < d.asOf)) return `${key}: overdue with dueDate ${String(s.dueDate)} on ${d.asOf}`;
    if (s.status !== 'blocked' && s.dueDate !== null && s.dueDate < d.asOf && s.status !== 'overdue') {
      return `${key}: dueDate ${s.dueDate} < asOf ${d.asOf} but status ${s.status}`;
    }
    if (s.heldOpen !== undefined && s.heldOpen.verifiedOn > d.asOf) return `${key}: heldOpen.verifiedOn ${s.heldOpen.verifiedOn} after asOf ${d.asOf}`;
  }
  return undefined;
}

/** Top-level fields of two decisions whose JSON differs. */
function differingFields(a: Decision, b: Decision): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])] as Array<keyof Decision>;
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => `${k}: ${JSON.stringify(a[k])} ≠ ${JSON.stringify(b[k])}`.slice(0, 600));
}

/** The decision with `expiredSignals` in a canonical order (by date, type, until). */
function normalised(d: Decision): Decision {
  const key = (x: Decision['expiredSignals'][number]) => `${x.date} ${x.type} ${x.until} ${x.endedBy}`;
  return { ...d, expiredSignals: [...d.expiredSignals].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0)) };
}

function shuffled<T>(items: readonly T[] | undefined): Arbitrary<T[]> {
  const all = [...(items ?? [])];
  return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
}

/** Steps a `rektor-utredning` measure with outcome `obehovligt` also closes (they presuppose an opened investigation, §1.4). */
const CLOSED_BY_OBEHOVLIGT: ReadonlySet<StepId> = new Set(['eht', 'anmalan-huvudman', 'information-hemkommun']);

/** A measure of the case that closes a duty of `step` that arose on `arisesOn`, evaluated on `asOf` (issue 10 §6 "done"). */
function closedBy(step: StepId, arisesOn: string, measures: readonly MeasureInput[], asOf: string): MeasureInput | undefined {
  return measures.find(
    (m) =>
      m.date >= arisesOn &&
      m.date <= asOf &&
      (m.step === step || (CLOSED_BY_OBEHOVLIGT.has(step) && m.step === 'rektor-utredning' && m.outcome === 'obehovligt')),
  );
}

/**
 * A duty the law itself ends with the student's age: the same-day notice to vårdnadshavare is a duty only
 * under 18 (a student of 18 has none; contact with the parents on the student's own consent is `stod`,
 * not lagkrav: §1.6, §7.5, issue 11 point 4), and no orosanmälan for a student of 18 ("barn" = under 18, §2.1, §7.5).
 */
function endedByAge(step: StepId, later: Decision): boolean {
  if (later.facts.ageYears < 18) return false;
  return step === 'vardnadshavare-informeras' || step === 'orosanmalan';
}

/**
 * Open lagkrav steps of `earlier` that are missing from `later`, unless a measure closed them or the law
 * ended them. With `asLagkrav`, also those still there but no longer lagkrav (the statutory reason gone).
 */
function droppedLagkrav(earlier: Decision, later: Decision, measures: readonly MeasureInput[], asLagkrav = false): string {
  const out: string[] = [];
  for (const s of earlier.steps) {
    if (s.kind !== 'lagkrav' || endedByAge(s.id, later)) continue;
    const again = later.steps.find((t) => keyOf(t) === keyOf(s));
    if (again !== undefined && (again.kind === 'lagkrav' || !asLagkrav)) continue;
    if (closedBy(s.id, s.arisesOn, measures, later.asOf) !== undefined) continue;
    out.push(
      again === undefined
        ? `${keyOf(s)} (${s.status}, arose ${s.arisesOn}) on ${earlier.asOf} is gone on ${later.asOf}`
        : `${keyOf(s)} was lagkrav on ${earlier.asOf}, is ${again.kind} on ${later.asOf} (reasons ${again.reasons.map((r) => r.ruleId).join(', ')})`,
    );
  }
  return out.join('; ');
}

/** Both checks, in order: still there, then still lagkrav. */
function expectKept(earlier: Decision, later: Decision, measures: readonly MeasureInput[]): void {
  expect(droppedLagkrav(earlier, later, measures), 'still there').toBe('');
  expect(droppedLagkrav(earlier, later, measures, true), 'still lagkrav').toBe('');
}

describe.each(BUILTIN_POLICY_IDS)('dated duties (%s)', (policyId: BuiltinPolicyId) => {
  it('every step has arisesOn ≤ asOf; every overdue step has dueDate < asOf; every step past its due date and not blocked is overdue (issue 10 §1)', () => {
    fc.assert(
      fc.property(datedCase, ({ asOf, input }) => {
        expect(datingViolation(night(input, asOf, policyId))).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('the decision is the same for any order of lessons, signals and measures, also with a previous night (issue 10 acceptance; architecture: same input, same output)', () => {
    const arbitrary = datedCase.chain(({ asOf, input }) =>
      fc.record({
        asOf: fc.constant(asOf),
        input: fc.constant(input),
        earlierBy: fc.integer({ min: 1, max: 30 }),
        attendance: shuffled(input.attendance),
        signals: shuffled(input.signals),
        measures: shuffled(input.measures),
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ asOf, input, earlierBy, attendance, signals, measures }) => {
        const other: StudentCaseInput = { ...input, attendance, signals, measures };
        const before = night(input, plus(asOf, -earlierBy), policyId);
        const pairs: Array<[string, Decision, Decision]> = [
          ['no previous night', night(input, asOf, policyId), night(other, asOf, policyId)],
          ['with the previous night', night(input, asOf, policyId, before), night(other, asOf, policyId, before)],
          [
            'with the previous night\'s steps reversed',
            night(input, asOf, policyId, before),
            night(other, asOf, policyId, { asOf: before.asOf, steps: [...before.steps].reverse() }),
          ],
        ];
        for (const [label, a, b] of pairs) {
          // Everything but the order of expiredSignals first, so a failure names what differs.
          expect(differingFields(normalised(b), normalised(a)), `${label}, expiredSignals sorted`).toEqual([]);
          expect(differingFields(b, a), `${label}, as returned`).toEqual([]);
        }
      }),
      { numRuns: 80 },
    );
  }, 20_000);

  it('advancing asOf over three nights with no new data, each with the night before as previous, never removes an open lagkrav step (issue 10 §6: an open lagkrav duty never disappears silently)', () => {
    const arbitrary = arbitraryAsOf().chain((asOf) =>
      fc.record({
        asOf: fc.constant(asOf),
        input: caseFor(asOf),
        gaps: fc.tuple(fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 45 })),
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ asOf, input, gaps }) => {
        const first = night(input, asOf, policyId);
        const second = night(input, plus(asOf, gaps[0]), policyId, first);
        const third = night(input, plus(second.asOf, gaps[1]), policyId, second);
        for (const d of [first, second, third]) expect(datingViolation(d)).toBeUndefined();
        expectKept(first, second, input.measures ?? []);
        expectKept(second, third, input.measures ?? []);
      }),
      { numRuns: 200 },
    );
  }, 20_000);

  it('when only lessons dated after night 1 are added, every open lagkrav step of night 1 is on night 2 (issue 10 acceptance: "open, overdue or done")', () => {
    const arbitrary = arbitraryAsOf().chain((asOf) =>
      fc.integer({ min: 1, max: 30 }).chain((gap) => {
        const later = plus(asOf, gap);
        return fc.record({
          asOf: fc.constant(asOf),
          later: fc.constant(later),
          input: caseFor(asOf),
          added: arbitraryAttendance({ asOf: later, from: plus(asOf, 1) }),
        });
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ asOf, later, input, added }) => {
        const first = night(input, asOf, policyId);
        const more: StudentCaseInput = { ...input, attendance: [...(input.attendance ?? []), ...(added as LessonInput[])] };
        const second = night(more, later, policyId, first);
        expect(datingViolation(second)).toBeUndefined();
        expectKept(first, second, []);
      }),
      { numRuns: 200 },
    );
  }, 20_000);

  it('when lessons and measures dated after night 1 are added, every open lagkrav step of night 1 is on night 2 or closed by a measure dated on or after the day it arose ("done")', () => {
    const arbitrary = arbitraryAsOf().chain((asOf) =>
      fc.integer({ min: 1, max: 30 }).chain((gap) => {
        const later = plus(asOf, gap);
        return fc.record({
          asOf: fc.constant(asOf),
          later: fc.constant(later),
          input: caseFor(asOf),
          added: arbitraryAttendance({ asOf: later, from: plus(asOf, 1) }),
          measures: arbitraryMeasures({ asOf: later, from: plus(asOf, 1), maxLength: 3 }),
        });
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ asOf, later, input, added, measures }) => {
        const first = night(input, asOf, policyId);
        const allMeasures = [...(input.measures ?? []), ...measures];
        const more: StudentCaseInput = { ...input, attendance: [...(input.attendance ?? []), ...(added as LessonInput[])], measures: allMeasures };
        const second = night(more, later, policyId, first);
        expect(datingViolation(second)).toBeUndefined();
        expectKept(first, second, allMeasures);
      }),
      { numRuns: 200 },
    );
  }, 20_000);
});
