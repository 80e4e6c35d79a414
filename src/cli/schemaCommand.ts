import { parseArgs } from 'node:util';
import { JSON_SCHEMA_NAMES, isJsonSchemaName, jsonSchema, type JsonSchemaName } from '../report/jsonSchemas.js';
import { both } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { UsageError } from './usageError.js';
import type { CommandOptions } from './commandOptions.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';

/** The options `trappa schema` takes (its help: `SCHEMA_HELP`). */
export const SCHEMA_OPTIONS = {
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  help: { type: 'boolean', short: 'h', commandLineOnly: true },
} as const satisfies CommandOptions;

/** The name of the config file's schema, which the CLI builds from its commands (the others are `JSON_SCHEMAS`). */
export const CONFIG_SCHEMA_NAME = 'config';

/**
 * `trappa schema [<name>]`: print a JSON Schema: one of `JSON_SCHEMAS`, or
 * `config`, the schema of `trappa.config.json`.
 *
 * @param args - the arguments after `schema`
 * @param config - the config file format, from main (its JSON Schema)
 * @returns the exit code
 * @example await schemaCommand(['policy']) // 0, the policy file's schema on stdout
 */
export async function schemaCommand(args: string[], config: ConfigSupport = NO_CONFIG): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: SCHEMA_OPTIONS });
  const which = positionals[0] ?? 'student-case';
  const known = which === CONFIG_SCHEMA_NAME || isJsonSchemaName(which);
  if (!known || positionals.length > 1) throw new UsageError(both(USAGE_TEXT.schemaName, { names: [...JSON_SCHEMA_NAMES, CONFIG_SCHEMA_NAME].join(', ') }));
  const schema = which === CONFIG_SCHEMA_NAME ? config.jsonSchema() : jsonSchema(which as JsonSchemaName);
  process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
