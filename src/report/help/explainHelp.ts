import type { CommandHelp } from '../helpText.js';
import { CONFIG_OPTION, AS_OF_OPTION, CALENDAR_OPTION, FILE, HELP_OPTION, LANG_OPTION } from './commonHelp.js';

/** `trappa explain --help`. */
export const EXPLAIN_HELP: CommandHelp = {
  summary: {
    sv: 'en elevs fullständiga beslut, återskapat ur samma indata som natten (det en kompakt beslutsfil utelämnar)',
    en: "one student's full decision, regenerated from the night's inputs (what a compact decisions file leaves out)",
  },
  usage: [
    { sv: 'explain <elev-id> --students <fil> <lektionsfiler...> [flaggor]', en: 'explain <student-id> --students <file> <lessons...> [options]' },
    { sv: 'explain <elev-id> <ärendefil...> [flaggor]', en: 'explain <student-id> <case file...> [options]' },
  ],
  description: [
    {
      sv: 'Varje steg med skäl och bevis, och varje steg som policyn prövade men inte rekommenderade, med villkoren som inte uppfylldes. Med --students genomsöks lektionsfilerna i sin helhet efter elevens rader (som byte: bara rader med elevens id läses som text); utan den läses ärendefilerna och elevens ärende väljs efter id.',
      en: 'Every step with its reasons and evidence, and every step the policy considered and did not recommend, with the conditions that failed. With --students the lesson files are scanned whole for the student\'s lines (as bytes: only lines holding the id are read as text); without it the case files are read and the student\'s case picked by id.',
    },
    {
      sv: 'Elevens id visas i meddelanden (id:n är opaka); ett värde som inte är ett opakt id upprepas inte.',
      en: 'The student id is shown in messages (ids are opaque); a value that is not an opaque id is not repeated.',
    },
  ],
  options: [
    {
      options: {
        students: { value: FILE, text: { sv: 'nattkörningens elevfil: indata är då lektionsfiler (NDJSON eller CSV)', en: "the nightly batch's student file: the inputs are then lesson files (NDJSON or CSV)" } },
        previous: {
          value: FILE,
          text: { sv: 'gårdagens beslutsfil, när natten kördes med --previous: dess öppna skyldigheter hålls öppna som i nattkörningen', en: "last night's decisions file, when the night was run with --previous: its open duties stay open as they did in the batch" },
        },
        'as-of': AS_OF_OPTION,
        policy: { value: { sv: '<id|fil>', en: '<id|file>' }, text: { sv: 'nattens policy (standard stockholm)', en: "the night's policy (default stockholm)" } },
        calendar: CALENDAR_OPTION,
        delimiter: { value: { sv: '<tecken>', en: '<c>' }, text: { sv: 'avgränsare i lektions-CSV: , ; | eller tab (standard: avläst)', en: 'lesson CSV delimiter: , ; | or tab (default: sniffed)' } },
        json: { text: { sv: 'hela beslutet som en JSON-rad (som evaluate --json skriver det)', en: 'the full decision as one JSON line (as evaluate --json writes it)' } },
        lang: LANG_OPTION,
        config: CONFIG_OPTION,
        help: HELP_OPTION,
      },
    },
  ],
  examples: [
    {
      command: 'trappa explain elev-0042 --students students.ndjson lessons.csv --as-of 2026-11-23',
      text: { sv: 'en elevs hela beslut från en natts lektionsfiler', en: "one student's full decision from a night's lesson files" },
    },
  ],
  exit: {
    sv: '{ok} skrivet; {failure} ingen sådan elev, elevens rad avvisades eller en indatafil kan inte läsas; {usage} användningsfel; {previousRefused} --previous avvisades',
    en: "{ok} written; {failure} no such student, the student's line was rejected, or an input cannot be read; {usage} usage; {previousRefused} --previous refused",
  },
};
