import { both, type Slots, type Template, type Templates } from '../../model/template.js';

/**
 * What an SS 12000 export's rejected records say, sv and en (the schemas'
 * messages are `SCHEMA_MESSAGE_TEXT` and zod's). None quotes personal data.
 */
export const SS12000_ISSUE_TEXT = {
  endAfterStart: { sv: 'Förväntade endTime efter startTime', en: 'Expected endTime after startTime' },
  exceptionEnd: { sv: 'Förväntade att undantagets slut ligger efter dess början', en: "Expected the exception's end after its start" },
  personMissing: { sv: 'Person {id} finns inte i exporten', en: 'Person {id} is not in the export' },
  eventMissing: { sv: 'Refereras av Attendance-poster men finns inte i exporten', en: 'Referenced by Attendance records but not in the export' },
  studentMissing: { sv: 'Refereras som elev i Attendance-poster men finns inte i exporten', en: 'Referenced as the student of Attendance records but not in the export' },
  sameId: { sv: '{n} olika poster har detta id; ingen används', en: '{n} different records have this id; none is used' },
  absenceOverLesson: {
    sv: 'Giltig + ogiltig frånvaro ({absent} min) överstiger lektionens {scheduled} minuter (CalendarEvent {event})',
    en: "Valid + invalid absence ({absent} min) exceeds the lesson's {scheduled} minutes (CalendarEvent {event})",
  },
  lessonTooShort: { sv: 'Förväntade en lektion på minst 1 minut, fick {n}', en: 'Expected a lesson of at least 1 minute, got {n}' },
  lessonTooLong: { sv: 'Förväntade en lektion på högst {max} minuter, fick {n}', en: 'Expected a lesson of at most {max} minutes, got {n}' },
  schoolType: { sv: 'Skolformen "{type}" är inte en som Trappa utvärderar ({types})', en: 'School type "{type}" is not one Trappa evaluates ({types})' },
  allCancelled: { sv: 'Varje inskrivning är avbruten', en: 'Every enrolment is cancelled' },
  noneInForce: { sv: 'Ingen inskrivning gäller {date}', en: 'No enrolment in force on {date}' },
  noEnrolments: { sv: 'Inga inskrivningar: personen är inte inskriven som elev', en: 'No enrolments: the person is not enrolled as a student' },
  dataNotArray: { sv: 'Förväntade att "data" är en lista av poster', en: 'Expected "data" to be an array of records' },
  notAList: { sv: 'Förväntade en lista: { "data": [...] } eller en vanlig lista', en: 'Expected a list: { "data": [...] } or a plain array' },
  schoolIdUnusable: { sv: 'Går inte att använda som opakt skol-id', en: 'Not usable as an opaque school id' },
  schoolMunicipalityMissing: { sv: 'Saknas: kommunen där skolenheten ligger', en: 'Missing: the municipality where the school unit is' },
  notMunicipalityCode: { sv: 'Inte en svensk kommunkod', en: 'Not a Swedish municipality code' },
  huvudmanUnknown: {
    sv: 'Det går inte att avgöra om huvudmannen är kommunal, fristående eller statlig; ange schools[{key}].huvudman i sidofilen',
    en: 'Cannot tell whether the huvudman is kommunal, fristående or statlig; set schools[{key}].huvudman in the side file',
  },
  gradeMissing: { sv: 'Saknas: Trappa behöver årskursen', en: 'Missing: Trappa needs the year group (årskurs)' },
  noFolkbokforing: {
    sv: 'Ingen folkbokföringsadress: Trappa behöver hemkommunen för att adressera till hemkommunen och socialtjänsten',
    en: 'No Folkbokföring address: Trappa needs the home municipality to route to the hemkommun and social services',
  },
  missing: { sv: 'Saknas', en: 'Missing' },
  organisationRejected: { sv: 'Organisation {id} avvisades', en: 'Organisation {id} was rejected' },
  organisationMissing: { sv: 'Organisation {id} finns inte i exporten', en: 'Organisation {id} is not in the export' },
  notMunicipalityCodeLan: { sv: 'Inte en svensk kommunkod (län 01–25, fyra siffror)', en: 'Not a Swedish municipality code (län 01–25, four digits)' },
  idUnusable: { sv: 'Går inte att använda som opakt id', en: 'Not usable as an opaque id' },
  birthDateMissing: { sv: 'Saknas: Trappa behöver födelsedatumet för åldersberoende skyldigheter', en: 'Missing: Trappa needs the birth date for age-dependent duties' },
  sideStudentUnused: { sv: 'Ingen elev med detta Person-id i exporten', en: 'No student with this Person id in the export' },
  sideSchoolUnused: { sv: 'Ingen Organisation med denna schoolUnitCode eller detta id i exporten', en: 'No Organisation with this schoolUnitCode or id in the export' },
} as const satisfies Templates;

/**
 * A message in both languages, as an SS 12000 issue carries it: `message` the English, `text` both.
 *
 * @param template - the sentence
 * @param slots - its slots
 * @returns `{ message, text }`
 * @example said(SS12000_ISSUE_TEXT.missing) // { message: 'Missing', text: { sv: 'Saknas', en: 'Missing' } }
 */
export function said(template: Template, slots: Slots = {}): { readonly message: string; readonly text: Template } {
  const text = both(template, slots);
  return { message: text.en, text };
}

/**
 * Texts in both languages as an SS 12000 issue carries them.
 *
 * @param text - sv and en
 * @returns `{ message: text.en, text }`
 * @example spoken({ sv: 'Saknas', en: 'Missing' }).message // 'Missing'
 */
export function spoken(text: Template): { readonly message: string; readonly text: Template } {
  return { message: text.en, text };
}
