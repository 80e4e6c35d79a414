import { NO_PROGRESS_OPTION, PROGRESS_OPTION } from './commonHelp.js';
import { JSON_RULES_ENGINE_RANGE } from '../../verify/referenceEngine.js';
import type { CommandHelp } from '../helpText.js';
import { CONFIG_OPTION, AS_OF_OPTION, CALENDAR_OPTION, HELP_OPTION, LANG_OPTION } from './commonHelp.js';

/** `trappa verify --help`. */
export const VERIFY_HELP: CommandHelp = {
  summary: {
    sv: 'kontrollera de kompilerade reglerna mot json-rules-engine (referensmotorn) på egna ärenden',
    en: 'check the compiled rules against json-rules-engine (the reference engine) on your own cases',
  },
  usage: [{ sv: 'verify <fil...> [flaggor]', en: 'verify <file...> [options]' }],
  description: [
    {
      sv: 'Varje ärendes fakta beräknas som evaluate beräknar dem och avgörs sedan både av de kompilerade regler evaluate använder och av json-rules-engine på samma fakta. Varje blad och varje regelutfall för varje regel i kraft jämförs; varje avvikelse är en rad: eleven, regeln (id@version), platsen i policyn (rules[id@version].conditions.all[1], eller conditions.<namn>.any[0] i ett namngivet villkor), bladet och faktumets värde, och båda utfallen.',
      en: "Each case's facts are measured as evaluate measures them, then decided by the compiled rules evaluate uses and by json-rules-engine on the same facts. Every leaf and every rule outcome of every rule in force is compared; each mismatch is one line: the student, the rule (id@version), where in the policy (rules[id@version].conditions.all[1], or conditions.<name>.any[0] inside a named condition), the leaf and the fact's value, and both outcomes.",
    },
    {
      sv: `Indata: elevärenden som för evaluate (NDJSON, ett ärende per rad, eller en JSON-lista). Kräver json-rules-engine, ett valfritt peer-beroende: npm install json-rules-engine@${JSON_RULES_ENGINE_RANGE}. Den körs alltid med en sökvägsupplösare som aldrig når jsonpath-plus.`,
      en: `Input: student cases, as for evaluate (NDJSON, one case per line, or a JSON array). Needs json-rules-engine, an optional peer dependency: npm install json-rules-engine@${JSON_RULES_ENGINE_RANGE}. It always runs with a path resolver that never reaches jsonpath-plus.`,
    },
  ],
  options: [
    {
      options: {
        policy: { value: { sv: '<id|fil>', en: '<id|file>' }, text: { sv: 'stockholm (standard), skollagen, goteborg, eller en policyfil (JSON)', en: 'stockholm (default), skollagen, goteborg, or a policy JSON file' } },
        'as-of': AS_OF_OPTION,
        calendar: CALENDAR_OPTION,
        json: { text: { sv: 'ett JSON-objekt på stdout: antalen och varje avvikelse', en: 'one JSON object on stdout: the counts and every mismatch' } },
        lang: LANG_OPTION,
        format: {
          value: { sv: '<format>', en: '<format>' },
          text: {
            sv: 'bara studentcase: lessons och ss12000 stöds inte (utvärdera dem med --json och verifiera ärendena i stället)',
            en: 'studentcase only: lessons and ss12000 are not supported (evaluate them with --json and verify the cases instead)',
          },
        },
        students: { value: { sv: '<fil>', en: '<file>' }, text: { sv: 'stöds inte (hör till evaluate --format lessons)', en: 'not supported (belongs to evaluate --format lessons)' } },
        context: { value: { sv: '<fil>', en: '<file>' }, text: { sv: 'stöds inte (hör till evaluate --format ss12000)', en: 'not supported (belongs to evaluate --format ss12000)' } },
        progress: PROGRESS_OPTION,
        'no-progress': NO_PROGRESS_OPTION,
        config: CONFIG_OPTION,
        help: HELP_OPTION,
      },
    },
  ],
  examples: [
    {
      command: 'trappa verify fixtures/cases/*.json --policy stockholm --as-of 2026-11-23',
      text: { sv: 'jämför motorerna på exempelärendena under Stockholms policy', en: "compare the engines on the example cases under Stockholm's policy" },
    },
  ],
  exit: {
    sv: '{ok} ingen avvikelse; {failure} avvikelser (eller ett fel: json-rules-engine saknas, en fil som inte kan läsas, en ogiltig policy); {usage} användningsfel; {rejected} ingen avvikelse, men några ärenden avvisades',
    en: '{ok} no mismatch; {failure} mismatches (or a failure: json-rules-engine missing, an unreadable file, an invalid policy); {usage} usage; {rejected} no mismatch, but some cases were rejected',
  },
};
