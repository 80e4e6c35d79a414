import type { ParseArgsConfig } from 'node:util';

/** One option as `parseArgs` takes it. */
type ParseArgsOption = NonNullable<ParseArgsConfig['options']>[string];

/**
 * One option of a command: what `parseArgs` reads (`type`, `multiple`,
 * `short`, `default`) and what a config file needs to know about it (which
 * `parseArgs` ignores). `trappa.config.json`'s schema is derived from these
 * entries (`configSchema`), so a new option is at once a config key.
 */
export type OptionConfig = ParseArgsOption & {
  /**
   * The value names a file or directory: in a config file it is resolved
   * against the config file's folder (not the working directory); `-` stays
   * stdin. `'policy'`: a bundled policy id (`stockholm`) stays an id.
   */
  readonly path?: true | 'policy';
  /** In a config file the value is a JSON number, whole or any (the command line's text is its decimal). */
  readonly number?: 'integer' | 'any';
  /** The values the option takes, for the config file's schema (the command still checks them). */
  readonly choices?: readonly string[];
  /** Only on the command line, never in a config file (`--help`, `--config` itself). */
  readonly commandLineOnly?: true;
};

/** The options of a command, as `parseArgs` takes them: each command exports its own, and its help lists every one. */
export type CommandOptions = Readonly<Record<string, OptionConfig>>;
