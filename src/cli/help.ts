import { formatCommandHelp, formatOverview } from '../report/helpText.js';
import type { Lang } from '../report/text.js';
import type { Command } from './commands.js';
import { EXIT, EXIT_TEXT } from './exitCodes.js';

/**
 * A command's help, in the language: its one-letter aliases read from its
 * `parseArgs` options, its exit codes from `EXIT`.
 *
 * @param name - the command's name
 * @param command - the command
 * @param lang - output language
 * @returns the text, ending with a line break
 * @example commandHelp('check', COMMANDS.check, 'en').startsWith('trappa check — check policy files') // true
 */
export function commandHelp(name: string, command: Command, lang: Lang): string {
  const shorts = Object.fromEntries(Object.entries(command.options).map(([option, config]) => [option, config.short]));
  return `${formatCommandHelp(name, command.help, lang, { shorts, exit: EXIT })}\n`;
}

/**
 * `trappa --help`: the commands and every exit code.
 *
 * @param commands - the commands
 * @param lang - output language
 * @returns the text, ending with a line break
 * @example overviewHelp(COMMANDS, 'sv').startsWith('trappa — åtgärdstrappan') // true
 */
export function overviewHelp(commands: Readonly<Record<string, Command>>, lang: Lang): string {
  const help = Object.fromEntries(Object.entries(commands).map(([name, c]) => [name, c.help]));
  const codes = (Object.keys(EXIT) as Array<keyof typeof EXIT>).map((key) => ({ code: EXIT[key], text: EXIT_TEXT[key] }));
  return `${formatOverview(help, codes, lang)}\n`;
}

/**
 * The language a command line asks for: the last `--lang en` or `--lang=en`
 * before `--` (anything else, or none, is Swedish). Read before the command
 * parses its options, so that help and usage errors follow it too.
 *
 * @param argv - the arguments
 * @returns `sv` or `en`
 * @example langOf(['evaluate', '--help', '--lang', 'en']) // 'en'
 */
export function langOf(argv: readonly string[]): Lang {
  return langGiven(argv) ?? 'sv';
}

/**
 * The language a command line names, if it names one (`langOf` without the default).
 *
 * @param argv - the arguments
 * @returns `sv`, `en`, or undefined when no valid `--lang` comes before `--`
 * @example langGiven(['evaluate', 'cases.ndjson']) // undefined
 */
export function langGiven(argv: readonly string[]): Lang | undefined {
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'sv') lang = value;
  }
  return lang;
}

/**
 * Whether a command line asks for help: `--help` or `-h` before `--`.
 *
 * @param args - the arguments after the command
 * @returns true when it does
 * @example wantsHelp(['cases.ndjson', '--help']) // true
 */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
