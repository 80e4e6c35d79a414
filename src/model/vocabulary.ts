import { z } from 'zod';

/**
 * The closed vocabularies of Trappa. Legal and policy terms keep their Swedish
 * names as kebab-case ASCII ids (`orosanmalan`, `skolsocialt-team`); everything
 * else is English. Each list is a zod enum so input, rule files and output share
 * one source of truth.
 */

/** School forms of Skollagen (2010:800) 1 kap. that Trappa evaluates. */
export const SchoolFormSchema = z.enum([
  'forskoleklass',
  'grundskola',
  'anpassad-grundskola',
  'specialskola',
  'sameskola',
  'gymnasieskola',
  'anpassad-gymnasieskola',
]);
export type SchoolForm = z.infer<typeof SchoolFormSchema>;

/** The compulsory school forms (obligatoriska skolformer), where skolplikt applies (SL 7 kap.). */
export const COMPULSORY_SCHOOL_FORMS: ReadonlySet<SchoolForm> = new Set([
  'forskoleklass',
  'grundskola',
  'anpassad-grundskola',
  'specialskola',
  'sameskola',
]);

/** Who runs the school (huvudman). `statlig` covers specialskola and sameskola. */
export const HuvudmanSchema = z.enum(['kommunal', 'fristaende', 'statlig']);
export type Huvudman = z.infer<typeof HuvudmanSchema>;

/** Support teams a school can have; policies gate steps on them. */
export const SchoolTeamSchema = z.enum(['skolsocialt-team']);
export type SchoolTeam = z.infer<typeof SchoolTeamSchema>;

/**
 * Reason category of an absence. Never free text: reasons can be secret (OSL).
 * `school-initiated`: the school sent the student home or asked them to stay
 * home (domain.md §7.1 category SKOLINITIERAD, §6.2 school exclusion).
 */
export const AbsenceReasonSchema = z.enum(['none', 'sick', 'granted-leave', 'other', 'unknown', 'school-initiated']);
export type AbsenceReason = z.infer<typeof AbsenceReasonSchema>;

/**
 * Purposes a consent is asked for. `information-sharing` is between the school
 * and social services; `contact-with-parents` is a student's (18 or more)
 * consent that the school tells the parents about the absence: an adult has no
 * vårdnadshavare, and secrecy keeps the parents out unless the student agrees
 * (domain.md §1.6, §7.5). One is never read as the other.
 */
export const ConsentPurposeSchema = z.enum(['skolsocialt-team', 'sip', 'information-sharing', 'contact-with-parents']);
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;

/** Parties whose consent counts. */
export const ConsentPartySchema = z.enum(['guardians', 'student']);
export type ConsentParty = z.infer<typeof ConsentPartySchema>;

/** State of one party's consent for one purpose. */
export const ConsentStatusSchema = z.enum(['given', 'refused', 'not-asked']);
export type ConsentStatus = z.infer<typeof ConsentStatusSchema>;

/**
 * Structured observations staff record. No free text: the id is the whole
 * observation. See domain.md §7.1 for the list this is drawn from.
 */
export const SignalTypeSchema = z.enum([
  'harm-suspected',
  'violence-disclosed',
  'anxiety-distress',
  'neurodevelopmental-condition',
  'guardians-unaware',
  'guardians-trying',
  'guardian-keeps-home',
  'caregiving-at-home',
  'guardian-own-problems',
  'normbrytande',
  'school-sent-home',
  'whereabouts-unknown',
  'needs-health-and-social-care',
  'complex-problems',
  'neglect-signs',
  'crime-or-drugs',
  'concealment',
  'seen-at-school-not-in-class',
  'abroad-suspected',
  'guardian-unreachable',
  'own-request-for-help',
  'guardian-requests-help',
  'bullying',
]);
export type SignalType = z.infer<typeof SignalTypeSchema>;

