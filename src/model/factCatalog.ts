import { boundedMemo } from './boundedMemo.js';
import type { FactInfo, Facts, SignalFact, TypologyFact } from './facts.js';
import { ABSENCE_TYPES, TYPOLOGY_LEVELS, TYPOLOGY_TYPE_LABELS, type AbsenceType } from './typology.js';
import { SignalTypeSchema, StudiehjalpSchema, type SignalType } from './vocabulary.js';

/**
 * Fact name of a signal type.
 *
 * @param signal - the signal id
 * @returns the fact name rules use
 * @example signalFact('harm-suspected') // 'signalHarmSuspected'
 */
export function signalFact(signal: SignalType): SignalFact {
  return signalFacts(signal);
}

/** Computed once per signal type: `signalFact` runs for every signal of every student. */
const signalFacts = boundedMemo((signal: SignalType): SignalFact => {
  const camel = signal.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return `signal${camel.charAt(0).toUpperCase()}${camel.slice(1)}` as SignalFact;
});

const SIGNAL_LABELS: Record<SignalType, [string, string]> = {
  'harm-suspected': ['misstanke om att barnet far illa', 'suspicion that the child is being harmed'],
  'violence-disclosed': ['barnet har berättat om våld', 'the child has disclosed violence'],
  'anxiety-distress': ['oro, ångest eller starkt obehag', 'anxiety or strong distress'],
  'neurodevelopmental-condition': ['neuropsykiatrisk funktionsnedsättning (NPF)', 'neurodevelopmental condition'],
  'guardian-own-problems': [
    'vårdnadshavares egen problematik (missbruk, psykisk eller fysisk ohälsa)',
    "guardian's own problems (substance use, mental or physical illness)",
  ],
  'school-sent-home': ['skolan har skickat hem eleven utan formellt beslut', 'the school sent the student home without a formal decision'],
  'guardians-unaware': ['vårdnadshavare ovetande om frånvaron', 'guardians unaware of the absence'],
  'guardians-trying': ['vårdnadshavare försöker få barnet till skolan', 'guardians trying to get the child to school'],
  'guardian-keeps-home': ['vårdnadshavare håller barnet hemma', 'guardian keeps the child at home'],
  'caregiving-at-home': ['barnet tar hand om vårdnadshavare eller syskon', 'the child is caregiving at home'],
  normbrytande: ['normbrytande beteende', 'norm-breaking behaviour'],
  'whereabouts-unknown': ['okänt var eleven vistas', 'whereabouts unknown'],
  'needs-health-and-social-care': [
    'behov av insatser från både hälso- och sjukvården och socialtjänsten',
    'needs from both health care and social services',
  ],
  'complex-problems': ['komplex och omfattande problematik', 'complex and extensive problems'],
  'neglect-signs': ['tecken på omsorgssvikt (t.ex. hygien, kläder, mat, tillsyn)', 'signs of neglect (e.g. hygiene, clothing, food, supervision)'],
  'crime-or-drugs': [
    'brott eller droger: barnet utsätts för eller är inblandat i brott, eller använder droger',
    'crime or drugs: the child is a victim of or involved in crime, or uses drugs',
  ],
  concealment: ['eleven döljer frånvaron för vårdnadshavarna', 'the student hides the absence from the guardians'],
  'seen-at-school-not-in-class': ['eleven är i skolan men inte på lektionen', 'the student is at school but not in class'],
  'abroad-suspected': ['misstanke om att eleven förts eller vistas utomlands', 'suspicion that the student has been taken or stays abroad'],
  'guardian-unreachable': ['vårdnadshavare går inte att nå', 'guardians cannot be reached'],
  'own-request-for-help': ['eleven ber själv om hjälp', 'the student asks for help'],
  'guardian-requests-help': ['vårdnadshavare ber om hjälp', 'the guardians ask for help'],
  bullying: ['eleven utsätts för kränkande behandling eller mobbning', 'the student is subjected to degrading treatment or bullying'],
};

/**
 * Label of a signal without the "Signal:" prefix of its fact label.
 *
 * @param signal - the signal id
 * @returns Swedish and English labels
 * @example signalLabel('guardians-unaware').sv // 'vårdnadshavare ovetande om frånvaron'
 */
