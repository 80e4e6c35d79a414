/**
 * Writes `schemas/<name>.schema.json` for every published JSON Schema
 * (`npm run schemas`). The files are committed, and `test/jsonSchemas.test.ts`
 * fails when one differs from what the zod schemas generate: a schema change
 * is a change of the contract vendors validate against, so it shows in review.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { JSON_SCHEMA_NAMES, jsonSchema } from '../src/report/jsonSchemas.js';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const name of JSON_SCHEMA_NAMES) {
  writeFileSync(new URL(`${name}.schema.json`, dir), `${JSON.stringify(jsonSchema(name), null, 2)}\n`);
}
process.stdout.write(`wrote ${JSON_SCHEMA_NAMES.length} schemas to schemas/\n`);
