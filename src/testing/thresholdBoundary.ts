import fc, { type Arbitrary } from 'fast-check';
import { FACT_CATALOG } from '../model/factCatalog.js';
import type { Rate } from '../model/facts.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCaseInput } from '../model/studentCase.js';
import type { StepId } from '../model/vocabulary.js';
import type { Policy } from '../policy/policy.js';
import { arbitraryAsOf, arbitraryStudent, schoolDaysUpTo, type LessonInput, type StudentInput } from './arbitraries/index.js';
import { decideCase, hasStep, stepKeys } from './decide.js';
import { policyRef, type InvariantCheck } from './invariant.js';

/** What a threshold means: `above` = "över" (strict, Stockholm's "över 20 procent"), `at-least` = "minst". */
export type ThresholdComparison = 'above' | 'at-least';

/** The boundary to check: which step a rate threshold drives, on which fact, at which percentage. */
export interface BoundarySpec {
  /** The step the threshold alone drives for the drawn students (e.g. Stockholm's `kartlaggning`). */
  readonly step: StepId;
  /** A rate fact of `FACT_CATALOG` (`termAbsence`, `windowInvalidAbsence`, …). */
  readonly fact: string;
  /** The threshold in percent, at most two decimals (e.g. 20). */
  readonly value: number;
  /** `above` (default, "över") or `at-least` ("minst"). */
  readonly comparison?: ThresholdComparison;
  /** Valid or invalid absence (default: invalid for `*InvalidAbsence` facts, else valid). */
  readonly absence?: 'valid' | 'invalid';
  /** The students the boundary applies to (default: a kommunal Stockholm grundskola student, åk 4–9). */
  readonly student?: Arbitrary<StudentInput>;
  /** Evaluation date (default: a school day of HT2026 drawn per case). */
  readonly asOf?: string;
  /**
   * Draw only dates on which the term has had at least this many school days:
   * for a policy whose threshold waits (Stockholm's 20 % path counts from the
   * 20th school day, `minst-fyra-skolveckor-i-terminen`). Default 1.
   */
  readonly minTermSchoolDays?: number;
  readonly calendar?: SchoolCalendar;
}

/** A case exactly at the threshold, and its neighbour one absent minute across it. */
export interface BoundaryCase {
  readonly asOf: string;
  /** Exactly at the threshold: every absence rate, term and window, is `value` %. */
  readonly at: StudentCaseInput;
  /** One absent minute more (`above`) or less (`at-least`) on the last day: just across the threshold. */
  readonly across: StudentCaseInput | null;
  /** Absent and scheduled minutes of the case at the threshold. */
  readonly rate: Rate;
}

