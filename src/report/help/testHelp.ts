import type { CommandHelp } from '../helpText.js';
import { CONFIG_OPTION, FILE, HELP_OPTION, LANG_OPTION, PERCENT } from './commonHelp.js';

/** `trappa test --help`. */
export const TEST_HELP: CommandHelp = {
  summary: {
    sv: 'kör exempeltabeller (YAML): fallen ett team kommit överens om och stegen de väntar sig',
    en: 'run example tables (YAML): the cases a team agreed on and the steps they expect',
  },
  usage: [{ sv: 'test <tabell...> [flaggor]', en: 'test <table...> [options]' }],
  description: [
    {
      sv: 'En tabell är en YAML-fil (JSON är också YAML): standardvärden (policy, asOf, student, schedule) och fall, vart och ett med namn, källa, elevens sammanhang, kompakt närvaro (ett lektionsschema och frånvaromönster per datumintervall), signaler, åtgärder, samtycken och expect (steg som måste och inte får finnas, status, dueDate, routing, kind, typology). Se docs/kit.md "Example tables" och examples/tables/*.yaml.',
      en: 'A table is a YAML file (JSON is YAML too): defaults (policy, asOf, student, schedule) and cases, each with a name, source, student context, compact attendance (a lesson schedule and absence patterns by date range), signals, measures, consents and expect (steps that must and must not appear, status, dueDate, routing, kind, typology). See docs/kit.md "Example tables" and examples/tables/*.yaml.',
    },
  ],
  options: [
    {
      options: {
        coverage: {
          text: {
            sv: 'rapportera per regel utlöst / inte utlöst / inte i kraft, per villkorsblad och namngivet villkor sett sant / sett falskt / aldrig prövat',
            en: 'report per rule fired / not fired / not in force, per condition leaf and named condition seen true / seen false / never evaluated',
          },
        },
        threshold: {
          value: PERCENT,
          text: { sv: 'misslyckas (slutkod 1) när en policys bladtäckning är under procentsatsen (innebär --coverage)', en: "fail (exit 1) when a policy's leaf coverage is under pct (implies --coverage)" },
        },
        json: { text: { sv: 'ett JSON-objekt per rad: varje fall, sedan täckningen (om den begärts) och en sammanfattning', en: 'one JSON object per line: each case, then coverage (if asked) and a summary' } },
        junit: {
          value: FILE,
          text: {
            sv: 'skriv också en JUnit-XML-rapport (en testsuite per tabell, ett testcase per fall; med --threshold en "coverage"-svit med ett fall per policy), atomiskt, vid varje körning',
            en: 'also write a JUnit XML report (a testsuite per table, a testcase per case; with --threshold a "coverage" suite, a case per policy), atomically, on every run',
          },
        },
        watch: { text: { sv: 'kör igen när en tabell eller en policyfil den nämner ändras (Ctrl-C avslutar)', en: 'run again when a table or a policy file it names changes (Ctrl-C to stop)' } },
        lang: LANG_OPTION,
        config: CONFIG_OPTION,
        help: HELP_OPTION,
      },
    },
  ],
  examples: [
    { command: 'trappa test examples/tables/stockholm.yaml --coverage', text: { sv: 'kör Stockholms exempeltabell med täckning', en: "run Stockholm's example table with coverage" } },
    { command: 'trappa test tabeller/*.yaml --threshold 80 --junit test-rapport.xml', text: { sv: 'i CI: misslyckas under 80 % bladtäckning, med en JUnit-rapport', en: 'in CI: fail under 80 % leaf coverage, with a JUnit report' } },
  ],
  exit: {
    sv: '{ok} alla fall godkända (och tröskeln nådd); {failure} ett fall misslyckades eller är ogiltigt, eller täckningen under tröskeln; {usage} användningsfel',
    en: '{ok} every case passed (and the threshold met); {failure} a case failed or is invalid, or coverage under the threshold; {usage} usage error',
  },
};