export function signalLabel(signal: SignalType): { readonly sv: string; readonly en: string } {
  const [sv, en] = SIGNAL_LABELS[signal];
  return { sv, en };
}

/**
 * Fact name of a typology type's strength.
 *
 * @param type - a typology type other than `oklar`
 * @returns the fact name rules use
 * @example typologyFact('skolvagran') // 'typologySkolvagran'
 */
export function typologyFact(type: AbsenceType): TypologyFact {
  return `typology${type.charAt(0).toUpperCase()}${type.slice(1)}` as TypologyFact;
}

const typologyEntries = Object.fromEntries(
  ABSENCE_TYPES.map((t) => [
    typologyFact(t),
    {
      type: 'string',
      values: TYPOLOGY_LEVELS,
      advisory: true,
      sv: `Typologi (rådgivande): ${TYPOLOGY_TYPE_LABELS[t].sv}, styrka`,
      en: `Typology (advisory): ${TYPOLOGY_TYPE_LABELS[t].en}, strength`,
    },
  ]),
) as Record<TypologyFact, FactInfo>;

const signalEntries = Object.fromEntries(
  SignalTypeSchema.options.map((s) => [
    signalFact(s),
    { type: 'boolean', sv: `Signal: ${SIGNAL_LABELS[s][0]}`, en: `Signal: ${SIGNAL_LABELS[s][1]}` },
  ]),
) as Record<SignalFact, FactInfo>;

/**
 * Every fact a rule may reference, with its type and labels. The rule-file
 * schema rejects any fact not listed here.
 */
