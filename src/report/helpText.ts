import { fill, type Slots } from '../model/template.js';
import type { Texts } from './labels.js';
import type { Lang } from './text.js';

/** One option of a command in its help: the value it takes (none for a flag) and what it does, in one line. */
export interface OptionHelp {
  /** The placeholder of the value, e.g. `{ sv: '<fil>', en: '<file>' }`; absent for a flag. */
  readonly value?: Texts;
  readonly text: Texts;
}

/** Options under a heading (the heading absent for the command's general options). */
export interface OptionGroup {
  readonly title?: Texts;
  readonly options: Readonly<Record<string, OptionHelp>>;
}

/** An example call and what it does. */
export interface HelpExample {
  readonly command: string;
  readonly text: Texts;
}

/**
 * The help of one command, as data: `trappa <command> --help` prints it in
 * sv or en (`formatCommandHelp`). Every option the command's `parseArgs`
 * accepts has an entry (test/cli/help.test.ts checks it).
 */
export interface CommandHelp {
  /** One line, also shown in `trappa --help`. */
  readonly summary: Texts;
  /** The usage lines after `trappa `. */
  readonly usage: readonly Texts[];
  /** Paragraphs: what the command reads and writes. */
  readonly description: readonly Texts[];
  readonly options: readonly OptionGroup[];
  /** Further paragraphs with a heading (e.g. the change kinds of `--previous`). */
  readonly sections?: ReadonlyArray<{ readonly title: Texts; readonly text: Texts }>;
  readonly examples: readonly HelpExample[];
  /** What the exit codes mean for this command; `{ok}`, `{failure}`… are filled from `EXIT`. */
  readonly exit: Texts;
}

/** The words of the help around the command's own text, sv and en. */
export const HELP_WORDS = {
  usage: { sv: 'Användning:', en: 'Usage:' },
  options: { sv: 'Flaggor:', en: 'Options:' },
  examples: { sv: 'Exempel:', en: 'Examples:' },
  exit: { sv: 'Slutkoder:', en: 'Exit codes:' },
  allExitCodes: { sv: 'alla slutkoder: trappa --help', en: 'every exit code: trappa --help' },
  commands: { sv: 'Kommandon:', en: 'Commands:' },
  commandHelp: { sv: 'Hjälp för ett kommando: trappa <kommando> --help (på engelska: --lang en).', en: 'Help on a command: trappa <command> --help (in Swedish: --lang sv, the default).' },
  title: {
    sv: 'trappa — åtgärdstrappan vid skolfrånvaro som kod: förklarade rekommendationer enligt skollagen, socialtjänstlagen och kommunens riktlinjer',
    en: 'trappa — Swedish school-absence escalation (åtgärdstrappa) as code: explained recommendations under Skollagen, Socialtjänstlagen and municipal policy',
  },
  version: { sv: 'trappa --version | --help [--lang en]', en: 'trappa --version | --help [--lang sv]' },
  readme: { sv: 'Mer i README (avsnitten Input, Output och CLI) och i docs/.', en: 'More in the README (Input, Output, CLI) and in docs/.' },
} as const satisfies Readonly<Record<string, Texts>>;

/** The width help text is wrapped to. */
const WIDTH = 100;
/** The column option texts start in. */
const OPTION_COLUMN = 26;

