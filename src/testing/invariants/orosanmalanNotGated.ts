import fc from 'fast-check';
import { ageInYears } from '../../calendar/age.js';
import { dayNumber, isoDate } from '../../calendar/dayNumber.js';
import { recordsStep } from '../../model/measures.js';
import type { StudentCaseInput } from '../../model/studentCase.js';
import type { SignalType } from '../../model/vocabulary.js';
import type { Policy } from '../../policy/policy.js';
import { arbitraryAttendance, arbitraryConsents, type ConsentsInput, type LessonInput } from '../arbitraries/index.js';
import { decideCase, hasStep, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { casesOn, evaluationDates, type InvariantOptions } from './options.js';

/**
 * Signals that are, on their own, ground for an orosanmälan for a child (domain.md §2.1, §7.3): suspected
 * harm, disclosed violence, and the classic grounds "kännedom om eller misstanke" covers — a child caring
 * for a parent, a parent's own problems (missbruk, illness), signs of neglect, crime or drugs, and a
 * suspicion that the child was taken abroad (§4.3).
 *
 * @example HARM_SIGNAL_TYPES // ['harm-suspected', 'violence-disclosed', 'caregiving-at-home', 'guardian-own-problems', 'neglect-signs', 'crime-or-drugs', 'abroad-suspected']
 */
export const HARM_SIGNAL_TYPES: readonly SignalType[] = [
  'harm-suspected',
  'violence-disclosed',
  'caregiving-at-home',
  'guardian-own-problems',
  'neglect-signs',
  'crime-or-drugs',
  'abroad-suspected',
];

/** A case, with other consents and other attendance for the same student, signals and measures. */
export interface CaseWithAlternatives {
  readonly asOf: string;
  readonly input: StudentCaseInput;
  readonly otherConsents: ConsentsInput;
  readonly otherAttendance: LessonInput[];
}

/**
 * Whether the law's trigger holds, computed from the input alone: under 18, a harm signal
 * (`HARM_SIGNAL_TYPES`) with no orosanmälan made since (on or after its date, by asOf). A report
 * counts only when made (`recordsStep`: outcome `done`, the default): a `started` or
 * `obehovligt` one is no report (SoL 14:1; domain.md §2.1).
 */
function harmTrigger(input: StudentCaseInput, asOf: string): boolean {
  if (ageInYears(input.student.birthDate, asOf) >= 18) return false;
  const reports = (input.measures ?? []).filter((m) => m.step === 'orosanmalan' && recordsStep({ ...m, outcome: m.outcome ?? 'done' }) && m.date <= asOf);
  return (input.signals ?? []).some((s) => HARM_SIGNAL_TYPES.includes(s.type) && s.date <= asOf && !reports.some((m) => m.date >= s.date));
}

/**
 * Orosanmälan is never gated by consent or absence level: for a child under 18
 * with suspected harm or disclosed violence it is recommended genast whatever
 * the consents and attendance (SoL 14 kap. 1 § / SoL 2025:400: knowledge or
 * suspicion, genast, no one's consent; domain.md §2.1, §7.5 "No orosanmälan
 * delay waiting for absence thresholds"); for any case, other consents never
 * change whether it is recommended, and it is never blocked for consent.
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`
 * @returns the invariant check
 * @example findViolation(orosanmalanNotGatedCheck(builtinPolicy('goteborg'))) // undefined
 */
export function orosanmalanNotGatedCheck(policy: Policy, options: InvariantOptions = {}): InvariantCheck<CaseWithAlternatives> {
  // One `chain` on the date only: every part of the value below it shrinks (nested chains shrink poorly).
  const arbitrary = evaluationDates(options).chain((asOf) => {
    const concern = fc
      .tuple(casesOn(asOf, options, { maxAge: 17 }), fc.constantFrom(...HARM_SIGNAL_TYPES), fc.integer({ min: 0, max: 60 }))
      .map(([input, type, daysAgo]) => ({
        ...input,
        signals: [{ type, date: isoDate(dayNumber(asOf) - daysAgo) }, ...(input.signals ?? [])],
        measures: (input.measures ?? []).filter((m) => m.step !== 'orosanmalan'),
      }));
    return fc.record({
      asOf: fc.constant(asOf),
      input: fc.oneof(concern, casesOn(asOf, options)),
      otherConsents: arbitraryConsents(),
      otherAttendance: arbitraryAttendance(options.calendar === undefined ? { asOf } : { asOf, calendar: options.calendar }),
    });
  });
  return {
    id: 'orosanmalan-not-gated',
    policy: policyRef(policy),
    description: 'Orosanmälan is recommended genast for a child under 18 with suspected harm (or caregiving, a parent\'s own problems, neglect, crime or drugs), whatever the consents and attendance, and never depends on or waits for consent.',
    basis: 'SoL (2001:453) 14 kap. 1 § / SoL (2025:400) anmälningsskyldighet: knowledge or suspicion, genast, no consent (docs/sources.md)',
    arbitrary,
    check: ({ asOf, input, otherConsents, otherAttendance }) => {
      const d = decideCase(input, policy, asOf, options.calendar);
      const step = d.steps.find((s) => s.id === 'orosanmalan' && s.forStep === undefined);
      if (step !== undefined && (step.status === 'blocked' || step.consent.required)) {
        return { message: 'orosanmalan waits for consent', steps: stepKeys(d) };
      }
      const withConsents = decideCase({ ...input, consents: otherConsents }, policy, asOf, options.calendar);
      if (hasStep(withConsents, 'orosanmalan') !== (step !== undefined)) {
        return { message: 'other consents changed whether orosanmalan is recommended', steps: stepKeys(d), compared: stepKeys(withConsents) };
      }
      if (!harmTrigger(input, asOf)) return undefined;
      if (step === undefined) return { message: 'orosanmalan missing for a child under 18 with suspected harm', steps: stepKeys(d) };
      if (step.urgency !== 'genast') return { message: `orosanmalan is ${step.urgency}, not genast`, steps: stepKeys(d) };
      const withAttendance = decideCase({ ...input, attendance: otherAttendance }, policy, asOf, options.calendar);
      if (!hasStep(withAttendance, 'orosanmalan')) {
        return { message: 'other attendance removed orosanmalan for a child under 18 with suspected harm', steps: stepKeys(withAttendance), compared: stepKeys(d) };
      }
      return undefined;
    },
  };
}
