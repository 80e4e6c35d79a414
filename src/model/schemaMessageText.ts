import type { Templates } from './template.js';

/**
 * The messages Trappa's own schemas give zod, sv and en: the schema passes
 * the `en` text (or, with slots, the `en` filled and `params.sv` the `sv`),
 * and `swedishIssueMessage` finds the Swedish of a fixed one by its English.
 * None of them repeats the value.
 */
export const SCHEMA_MESSAGE_TEXT = {
  calendarDate: { sv: 'Förväntade ett kalenderdatum skrivet ÅÅÅÅ-MM-DD', en: 'Expected a calendar date written YYYY-MM-DD' },
  clockTime: { sv: 'Förväntade en tid skriven TT:MM (24 h)', en: 'Expected a time written HH:MM (24 h)' },
  municipalityCode: { sv: 'Förväntade en fyrsiffrig kommunkod som "0180"', en: 'Expected a four-digit municipality code such as "0180"' },
  opaqueId: { sv: 'Förväntade ett opakt id av 1–128 tecken [A-Za-z0-9_.:-]', en: 'Expected an opaque id of 1–128 characters [A-Za-z0-9_.:-]' },
  personnummer: { sv: 'Ser ut som ett personnummer; använd ett opakt id i stället', en: 'Looks like a personnummer; use an opaque id instead' },
  residenceRequired: { sv: 'Hemort (residence) krävs om eleven inte har skyddad identitet', en: 'Residence is required unless the student has protected identity' },
  absenceOverLesson: {
    sv: 'Giltig + ogiltig frånvaro ({absent} min) överstiger lektionens {scheduled} schemalagda minuter',
    en: 'Valid + invalid absence ({absent} min) exceeds the {scheduled} scheduled minutes',
  },
  untilBeforeDate: { sv: 'until får inte ligga före date', en: 'until must not be before date' },
  startAfterEnd: { sv: 'start måste vara samma dag som eller före end', en: 'start must be on or before end' },
  version: { sv: 'Förväntade en version som 2026.1', en: 'Expected a version like 2026.1' },
  httpsUrl: { sv: 'Förväntade en fullständigt skriven https-adress, t.ex. "https://lagen.nu/2010:800#K7P17"', en: 'Expected an https URL written in full, e.g. "https://lagen.nu/2010:800#K7P17"' },
  publicUrl: {
    sv: 'Förväntade en https-adress som en webbläsare visar den: ingen användare, inget lösenord eller portnummer, specialtecken procentkodade',
    en: 'Expected an https URL as a browser shows it: no user, password or port, special characters percent-encoded',
  },
  nonEmptyId: { sv: 'Förväntade ett id som inte är tomt', en: 'Expected a non-empty id' },
  dateTime: {
    sv: 'Förväntade en tidpunkt enligt RFC 3339 med tidszon, t.ex. "2026-11-23T08:10:00+01:00"',
    en: 'Expected an RFC 3339 date-time with offset, e.g. "2026-11-23T08:10:00+01:00"',
  },
  wholeMinutes: { sv: 'Förväntade hela minuter ≥ 0', en: 'Expected whole minutes ≥ 0' },
} as const satisfies Templates;
