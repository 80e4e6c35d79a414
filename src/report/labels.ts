import type { Routing, Step, Warning } from '../model/decision.js';
import type { Trend } from '../model/facts.js';
import { TYPOLOGY_STRENGTH_LABELS, type TypologyLevel } from '../model/typology.js';
import type { Huvudman, Role, SchoolForm, StepKind, Studiehjalp, Urgency } from '../model/vocabulary.js';

// Every table here is keyed by a closed vocabulary (a zod enum or a union of
// the decision's types): a new id without its sv and en text fails to compile,
// and test/report/translations.test.ts checks each text is there and not empty.

/** A text in both output languages. */
export interface Texts {
  readonly sv: string;
  readonly en: string;
}

/** Words of the report, sv and en. */
export const REPORT_TEXT = {
  title: { sv: 'Frånvarorapport', en: 'Absence report' },
  school: { sv: 'Skola', en: 'School' },
  basis: { sv: 'Underlag per', en: 'Data as of' },
  policy: { sv: 'policy', en: 'policy' },
  students: { sv: 'elever', en: 'students' },
  advisory: {
    sv: 'Rekommendationerna är ett stöd för rektor och elevhälsa, inte ett beslut. Typologin är rådgivande och ingen diagnos.',
    en: 'The recommendations support the principal and the student health team; they are not decisions. The typology is advisory, not a diagnosis.',
  },
  duties: { sv: 'Öppna åtgärder', en: 'Open duties' },
  noDuties: { sv: 'Inga öppna åtgärder.', en: 'No open duties.' },
  status: { sv: 'Status', en: 'Status' },
  due: { sv: 'Senast', en: 'Due' },
  student: { sv: 'Elev', en: 'Student' },
  step: { sv: 'Åtgärd', en: 'Step' },
  responsible: { sv: 'Ansvarig', en: 'Responsible' },
  arose: { sv: 'Uppstod', en: 'Arose' },
  reason: { sv: 'Skäl', en: 'Reason' },
  typology: { sv: 'Typologi', en: 'Typology' },
  overview: { sv: 'Översikt', en: 'Overview' },
  distribution: { sv: 'Elever per frånvaro i terminen (giltig + ogiltig)', en: 'Students by absence this term (valid + invalid)' },
  stepCounts: { sv: 'Elever per åtgärd', en: 'Students per step' },
  typologyCounts: { sv: 'Elever per typologi', en: 'Students per typology' },
  trend: { sv: 'Skolans frånvaro vecka för vecka', en: "The school's absence week by week" },
  perStudent: { sv: 'Elever med öppna åtgärder', en: 'Students with open duties' },
  allStudents: { sv: 'Alla elever', en: 'All students' },
  week: { sv: 'Vecka', en: 'Week' },
  scheduled: { sv: 'Schemalagt (min)', en: 'Scheduled (min)' },
  valid: { sv: 'Giltig frånvaro', en: 'Valid absence' },
  invalid: { sv: 'Ogiltig frånvaro', en: 'Invalid absence' },
  dataTable: { sv: 'Siffror per vecka', en: 'Figures per week' },
  termAbsence: { sv: 'Frånvaro i terminen', en: 'Absence this term' },
  noSeries: { sv: 'Ingen veckoserie i beslutet (skrivet av en äldre trappa, eller ingen termin har börjat).', en: 'No weekly series in the decision (written by an older trappa, or no term has started).' },
  markers: { sv: 'Markeringar: dagen då skyldigheten uppstod', en: 'Markers: the day the duty arose' },
  count: { sv: 'Antal', en: 'Count' },
  range: { sv: 'Frånvaro', en: 'Absence' },
  noLessons: { sv: 'inga lektioner', en: 'no lessons' },
  none: { sv: 'ingen', en: 'none' },
  policyUnknown: {
    sv: 'Policyn {policy} finns inte här (varken inbyggd eller given med --policy): diagrammens trösklar är bara de som besluten själva nämner och kan saknas för en del elever.',
    en: 'The policy {policy} is not available here (neither bundled nor given with --policy): the thresholds in the plots are only those the decisions name themselves, and may be missing for some students.',
  },
  result: { sv: 'resultat senast', en: 'result due' },
  privacy: {
    sv: 'Innehåller uppgifter om enskilda elever: hanteras enligt skolans rutiner för sekretess och personuppgifter. Filen hämtar ingenting utifrån och skickar ingenting.',
    en: "Holds information about individual students: handle it by the school's rules for confidentiality and personal data. The file loads nothing and sends nothing.",
  },
} as const;

