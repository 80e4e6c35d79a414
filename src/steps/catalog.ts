import type { Deadline } from '../model/policyFile.js';
import type { ConsentParty, ConsentPurpose, Role, SignalType, StepId } from '../model/vocabulary.js';

/** Who a step is addressed to, when it leaves the school. */
export type RoutingTarget = 'vardnadshavare' | 'huvudman' | 'hemkommun' | 'socialtjanst';

/**
 * When a step already in `measures[]` counts as done:
 * - `daily`: a measure on the evaluation date;
 * - `per-term`: a measure in the current term;
 * - `per-signal`: a measure on or after the latest of the listed signals (a new
 *   concern means a new report), else per term;
 * - `after-orosanmalan`: a measure on or after the latest orosanmälan;
 * - `interval`: a measure within the policy's follow-up interval.
 */
export type Renewal =
  | { readonly kind: 'daily' }
  | { readonly kind: 'per-term' }
  | { readonly kind: 'per-signal'; readonly signals: readonly SignalType[] }
  | { readonly kind: 'after-orosanmalan' }
  | { readonly kind: 'interval' };

/** Everything Trappa knows about a step besides why it fired. */
export interface StepDefinition {
  readonly id: StepId;
  readonly sv: string;
  readonly en: string;
  readonly responsible: Role;
  readonly deadline: Deadline;
  readonly routing?: RoutingTarget;
  readonly consent?: { readonly purpose: ConsentPurpose; readonly parties: readonly ConsentParty[] };
  readonly renewal: Renewal;
  /** A taken step that still applies after the follow-up interval escalates to `uppfoljning`. */
  readonly followUp?: boolean;
}

/** A new one of these after the latest orosanmälan means a new report (the concern is new). */
const HARM_SIGNALS: readonly SignalType[] = [
  'harm-suspected',
  'violence-disclosed',
  'whereabouts-unknown',
  'complex-problems',
];

function deadline(urgency: Deadline['urgency'], days?: number, from: Deadline['from'] = 'as-of'): Deadline {
  return days === undefined ? { urgency, unit: 'calendar-days', from } : { urgency, days, unit: 'calendar-days', from };
}

/**
 * The step catalog: labels, roles, default deadlines, routing, consent and
 * renewal of every step. Rules say *when* a step applies; this says *what* it is.
 */
