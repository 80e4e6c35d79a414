import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_NAMES } from '../../src/report/jsonSchemas.js';

// The built CLI (npm test builds first).
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'schema', ...args], { encoding: 'utf8' });

describe('trappa schema', () => {
  it.each(JSON_SCHEMA_NAMES)('prints %s exactly as the shipped file', (name) => {
    const r = run(name);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
  });

  it('prints the student case without a name', () => {
    expect((JSON.parse(run().stdout) as { title: string }).title).toBe('Trappa student case');
  });

  it('refuses an unknown name with exit 2, listing the names', () => {
    const r = run('lessons');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`schema tar ett av ${JSON_SCHEMA_NAMES.join(', ')}`);
    expect(run('lessons', '--lang', 'en').stderr).toContain(`schema takes one of ${JSON_SCHEMA_NAMES.join(', ')}`);
  });

  it('lists every name in --help', () => {
    const help = spawnSync(process.execPath, [CLI, 'schema', '--help'], { encoding: 'utf8' }).stdout;
    for (const name of JSON_SCHEMA_NAMES) expect(help).toContain(name);
  });
});