/** Role names. */
export const ROLE_TEXT: Readonly<Record<Role, { readonly sv: string; readonly en: string }>> = {
  rektor: { sv: 'rektor', en: 'principal (rektor)' },
  mentor: { sv: 'mentor', en: 'mentor' },
  huvudman: { sv: 'huvudman', en: 'governing body (huvudman)' },
  elevhalsan: { sv: 'elevhälsan', en: 'student health team (elevhälsan)' },
  skolpersonal: { sv: 'skolpersonal', en: 'school staff' },
  hemkommun: { sv: 'hemkommunen', en: 'home municipality' },
};

/** Step statuses. */
export const STATUS_TEXT: Readonly<Record<Step['status'], { readonly sv: string; readonly en: string }>> = {
  overdue: { sv: 'försenad', en: 'overdue' },
  recommended: { sv: 'öppen', en: 'open' },
  blocked: { sv: 'väntar på samtycke', en: 'waiting for consent' },
};

/** Urgencies. */
export const URGENCY_TEXT: Readonly<Record<Urgency, { readonly sv: string; readonly en: string }>> = {
  genast: { sv: 'genast', en: 'at once' },
  'samma-dag': { sv: 'samma dag', en: 'the same day' },
  skyndsamt: { sv: 'skyndsamt', en: 'promptly (skyndsamt)' },
  snarast: { sv: 'snarast', en: 'as soon as possible' },
  'inom-frist': { sv: 'inom frist', en: 'within the deadline' },
  planeras: { sv: 'planeras', en: 'to be planned' },
};

/** Step kinds. */
export const KIND_TEXT: Readonly<Record<StepKind, { readonly sv: string; readonly en: string }>> = {
  lagkrav: { sv: 'lagkrav', en: 'statutory' },
  riktlinje: { sv: 'riktlinje', en: 'guideline' },
  stod: { sv: 'stöd', en: 'support' },
};

/** The trend of the rolling window against the window before it. */
export const TREND_TEXT: Readonly<Record<Trend, Texts>> = {
  rising: { sv: 'stigande', en: 'rising' },
  falling: { sv: 'sjunkande', en: 'falling' },
  stable: { sv: 'oförändrad', en: 'stable' },
  unknown: { sv: 'okänd', en: 'unknown' },
};

/** School forms (Skollagen 1 kap.): the legal name, and in English a gloss with it. */
export const SCHOOL_FORM_TEXT: Readonly<Record<SchoolForm, Texts>> = {
  forskoleklass: { sv: 'förskoleklass', en: 'preschool class (förskoleklass)' },
  grundskola: { sv: 'grundskola', en: 'compulsory school (grundskola)' },
  'anpassad-grundskola': { sv: 'anpassad grundskola', en: 'adapted compulsory school (anpassad grundskola)' },
  specialskola: { sv: 'specialskola', en: 'special school (specialskola)' },
  sameskola: { sv: 'sameskola', en: 'Sami school (sameskola)' },
  gymnasieskola: { sv: 'gymnasieskola', en: 'upper-secondary school (gymnasieskola)' },
  'anpassad-gymnasieskola': { sv: 'anpassad gymnasieskola', en: 'adapted upper-secondary school (anpassad gymnasieskola)' },
};

