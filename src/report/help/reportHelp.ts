import type { CommandHelp } from '../helpText.js';
import { CONFIG_OPTION, FILE, HELP_OPTION, NO_PROGRESS_OPTION, PROGRESS_OPTION } from './commonHelp.js';

/** `trappa report --help`. */
export const REPORT_HELP: CommandHelp = {
  summary: {
    sv: 'en statisk HTML-rapport per skola (öppna åtgärder, diagram) från en natts beslut',
    en: "one static HTML report per school (open duties, plots) from a night's decisions",
  },
  usage: [{ sv: 'report <beslut.ndjson|-> --out <katalog> [flaggor]', en: 'report <decisions.ndjson|-> --out <dir> [options]' }],
  description: [
    {
      sv: 'Skriver en HTML-rapport per skola: öppna åtgärder (försenade först, sedan efter senast-datum) med steg, datum, ansvarig roll, skäl och typologi; en översikt över skolan; ett diagram per elev med giltig och ogiltig frånvaro vecka för vecka, policyns trösklar och stegens datum. Bara inbäddad SVG och CSS: filerna hämtar inget och skickar inget.',
      en: "Writes one HTML report per school: open duties (overdue first, then by due date) with steps, dates, the responsible role, the reasons and the typology; a school overview; a plot per student of weekly valid and invalid absence with the policy's thresholds and the steps' dates. Inline SVG and CSS only: the files load nothing and send nothing.",
    },
    {
      sv: 'Indata: en --decisions-out-fil (dess trailer, antal och SHA-256 verifieras först) eller --json-utdata från evaluate (vanlig NDJSON), kompakt eller full; - läser stdin; en gzip-fil packas upp.',
      en: 'Input: a --decisions-out file (its trailer, count and SHA-256 are verified first) or the --json output of evaluate (plain NDJSON), compact or full; - reads stdin; a gzip file is decompressed.',
    },
  ],
  options: [
    {
      options: {
        out: {
          value: { sv: '<katalog>', en: '<dir>' },
          text: { sv: 'katalog för rapporterna (skapas om den saknas): <skol-id>.html, var och en skriven hel eller inte alls', en: 'directory for the reports (created if missing): <school-id>.html, each written whole or not at all' },
        },
        labels: {
          value: FILE,
          text: {
            sv: 'JSON-objekt {"<elev-id>": "<visningsnamn>"}: namn som bara visas i HTML, aldrig skrivs ut eller sparas någon annanstans (standard: elever efter id)',
            en: 'JSON object {"<student id>": "<display name>"}: names shown in the HTML only, never printed or written anywhere else (default: students by their id)',
          },
        },
        policy: {
          value: { sv: '<id|fil>', en: '<id|file>' },
          text: {
            sv: 'policyfilen besluten fattades under, om den inte är en inbyggd: diagrammens trösklar läses ur den (en inbyggd policy hittas på id och hash)',
            en: 'the policy file the decisions were made under, when not a bundled one: the plots read their thresholds from it (a bundled policy is found by id and hash)',
          },
        },
        'all-students': { text: { sv: 'ett diagram för varje elev (standard: elever med en öppen åtgärd)', en: 'a plot for every student (default: students with an open duty)' } },
        'tmp-dir': {
          value: { sv: '<katalog>', en: '<dir>' },
          text: {
            sv: 'var besluten läggs medan rapporterna skrivs, skola för skola (standard: systemets temp-katalog; lika stort som indata, uppackat)',
            en: 'where the decisions are kept while the reports are written, school by school (default: the OS temp directory; as large as the input, decompressed)',
          },
        },
        lang: { value: { sv: '<sv|en>', en: '<sv|en>' }, text: { sv: 'språk för rapporterna, sammanfattningsraden och hjälpen (standard sv)', en: 'language of the reports, the summary line and the help (default sv)' } },
        progress: PROGRESS_OPTION,
        'no-progress': NO_PROGRESS_OPTION,
        config: CONFIG_OPTION,
        help: HELP_OPTION,
      },
    },
  ],
  examples: [
    { command: 'trappa report natt-2.ndjson --out rapporter', text: { sv: 'en rapport per skola i katalogen rapporter/', en: 'one report per school in the directory rapporter/' } },
    { command: 'trappa report natt-2.ndjson --out rapporter --labels namn.json --all-students', text: { sv: 'med elevernas namn och ett diagram för varje elev', en: "with the students' names and a plot for every student" } },
  ],
  exit: {
    sv: '{ok} skrivet; {failure} indata eller namnfilen kan inte läsas eller är ogiltig; {usage} användningsfel; {sigint}, {sigterm} stoppad: tillfälliga filer borttagna, rapporterna som redan skrivits är nattens, de övriga som de var',
    en: '{ok} written; {failure} the input or the labels file cannot be read or is not valid; {usage} usage error; {sigint}, {sigterm} stopped: temporary files removed, the reports already written are the night\'s, the rest as they were',
  },
};
