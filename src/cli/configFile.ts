import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { z } from 'zod';
import { jsonErrorAt } from '../adapters/jsonError.js';
import { fieldName } from '../adapters/safeText.js';
import { both, type Template } from '../model/template.js';
import { isBuiltinPolicyId } from '../policy/builtinPolicies.js';
import { CONFIG_TEXT } from '../report/configText.js';
import type { OptionConfig } from './commandOptions.js';
import { configCommands, configSchema, INPUTS_KEY, type ConfigurableCommand } from './configSchema.js';
import { UsageError } from './usageError.js';

/** A value as `parseArgs` gives it: text, a flag, or a list for a `multiple` option. */
export type OptionValue = string | boolean | string[];

/** One command's section of a config file, ready to merge with the command line. */
export interface ConfigSection {
  /** The options the file sets, as the command line would give them: numbers as their decimal text, paths resolved against the file's folder. */
  readonly values: Readonly<Record<string, OptionValue>>;
  /** The positional arguments (`"inputs"`), resolved; absent when the file gives none. */
  readonly inputs?: readonly string[];
}

/** A validated config file: its name as given, and a section per command it configures. */
export interface ConfigFile {
  readonly file: string;
  readonly sections: Readonly<Record<string, ConfigSection>>;
}

/** A config file is a few dozen lines; anything this big is the wrong file. */
export const CONFIG_MAX_BYTES = 1024 * 1024;

/** `-` and `/dev/stdin` are stdin wherever a path is read. */
const STDIN: ReadonlySet<string> = new Set(['-', '/dev/stdin']);

/**
 * A path from a config file, as the command will read it: relative to the
 * config file's folder, not to the working directory. Absolute paths and
 * stdin stay as they are; so does a bundled policy id for a `path: 'policy'`
 * option (as `--policy stockholm` is the bundled policy, not a file).
 *
 * @param value - the path as written in the file
 * @param file - the config file, as given to `--config`
 * @param kind - the option's `path` marker
 * @returns the path to read
 * @example resolveConfigPath('export/students.ndjson', '/srv/trappa/trappa.config.json', true) // '/srv/trappa/export/students.ndjson'
 * @example resolveConfigPath('stockholm', 'conf/trappa.config.json', 'policy') // 'stockholm'
 */
export function resolveConfigPath(value: string, file: string, kind: true | 'policy'): string {
  if (STDIN.has(value) || isAbsolute(value)) return value;
  if (kind === 'policy' && isBuiltinPolicyId(value)) return value;
  return join(dirname(file), value);
}

/** What a value of the option must be, in words. */
function expected(option: OptionConfig | undefined): Template {
  if (option === undefined) return CONFIG_TEXT.string;
  const one =
    option.type === 'boolean'
      ? CONFIG_TEXT.boolean
      : option.choices !== undefined
        ? both(CONFIG_TEXT.choice, { choices: option.choices.join(', ') })
        : option.number === 'integer'
          ? CONFIG_TEXT.integer
          : option.number === 'any'
            ? CONFIG_TEXT.number
            : option.path !== undefined
              ? CONFIG_TEXT.path
              : CONFIG_TEXT.string;
  return option.multiple === true ? both(CONFIG_TEXT.list, (lang) => ({ each: one[lang] })) : one;
}