/**
 * Whether the student has studiehjälp from CSN (studiebidrag, inackorderings-
 * tillägg, extra tillägg, lärlingsersättning). Only then does skolk go to CSN
 * (domain.md §1.6). `unknown` keeps the CSN step, with the question in it.
 */
export const StudiehjalpSchema = z.enum(['yes', 'no', 'unknown']);
export type Studiehjalp = z.infer<typeof StudiehjalpSchema>;

/**
 * Signals that may be särskilda skäl for a school not to report skolk to CSN:
 * illness or ill health, bullying, and other personal reasons the school knows
 * of (csn.se "Ogiltig frånvaro på gymnasiet": "I vissa fall kan det finnas
 * speciella anledningar till den ogiltiga frånvaron, exempelvis mobbning.
 * Skolan kan då välja att inte rapportera den till CSN"; domain.md §1.6).
 */
export const CSN_SPECIAL_REASON_SIGNALS: readonly SignalType[] = [
  'bullying',
  'anxiety-distress',
  'neurodevelopmental-condition',
  'needs-health-and-social-care',
  'harm-suspected',
  'violence-disclosed',
  'caregiving-at-home',
  'guardian-own-problems',
  'neglect-signs',
  'complex-problems',
];

/**
 * Signals of a concern that a child may be harmed: each one dated after the
 * latest orosanmälan is a new concern and asks for a new report (SoL 14 kap.
 * 1 §, domain.md §2.1). One of these stays in force until an orosanmälan is
 * recorded on or after its date, whatever its validity: a concern that was
 * never reported does not expire. Caregiving at home, a guardian's own
 * problems (missbruk, illness), signs of neglect and crime or drugs are
 * classic grounds for a report (§2.1), so they are concerns too; so is a
 * suspicion that the child has been taken abroad (§4.3: Göteborg asks for an
 * orosanmälan beside the skolpliktsutredning).
 */
export const CONCERN_SIGNALS: readonly SignalType[] = [
  'harm-suspected',
  'violence-disclosed',
  'whereabouts-unknown',
  'complex-problems',
  'caregiving-at-home',
  'guardian-own-problems',
  'neglect-signs',
  'crime-or-drugs',
  'abroad-suspected',
];

/**
 * The step vocabulary: every recommendation Trappa can make. Ids are the
 * product's vocabulary and stable across versions.
 */
export const StepIdSchema = z.enum([
  'vardnadshavare-informeras',
  'mentor-kontakt',
  'rektor-utredning',
  'skolpliktsutredning',
  'anmalan-huvudman',
  'information-hemkommun',
  'eht',
  'kartlaggning',
  'individanpassad-planering',
  'uppfoljning',
  'sarskilt-stod-utredning',
  'skolsocialt-team',
  'skolsocialt-team-central',
  'skolnarmandeplan',
  'sip',
  'orosanmalan',
  'anmalningsmote',
  'forhandsbedomning-bevakning',
  'vitesforelaggande-prova',
  'stod-vuxen-elev',
  'csn-rapport',
  'samtycke',
]);
export type StepId = z.infer<typeof StepIdSchema>;

/**
 * `lagkrav` = statutory duty, `riktlinje` = a guideline (a municipality's
 * policy, or a national agency's practice such as CSN's skolk reporting),
 * `stod` = suggested support.
 */
export const StepKindSchema = z.enum(['lagkrav', 'riktlinje', 'stod']);
export type StepKind = z.infer<typeof StepKindSchema>;

/** How quickly a step must happen, in the law's own words where it has them. */
export const UrgencySchema = z.enum(['genast', 'samma-dag', 'skyndsamt', 'snarast', 'inom-frist', 'planeras']);
export type Urgency = z.infer<typeof UrgencySchema>;

/** Roles that carry out steps. */
export const RoleSchema = z.enum(['rektor', 'mentor', 'huvudman', 'elevhalsan', 'skolpersonal', 'hemkommun']);
export type Role = z.infer<typeof RoleSchema>;
