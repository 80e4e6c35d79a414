import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickCalendar, pickPolicy } from '../../src/cli/options.js';
import { readText } from '../../src/cli/readText.js';

const dir = mkdtempSync(join(tmpdir(), 'trappa-bom-'));

describe('whole-file inputs with a UTF-8 BOM (D1: a BOM is skipped everywhere input is read)', () => {
  it('readText drops a BOM at the start, and only there', async () => {
    writeFileSync(join(dir, 'a.json'), '\uFEFF{"a":"\uFEFF"}');
    expect(await readText(join(dir, 'a.json'))).toBe('{"a":"\uFEFF"}');
  });

  it('a policy and a calendar saved with a BOM load', async () => {
    const policy = readFileSync(new URL('../../fixtures/policies/stockholm-15-percent.json', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'policy.json'), `\uFEFF${policy}`);
    expect((await pickPolicy(join(dir, 'policy.json'))).id).toBe((JSON.parse(policy) as { id: string }).id);
    writeFileSync(join(dir, 'calendar.json'), `\uFEFF${JSON.stringify({ terms: [{ id: 'HT2026', start: '2026-08-17', end: '2026-12-18' }], breaks: [] })}`);
    expect((await pickCalendar(join(dir, 'calendar.json')))?.terms).toHaveLength(1);
  });
});
