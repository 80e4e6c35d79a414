import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_CATALOG } from '../../src/model/factCatalog.js';
import type { FactInfo } from '../../src/model/facts.js';
import { evidenceSentence, formatEvidence, formatFactValue, formatPercent, formatRate } from '../../src/report/text.js';

// Display of numbers and evidence (issue 16 point 2): a decimal comma in Swedish, a point in
// English; a rate next to a threshold is never ambiguous (domain: "över 20 procent" is
// 5 × absent > scheduled in integers, so 605/3025 is not over and 606/3025 is, though both
// round to 20.0 %).

describe('formatPercent and formatRate', () => {
  it('one decimal, a decimal comma in Swedish and a point in English', () => {
    expect(formatPercent(605, 3025, 'sv')).toBe('20,0 %');
    expect(formatPercent(605, 3025, 'en')).toBe('20.0 %');
    expect(formatPercent(1, 8, 'sv')).toBe('12,5 %');
    expect(formatPercent(0, 0, 'sv')).toBe('–');
    expect(formatRate({ part: 606, whole: 3025 }, 'sv')).toBe('20,0 % (606/3025)');
    expect(formatRate({ part: 2, whole: 3 }, 'en')).toBe('66.7 % (2/3)');
  });

  it('two different rates never read the same, even when their percentages round alike', () => {
    const rate = fc.record({ part: fc.nat(100_000), whole: fc.integer({ min: 1, max: 100_000 }) });
    fc.assert(
      fc.property(rate, rate, fc.constantFrom('sv' as const, 'en' as const), (a, b, lang) => {
        fc.pre(a.part !== b.part || a.whole !== b.whole);
        expect(formatRate(a, lang)).not.toBe(formatRate(b, lang));
      }),
      { numRuns: 300 },
    );
  });
});