/** Words of `text` in lines of at most `width` characters, each after `indent` (the first after `first`, when given). */
function wrap(text: string, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** One option as lines: `--name <value>` and its text in the option column. */
function optionLines(name: string, option: OptionHelp, short: string | undefined, lang: Lang): string[] {
  const flag = `  ${short === undefined ? '' : `-${short}, `}--${name}${option.value === undefined ? '' : ` ${option.value[lang]}`}`;
  const indent = ' '.repeat(OPTION_COLUMN);
  return flag.length + 2 <= OPTION_COLUMN ? wrap(option.text[lang], indent, flag.padEnd(OPTION_COLUMN)) : [flag, ...wrap(option.text[lang], indent)];
}

/**
 * A command's help as text: summary, usage, description, options (grouped),
 * further sections, examples and its exit codes.
 *
 * @param name - the command (`evaluate`)
 * @param help - the command's help data
 * @param lang - output language
 * @param context - `shorts`: one-letter aliases by option name (from the command's `parseArgs` options); `exit`: the exit codes by name (`EXIT`)
 * @returns the text, without a final line break
 * @example formatCommandHelp('check', CHECK_HELP, 'sv', { shorts: { help: 'h' }, exit: EXIT }).split('\n')[0] // 'trappa check — kontrollera policyfiler före användning: schema, fakta, operatorer, …'
 */
export function formatCommandHelp(
  name: string,
  help: CommandHelp,
  lang: Lang,
  context: { readonly shorts: Readonly<Record<string, string | undefined>>; readonly exit: Slots },
): string {
  const out: string[] = [...wrap(help.summary[lang], '  ', `trappa ${name} — `), '', HELP_WORDS.usage[lang]];
  for (const usage of help.usage) out.push(...wrap(usage[lang], '      ', '  trappa '));
  for (const paragraph of help.description) out.push('', ...wrap(paragraph[lang], ''));
  for (const group of help.options) {
    out.push('', group.title?.[lang] ?? HELP_WORDS.options[lang]);
    for (const [option, h] of Object.entries(group.options)) out.push(...optionLines(option, h, context.shorts[option], lang));
  }
  for (const section of help.sections ?? []) out.push('', section.title[lang], ...section.text[lang].split('\n').flatMap((l) => wrap(l.trimStart(), `  ${' '.repeat(l.length - l.trimStart().length)}`)));
  out.push('', HELP_WORDS.examples[lang]);
  // An example is copied whole: never wrapped.
  for (const example of help.examples) out.push(`  ${example.command}`, ...wrap(example.text[lang], '      '));
  out.push('', ...wrap(`${fill(help.exit[lang], context.exit)} (${HELP_WORDS.allExitCodes[lang]})`, '  ', `${HELP_WORDS.exit[lang]} `));
  return out.join('\n');
}

/**
 * `trappa --help`: what trappa is, every command with its summary, where
 * each command's help is, and every exit code with its meaning.
 *
 * @param commands - each command's help, in the order to list them
 * @param exitCodes - every exit code and its meaning, in order
 * @param lang - output language
 * @returns the text, without a final line break
 * @example formatOverview({ check: CHECK_HELP }, [{ code: 0, text: { sv: 'klart', en: 'done' } }], 'en').split('\n')[0] // 'trappa — Swedish school-absence escalation (åtgärdstrappa) as code: …'
 */
export function formatOverview(commands: Readonly<Record<string, CommandHelp>>, exitCodes: ReadonlyArray<{ readonly code: number; readonly text: Texts }>, lang: Lang): string {
  const w = HELP_WORDS;
  const out: string[] = [...wrap(w.title[lang], '  ', ''), '', w.usage[lang]];
  for (const help of Object.values(commands)) for (const usage of help.usage) out.push(...wrap(usage[lang], '      ', '  trappa '));
  out.push(`  ${w.version[lang]}`, '', w.commands[lang]);
  const width = Math.max(...Object.keys(commands).map((c) => c.length)) + 4;
  for (const [name, help] of Object.entries(commands)) out.push(...wrap(help.summary[lang], ' '.repeat(width + 2), `  ${name.padEnd(width)}`));
  out.push('', ...wrap(w.commandHelp[lang], ''), '', w.exit[lang]);
  for (const { code, text } of exitCodes) out.push(...wrap(text[lang], '        ', `  ${String(code).padEnd(6)}`));
  out.push('', ...wrap(w.readme[lang], ''));
  return out.join('\n');
}