const MINUTES = [30, 40, 45, 50, 60, 80, 90] as const;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A kommunal Stockholm grundskola student in åk 4–9 (where Stockholm's 20 % guideline and team apply). */
function stockholmCityStudent(asOf: string): Arbitrary<StudentInput> {
  return arbitraryStudent({ asOf, minAge: 10, maxAge: 15, protectedIdentity: false }).map((s) => ({
    ...s,
    schoolForm: 'grundskola' as const,
    grade: Math.min(9, Math.max(4, s.grade)),
    school: { ...s.school, huvudman: 'kommunal' as const, municipalityCode: '0180' },
    residence: { municipalityCode: '0180' },
  }));
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The same lessons every day; `absentPerDay` minutes of absence filled from the first lesson; `lastDayDelta` more on the last day. */
function uniformLessons(days: readonly string[], perDay: number, minutes: number, absentPerDay: number, kind: 'valid' | 'invalid', lastDayDelta: number): LessonInput[] {
  return days.flatMap((date, d) => {
    let left = absentPerDay + (d === days.length - 1 ? lastDayDelta : 0);
    return Array.from({ length: perDay }, (_, i): LessonInput => {
      const absent = Math.min(minutes, left);
      left -= absent;
      const lesson: LessonInput = { date, start: clock(8 * 60 + i * (minutes + 10)), scheduledMinutes: minutes };
      if (absent === 0) return lesson;
      return kind === 'valid'
        ? // Granted leave, not illness: the same absence every day is no short illness a `…BeyondShortIllness` rate leaves out.
          { ...lesson, validAbsenceMinutes: absent, reason: 'granted-leave', guardianReported: true }
        : { ...lesson, invalidAbsenceMinutes: absent, reason: 'unknown' };
    });
  });
}

/**
 * A boundary check for a rate threshold, such as Stockholm's "över 20
 * procent" (domain.md §3, takeaway 2: exactly 20.0 % is not "över"; §7.2:
 * compare exact integers, never a rounded percentage). It draws students and
 * uniform terms (the same lessons every day, the same absence every day, so
 * term and window rates are all exactly `value` %), and requires that the
 * step is not recommended exactly at the threshold and is one absent minute
 * above it (`above`), or is recommended at it and not one minute below
 * (`at-least`). Catches a `rateAbove` turned into `rateAtLeast`, a threshold
 * moved, or a threshold rounded. Run it with `findViolation` or as `extra` of
 * `checkInvariants`. Choose a step that only this threshold drives for the
 * drawn students, or the check reports the other rule's step.
 *
 * @param policy - the policy under test
 * @param spec - step, fact, value, comparison, absence kind, students, date
 * @returns the invariant check
 * @throws {RangeError} when `fact` is not a rate fact, or `value` cannot be hit exactly within one school day of lessons
 * @example findViolation(thresholdBoundary(builtinPolicy('stockholm'), { step: 'kartlaggning', fact: 'termAbsence', value: 20 })) // undefined
 */
export function thresholdBoundary(policy: Policy, spec: BoundarySpec): InvariantCheck<BoundaryCase> {
  const info = Object.hasOwn(FACT_CATALOG, spec.fact) ? FACT_CATALOG[spec.fact as keyof typeof FACT_CATALOG] : undefined;
  if (info?.type !== 'rate') throw new RangeError(`thresholdBoundary: fact "${spec.fact}" is not a rate fact of FACT_CATALOG`);
  const hundredths = Math.round(spec.value * 100);
  if (spec.value < 0 || spec.value > 100 || Math.abs(spec.value * 100 - hundredths) > 1e-9) {
    throw new RangeError(`thresholdBoundary: value ${spec.value} is not a percentage from 0 to 100 with at most two decimals`);
  }
  const comparison = spec.comparison ?? 'above';
  const kind = spec.absence ?? (spec.fact.includes('Invalid') ? 'invalid' : 'valid');
  // Scheduled minutes of one day must be a multiple of `quantum` for `value` % of them to be whole minutes.
  const quantum = 10_000 / gcd(hundredths, 10_000);
  const shapes = MINUTES.flatMap((minutes) => [1, 2, 3, 4, 5, 6].map((perDay) => ({ perDay, minutes }))).filter((s) => (s.perDay * s.minutes) % quantum === 0);
  if (shapes.length === 0) throw new RangeError(`thresholdBoundary: ${spec.value} % of a school day cannot be written in whole minutes (needs a multiple of ${quantum} minutes a day)`);
  const minDays = Math.max(1, spec.minTermSchoolDays ?? 1);
  const dates =
    spec.asOf === undefined ? arbitraryAsOf({ schoolDaysOnly: true }).filter((d) => schoolDaysUpTo(d, spec.calendar).length >= minDays) : fc.constant(spec.asOf);
  const arbitrary = dates.chain((asOf) => {
    const days = schoolDaysUpTo(asOf, spec.calendar);
    if (days.length < minDays) throw new RangeError(`thresholdBoundary: ${days.length} school days in the term up to ${asOf}, fewer than minTermSchoolDays ${minDays}`);
    return fc
      .record({
        student: spec.student ?? stockholmCityStudent(asOf),
        recordedDays: fc.integer({ min: 1, max: days.length }),
        shape: fc.constantFrom(...shapes),
      })
      .map(({ student, recordedDays, shape }): BoundaryCase => {
        const recorded = days.slice(days.length - recordedDays);
        const dayMinutes = shape.perDay * shape.minutes;
        const absentPerDay = (dayMinutes * hundredths) / 10_000;
        const build = (delta: number): StudentCaseInput => ({
          // Enrolled on the first recorded day: the days before it are not missing data (term coverage).
          student: { ...student, enrolledFrom: recorded[0] as string },
          attendance: uniformLessons(recorded, shape.perDay, shape.minutes, absentPerDay, kind, delta),
          consents: {},
          signals: [],
          measures: [],
        });
        const canCross = comparison === 'above' ? absentPerDay < dayMinutes : absentPerDay > 0;
        return {
          asOf,
          at: build(0),
          across: canCross ? build(comparison === 'above' ? 1 : -1) : null,
          rate: { part: absentPerDay * recordedDays, whole: dayMinutes * recordedDays },
        };
      });
  });
  const label = `${(hundredths / 100).toFixed(2)} %`;
  return {
    id: `threshold-boundary:${spec.step}:${spec.fact}:${comparison}:${spec.value}`,
    policy: policyRef(policy),
    description: `${spec.step} follows ${spec.fact} ${comparison === 'above' ? 'over' : 'at least'} ${label}: ${comparison === 'above' ? 'not at exactly the threshold, but one minute over it' : 'at exactly the threshold, but not one minute under it'}.`,
    basis: 'Stockholms stad: "över 20 procent" — exactly 20.0 % is not över; exact integer comparison, no rounding (docs/sources.md)',
    arbitrary,
    check: ({ asOf, at, across, rate }) => {
      const d = decideCase(at, policy, asOf, spec.calendar);
      const fact = d.facts[spec.fact as keyof typeof d.facts] as Rate;
      if (fact.part * 10_000 !== fact.whole * hundredths) {
        throw new Error(`thresholdBoundary: generated case has ${spec.fact} ${fact.part}/${fact.whole}, not exactly ${label} (calendar or generator problem)`);
      }
      const fires = hasStep(d, spec.step);
      if (comparison === 'above' && fires) {
        return { message: `${spec.step} recommended at exactly ${label} ${spec.fact} (${rate.part} of ${rate.whole} minutes), which is not over ${label}`, steps: stepKeys(d) };
      }
      if (comparison === 'at-least' && !fires) {
        return { message: `${spec.step} not recommended at exactly ${label} ${spec.fact} (${rate.part} of ${rate.whole} minutes)`, steps: stepKeys(d) };
      }
      if (across === null) return undefined;
      const other = decideCase(across, policy, asOf, spec.calendar);
      if (hasStep(other, spec.step) === fires) {
        const where = comparison === 'above' ? 'one minute over' : 'one minute under';
        return { message: `${spec.step} ${fires ? 'still' : 'not'} recommended ${where} ${label} ${spec.fact}`, steps: stepKeys(other), compared: stepKeys(d) };
      }
      return undefined;
    },
  };
}