describe('evidence at a threshold', () => {
  const leaf = (part: number, whole: number, operator: 'rateAbove' | 'rateAtLeast', percent: number) => ({
    fact: 'termAbsence',
    operator,
    value: percent,
    actual: { part, whole },
    // As the rules compare: in integers, never a rounded percentage.
    result: operator === 'rateAbove' ? part * 100 > whole * percent : part * 100 >= whole * percent,
    via: [],
  });

  it('605/3025 is "inte över 20 %", 606/3025 is "över 20 %": same rounded rate, the fraction and the verdict differ', () => {
    expect(evidenceSentence(leaf(605, 3025, 'rateAbove', 20), 'sv')).toBe('Frånvaro i terminen (giltig + ogiltig): 20,0 % (605/3025) – inte över 20 %.');
    expect(evidenceSentence(leaf(606, 3025, 'rateAbove', 20), 'sv')).toBe('Frånvaro i terminen (giltig + ogiltig): 20,0 % (606/3025) – över 20 %.');
    expect(formatEvidence(leaf(605, 3025, 'rateAbove', 20), 'en')).toBe('✗ Absence this term (valid + invalid): 20.0 % (605/3025) – not over 20 %');
    expect(formatEvidence(leaf(605, 3025, 'rateAtLeast', 20), 'en')).toBe('✓ Absence this term (valid + invalid): 20.0 % (605/3025) – at least 20 %');
    expect(formatEvidence(leaf(1, 3, 'rateAbove', 12.5), 'sv')).toBe('✓ Frånvaro i terminen (giltig + ogiltig): 33,3 % (1/3) – över 12,5 %');
  });

  it('any rate and threshold: the exact fraction, and the verdict the integers give', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom('rateAbove' as const, 'rateAtLeast' as const),
        fc.constantFrom('sv' as const, 'en' as const),
        (whole, share, percent, operator, lang) => {
          const part = Math.round(share * whole);
          const e = leaf(part, whole, operator, percent);
          const text = evidenceSentence(e, lang);
          expect(text).toContain(` (${part}/${whole}) – `);
          const word = { rateAbove: { sv: 'över', en: 'over' }, rateAtLeast: { sv: 'minst', en: 'at least' } }[operator][lang];
          const not = lang === 'sv' ? 'inte' : 'not';
          expect(text.endsWith(`– ${e.result ? '' : `${not} `}${word} ${percent} %.`)).toBe(true);
          expect(lang === 'sv' ? /\d\.\d/.test(text) : /\d,\d/.test(text)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('evidence as sentences', () => {
  const BOOLEAN_FACTS = Object.entries(FACT_CATALOG as Readonly<Record<string, FactInfo>>)
    .filter(([, info]) => info.type === 'boolean')
    .map(([fact]) => fact);

  it('a yes/no fact reads "ja"/"nej", never "= true: true", and a failed one says what was required', () => {
    expect(BOOLEAN_FACTS.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...BOOLEAN_FACTS), fc.constantFrom('equal', 'notEqual'), fc.boolean(), fc.boolean(), fc.constantFrom('sv' as const, 'en' as const), (fact, operator, value, actual, lang) => {
        const result = operator === 'equal' ? actual === value : actual !== value;
        const text = formatEvidence({ fact, operator, value, actual, result, via: [] }, lang);
        const yes = { sv: 'ja', en: 'yes' }[lang];
        const no = { sv: 'nej', en: 'no' }[lang];
        expect(text).not.toMatch(/\b(true|false)\b|=/);
        expect(text.startsWith(`${result ? '✓' : '✗'} ${(FACT_CATALOG as Readonly<Record<string, FactInfo>>)[fact]?.[lang]}: ${actual ? yes : no}`)).toBe(true);
        const required = operator === 'equal' ? value : !value;
        expect(text.endsWith(result ? `: ${actual ? yes : no}` : ` (${lang === 'sv' ? 'krävs' : 'required'}: ${required ? yes : no})`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('numbers with their unit, comparisons in words, municipalities and closed values by name', () => {
    const e = (fact: string, operator: string, value: unknown, actual: unknown, result = true) => ({ fact, operator, value, actual, result, via: [] });
    expect(formatEvidence(e('monthInvalidAbsenceMinutes', 'greaterThanInclusive', 240, 500), 'sv')).toBe('✓ Ogiltig frånvaro denna kalendermånad: 500 min – minst 240 min');
    expect(formatEvidence(e('ageYears', 'lessThan', 18, 18, false), 'en')).toBe('✗ Age: 18 years – not under 18 years');
    expect(formatEvidence(e('termSchoolDaysElapsed', 'lessThanInclusive', 40, 12), 'sv')).toBe('✓ Skoldagar hittills i terminen: 12 – högst 40');
    expect(formatEvidence(e('schoolMunicipalityCode', 'equal', '1480', '1480'), 'sv')).toBe('✓ Skolans kommun: Göteborg (1480)');
    expect(formatEvidence(e('residenceMunicipalityCode', 'in', ['0180', '0182'], null, false), 'sv')).toBe('✗ Hemkommun: saknas (krävs: Stockholm (0180) eller Nacka (0182))');
    expect(formatEvidence(e('residenceMunicipalityCode', 'notEqual', '0180', '0182'), 'en')).toBe('✓ Home municipality: Nacka (0182) – not Stockholm (0180)');
    expect(formatEvidence(e('residenceMunicipalityCode', 'notIn', ['0180'], '0180', false), 'sv')).toBe('✗ Hemkommun: Stockholm (0180) (krävs: inte Stockholm (0180))');
    expect(formatEvidence(e('huvudman', 'equal', 'fristaende', 'kommunal', false), 'sv')).toBe('✗ Huvudman: kommunal (krävs: fristående)');
    expect(formatEvidence(e('trend', 'equal', 'rising', 'stable', false), 'sv')).toBe('✗ Trend: oförändrad (krävs: stigande)');
    expect(formatEvidence(e('typologySkolvagran', 'in', ['mattlig', 'stark'], 'stark'), 'en')).toBe('✓ Typology (advisory): school refusal, strength: strong');
    expect(formatEvidence(e('studiehjalp', 'notEqual', 'no', 'unknown'), 'sv')).toBe('✓ Studiehjälp från CSN: okänt – inte nej');
    expect(formatFactValue('grade', 7.5, 'sv')).toBe('7,5');
    expect(formatFactValue('termId', 'ht2026', 'sv')).toBe('ht2026');
  });
});
