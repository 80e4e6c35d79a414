import { parseArgs } from 'node:util';
import { JSON_SCHEMA_NAMES, isJsonSchemaName, jsonSchema } from '../report/jsonSchemas.js';
import { both } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { UsageError } from './usageError.js';
import type { CommandOptions } from './commandOptions.js';

/** The options `trappa schema` takes (its help: `SCHEMA_HELP`). */
export const SCHEMA_OPTIONS = {
  lang: { type: 'string', default: 'sv' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies CommandOptions;

/**
 * `trappa schema [<name>]`: print a JSON Schema.
 *
 * @param args - the arguments after `schema`
 * @returns the exit code
 * @example await schemaCommand(['policy']) // 0, the policy file's schema on stdout
 */
export async function schemaCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: SCHEMA_OPTIONS });
  const which = positionals[0] ?? 'student-case';
  if (!isJsonSchemaName(which) || positionals.length > 1) throw new UsageError(both(USAGE_TEXT.schemaName, { names: JSON_SCHEMA_NAMES.join(', ') }));
  process.stdout.write(`${JSON.stringify(jsonSchema(which), null, 2)}\n`);
  return 0;
}
