import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, MUNICIPALITY_SOURCE, municipalityName } from '../../src/model/municipalities.js';
import { formatMunicipality } from '../../src/report/text.js';
import { TEST_MUNICIPALITY_CODES } from '../../src/testing/arbitraries/index.js';

// SCB's kommunkod table (docs/sources.md, "Data"): Sweden has had 290 municipalities since
// Knivsta (0330) was formed on 2003-01-01, in 21 counties whose codes are 01, 03–10, 12–14 and
// 17–25 (02, 11, 15 and 16 went with the county mergers of 1997–1998).
const COUNTIES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'];

describe('MUNICIPALITIES: SCB kommunkoder', () => {
  const codes = Object.keys(MUNICIPALITIES);

  it('has the 290 municipalities, four-digit codes, in the 21 counties', () => {
    expect(codes).toHaveLength(290);
    expect(codes.filter((c) => !/^\d{4}$/.test(c))).toEqual([]);
    expect([...new Set(codes.map((c) => c.slice(0, 2)))].sort()).toEqual(COUNTIES);
    expect(Object.values(MUNICIPALITIES).filter((n) => n.trim() === '' || n !== n.trim())).toEqual([]);
    expect(new Set(Object.values(MUNICIPALITIES)).size).toBe(290);
  });

  // Names as SCB's published tables give them: the population table of 31 December 2024
  // (0123–0186), Wikipedia's "Kommunkod" (1280, 0980), the two public copies (0180, 1480, 2584).
  it.each([
    ['0180', 'Stockholm'],
    ['1480', 'Göteborg'],
    ['1280', 'Malmö'],
    ['0182', 'Nacka'],
    ['2584', 'Kiruna'],
    ['0980', 'Gotland'],
    ['0330', 'Knivsta'],
    ['0123', 'Järfälla'],
    ['0125', 'Ekerö'],
    ['0126', 'Huddinge'],
    ['0127', 'Botkyrka'],
    ['0136', 'Haninge'],
    ['0162', 'Danderyd'],
    ['0186', 'Lidingö'],
    ['2023', 'Malung-Sälen'],
    ['0114', 'Upplands Väsby'],
  ])('%s is %s', (code, name) => {
    expect(municipalityName(code)).toBe(name);
    expect(formatMunicipality(code)).toBe(`${name} (${code})`);
  });

  it('a code SCB does not list stays a code; nothing leaks from the prototype', () => {
    for (const code of ['0100', '0000', '9999', '0181x', 'toString', '__proto__', 'constructor']) {
      expect(municipalityName(code)).toBeUndefined();
      expect(formatMunicipality(code)).toBe(code);
    }
    fc.assert(
      fc.property(fc.string(), (code) => {
        const text = formatMunicipality(code);
        expect(text === code || text === `${MUNICIPALITIES[code]} (${code})`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('names every code the test kit and the fixture cases use', () => {
    const fixtureCodes = ['fixtures/cases', 'fixtures/cases/goteborg'].flatMap((dir) =>
      readdirSync(new URL(`../../${dir}`, import.meta.url))
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => [...readFileSync(new URL(`../../${dir}/${f}`, import.meta.url), 'utf8').matchAll(/"municipalityCode": "(\d{4})"/g)].map((m) => m[1] as string)),
    );
    expect(fixtureCodes.length).toBeGreaterThan(10);
    expect([...TEST_MUNICIPALITY_CODES, ...fixtureCodes].filter((c) => municipalityName(c) === undefined)).toEqual([]);
  });

  it('says where it comes from, and docs/sources.md says the same', () => {
    const doc = readFileSync(new URL('../../docs/sources.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### SCB: kommunkoder'), doc.indexOf("## Trappa's defaults"));
    for (const value of [MUNICIPALITY_SOURCE.url, MUNICIPALITY_SOURCE.copy, MUNICIPALITY_SOURCE.crossCheck, MUNICIPALITY_SOURCE.validOn, MUNICIPALITY_SOURCE.retrieved]) {
      expect(section).toContain(value);
    }
    expect(MUNICIPALITY_SOURCE.url.startsWith('https://www.scb.se/')).toBe(true);
  });
});
