import type { CommandHelp } from '../helpText.js';
import { PROGRESS_OPTION } from './commonHelp.js';
import { CONFIG_OPTION, AS_OF_OPTION, FILE, HELP_OPTION, LANG_OPTION, PERCENT } from './commonHelp.js';

/** `trappa evaluate --help`. */
export const EVALUATE_HELP: CommandHelp = {
  summary: {
    sv: 'utvärdera elevärenden, en nattlig körning på lektionsnivå eller en SS 12000-export',
    en: 'evaluate student cases, a nightly lesson-level batch or an SS 12000 export',
  },
  usage: [
    { sv: 'evaluate <fil...> [flaggor]', en: 'evaluate <file...> [options]' },
    { sv: 'evaluate --format lessons --students <fil> <lektionsfil...> [flaggor]', en: 'evaluate --format lessons --students <file> <lessons...> [options]' },
    { sv: 'evaluate --format ss12000 <katalog-eller-filer...> [--context <fil>] [flaggor]', en: 'evaluate --format ss12000 <dir-or-files...> [--context <file>] [options]' },
  ],
  description: [
    {
      sv: 'Läser elevärenden (NDJSON, ett ärende per rad, eller en JSON-lista), lektionsposter med elevernas sammanhang i en egen fil (--format lessons: NDJSON eller CSV, i vilken ordning och storlek som helst), eller en SS 12000-export (organisations, persons, calendarEvents, attendances, absences *.json) med en valfri sidofil. Skriver ett beslut per elev: vilka steg i åtgärdstrappan som gäller, senast när, vem som ansvarar och varför, med regel, fakta och lagrum.',
      en: "Reads student cases (NDJSON, one case per line, or a JSON array), lesson records with the students' context in a separate file (--format lessons: NDJSON or CSV, any order, any size), or an SS 12000 export (organisations, persons, calendarEvents, attendances, absences *.json) with an optional side file. Writes one decision per student: which steps of the ladder apply, by when, who is responsible and why, with the rule, the facts and the legal basis.",
    },
    {
      sv: 'Indatafiler: - (eller /dev/stdin) läser stdin, för högst en indata (inte --previous, inte en SS 12000-fil); en gzip-fil packas upp; UTF-8 med BOM och CRLF går bra; en binär fil (.xlsx, UTF-16 …) avvisas.',
      en: 'Input files: - (or /dev/stdin) reads stdin, for one input at most (not --previous, not an SS 12000 file); a gzip file is decompressed; a UTF-8 BOM and CRLF are fine; a binary file (.xlsx, UTF-16…) is refused.',
    },
  ],
  options: [
    {
      options: {
        format: { value: { sv: '<format>', en: '<format>' }, text: { sv: 'studentcase (standard), lessons eller ss12000', en: 'studentcase (default), lessons or ss12000' } },
        policy: {
          value: { sv: '<id|fil>', en: '<id|file>' },
          text: {
            sv: 'en inbyggd policy: stockholm (standard), goteborg, skollagen; eller en policyfil (JSON, kan bygga på en inbyggd)',
            en: 'a bundled policy: stockholm (default), goteborg, skollagen; or a policy JSON file (may extend one)',
          },
        },
        'as-of': AS_OF_OPTION,
        calendar: {
          value: FILE,
          text: {
            sv: 'skolkalender som JSON {terms:[{id,start,end}], breaks:[…]} (standard: en typisk svensk kalender)',
            en: 'school calendar JSON {terms:[{id,start,end}], breaks:[...]} (default: a typical Swedish one)',
          },
        },
        json: {
          value: { sv: '[full|compact]', en: '[full|compact]' },
          text: {
            sv: 'skriv ett beslut per rad (NDJSON) till stdout, hela (standard) eller kompakt (utan varför-inte-bevisen, docs/batch.md "Compact decisions"); sammanfattningen går då till stderr',
            en: 'write one decision per line (NDJSON) to stdout, full (default) or compact (without the why-not evidence, docs/batch.md "Compact decisions"); the summary then goes to stderr',
          },
        },
        details: { value: { sv: '<läge>', en: '<mode>' }, text: { sv: 'textutdata: with-steps (standard, elever med steg), all, none', en: 'text output: with-steps (default, students with steps), all, none' } },
        lang: LANG_OPTION,
        rejected: { value: FILE, text: { sv: 'skriv avvisade ärenden och lektionsposter som NDJSON till filen', en: 'write rejected cases and lesson records as NDJSON to this file' } },
        'summary-json': {
          value: FILE,
          text: { sv: 'skriv körningens sammanfattning (antal, steg och typologi per skola) som JSON', en: 'write the run summary (counts, steps and typology per school) as JSON' },
        },
        config: CONFIG_OPTION,
        help: HELP_OPTION,
      },
    },
    {
      title: { sv: 'Regeltäckning (alla format):', en: 'Rule coverage (every --format):' },
      options: {
        coverage: {
          text: {
            sv: 'rapportera också regel- och villkorstäckning över populationen: per regel utlöst / inte utlöst / inte i kraft, per villkorsblad och namngivet villkor sett sant / sett falskt / aldrig prövat; text efter sammanfattningen, JSON i --summary-json ("coverage")',
            en: 'also report rule and condition coverage over the population: per rule fired / not fired / not in force, per condition leaf and named condition seen true / seen false / never evaluated; text after the summary, JSON in --summary-json ("coverage")',
          },
        },
        threshold: {
          value: PERCENT,
          text: { sv: 'slutkod 1 när policyns bladtäckning är under procentsatsen (innebär --coverage)', en: "exit 1 when the policy's leaf coverage is under pct (implies --coverage)" },
        },
      },
    },
    {
      title: { sv: 'Med --format ss12000:', en: 'With --format ss12000:' },
      options: {
        context: {
          value: FILE,
          text: { sv: 'sidofil med samtycken, signaler, åtgärder, stadsdelar och team', en: 'side file with consents, signals, measures, districts and teams' },
        },
      },
    },
    {
      title: { sv: 'Med --format lessons (den nattliga körningen):', en: 'With --format lessons (the nightly batch):' },
      options: {
        students: { value: FILE, text: { sv: 'elevernas sammanhang: ett StudentCase per rad (närvaro valfri)', en: 'student context: one StudentCase per line (attendance optional)' } },
        previous: {
          value: FILE,
          text: {
            sv: 'förra nattens --decisions-out-fil, verifierad i sin helhet innan något skrivs (trailer, antal, SHA-256, varje rad ett beslut, ett tidigare datum): skriv bara ändringarna av varje elevs steg, en per rad (se Ändringar nedan)',
            en: "last night's --decisions-out file, verified whole before anything is written (trailer, count, SHA-256, every line a decision, an earlier date): output only the changes of each student's steps, one per line (see Changes below)",
          },
        },
        'allow-missing-students': {
          text: {
            sv: 'stäng stegen för elever som saknas i kväll även när några elevrader saknar id',
            en: 'close the steps of students missing tonight even when some student lines carry no id',
          },
        },
        'decisions-out': {
          value: FILE,
          text: {
            sv: 'skriv också varje beslut (kompakt som standard, se --decisions-form) som NDJSON med en trailer-rad (morgondagens --previous); som --rejected och --summary-json skrivs den bredvid och byts på plats först när körningen lyckas, och låses (<fil>.lock) mot en andra körning på samma fil',
            en: "also write every decision (compact by default, see --decisions-form) as NDJSON and a trailer line (tomorrow's --previous); like --rejected and --summary-json, written beside the file and renamed into place only when the run succeeds, and locked (<file>.lock) against a second run on the same file",
          },
        },
        workers: {
          value: { sv: '<n>', en: '<n>' },
          text: {
            sv: 'trådar (standard: alla kärnor när lektionsfilerna är minst 64 MiB, annars 1); utdata, i elev-id-ordning, är densamma för varje n',
            en: 'worker threads (default: every core when the lesson files are 64 MiB or more, else 1); the output, in student-id order, is the same for any n',
          },
        },
        progress: PROGRESS_OPTION,
        'decisions-form': {
          value: { sv: '<compact|full>', en: '<compact|full>' },
          text: { sv: 'formen i --decisions-out: compact (standard) eller full (med varför-inte-bevisen för varje elev)', en: 'the form of --decisions-out: compact (default) or full (with the why-not evidence of every student)' },
        },
        'no-progress': { text: { sv: 'ingen förloppsindikator', en: 'no progress bar' } },
        'tmp-dir': {
          value: { sv: '<katalog>', en: '<dir>' },
          text: {
            sv: 'var de tillfälliga delarna hamnar (standard: systemets temp-katalog; ungefär 20 byte per lektion)',
            en: 'where the temporary buckets go (default: the OS temp directory; about 20 bytes a lesson)',
          },
        },
        'max-input-age': {
          value: { sv: '<n>', en: '<n>' },
          text: {
            sv: 'misslyckas (slutkod 66, inget skrivs) när den senaste godtagna lektionen ligger mer än n skoldagar före --as-of, eller det inte finns någon',
            en: 'fail (exit 66, nothing written) when the newest accepted lesson lies more than n school days before --as-of, or there is none',
          },
        },
        delimiter: {
          value: { sv: '<tecken>', en: '<c>' },
          text: {
            sv: 'avgränsare i lektions-CSV: , ; | eller tab (standard: avläst från varje rubrikrad); rubriker matchas oavsett skiftläge, med svenska alias (docs/batch.md)',
            en: 'delimiter of lesson CSV files: , ; | or tab (default: sniffed from each header line); headers match in any case, with Swedish aliases (docs/batch.md)',
          },
        },
      },
    },
  ],
  sections: [
    {
      title: { sv: 'Ändringar (med --previous):', en: 'Changes (with --previous):' },
      text: {
        sv: `Öppna lagkrav förblir öppna från natt till natt tills en registrerad åtgärd stänger dem; en omkörning på samma indata skriver inget.
  ny                   aktuell nu, inte förra natten (eller en ny skyldighet efter en klar)
  försenad             har passerat sitt senaste datum sedan förra natten
  skärpt               mer brådskande, eller väntar inte längre på samtycke
  klar                 stängd av en registrerad åtgärd (med dess datum), eller samtycke givet
  inte längre aktuell  borta utan åtgärd: underlaget ändrades, eller eleven finns inte i kvällens indata (ett öppet lagkrav stängs aldrig så)
En elev vars rad avvisas i kväll stänger ingenting. När en elevrad inte kan läsas och saknar id stängs inget för saknade elever (stderr och sammanfattningen säger det), om inte --allow-missing-students anges.`,
        en: `Open statutory duties stay open across nights until a recorded measure closes them; a re-run on the same input outputs nothing.
  new                  indicated now, not last night (or a new duty after a done one)
  overdue              passed its due date since last night
  escalated            more urgent, or no longer waiting for consent
  done                 closed by a recorded measure (with its date), or consent given
  no longer indicated  gone without a measure: the data behind it changed, or the student is not in tonight's input (an open statutory duty is never closed that way)
A student whose line is rejected tonight closes nothing. When a student line cannot be read and carries no id, nothing is closed for missing students (stderr and the summary say so), unless --allow-missing-students.`,
      },
    },
  ],
  examples: [
    { command: 'trappa evaluate fixtures/cases/*.json --policy stockholm --as-of 2026-11-23', text: { sv: 'utvärdera exempelärendena och skriv besluten som text', en: 'evaluate the example cases and print the decisions as text' } },
    {
      command: 'trappa evaluate --format lessons --students elever.ndjson lektioner.csv --previous natt-1.ndjson --decisions-out natt-2.ndjson --rejected avvisade.ndjson',
      text: { sv: 'nattlig körning: skriv kvällens ändringar och spara besluten till i morgon', en: "nightly batch: print tonight's changes and keep the decisions for tomorrow" },
    },
    {
      command: 'trappa evaluate --format ss12000 fixtures/ss12000/export --context fixtures/ss12000/trappa-context.json --as-of 2026-11-23',
      text: { sv: 'utvärdera en SS 12000-export med sidofil', en: 'evaluate an SS 12000 export with its side file' },
    },
  ],
  exit: {
    sv: '{ok} allt godtogs; {rejected} något avvisades (rapporterat på stderr); {usage} användningsfel; {failure} annat fel, eller täckning under --threshold; med --format lessons även {previousRefused}, {staleInput}, {cannotCreate}, {writeFailed}, {locked}, {sigint} och {sigterm}',
    en: '{ok} all input accepted; {rejected} some was rejected (reported on stderr); {usage} usage error; {failure} other failure, or coverage under --threshold; with --format lessons also {previousRefused}, {staleInput}, {cannotCreate}, {writeFailed}, {locked}, {sigint} and {sigterm}',
  },
};