/** A JSON path in a message: keys joined by dots, list indexes in brackets; a key that could be a name is not shown. */
function jsonPath(path: readonly PropertyKey[], root: Template): Template {
  if (path.length === 0) return root;
  const text = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${fieldName(String(k))}`)).join('');
  return { sv: text, en: text };
}

/** One zod issue as one or more texts, each naming the JSON path, never the value. */
function issueTexts(issue: z.core.$ZodIssue, file: string, commands: Readonly<Record<string, ConfigurableCommand>>): Template[] {
  const names = configCommands(commands);
  const line = (path: readonly PropertyKey[], problem: Template): Template =>
    both(CONFIG_TEXT.issue, (lang) => ({ file, at: jsonPath(path, CONFIG_TEXT.root)[lang], problem: problem[lang] }));
  const [command, key] = issue.path as [string | undefined, string | undefined];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((unknown) => {
      if (command === undefined) return line([unknown], both(CONFIG_TEXT.unknownCommand, { commands: names.join(', ') }));
      const option = commands[command]?.options[unknown];
      return line([command, unknown], option?.commandLineOnly === true ? CONFIG_TEXT.commandLineOnly : both(CONFIG_TEXT.unknownOption, { command }));
    });
  }
  if (command === undefined) return [line([], CONFIG_TEXT.notObject)];
  if (command === '$schema') return [line(['$schema'], CONFIG_TEXT.string)];
  if (key === undefined) return [line([command], both(CONFIG_TEXT.notSection, { command }))];
  // The whole path: a list's bad element is named by its index (`evaluate.inputs[1]`).
  if (key === INPUTS_KEY) return [line(issue.path, CONFIG_TEXT.inputs)];
  return [line(issue.path, expected(commands[command]?.options[key]))];
}

/** A section's validated data as the command line would give it. */
function sectionOf(data: Readonly<Record<string, unknown>>, command: ConfigurableCommand, file: string): ConfigSection {
  const values: Record<string, OptionValue> = {};
  let inputs: string[] | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (key === INPUTS_KEY) {
      inputs = (value as string[]).map((path) => resolveConfigPath(path, file, true));
      continue;
    }
    const option = command.options[key] as OptionConfig;
    const text = (v: unknown): string => {
      const s = typeof v === 'number' ? String(v) : (v as string);
      return option.path === undefined ? s : resolveConfigPath(s, file, option.path);
    };
    values[key] = typeof value === 'boolean' ? value : Array.isArray(value) ? value.map(text) : text(value);
  }
  return inputs === undefined ? { values } : { values, inputs };
}

/**
 * A config file's text, validated against the commands' option tables
 * (`configSchema`) and made ready to merge with a command line.
 *
 * @param text - the file's content
 * @param file - the file as given to `--config` (named in every message; its folder resolves the paths)
 * @param commands - every command
 * @returns the sections
 * @throws {UsageError} naming the file and the JSON path of every bad key, sv and en (exit 2); never a value
 * @example parseConfigText('{"evaluate":{"workers":4,"students":"s.ndjson"}}', 'conf/t.json', COMMANDS).sections.evaluate // { values: { workers: '4', students: 'conf/s.ndjson' } }
 * @example parseConfigText('{"evaluate":{"workers":"4"}}', 't.json', COMMANDS) // throws UsageError 't.json: evaluate.workers: ska vara ett heltal' (en: 'must be a whole number')
 */
export function parseConfigText(text: string, file: string, commands: Readonly<Record<string, ConfigurableCommand>>): ConfigFile {
  let json: unknown;
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const { position } = jsonErrorAt(error, body);
    if (position === undefined) throw new UsageError(both(CONFIG_TEXT.invalidJsonAtEnd, { file }));
    const before = body.slice(0, position).split('\n');
    throw new UsageError(both(CONFIG_TEXT.invalidJson, { file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }));
  }
  const parsed = configSchema(commands).safeParse(json);
  if (!parsed.success) {
    const texts = parsed.error.issues.flatMap((issue) => issueTexts(issue, file, commands));
    const unique = (lang: 'sv' | 'en'): string => [...new Set(texts.map((t) => t[lang]))].join('; ');
    throw new UsageError({ sv: unique('sv'), en: unique('en') });
  }
  const sections: Record<string, ConfigSection> = {};
  for (const [name, data] of Object.entries(parsed.data as Record<string, unknown>)) {
    if (name === '$schema') continue;
    sections[name] = sectionOf(data as Record<string, unknown>, commands[name] as ConfigurableCommand, file);
  }
  return { file, sections };
}

/**
 * Read and validate a config file (`parseConfigText`). A missing file, an
 * unreadable one or one over `CONFIG_MAX_BYTES` is a usage error too.
 *
 * @param file - the path given to `--config`
 * @param commands - every command
 * @returns the sections
 * @throws {UsageError} when the file cannot be read or is not valid (exit 2)
 * @example readConfigFile('/srv/trappa/trappa.config.json', COMMANDS).sections.evaluate?.values.students // '/srv/trappa/export/students.ndjson'
 */
export function readConfigFile(file: string, commands: Readonly<Record<string, ConfigurableCommand>>): ConfigFile {
  let text: string;
  try {
    if (statSync(file).size > CONFIG_MAX_BYTES) throw new UsageError(both(CONFIG_TEXT.tooLarge, { file, max: CONFIG_MAX_BYTES }));
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = String((error as NodeJS.ErrnoException).code ?? 'error');
    throw new UsageError(code === 'ENOENT' ? both(CONFIG_TEXT.notFound, { file }) : both(CONFIG_TEXT.unreadable, { file, code }));
  }
  return parseConfigText(text, file, commands);
}
