import type { ParseArgsConfig } from 'node:util';

/** The options of a command, as `parseArgs` takes them: each command exports its own, and its help lists every one. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;