export const STEP_CATALOG: Readonly<Record<StepId, StepDefinition>> = {
  'vardnadshavare-informeras': {
    id: 'vardnadshavare-informeras',
    sv: 'Informera vårdnadshavare samma dag om ogiltig frånvaro',
    en: 'Inform guardians the same day about invalid absence',
    responsible: 'rektor',
    deadline: deadline('samma-dag', 0),
    routing: 'vardnadshavare',
    renewal: { kind: 'daily' },
  },
  'mentor-kontakt': {
    id: 'mentor-kontakt',
    sv: 'Mentor tar kontakt med eleven om frånvaron',
    en: 'Mentor talks with the student about the absence',
    responsible: 'mentor',
    deadline: deadline('snarast'),
    renewal: { kind: 'per-term' },
  },
  'rektor-utredning': {
    id: 'rektor-utredning',
    sv: 'Rektor ser till att frånvaron skyndsamt utreds',
    en: 'The principal has the absence investigated promptly',
    responsible: 'rektor',
    deadline: deadline('skyndsamt'),
    renewal: { kind: 'per-term' },
    followUp: true,
  },
  skolpliktsutredning: {
    id: 'skolpliktsutredning',
    sv: 'Inleda skolpliktsutredning: ta reda på var eleven är',
    en: 'Open a compulsory-schooling investigation: find out where the student is',
    responsible: 'rektor',
    deadline: deadline('inom-frist', 7, 'absence-start'),
    renewal: { kind: 'per-signal', signals: ['whereabouts-unknown'] },
  },
  'anmalan-huvudman': {
    id: 'anmalan-huvudman',
    sv: 'Anmäla till huvudmannen att utredning inletts',
    en: 'Report the opened investigation to the school organiser',
    responsible: 'rektor',
    deadline: deadline('snarast'),
    routing: 'huvudman',
    renewal: { kind: 'per-term' },
  },
  'information-hemkommun': {
    id: 'information-hemkommun',
    sv: 'Informera elevens hemkommun',
    en: "Inform the student's home municipality",
    responsible: 'huvudman',
    deadline: deadline('snarast'),
    routing: 'hemkommun',
    renewal: { kind: 'per-term' },
  },
  eht: {
    id: 'eht',
    sv: 'Samråd med elevhälsan (elevhälsoteam)',
    en: 'Consult the student health team (EHT)',
    responsible: 'elevhalsan',
    deadline: deadline('skyndsamt'),
    renewal: { kind: 'per-term' },
  },
  kartlaggning: {
    id: 'kartlaggning',
    sv: 'Kartlägga frånvaron och dess orsaker',
    en: 'Map the absence and its causes',
    responsible: 'rektor',
    deadline: deadline('skyndsamt'),
    renewal: { kind: 'per-term' },
    followUp: true,
  },
  'individanpassad-planering': {
    id: 'individanpassad-planering',
    sv: 'Planera och individanpassa skolgången',
    en: 'Plan and individualise the schooling',
    responsible: 'rektor',
    deadline: deadline('planeras'),
    renewal: { kind: 'per-term' },
    followUp: true,
  },
  uppfoljning: {
    id: 'uppfoljning',
    sv: 'Följa upp åtgärderna systematiskt',
    en: 'Follow up the measures systematically',
    responsible: 'rektor',
    deadline: deadline('planeras'),
    renewal: { kind: 'interval' },
  },
  'sarskilt-stod-utredning': {
    id: 'sarskilt-stod-utredning',
    sv: 'Pröva om behov av särskilt stöd ska utredas',
    en: 'Consider investigating the need for special support',
    responsible: 'rektor',
    deadline: deadline('skyndsamt'),
    renewal: { kind: 'per-term' },
  },
  'skolsocialt-team': {
    id: 'skolsocialt-team',
    sv: 'Erbjuda insats från skolsocialt team',
    en: 'Offer support from the school-social team',
    responsible: 'elevhalsan',
    deadline: deadline('planeras'),
    consent: { purpose: 'skolsocialt-team', parties: ['guardians', 'student'] },
    renewal: { kind: 'per-term' },
  },
  'skolsocialt-team-central': {
    id: 'skolsocialt-team-central',
    sv: 'Kontakta stadsområdets centrala skolsociala team',
    en: "Contact the city area's central school-social team",
    responsible: 'elevhalsan',
    deadline: deadline('planeras'),
    consent: { purpose: 'skolsocialt-team', parties: ['guardians', 'student'] },
    renewal: { kind: 'per-term' },
  },
  skolnarmandeplan: {
    id: 'skolnarmandeplan',
    sv: 'Göra en skolnärmandeplan tillsammans med elev och vårdnadshavare',
    en: 'Make a school-approach plan with the student and guardians',
    responsible: 'elevhalsan',
    deadline: deadline('snarast'),
    renewal: { kind: 'per-term' },
    followUp: true,
  },
  sip: {
    id: 'sip',
    sv: 'Föreslå samordnad individuell plan (SIP)',
    en: 'Propose a coordinated individual plan (SIP)',
    responsible: 'elevhalsan',
    deadline: deadline('snarast'),
    consent: { purpose: 'sip', parties: ['guardians', 'student'] },
    renewal: { kind: 'per-term' },
  },
  orosanmalan: {
    id: 'orosanmalan',
    sv: 'Göra orosanmälan till socialtjänsten där barnet bor',
    en: 'Report concern to social services where the child lives',
    responsible: 'skolpersonal',
    deadline: deadline('genast', 0),
    routing: 'socialtjanst',
    renewal: { kind: 'per-signal', signals: HARM_SIGNALS },
  },
  anmalningsmote: {
    id: 'anmalningsmote',
    sv: 'Begära anmälningsmöte med socialtjänsten',
    en: 'Request a meeting with social services about the report',
    responsible: 'elevhalsan',
    deadline: deadline('inom-frist', 14, 'orosanmalan'),
    routing: 'socialtjanst',
    renewal: { kind: 'after-orosanmalan' },
  },
  'forhandsbedomning-bevakning': {
    id: 'forhandsbedomning-bevakning',
    sv: 'Bevaka socialtjänstens förhandsbedömning (14 dagar)',
    en: "Track social services' initial assessment (14 days)",
    responsible: 'rektor',
    deadline: deadline('inom-frist', 14, 'orosanmalan'),
    routing: 'socialtjanst',
    renewal: { kind: 'after-orosanmalan' },
  },
  'vitesforelaggande-prova': {
    id: 'vitesforelaggande-prova',
    sv: 'Hemkommunen prövar föreläggande (ev. vid vite) mot vårdnadshavare',
    en: 'The home municipality considers an order (possibly with a fine) to the guardians',
    responsible: 'hemkommun',
    deadline: deadline('planeras'),
    routing: 'hemkommun',
    renewal: { kind: 'per-term' },
  },
  samtycke: {
    id: 'samtycke',
    sv: 'Inhämta samtycke',
    en: 'Obtain consent',
    responsible: 'elevhalsan',
    deadline: deadline('snarast'),
    renewal: { kind: 'per-term' },
  },
};
