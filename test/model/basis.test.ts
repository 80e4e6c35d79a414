/**
 * A basis links to the public text of its source (issue 11 point 8): `url`
 * is required and an https URL a reader can follow as written; `reference`
 * (a section of a document users do not have) is gone. The JSON Schema for
 * policy files says the same, for callers that validate without zod.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BasisSchema, isListedSource, isPublicUrl, SOURCE_HOSTS } from '../../src/model/basis.js';
import { BUILTIN_POLICY_IDS, policyFileJsonSchema } from '../../src/index.js';
import { GRADE_LEAF, policyJson, ruleJson } from '../helpers/policyFiles.js';

const BASIS = { citation: 'SL 7 kap. 19 a §', source: 'Skollagen (2010:800)', url: 'https://lagen.nu/2010:800#K7P19a' };

describe('BasisSchema', () => {
  it('takes a citation, a source, an https url and optionally the section', () => {
    expect(BasisSchema.parse(BASIS)).toEqual(BASIS);
    expect(BasisSchema.parse({ ...BASIS, section: '7 kap. 19 a §' }).section).toBe('7 kap. 19 a §');
  });

  it('needs the url and refuses the old reference', () => {
    const { url: _url, ...noUrl } = BASIS;
    expect(BasisSchema.safeParse(noUrl).success).toBe(false);
    expect(BasisSchema.safeParse({ ...BASIS, reference: '§1.4' }).success).toBe(false);
  });

  it.each([
    ['http, not https', 'http://lagen.nu/2010:800#K7P19a'],
    ['a relative path', '/2010:800#K7P19a'],
    ['no path (a browser writes the slash)', 'https://lagen.nu'],
    ['a port', 'https://lagen.nu:8443/2010:800'],
    ['a user', 'https://someone@lagen.nu/2010:800'],
    ['a space', 'https://lagen.nu/2010:800 7 kap.'],
    ['an unencoded letter', 'https://5dok.org/document/myndighetsutövande'],
    ['another scheme', 'javascript:alert(1)'],
  ])('refuses %s: %s', (_, url) => {
    expect(isPublicUrl(url)).toBe(false);
    expect(BasisSchema.safeParse({ ...BASIS, url }).success).toBe(false);
  });

  it('accepts a page outside SOURCE_HOSTS (a municipality of its own), which trappa check then warns about', () => {
    expect(BasisSchema.safeParse({ ...BASIS, url: 'https://www.solna.se/forskola-och-skola/' }).success).toBe(true);
    expect(isListedSource('https://www.solna.se/forskola-och-skola/')).toBe(false);
    expect(isListedSource('https://lagen.nu/2010:800#K7P19a')).toBe(true);
    expect(isListedSource('https://lagen.nu.example.com/2010:800')).toBe(false);
  });

  it('lists each host once, with a reason', () => {
    for (const [host, reason] of Object.entries(SOURCE_HOSTS)) {
      expect(host).toMatch(/^[a-z0-9.-]+$/);
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});

describe('policyFileJsonSchema', () => {
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(policyFileJsonSchema());
  const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

  it.each([...BUILTIN_POLICY_IDS.map((id) => `rules/${id}.json`), 'fixtures/policies/stockholm-15-percent.json', 'fixtures/policies/check-example.json'])(
    'accepts %s',
    (path) => {
      expect(validate(read(path)), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it('describes the basis: url required with an https pattern, section optional, nothing else', () => {
    const basis = (JSON.stringify(policyFileJsonSchema()).match(/"basis":(\{"type":"object".*?"additionalProperties":false\})/)?.[1] ?? '{}') as string;
    expect(JSON.parse(basis)).toMatchObject({
      required: ['citation', 'source', 'url'],
      properties: { url: { type: 'string', pattern: expect.stringMatching(/^\^https/) as unknown }, section: { type: 'string' } },
      additionalProperties: false,
    });
  });

  it('refuses a basis with reference instead of url, and an http url', () => {
    const withBasis = (basis: unknown) => policyJson([ruleJson({ all: [GRADE_LEAF] }, { basis })]);
    expect(validate(withBasis(BASIS))).toBe(true);
    expect(validate(withBasis({ citation: BASIS.citation, source: BASIS.source, reference: '§1.4' }))).toBe(false);
    expect(validate(withBasis({ ...BASIS, url: 'http://lagen.nu/2010:800#K7P19a' }))).toBe(false);
  });
});