/** Kinds of school organiser. */
export const HUVUDMAN_TEXT: Readonly<Record<Huvudman, Texts>> = {
  kommunal: { sv: 'kommunal', en: 'municipal' },
  fristaende: { sv: 'fristående', en: 'independent (fristående)' },
  statlig: { sv: 'statlig', en: 'state' },
};

/** Whether the student has studiehjälp from CSN. */
export const STUDIEHJALP_TEXT: Readonly<Record<Studiehjalp, Texts>> = {
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  unknown: { sv: 'okänt', en: 'unknown' },
};

/** Typology levels, as the typology facts hold them. */
export const TYPOLOGY_LEVEL_TEXT: Readonly<Record<TypologyLevel, Texts>> = {
  ingen: { sv: 'ingen', en: 'none' },
  ...TYPOLOGY_STRENGTH_LABELS,
};

/** Where a step is sent (a municipality is added after `hemkommun` and `socialtjanst`). */
export const ROUTING_TEXT: Readonly<Record<Routing['target'], Texts>> = {
  vardnadshavare: { sv: 'vårdnadshavare', en: 'guardians' },
  huvudman: { sv: 'huvudman', en: 'school organiser (huvudman)' },
  csn: { sv: 'CSN', en: 'CSN' },
  hemkommun: { sv: 'hemkommun', en: 'home municipality' },
  socialtjanst: { sv: 'socialtjänsten', en: 'social services' },
  manual: { sv: 'manuell adressering', en: 'manual routing' },
};

/** Why a step must be routed by hand. */
export const MANUAL_ROUTING_TEXT: Readonly<Record<Extract<Routing, { target: 'manual' }>['reason'], Texts>> = {
  'protected-identity': { sv: 'skyddade personuppgifter', en: 'protected identity' },
  'residence-unknown': { sv: 'bostadsort okänd', en: 'residence unknown' },
};

/** Data-quality notes on a decision. */
export const WARNING_TEXT: Readonly<Record<Warning['kind'], Texts>> = {
  'low-reporting-rate': { sv: 'låg andel rapporterade lektioner', en: 'low share of reported lessons' },
  'no-attendance-this-term': { sv: 'ingen närvarodata denna termin', en: 'no attendance data this term' },
  'records-after-as-of': { sv: 'lektioner efter utvärderingsdagen (räknas inte)', en: 'lessons after the evaluation date (not counted)' },
  'rejected-records': { sv: 'avvisade lektionsposter', en: 'rejected lesson records' },
  'conflicting-lessons': { sv: 'motstridiga lektionsposter (avvisade)', en: 'conflicting lesson records (rejected)' },
  'no-school-term': { sv: 'ingen termin pågår på utvärderingsdagen', en: 'no school term on the evaluation date' },
  'low-coverage': { sv: 'lektionsdata täcker för få skoldagar', en: 'lesson data covers too few school days' },
  'school-structure-mismatch': { sv: 'skolform eller årskurs finns inte på datumet', en: 'school form or grade does not exist on the date' },
};

/** Units of number facts (`FactInfo.unit`). */
export const UNIT_TEXT: Readonly<Record<'min' | 'years', Texts>> = {
  min: { sv: 'min', en: 'min' },
  years: { sv: 'år', en: 'years' },
};

/** Words of the evidence sentences: the comparison, its negation, yes/no and a missing value. */
export const EVIDENCE_TEXT = {
  greaterThan: { sv: 'över', en: 'over' },
  greaterThanInclusive: { sv: 'minst', en: 'at least' },
  lessThan: { sv: 'under', en: 'under' },
  lessThanInclusive: { sv: 'högst', en: 'at most' },
  rateAbove: { sv: 'över', en: 'over' },
  rateAtLeast: { sv: 'minst', en: 'at least' },
  not: { sv: 'inte', en: 'not' },
  required: { sv: 'krävs', en: 'required' },
  or: { sv: 'eller', en: 'or' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  none: { sv: 'saknas', en: 'none' },
  list: { sv: 'listan', en: 'the list' },
  values: { sv: 'värden', en: 'values' },
} as const satisfies Record<string, Texts>;
