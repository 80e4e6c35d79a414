import { readFile } from 'node:fs/promises';
import { runCleanups } from '../io/exitCleanup.js';
import { EXIT, exitCodeFor } from './exitCodes.js';
import { COMMANDS, type Command } from './commands.js';
import { commandHelp, langGiven, langOf, overviewHelp, wantsHelp } from './help.js';
import { configSupport, configuredLang } from './configSupport.js';
import { both, say } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { COMMAND_FAILURE_TEXT } from '../report/failureText.js';
import type { Lang } from '../report/text.js';
import { installStdoutClosedHandler } from './stdoutClosed.js';
import { UsageError } from './usageError.js';
import { escapeControl } from '../adapters/safeText.js';
import { errorText } from './errorText.js';

/** The command line without leading `--lang X` (a language for any command, or for the overview). */
function withoutLeadingLang(argv: readonly string[]): string[] {
  let i = 0;
  while (argv[i] === '--lang' || argv[i]?.startsWith('--lang=') === true) i += argv[i] === '--lang' ? 2 : 1;
  return argv.slice(i);
}

/** The config file format, built from every command's options (each command gets it: `--config`, `trappa schema config`). */
const CONFIG = configSupport(COMMANDS);

async function main(argv: string[], lang: Lang): Promise<number> {
  const [command, ...rest] = withoutLeadingLang(argv);
  const known = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (command === 'help' && rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0])) {
    process.stdout.write(commandHelp(rest[0], COMMANDS[rest[0]] as Command, lang));
    return EXIT.ok;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(overviewHelp(COMMANDS, lang));
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version') {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  if (known === undefined) throw new UsageError(both(USAGE_TEXT.unknownCommand, { command }));
  if (wantsHelp(rest)) {
    process.stdout.write(commandHelp(command, known, lang));
    return EXIT.ok;
  }
  // A --lang before the command applies to it (it may also come after, as the command's own option).
  return known.run([...argv.slice(0, argv.length - rest.length - 1), ...rest], CONFIG);
}

installStdoutClosedHandler(langOf(process.argv.slice(2)));
// Crash hygiene: whatever ends the process removes this run's temp files and locks
// (SIGKILL and out-of-memory excepted: the next run sweeps those), and an
// unexpected error is one line on stderr, not a stack trace.
process.on('exit', () => runCleanups());
process.on('uncaughtException', (error: unknown) => {
  runCleanups();
  process.stderr.write(`trappa: ${describeError(error)}\n`);
  process.exit(exitCodeFor(error));
});

/** An error without its stack: its message, and for a programming error (a bug to report) where it was thrown. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const bug = error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
  const where = bug ? /\n\s+at (.*)/.exec(error.stack ?? '')?.[1] : undefined;
  return `${message}${where === undefined ? '' : ` (at ${where})`}`;
}

const argv = process.argv.slice(2);
const lang = langOf(argv);
main(argv, lang).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = exitCodeFor(error);
    const command = withoutLeadingLang(argv)[0];
    // In the run's language (the command line's --lang, else the config file's) when it is a known kind of error; a bug is reported with where it was thrown.
    const errorLang = langGiven(argv) ?? (command === undefined ? undefined : configuredLang(CONFIG, command, argv)) ?? 'sv';
    const said = errorText(error, errorLang);
    // A bug's own message is the developer's English; in Swedish it is introduced as what it is.
    const bug = error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
    const message = error instanceof Error && said === error.message ? (bug ? say(COMMAND_FAILURE_TEXT.bug, errorLang, { message: describeError(error) }) : describeError(error)) : said;
    const hint = say(USAGE_TEXT.hint, errorLang, { command: command !== undefined && Object.hasOwn(COMMANDS, command) ? `${command} ` : '' });
    process.stderr.write(`trappa: ${escapeControl(message)}\n${code === EXIT.usage ? `${hint}\n` : ''}`);
    process.exitCode = code;
  },
);
