/**
 * Issue 16 point 3, per-command help: `trappa <command> --help` (and `-h`, and `help <command>`)
 * exits 0 with the command's usage, every option its `parseArgs` accepts with a line of its
 * own, an example and its exit codes; in Swedish by default and in English with `--lang en`,
 * before or after `--help`. The options are read from the same data the command parses with
 * (`COMMANDS[name].options`), so a new flag without help text fails here. `trappa --help` lists
 * every command and every exit code (`EXIT`, the one list).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { EXIT, EXIT_TEXT } from '../../src/cli/exitCodes.js';

// The built CLI (npm test builds first), as in the other CLI tests.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

function trappa(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Words only the English help has, and only the Swedish. */
const ENGLISH = /\b(Usage|Options|Examples|Exit codes|default|this help|file|with|the)\b/;
const SWEDISH = /(Användning|Flaggor|Exempel|Slutkoder|standard|den här hjälpen|\bfil\b|\boch\b|\bmed\b)/;

/** The text without kebab-case ids and flags (`ss12000-side-file`, `--max-input-age`: the same in both languages). */
const words = (text: string): string => text.replace(/[\w>-]+(?:-[\w>]+)+/g, ' ');

const NAMES = Object.keys(COMMANDS);

describe('per-command help', () => {
  it('covers every command main runs', () => {
    expect(NAMES).toEqual(['evaluate', 'diff', 'check', 'test', 'report', 'verify', 'explain', 'schema']);
  });

  it.each(NAMES)('%s: the help data has a line for every option parseArgs takes, and none it does not', (name) => {
    const command = COMMANDS[name];
    if (command === undefined) throw new Error(name);
    const helped = command.help.options.flatMap((group) => Object.keys(group.options));
    expect(new Set(helped).size, 'an option listed twice').toBe(helped.length);
    expect([...helped].sort()).toEqual(Object.keys(command.options).sort());
    expect(command.help.examples.length).toBeGreaterThan(0);
  });

  it.each(NAMES)('%s --help: exit 0, usage, every option, an example and the exit codes, in sv and in en', (name) => {
    const command = COMMANDS[name];
    if (command === undefined) throw new Error(name);
    const sv = trappa(name, '--help');
    const en = trappa(name, '--help', '--lang', 'en');
    for (const [lang, r] of [['sv', sv], ['en', en]] as const) {
      expect(r.code, `${lang}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.startsWith(`trappa ${name} — `)).toBe(true);
      expect(r.stdout).toContain(`\n  trappa ${name}`);
      for (const [option, config] of Object.entries(command.options)) {
        // Each option starts a line of its own, with its one-letter alias when it has one.
        expect(r.stdout, `${lang}: --${option}`).toMatch(new RegExp(`\\n {2}${config.short === undefined ? '' : `-${config.short}, `}--${option}(\\s|$)`));
      }
      for (const example of command.help.examples) expect(r.stdout).toContain(`\n  ${example.command}\n`);
      expect(r.stdout).toMatch(lang === 'sv' ? /\nSlutkoder: 0 / : /\nExit codes: 0 /);
    }
    expect(words(sv.stdout)).not.toMatch(ENGLISH);
    expect(words(en.stdout)).not.toMatch(SWEDISH);
    // The word lists find the other language (the checks can fail).
    expect(words(en.stdout)).toMatch(ENGLISH);
    expect(words(sv.stdout)).toMatch(SWEDISH);
  });

  it('accepts -h, --lang before or after --help, --lang=en, and trappa help <command>', () => {
    const en = trappa('evaluate', '--help', '--lang', 'en').stdout;
    expect(trappa('evaluate', '-h', '--lang', 'en').stdout).toBe(en);
    expect(trappa('evaluate', '--lang', 'en', '--help').stdout).toBe(en);
    expect(trappa('evaluate', '--help', '--lang=en').stdout).toBe(en);
    expect(trappa('--lang', 'en', 'evaluate', '--help').stdout).toBe(en);
    expect(trappa('help', 'evaluate', '--lang', 'en').stdout).toBe(en);
    // Help wins over options that would otherwise be refused (issue 16: exit 2 with parseArgs' text).
    const withOthers = trappa('evaluate', '--format', 'lessons', '--no-such-flag', '--help');
    expect(withOthers.code).toBe(0);
    expect(withOthers.stdout).toBe(trappa('evaluate', '--help').stdout);
  });
});

describe('trappa --help', () => {
  it('lists every command with its usage and every exit code with its meaning, in sv and en', () => {
    for (const lang of ['sv', 'en'] as const) {
      const r = trappa('--help', '--lang', lang);
      expect(r.code).toBe(0);
      for (const name of NAMES) expect(r.stdout).toMatch(new RegExp(`\\n {2}${name} {2,}\\S`));
      for (const key of Object.keys(EXIT) as Array<keyof typeof EXIT>) {
        const first = EXIT_TEXT[key][lang].split(' ').slice(0, 3).join(' ');
        expect(r.stdout, key).toContain(`\n  ${String(EXIT[key]).padEnd(6)}${first}`);
      }
    }
    expect(trappa('--help').stdout).toBe(trappa('--help', '--lang', 'sv').stdout);
    expect(words(trappa('--help').stdout)).not.toMatch(ENGLISH);
    expect(words(trappa('--help', '--lang', 'en').stdout)).not.toMatch(SWEDISH);
  });

  it('without a command: the overview on stdout and exit 2; an unknown command: exit 2 with a hint', () => {
    const none = trappa();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe(trappa('--help').stdout);
    const unknown = trappa('evalute');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('trappa: okänt kommando "evalute"\nKör "trappa --help" för hjälp.\n');
    expect(trappa('evalute', '--lang', 'en').stderr).toBe('trappa: unknown command "evalute"\nRun "trappa --help" for usage.\n');
  });
});
