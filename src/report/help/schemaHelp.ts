import type { CommandHelp } from '../helpText.js';
import { HELP_OPTION, LANG_OPTION } from './commonHelp.js';

/** `trappa schema --help`. */
export const SCHEMA_HELP: CommandHelp = {
  summary: { sv: 'skriv ut ett JSON Schema för indata, policyfiler eller utdata', en: 'print a JSON Schema of an input, a policy file or an output' },
  usage: [{ sv: 'schema [<namn>]', en: 'schema [<name>]' }],
  description: [
    {
      sv: 'Skriver ett JSON Schema (draft 2020-12; levereras också som schemas/<namn>.schema.json): student-case (standard; indata till evaluate), policy (en policyfil), decision (--json, --decisions-form full), compact-decision (--json compact, --decisions-out), lesson-record (--format lessons, NDJSON; CSV-kolumnerna i dess beskrivning), calendar (--calendar), ss12000-side-file (--context), change (rader från --previous --json), config (trappa.config.json för --config; byggs av kommandonas flaggor).',
      en: 'Prints a JSON Schema (draft 2020-12; also shipped as schemas/<name>.schema.json): student-case (default; evaluate\'s input), policy (a policy file), decision (--json, --decisions-form full), compact-decision (--json compact, --decisions-out), lesson-record (--format lessons, NDJSON; the CSV columns in its description), calendar (--calendar), ss12000-side-file (--context), change (--previous --json lines), config (trappa.config.json for --config; built from the commands\' options).',
    },
  ],
  options: [{ options: { lang: LANG_OPTION, help: HELP_OPTION } }],
  examples: [
    { command: 'trappa schema policy > policy.schema.json', text: { sv: 'schemat för policyfiler, för en editor', en: 'the schema of policy files, for an editor' } },
    { command: 'trappa schema config > config.schema.json', text: { sv: 'schemat för konfigurationsfilen (--config), för en editor', en: 'the schema of the config file (--config), for an editor' } },
    { command: 'trappa schema', text: { sv: 'schemat för ett elevärende', en: 'the schema of a student case' } },
  ],
  exit: { sv: '{ok} skrivet; {usage} okänt namn', en: '{ok} written; {usage} unknown name' },
};
