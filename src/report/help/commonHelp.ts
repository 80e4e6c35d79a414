import type { OptionHelp } from '../helpText.js';
import type { Texts } from '../labels.js';

/** The placeholder of a file argument. */
export const FILE: Texts = { sv: '<fil>', en: '<file>' };

/** The placeholder of a percentage. */
export const PERCENT: Texts = { sv: '<procent>', en: '<pct>' };

/** `--lang`, as every command takes it. */
export const LANG_OPTION: OptionHelp = {
  value: { sv: '<sv|en>', en: '<sv|en>' },
  text: { sv: 'språk för text, meddelanden och hjälp (standard sv)', en: 'language of the text, the messages and the help (default sv)' },
};

/** `--help`, as every command takes it. */
export const HELP_OPTION: OptionHelp = { text: { sv: 'den här hjälpen (på engelska med --lang en)', en: 'this help (in Swedish with --lang sv)' } };

/** `--as-of`, as evaluate takes it. */
export const AS_OF_OPTION: OptionHelp = {
  value: { sv: '<datum>', en: '<date>' },
  text: { sv: 'utvärderingsdag ÅÅÅÅ-MM-DD (standard: i dag i Europe/Stockholm)', en: 'evaluation date YYYY-MM-DD (default: today in Europe/Stockholm)' },
};

/** `--calendar`, as evaluate takes it. */
export const CALENDAR_OPTION: OptionHelp = {
  value: FILE,
  text: { sv: 'skolkalender som JSON, som för evaluate (standard: en typisk svensk kalender)', en: 'school calendar JSON, as for evaluate (default: a typical Swedish one)' },
};

/** `--progress`, as the commands that run over cases take it. */
export const PROGRESS_OPTION: OptionHelp = {
  text: { sv: 'förloppsindikator på stderr för körningar över 2 s (standard: bara när stderr är en terminal)', en: 'progress bar on stderr for runs over 2 s (default: only when stderr is a terminal)' },
};

/** `--no-progress`. */
export const NO_PROGRESS_OPTION: OptionHelp = { text: { sv: 'ingen förloppsindikator', en: 'no progress bar' } };

/** `--config`, as every command but schema takes it. */
export const CONFIG_OPTION: OptionHelp = {
  value: FILE,
  text: {
    sv: 'läs flaggor ur en JSON-fil (trappa.config.json, se docs/cli.md): kommandots avsnitt, sökvägar räknade från filens katalog; flaggor på kommandoraden går före. Utan --config läses ingen fil',
    en: 'read options from a JSON file (trappa.config.json, see docs/cli.md): the command\'s section, its paths relative to the file\'s folder; options on the command line win. Without --config no file is read',
  },
};