export const FACT_CATALOG: Readonly<Record<keyof Facts, FactInfo>> = {
  ageYears: { type: 'number', unit: 'years', sv: 'Ålder', en: 'Age' },
  schoolForm: { type: 'string', sv: 'Skolform', en: 'School form' },
  grade: { type: 'number', sv: 'Årskurs', en: 'Grade' },
  huvudman: { type: 'string', sv: 'Huvudman', en: 'School organiser' },
  compulsorySchoolForm: { type: 'boolean', sv: 'Obligatorisk skolform', en: 'Compulsory school form' },
  gymnasiumSchoolForm: { type: 'boolean', sv: 'Gymnasieskola eller anpassad gymnasieskola', en: 'Upper-secondary school form' },
  schoolMunicipalityCode: { type: 'string', code: 'municipality', sv: 'Skolans kommun', en: "School's municipality" },
  residenceMunicipalityCode: { type: 'string', nullable: true, code: 'municipality', sv: 'Hemkommun', en: 'Home municipality' },
  residenceKnown: { type: 'boolean', sv: 'Bostadsort känd', en: 'Residence known' },
  huvudmanIsHemkommun: { type: 'boolean', sv: 'Huvudmannen är hemkommunen', en: 'The organiser is the home municipality' },
  protectedIdentity: { type: 'boolean', sv: 'Skyddade personuppgifter', en: 'Protected identity' },
  schoolHasSkolsocialtTeam: { type: 'boolean', sv: 'Skolan har skolsocialt team', en: 'School has a school-social team' },
  studentConsentsToParentContact: {
    type: 'boolean',
    sv: 'Eleven har själv samtyckt till att skolan kontaktar föräldrarna (samtycke "contact-with-parents")',
    en: 'The student has consented to the school contacting the parents (consent "contact-with-parents")',
  },
  termId: { type: 'string', nullable: true, sv: 'Termin', en: 'Term' },
  termSchoolDaysElapsed: { type: 'number', sv: 'Skoldagar hittills i terminen', en: 'School days so far this term' },
  termScheduledMinutes: { type: 'number', unit: 'min', sv: 'Rapporterad schemalagd tid i terminen', en: 'Reported scheduled time this term' },
  termAbsenceMinutes: { type: 'number', unit: 'min', sv: 'Frånvarotid i terminen', en: 'Absence time this term' },
  termValidAbsenceMinutes: { type: 'number', unit: 'min', sv: 'Giltig frånvarotid i terminen', en: 'Valid absence time this term' },
  termInvalidAbsenceMinutes: { type: 'number', unit: 'min', sv: 'Ogiltig frånvarotid i terminen', en: 'Invalid absence time this term' },
  termAbsence: { type: 'rate', sv: 'Frånvaro i terminen (giltig + ogiltig)', en: 'Absence this term (valid + invalid)' },
  termValidAbsence: { type: 'rate', sv: 'Giltig frånvaro i terminen', en: 'Valid absence this term' },
  termInvalidAbsence: { type: 'rate', sv: 'Ogiltig frånvaro i terminen', en: 'Invalid absence this term' },
  windowAbsence: { type: 'rate', sv: 'Frånvaro senaste perioden (giltig + ogiltig)', en: 'Absence in the rolling window (valid + invalid)' },
  windowValidAbsence: { type: 'rate', sv: 'Giltig frånvaro senaste perioden', en: 'Valid absence in the rolling window' },
  windowInvalidAbsence: { type: 'rate', sv: 'Ogiltig frånvaro senaste perioden', en: 'Invalid absence in the rolling window' },
  termAbsenceBeyondShortIllness: {
    type: 'rate',
    sv: 'Frånvaro i terminen, en kort sjukanmäld sjukdom borträknad',
    en: 'Absence this term, one short reported illness left out',
  },
  windowAbsenceBeyondShortIllness: {
    type: 'rate',
    sv: 'Frånvaro senaste perioden, en kort sjukanmäld sjukdom borträknad',
    en: 'Absence in the rolling window, one short reported illness left out',
  },
  previousWindowAbsence: { type: 'rate', sv: 'Frånvaro perioden innan', en: 'Absence in the previous window' },
  trend: { type: 'string', sv: 'Trend', en: 'Trend' },
  termDaysWithAbsence: { type: 'number', sv: 'Skoldagar med frånvaro i terminen', en: 'School days with absence this term' },
  termAbsenceOccasions: { type: 'number', sv: 'Frånvarotillfällen i terminen', en: 'Absence occasions this term' },
  termInvalidAbsenceOccasions: { type: 'number', sv: 'Tillfällen med ogiltig frånvaro i terminen', en: 'Invalid-absence occasions this term' },
  longestWholeDayStreak: { type: 'number', sv: 'Längsta följd hela frånvarodagar', en: 'Longest run of whole days absent' },
  currentWholeDayStreak: { type: 'number', sv: 'Pågående följd hela frånvarodagar', en: 'Current run of whole days absent' },
  termWholeDayAbsenceDays: { type: 'number', sv: 'Hela frånvarodagar i terminen', en: 'Whole days absent this term' },
  termPartialDayAbsenceDays: { type: 'number', sv: 'Dagar med lektionsfrånvaro i terminen', en: 'Days with lesson-level absence this term' },
  termLessonLevelInvalidLessons: {
    type: 'number',
    sv: 'Lektioner med ogiltig frånvaro på närvarodagar (ströfrånvaro)',
    en: 'Lessons with invalid absence on days present (scattered absence)',
  },
  reportingRate: { type: 'rate', sv: 'Rapporterade lektioner', en: 'Reported lessons' },
  termCoverage: { type: 'rate', sv: 'Skoldagar i terminen med lektionsdata', en: 'School days this term with lesson data' },
  windowCoverage: { type: 'rate', sv: 'Skoldagar senaste perioden med lektionsdata', en: 'School days in the rolling window with lesson data' },
  termCoverageSufficient: {
    type: 'boolean',
    sv: 'Lektionsdata täcker terminen (minst policyns andel skoldagar)',
    en: "Lesson data covers the term (at least the policy's share of school days)",
  },
  windowCoverageSufficient: {
    type: 'boolean',
    sv: 'Lektionsdata täcker senaste perioden (minst policyns andel skoldagar)',
    en: "Lesson data covers the rolling window (at least the policy's share of school days)",
  },
  invalidAbsenceMinutesToday: { type: 'number', unit: 'min', sv: 'Ogiltig frånvaro i dag', en: 'Invalid absence today' },
  invalidAbsenceDaysToNotify: {
    type: 'number',
    sv: 'Dagar med ogiltig frånvaro som vårdnadshavarna ännu inte informerats om',
    en: 'Days with invalid absence the guardians have not yet been told about',
  },
  monthInvalidAbsenceMinutes: { type: 'number', month: 'this', unit: 'min', sv: 'Ogiltig frånvaro denna kalendermånad', en: 'Invalid absence this calendar month' },
  monthInvalidAbsenceDays: {
    type: 'number',
    month: 'this',
    sv: 'Dagar med ogiltig frånvaro denna kalendermånad (tillfällen)',
    en: 'Days with invalid absence this calendar month (occasions)',
  },
  previousMonthInvalidAbsenceMinutes: {
    type: 'number',
    month: 'previous',
    unit: 'min',
    sv: 'Ogiltig frånvaro förra kalendermånaden',
    en: 'Invalid absence last calendar month',
  },
  previousMonthInvalidAbsenceDays: {
    type: 'number',
    month: 'previous',
    sv: 'Dagar med ogiltig frånvaro förra kalendermånaden (tillfällen)',
    en: 'Days with invalid absence last calendar month (occasions)',
  },
  studiehjalp: { type: 'string', values: StudiehjalpSchema.options, sv: 'Studiehjälp från CSN', en: 'Studiehjälp from CSN' },
  studiehjalpAgeEligible: {
    type: 'boolean',
    sv: 'Högst vårterminen det år eleven fyller 20 (studiehjälp kan betalas)',
    en: 'No later than the spring term of the year the student turns 20 (studiehjälp can be paid)',
  },
  utredningObehovlig: {
    type: 'boolean',
    sv: 'Rektor har bedömt utredning obehövlig och ingen frånvaro har tillkommit sedan dess',
    en: 'The principal recorded an investigation as unnecessary and no absence has followed since',
  },
  utredningInledd: {
    type: 'boolean',
    sv: 'Rektors frånvaroutredning inledd denna termin',
    en: "The principal's absence investigation has started this term",
  },
  utredningKlar: {
    type: 'boolean',
    sv: 'Rektors frånvaroutredning denna termin är klar (senaste åtgärden har utfallet "done")',
    en: "The principal's absence investigation this term is finished (the latest measure has outcome \"done\")",
  },
  ehtHeldThisTerm: { type: 'boolean', sv: 'Elevhälsoteamet har haft ärendet denna termin', en: 'The student health team has met about the student this term' },
  schoolYearWholeDayAbsenceDays: {
    type: 'number',
    sv: 'Hela frånvarodagar under läsåret',
    en: 'Whole days of absence this school year',
  },
  orosanmalanMade: { type: 'boolean', sv: 'Orosanmälan gjord', en: 'Report of concern made' },
  daysSinceOrosanmalan: { type: 'number', nullable: true, sv: 'Dagar sedan orosanmälan', en: 'Days since the report of concern' },
  childConsentAgeOppnaInsatser: {
    type: 'number',
    nullable: true,
    unit: 'years',
    sv: 'Ålder från vilken barnet själv kan samtycka till öppna insatser (gällande på datumet)',
    en: 'Age from which the child may consent alone to open social-services support (in force on the date)',
  },
  childMayConsentToOppnaInsatser: {
    type: 'boolean',
    sv: 'Barnet har fyllt den ålder då det själv kan samtycka till öppna insatser',
    en: 'The child has reached the age to consent alone to open social-services support',
  },
  ...signalEntries,
  ...typologyEntries,
};

/** All fact names, for schemas. */
export const FACT_NAMES = Object.keys(FACT_CATALOG) as ReadonlyArray<keyof Facts>;

/**
 * The catalog entry of a fact name, or undefined for a name the catalog does
 * not know (never an inherited property such as `constructor`).
 *
 * @param fact - a fact name, e.g. from a rule's leaf
 * @returns its entry
 * @example factInfo('monthInvalidAbsenceMinutes')?.month // 'this'
 */
export function factInfo(fact: string): FactInfo | undefined {
  return Object.hasOwn(FACT_CATALOG, fact) ? (FACT_CATALOG as Readonly<Record<string, FactInfo>>)[fact] : undefined;
}
