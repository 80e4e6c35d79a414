/**
 * Writes `schemas/<name>.schema.json` for every published JSON Schema
 * (`npm run schemas`), and `schemas/config.schema.json`, the config file's,
 * which the CLI builds from its commands' options (`trappa schema config`). The files are committed, and `test/jsonSchemas.test.ts`
 * fails when one differs from what the zod schemas generate: a schema change
 * is a change of the contract vendors validate against, so it shows in review.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { JSON_SCHEMA_NAMES, jsonSchema } from '../src/report/jsonSchemas.js';
import { COMMANDS } from '../src/cli/commands.js';
import { configJsonSchema } from '../src/cli/configSchema.js';
import { CONFIG_SCHEMA_NAME } from '../src/cli/schemaCommand.js';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const name of JSON_SCHEMA_NAMES) {
  writeFileSync(new URL(`${name}.schema.json`, dir), `${JSON.stringify(jsonSchema(name), null, 2)}\n`);
}
writeFileSync(new URL(`${CONFIG_SCHEMA_NAME}.schema.json`, dir), `${JSON.stringify(configJsonSchema(COMMANDS), null, 2)}\n`);
process.stdout.write(`wrote ${JSON_SCHEMA_NAMES.length + 1} schemas to schemas/\n`);
