import { boundedMemo } from '../model/boundedMemo.js';
import type { JsonSchema } from '../model/jsonSchema.js';
import type { Lang } from '../report/text.js';
import { readConfigFile, type ConfigFile } from './configFile.js';
import { configJsonSchema, type ConfigurableCommand } from './configSchema.js';

/**
 * The config file format, handed to each command by main: it is built from
 * every command's options, which only main sees (a command importing the
 * command table would be an import cycle).
 */
export interface ConfigSupport {
  /** Read and validate a config file (each path once); throws a `UsageError` naming the file and the bad key. */
  readonly read: (file: string) => ConfigFile;
  /** The config file's JSON Schema (`trappa schema config`). */
  readonly jsonSchema: () => JsonSchema;
}

/**
 * The config file format of a set of commands.
 *
 * @param commands - every command
 * @returns the reader and the JSON Schema
 * @example configSupport(COMMANDS).read('trappa.config.json').sections.evaluate?.values.format // 'lessons'
 */
export function configSupport(commands: Readonly<Record<string, ConfigurableCommand>>): ConfigSupport {
  return { read: boundedMemo((file: string) => readConfigFile(file, commands), 16), jsonSchema: () => configJsonSchema(commands) };
}

/** For a command called without main (a test): `--config` is main's to read. */
export const NO_CONFIG: ConfigSupport = {
  read: () => {
    throw new Error('--config is read by the trappa CLI: call the command through main, or pass configSupport(COMMANDS)');
  },
  jsonSchema: () => {
    throw new Error('the config schema is built by the trappa CLI: pass configSupport(COMMANDS)');
  },
};

/**
 * The `--config` a command line gives (the last, before `--`), if any.
 *
 * @param args - the arguments
 * @returns the file, or undefined
 * @example configFileOf(['evaluate', '--config=nightly.json']) // 'nightly.json'
 */
export function configFileOf(args: readonly string[]): string | undefined {
  let file: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') break;
    if (arg === '--config') file = args[i + 1];
    else if (arg.startsWith('--config=')) file = arg.slice('--config='.length);
  }
  return file;
}

/**
 * The `lang` a command's section of its config file sets, when the file can
 * be read: main's language for an error the command ends with, when the
 * command line gives no `--lang`.
 *
 * @param support - the config format
 * @param command - the command's name
 * @param args - the arguments after the command
 * @returns `sv`, `en`, or undefined (no config, no `lang` in it, or a file that cannot be read)
 * @example configuredLang(configSupport(COMMANDS), 'evaluate', ['--config', 'nightly.json']) // 'en' when its evaluate section has "lang": "en"
 */
export function configuredLang(support: ConfigSupport, command: string, args: readonly string[]): Lang | undefined {
  const file = configFileOf(args);
  if (file === undefined) return undefined;
  try {
    const lang = support.read(file).sections[command]?.values['lang'];
    return lang === 'sv' || lang === 'en' ? lang : undefined;
  } catch {
    return undefined;
  }
}
