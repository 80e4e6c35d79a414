import { parseArgs } from 'node:util';
import type { CommandOptions } from './commandOptions.js';
import type { ConfigSection } from './configFile.js';
import type { ConfigSupport } from './configSupport.js';

/** What `parseArgs` gives for a command's options. */
type Parsed<O extends CommandOptions> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O; tokens: true }>>;

/** A command's parsed arguments: its options' values and its positional arguments. */
export interface CommandArgs<O extends CommandOptions> {
  readonly values: Parsed<O>['values'];
  readonly positionals: string[];
}

/**
 * A command line over a config section: an option given on the command line
 * wins over the file (a `multiple` one replaces the file's list); an option
 * the file sets wins over the default; positional arguments on the command
 * line replace the file's `inputs`.
 *
 * @param parsed - `parseArgs`' result, with its tokens
 * @param section - the command's section of the config file, or undefined
 * @returns the values and positionals the command runs with
 * @example mergeConfig(parseArgs({ args: ['--workers', '2'], options: { workers: { type: 'string' }, details: { type: 'string', default: 'all' } }, tokens: true }), { values: { workers: '4', details: 'none' } }).values // { workers: '2', details: 'none' }
 */
export function mergeConfig<V extends object>(
  parsed: { readonly values: V; readonly positionals: string[]; readonly tokens: ReadonlyArray<{ readonly kind: string; readonly name?: string }> },
  section: ConfigSection | undefined,
): { values: V; positionals: string[] } {
  if (section === undefined) return { values: parsed.values, positionals: parsed.positionals };
  const given = new Set(parsed.tokens.flatMap((t) => (t.kind === 'option' && t.name !== undefined ? [t.name] : [])));
  const values: Record<string, unknown> = { ...(parsed.values as Record<string, unknown>) };
  for (const [name, value] of Object.entries(section.values)) if (!given.has(name)) values[name] = value;
  const positionals = parsed.positionals.length > 0 ? parsed.positionals : [...(section.inputs ?? [])];
  return { values: values as V, positionals };
}

/**
 * A command's arguments, parsed with its option table (`parseArgs`), over its
 * section of the `--config` file when one is given (`mergeConfig`: the
 * command line wins). Without `--config` no file is read.
 *
 * @param command - the command's name (its section in the config file)
 * @param args - the arguments after the command
 * @param options - the command's option table
 * @param config - the config file format (main's `configSupport(COMMANDS)`)
 * @returns the values and positionals
 * @throws {UsageError} for a config file that cannot be read or is not valid; parseArgs' errors for the command line
 * @example parseCommandArgs('report', ['night.ndjson', '--config', 'trappa.config.json'], REPORT_OPTIONS, support).values.out // 'reports' when the file's report section has "out": "reports" beside it
 */
export function parseCommandArgs<const O extends CommandOptions>(command: string, args: string[], options: O, config: ConfigSupport): CommandArgs<O> {
  const parsed = parseArgs({ args, allowPositionals: true, options, tokens: true });
  const file = (parsed.values as Record<string, unknown>)['config'];
  const section = typeof file === 'string' ? config.read(file).sections[command] : undefined;
  return mergeConfig(parsed, section);
}
