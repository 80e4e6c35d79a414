import type { Role, StepKind, Urgency } from '../model/vocabulary.js';
import type { Step } from '../model/decision.js';

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
