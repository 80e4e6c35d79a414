import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pickCalendar, pickPolicy } from '../../src/cli/options.js';
import { readText } from '../../src/io/readText.js';
import { readPolicyFile } from '../../src/io/readPolicyFile.js';
import { readSs12000Files } from '../../src/io/readSs12000.js';
import { POLICY_BUDGET } from '../../src/model/policyBudget.js';

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

describe('whole-file inputs as exports come (issue 13): gzip, non-UTF-8, the policy budget', () => {
  it('readText decompresses gzip, drops the BOM inside it, and refuses bytes that are not UTF-8 by line and byte', async () => {
    writeFileSync(join(dir, 'c.json.gz'), gzipSync('\uFEFF{"terms":[]}'));
    expect(await readText(join(dir, 'c.json.gz'))).toBe('{"terms":[]}');
    // Latin-1 "Göteborg" on line 2: an error, never a text with replacement characters.
    writeFileSync(join(dir, 'latin1.json'), Buffer.from('{\n"district":"G\u00f6teborg"}', 'latin1'));
    await expect(readText(join(dir, 'latin1.json'))).rejects.toThrow(`${join(dir, 'latin1.json')}:2: not valid UTF-8 (byte 14 of the line); save the file as UTF-8`);
  });

  it('a gzip policy file counts its decompressed bytes against the budget (a small .gz cannot smuggle a huge policy)', async () => {
    const huge = `{"id":"x","pad":"${'a'.repeat(POLICY_BUDGET.maxBytes)}"}`;
    writeFileSync(join(dir, 'huge.json.gz'), gzipSync(huge));
    expect(statSync(join(dir, 'huge.json.gz')).size).toBeLessThan(POLICY_BUDGET.maxBytes);
    expect(await readPolicyFile(join(dir, 'huge.json.gz'))).toEqual({
      ok: false,
      message: expect.stringMatching(/^The file is more than \d+ bytes; the policy budget allows/),
      texts: { sv: expect.stringMatching(/^Filen är mer än \d+ byte; policybudgeten tillåter/), en: expect.stringMatching(/^The file is more than/) },
    });
    writeFileSync(join(dir, 'huge.json'), huge);
    expect(await readPolicyFile(join(dir, 'huge.json'))).toMatchObject({ ok: false, message: expect.stringContaining(`The file is ${Buffer.byteLength(huge)} bytes`), texts: { sv: expect.stringContaining(`Filen är ${Buffer.byteLength(huge)} byte`) } });
  });

  it('an SS 12000 export may hold .json.gz pages; a page that is not UTF-8 is a problem of that file, not a crash', async () => {
    const exportDir = mkdtempSync(join(tmpdir(), 'trappa-ss-gz-'));
    writeFileSync(join(exportDir, 'persons.json.gz'), gzipSync(JSON.stringify({ data: [{ id: 'p1' }] })));
    writeFileSync(join(exportDir, 'organisations.json'), Buffer.from('{"data":[{"displayName":"\u00c5sa"}]}', 'latin1'));
    const files = await readSs12000Files([exportDir]);
    expect(files.read.persons).toEqual([join(exportDir, 'persons.json.gz')]);
    expect(files.bundle['persons']).toEqual([{ id: 'p1' }]);
    expect(files.problems).toEqual([
      {
        location: join(exportDir, 'organisations.json'),
        message: 'not valid UTF-8 (byte 26 of the line); save the file as UTF-8 (line 1)',
        text: { sv: 'inte giltig UTF-8 (byte 26 på raden); spara filen som UTF-8 (rad 1)', en: 'not valid UTF-8 (byte 26 of the line); save the file as UTF-8 (line 1)' },
      },
    ]);
  });
});
