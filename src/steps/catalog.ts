import type { EpisodeSource } from './episodes.js';
import type { Deadline } from '../model/policyFile.js';
import type { ConsentParty, ConsentPurpose, Role, StepId } from '../model/vocabulary.js';

/** Who a step is addressed to, when it leaves the school. */
export type RoutingTarget = 'vardnadshavare' | 'huvudman' | 'hemkommun' | 'socialtjanst' | 'csn';

/**
 * When a recorded measure closes a step (see `closingMeasure`):
 * - `arises` (the default): a measure of the step dated on or after the day
 *   the duty arose, that is its step taken (`recordsStep`); one dated before
 *   it belongs to an earlier duty;
 * - `interval`: a measure within the policy's follow-up interval (a follow-up recurs).
 */
export type Closing = 'arises' | 'interval';

/** Everything Trappa knows about a step besides why it fired. */
export interface StepDefinition {
  readonly id: StepId;
  readonly sv: string;
  readonly en: string;
  readonly responsible: Role;
  readonly deadline: Deadline;
  readonly routing?: RoutingTarget;
  readonly consent?: { readonly purpose: ConsentPurpose; readonly parties: readonly ConsentParty[] };
  readonly closing?: Closing;
  /**
   * Also closed by a `rektor-utredning` measure with outcome `obehovligt` dated
   * on or after the day it arose: the duties that presuppose an opened
   * investigation (SL 7 kap. 19 a §, 22 §).
   */
  readonly closedByObehovligt?: true;
  /** A taken step that still applies after the follow-up interval escalates to `uppfoljning`. */
  readonly followUp?: boolean;
  /** Where the step's duty takes its episode from, when not from the fired rule's conditions (`EpisodeSource`). */
  readonly episode?: EpisodeSource;
}

function deadline(urgency: Deadline['urgency'], days?: number, from: Deadline['from'] = 'arises'): Deadline {
  return days === undefined ? { urgency, unit: 'calendar-days', from } : { urgency, days, unit: 'calendar-days', from };
}

/**
 * The step catalog: labels, roles, default deadlines, routing, consent and
 * closing of every step. Rules say *when* a step applies; this says *what* it is.
 */
