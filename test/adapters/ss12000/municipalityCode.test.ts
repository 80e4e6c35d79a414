import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseMunicipalityCode } from '../../../src/adapters/ss12000/municipalityCode.js';

describe('normaliseMunicipalityCode', () => {
  it('pads the integer SS 12000 sends for a person (Stockholm "0180" arrives as 180)', () => {
    expect(normaliseMunicipalityCode(180)).toBe('0180');
    expect(normaliseMunicipalityCode(126)).toBe('0126'); // Huddinge
    expect(normaliseMunicipalityCode(1480)).toBe('1480'); // Göteborg
    expect(normaliseMunicipalityCode(2584)).toBe('2584'); // Kiruna
  });

  it('accepts the string an Organisation carries, padded or not', () => {
    expect(normaliseMunicipalityCode('0180')).toBe('0180');
    expect(normaliseMunicipalityCode('180')).toBe('0180');
  });

  it('refuses what is not a municipality code', () => {
    for (const bad of [0, 99, -180, 180.5, 2680, 10000, '', '01 80', '0180a', 'Stockholm', null, undefined, true, Number.NaN]) {
      expect(normaliseMunicipalityCode(bad)).toBeUndefined();
    }
  });

  it('integer and string forms of every valid code agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 99 }), (county, municipality) => {
        const code = `${String(county).padStart(2, '0')}${String(municipality).padStart(2, '0')}`;
        expect(normaliseMunicipalityCode(Number(code))).toBe(code);
        expect(normaliseMunicipalityCode(code)).toBe(code);
      }),
    );
  });
});
