import fc from 'fast-check';
import { ageInYears } from '../../calendar/age.js';
import type { StudentCaseInput } from '../../model/studentCase.js';
import type { StepId } from '../../model/vocabulary.js';
import type { Policy } from '../../policy/policy.js';
import { STEP_CATALOG } from '../../steps/catalog.js';
import { arbitraryAsOf, arbitraryCase, arbitrarySignals, arbitraryStudent, type ConsentsInput, type DatedCase } from '../arbitraries/index.js';
import { decideCase, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { datedCases, type InvariantOptions } from './options.js';

/**
 * Consent as the sources require it, from the input alone: under 18 every
 * party the step names (Stockholm's skolsociala team: guardians and student,
 * domain.md §3.3; SIP §2.4); from 18 the student alone.
 */
function consentGiven(input: StudentCaseInput, asOf: string, stepId: StepId): boolean {
  const need = STEP_CATALOG[stepId].consent;
  if (need === undefined) return true;
  const given = input.consents?.[need.purpose];
  const parties = ageInYears(input.student.birthDate, asOf) >= 18 ? (['student'] as const) : need.parties;
  return parties.every((p) => given?.[p] === 'given');
}

/** Consents leaning towards `given`, so that both blocked and open steps occur. */
function likelyConsents(): fc.Arbitrary<ConsentsInput> {
  const status = fc.oneof({ weight: 3, arbitrary: fc.constant('given' as const) }, { weight: 1, arbitrary: fc.constantFrom('refused' as const, 'not-asked' as const) });
  const party = fc.record({ guardians: status, student: status }, { requiredKeys: [] });
  return fc.record({ 'skolsocialt-team': party, sip: party, 'information-sharing': party, 'contact-with-parents': party }, { requiredKeys: [] });
}

/**
 * Cases where the gated steps are likely to fire: a kommunal grundskola in Stockholm or
 * Göteborg with a skolsocialt team, åk 4–9 (domain.md §3.3, §4), no harm concern (which
 * leads to orosanmälan instead), often a social problem (Göteborg's local teams), or a
 * need for both health and social care (SIP, §2.4).
 */
function gatedCases(options: InvariantOptions): fc.Arbitrary<DatedCase> {
  const dates = options.asOf === undefined ? arbitraryAsOf() : fc.constant(options.asOf);
  return dates.chain((asOf) => {
    const calendar = options.calendar === undefined ? {} : { calendar: options.calendar };
    const teamSchool = arbitraryCase({
      ...calendar,
      asOf,
      student: fc.tuple(arbitraryStudent({ asOf, minAge: 10, maxAge: 15 }), fc.constantFrom('0180', '1480')).map(([s, municipalityCode]) => ({
        ...s,
        schoolForm: 'grundskola' as const,
        grade: Math.min(9, Math.max(4, s.grade)),
        school: { ...s.school, municipalityCode, huvudman: 'kommunal' as const, teams: ['skolsocialt-team' as const] },
      })),
      consents: likelyConsents(),
      // No harm concern; often one of the social problems Göteborg's local teams are for (metodstöd avsnitt 5).
      signals: fc
        .tuple(arbitrarySignals({ asOf, maxLength: 2 }), fc.subarray(['normbrytande', 'caregiving-at-home', 'guardian-own-problems', 'guardian-keeps-home'] as const, { maxLength: 1 }))
        .map(([signals, social]) => [
          ...signals.filter((x) => !['harm-suspected', 'violence-disclosed', 'complex-problems'].includes(x.type)),
          ...social.map((type) => ({ type, date: asOf })),
        ]),
    });
    const sip = arbitraryCase({
      ...calendar,
      asOf,
      minAge: 10,
      consents: likelyConsents(),
      signals: arbitrarySignals({ asOf }).map((signals) => [...signals, { type: 'needs-health-and-social-care' as const, date: asOf }]),
    });
    return fc.oneof(teamSchool, sip).map((input) => ({ asOf, input }));
  });
}

/**
 * No consent-gated step is recommended as active without consent: a step
 * the catalog gates on consent (skolsocialt team, SIP …) is `blocked`
 * exactly when the consent the sources require is missing, and then comes
 * with a `samtycke` step naming it; `samtycke` names only blocked steps
 * (domain.md §3.3, §2.4, takeaway 6, §7.5 "No skolsocialt-team offer without consent").
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`
 * @returns the invariant check
 * @example findViolation(consentGatedBlockedCheck(builtinPolicy('stockholm'))) // undefined
 */
export function consentGatedBlockedCheck(policy: Policy, options: InvariantOptions = {}): InvariantCheck<DatedCase> {
  return {
    id: 'consent-gated-blocked',
    policy: policyRef(policy),
    description: 'A consent-gated step is blocked, with a samtycke step, exactly when the consent it needs is missing.',
    basis: 'Samtycke: skolsociala team (Stockholm, guardians and student), SIP (SoL 2:7, HSL 16:4); from 18 the student alone (docs/sources.md)',
    arbitrary: fc.oneof(datedCases(options), gatedCases(options)),
    check: ({ asOf, input }) => {
      const d = decideCase(input, policy, asOf, options.calendar);
      for (const s of d.steps) {
        if (s.forStep !== undefined || STEP_CATALOG[s.id].consent === undefined) continue;
        const given = consentGiven(input, asOf, s.id);
        if (given === (s.status === 'blocked')) {
          return { message: given ? `${s.id} is blocked although consent is given` : `${s.id} is ${s.status} without consent`, steps: stepKeys(d) };
        }
      }
      const blocked = d.steps.filter((s) => s.status === 'blocked' && s.forStep === undefined).map((s) => s.id).sort();
      const requested = d.steps.filter((s) => s.id === 'samtycke' && s.forStep !== undefined).map((s) => s.forStep).sort();
      if (JSON.stringify(blocked) !== JSON.stringify(requested)) {
        return { message: `blocked steps [${blocked.join(', ')}] and consent requests [${requested.join(', ')}] differ`, steps: stepKeys(d) };
      }
      return undefined;
    },
  };
}