export const STEP_CATALOG: Readonly<Record<StepId, StepDefinition>> = {
  'vardnadshavare-informeras': {
    id: 'vardnadshavare-informeras',
    sv: 'Informera vårdnadshavare samma dag om ogiltig frånvaro',
    en: 'Inform guardians the same day about invalid absence',
    responsible: 'rektor',
    deadline: deadline('samma-dag', 0),
    routing: 'vardnadshavare',
    episode: 'absence-days',
  },
  'mentor-kontakt': {
    id: 'mentor-kontakt',
    sv: 'Mentor tar kontakt med eleven om frånvaron',
    en: 'Mentor talks with the student about the absence',
    responsible: 'mentor',
    deadline: deadline('snarast'),
  },
  'rektor-utredning': {
    id: 'rektor-utredning',
    sv: 'Rektor ser till att frånvaron skyndsamt utreds',
    en: 'The principal has the absence investigated promptly',
    responsible: 'rektor',
    deadline: deadline('skyndsamt'),
    followUp: true,
  },
  skolpliktsutredning: {
    id: 'skolpliktsutredning',
    sv: 'Inleda skolpliktsutredning: ta reda på var eleven är',
    en: 'Open a compulsory-schooling investigation: find out where the student is',
    responsible: 'rektor',
    deadline: deadline('inom-frist', 7, 'absence-start'),
  },
  'anmalan-huvudman': {
    id: 'anmalan-huvudman',
    sv: 'Anmäla till huvudmannen att utredning inletts',
    en: 'Report the opened investigation to the school organiser',
    responsible: 'rektor',
    deadline: deadline('snarast', undefined, 'utredning-inledd'),
    routing: 'huvudman',
    closedByObehovligt: true,
  },
  'information-hemkommun': {
    id: 'information-hemkommun',
    sv: 'Informera elevens hemkommun',
    en: "Inform the student's home municipality",
    responsible: 'huvudman',
    deadline: deadline('snarast', undefined, 'utredning-inledd'),
    routing: 'hemkommun',
    closedByObehovligt: true,
  },
  eht: {
    id: 'eht',
    sv: 'Samråd med elevhälsan (elevhälsoteam)',
    en: 'Consult the student health team (EHT)',
    // The rektor sees to it that the investigation is made in samråd with elevhälsan (SL 7:19 a, 15:16).
    responsible: 'rektor',
    deadline: deadline('skyndsamt'),
    closedByObehovligt: true,
  },
  kartlaggning: {
    id: 'kartlaggning',
    sv: 'Kartlägga frånvaron och dess orsaker',
    en: 'Map the absence and its causes',
    responsible: 'rektor',
    deadline: deadline('skyndsamt'),
    followUp: true,
  },
  'individanpassad-planering': {
    id: 'individanpassad-planering',
    sv: 'Planera och individanpassa skolgången',
    en: 'Plan and individualise the schooling',
    responsible: 'rektor',
    deadline: deadline('planeras'),
    followUp: true,
  },
  uppfoljning: {
    id: 'uppfoljning',
    sv: 'Följa upp åtgärderna systematiskt',
    en: 'Follow up the measures systematically',
    responsible: 'rektor',
    deadline: deadline('planeras'),
    closing: 'interval',
  },
  'sarskilt-stod-utredning': {
    id: 'sarskilt-stod-utredning',
    sv: 'Pröva om behov av särskilt stöd ska utredas',
    en: 'Consider investigating the need for special support',
    responsible: 'rektor',
    deadline: deadline('skyndsamt'),
  },
  'skolsocialt-team': {
    id: 'skolsocialt-team',
    sv: 'Erbjuda insats från skolsocialt team',
    en: 'Offer support from the school-social team',
    responsible: 'elevhalsan',
    deadline: deadline('planeras'),
    consent: { purpose: 'skolsocialt-team', parties: ['guardians', 'student'] },
  },
  'skolsocialt-team-central': {
    id: 'skolsocialt-team-central',
    sv: 'Kontakta stadsområdets centrala skolsociala team',
    en: "Contact the city area's central school-social team",
    responsible: 'elevhalsan',
    deadline: deadline('planeras'),
    consent: { purpose: 'skolsocialt-team', parties: ['guardians', 'student'] },
  },
  skolnarmandeplan: {
    id: 'skolnarmandeplan',
    sv: 'Göra en skolnärmandeplan tillsammans med elev och vårdnadshavare',
    en: 'Make a school-approach plan with the student and guardians',
    responsible: 'elevhalsan',
    deadline: deadline('snarast'),
    followUp: true,
  },
  sip: {
    id: 'sip',
    sv: 'Föreslå samordnad individuell plan (SIP)',
    en: 'Propose a coordinated individual plan (SIP)',
    responsible: 'elevhalsan',
    deadline: deadline('snarast'),
    consent: { purpose: 'sip', parties: ['guardians', 'student'] },
  },
  orosanmalan: {
    id: 'orosanmalan',
    sv: 'Göra orosanmälan till socialtjänsten där barnet bor',
    en: 'Report concern to social services where the child lives',
    responsible: 'skolpersonal',
    deadline: deadline('genast', 0),
    routing: 'socialtjanst',
  },
  anmalningsmote: {
    id: 'anmalningsmote',
    sv: 'Fråga socialtjänsten om ett anmälningsmöte är lämpligt',
    en: 'Ask social services whether a meeting about the report is appropriate',
    responsible: 'elevhalsan',
    deadline: deadline('inom-frist', 14, 'orosanmalan'),
    routing: 'socialtjanst',
  },
  'forhandsbedomning-bevakning': {
    id: 'forhandsbedomning-bevakning',
    sv: 'Bevaka socialtjänstens förhandsbedömning (14 dagar)',
    en: "Track social services' initial assessment (14 days)",
    responsible: 'rektor',
    deadline: deadline('inom-frist', 14, 'orosanmalan'),
    routing: 'socialtjanst',
  },
  'vitesforelaggande-prova': {
    id: 'vitesforelaggande-prova',
    sv: 'Hemkommunens beslut att pröva: föreläggande (ev. vid vite) mot vårdnadshavare att se till att skolplikten fullgörs',
    en: "The home municipality's decision to consider: an order (possibly with a fine) to the guardians to ensure compulsory schooling",
    responsible: 'hemkommun',
    deadline: deadline('planeras'),
    routing: 'hemkommun',
  },
  'stod-vuxen-elev': {
    id: 'stod-vuxen-elev',
    sv: 'Stödja eleven (18 år eller äldre), som berättat om våld, att söka hjälp: socialtjänst, hälso- och sjukvård, polisanmälan vid brott',
    en: 'Support the student (18 or older) who disclosed violence in seeking help: social services, health care, a police report if it is a crime',
    responsible: 'elevhalsan',
    deadline: deadline('snarast'),
  },
  'csn-rapport': {
    id: 'csn-rapport',
    sv: 'Pröva rapport av skolk till CSN (studiehjälp): tidigast 30 dagar efter första skolkdag; finns särskilda skäl att avstå?',
    en: 'Consider reporting skolk to CSN (studiehjälp): normally 30 days after the first skolk day at the earliest; are there special reasons to refrain?',
    responsible: 'rektor',
    deadline: deadline('planeras'),
    routing: 'csn',
    episode: 'skolk-month',
  },
  samtycke: {
    id: 'samtycke',
    sv: 'Inhämta samtycke',
    en: 'Obtain consent',
    responsible: 'elevhalsan',
    deadline: deadline('snarast'),
  },
};
