import type { CommandHelp } from '../helpText.js';
import { CONFIG_OPTION, HELP_OPTION, LANG_OPTION } from './commonHelp.js';

/** `trappa check --help`. */
export const CHECK_HELP: CommandHelp = {
  summary: {
    sv: 'kontrollera policyfiler före användning: schema, fakta, operatorer, regel-id och versioner, villkor som aldrig kan vara sanna, skuggade regler',
    en: 'check policy files before use: schema, facts, operators, rule ids and versions, conditions that can never be true, shadowed rules',
  },
  usage: [{ sv: 'check <policy.json|id...> [flaggor]', en: 'check <policy.json|id...> [options]' }],
  description: [
    {
      sv: 'Varje fynd är en rad: filen, fel eller varning, platsen i filen (rules[3].conditions.all[1]), vad som är fel, koden och regeln. En inbyggd policy kontrolleras med sitt id (stockholm, goteborg, skollagen), om ingen fil med det namnet finns här. En fil som bygger på (extends) en annan fil på kommandoraden hittar den via dess id.',
      en: 'Each finding is one line: the file, error or warning, the place in the file (rules[3].conditions.all[1]), what is wrong, the code and the rule. A bundled policy is checked by its id (stockholm, goteborg, skollagen) unless a file of that name is here. A file that extends another file on the command line finds it by its id.',
    },
  ],
  options: [
    {
      options: {
        json: { text: { sv: 'ett fynd per rad som JSON (med filen, och texten på svenska och engelska)', en: 'one finding per line as JSON (with the file, and the text in Swedish and English)' } },
        lang: LANG_OPTION,
        config: CONFIG_OPTION,
        help: HELP_OPTION,
      },
    },
  ],
  examples: [
    { command: 'trappa check min-policy.json', text: { sv: 'kontrollera en egen policy', en: 'check a policy of your own' } },
    { command: 'trappa check stockholm goteborg --lang en', text: { sv: 'kontrollera två inbyggda policyer, fynden på engelska', en: 'check two bundled policies, the findings in English' } },
  ],
  exit: {
    sv: '{ok} inga fel (varningar tillåtna); {failure} fel; {usage} användningsfel',
    en: '{ok} no errors (warnings allowed); {failure} errors; {usage} usage error',
  },
};
