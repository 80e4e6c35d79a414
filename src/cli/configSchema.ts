import { z } from 'zod';
import { documentedJsonSchema, type JsonSchema } from '../model/jsonSchema.js';
import type { CommandHelp } from '../report/helpText.js';
import type { CommandOptions, OptionConfig } from './commandOptions.js';

/** What the config file needs of a command: its options, whether it takes input paths, and (for the JSON Schema's descriptions) its help. */
export interface ConfigurableCommand {
  readonly options: CommandOptions;
  /** The command's positional arguments are paths, which a config file may give as `"inputs": [...]`. */
  readonly inputs?: boolean;
  readonly help?: CommandHelp;
}

/** The key a config section gives the positional arguments under. */
export const INPUTS_KEY = 'inputs';

/**
 * The commands a config file has a section for: those that take `--config`.
 *
 * @param commands - every command
 * @returns the names, in the commands' order
 * @example configCommands({ evaluate: { options: { config: { type: 'string' } } }, schema: { options: {} } }) // ['evaluate']
 */
export function configCommands(commands: Readonly<Record<string, ConfigurableCommand>>): string[] {
  return Object.entries(commands)
    .filter(([, command]) => Object.hasOwn(command.options, 'config'))
    .map(([name]) => name);
}

/**
 * The options of a command a config file may set: all but the command-line-only ones.
 *
 * @param options - the command's options
 * @returns `[name, option]` pairs, in the table's order
 * @example configKeys({ lang: { type: 'string' }, help: { type: 'boolean', commandLineOnly: true } }).map(([k]) => k) // ['lang']
 */
export function configKeys(options: CommandOptions): Array<[string, OptionConfig]> {
  return Object.entries(options).filter(([, option]) => option.commandLineOnly !== true);
}

/** One value of an option in a config file, from its entry's type and markers. */
function valueSchema(option: OptionConfig): z.ZodType {
  if (option.type === 'boolean') return z.boolean();
  if (option.choices !== undefined) return z.enum(option.choices as [string, ...string[]]);
  if (option.number === 'integer') return z.number().int();
  if (option.number === 'any') return z.number();
  return option.path === undefined ? z.string() : z.string().min(1);
}

/** An option's schema in a config file: its value, or a list of values for a `multiple` option; described by its help. */
function optionSchema(option: OptionConfig, description: string | undefined): z.ZodType {
  const value = valueSchema(option);
  const schema = option.multiple === true ? z.array(value).min(1) : value;
  return description === undefined ? schema : schema.describe(description);
}

/** The English help line of an option, when the command's help has one. */
function helpText(help: CommandHelp | undefined, name: string): string | undefined {
  return help?.options.find((group) => Object.hasOwn(group.options, name))?.options[name]?.text.en;
}

/**
 * The schema of one command's section of `trappa.config.json`: every option
 * the command's `parseArgs` takes (but `--help` and `--config`), under its long
 * name, typed from its entry: a string, `true`/`false`, a number for a
 * numeric option, one of its `choices`, a list for a `multiple` one; and
 * `inputs` (a list of paths) for a command whose arguments are paths.
 * Unknown keys are errors.
 *
 * @param command - the command's options (and help)
 * @returns the zod schema
 * @example configSectionSchema({ options: { workers: { type: 'string', number: 'integer' } } }).safeParse({ workers: 4 }).success // true
 */
export function configSectionSchema(command: ConfigurableCommand): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, option] of configKeys(command.options)) shape[name] = optionSchema(option, helpText(command.help, name)).optional();
  if (command.inputs === true) {
    shape[INPUTS_KEY] = z.array(z.string().min(1)).min(1).describe('the input files (the positional arguments), resolved against the config file\'s folder; arguments on the command line replace them').optional();
  }
  return z.strictObject(shape);
}

/**
 * The schema of `trappa.config.json`: an optional `$schema`, and one section
 * per command that takes `--config` (`configSectionSchema`). Derived from the
 * commands' option tables, so it cannot drift from what `parseArgs` takes.
 *
 * @param commands - every command
 * @returns the zod schema
 * @example configSchema(COMMANDS).safeParse({ evaluate: { workers: 'four' } }).success // false
 */
export function configSchema(commands: Readonly<Record<string, ConfigurableCommand>>): z.ZodType {
  const shape: Record<string, z.ZodType> = { $schema: z.string().describe('the JSON Schema of this file (for editors; not read by trappa)').optional() };
  for (const name of configCommands(commands)) shape[name] = configSectionSchema(commands[name] as ConfigurableCommand).optional();
  return z.strictObject(shape).meta({
    title: 'Trappa config file',
    description:
      "trappa.config.json, read with --config <file>: one object per command, whose keys are the command's long options (docs/cli.md \"Config file\"). Paths are relative to the config file's folder; options on the command line win.",
  });
}

/**
 * The JSON Schema (draft 2020-12) of `trappa.config.json`, for editors
 * (`trappa schema config`, `schemas/config.schema.json`).
 *
 * @param commands - every command
 * @returns the JSON Schema
 * @example configJsonSchema(COMMANDS).$id // 'https://unpkg.com/trappa/schemas/config.schema.json'
 */
export function configJsonSchema(commands: Readonly<Record<string, ConfigurableCommand>>): JsonSchema {
  return documentedJsonSchema(configSchema(commands), 'config');
}
