import { describe, expect, it } from 'vitest';
import { decide, studentCase, typologyOf } from '../helpers/cases.js';
import { termDays, wholeDays } from './scenarios.js';

// `oklar`: notable absence (domain §5.3: 10 % is the lowest common municipal threshold; Bollnäs reacts
// at 5 occasions a term; §7.2 rising trend) that no type of §4.1/§6.2 explains.

describe('typology: oklar', () => {
  it('domain §5.3/§6.2 oklar: betydande giltig frånvaro utan underlag för en typ → oklar', () => {
    // Ten whole days reported "other" in three blocks: 15 % absence, 3 occasions, no signals.
    const days = termDays(30, 31, 32, 40, 41, 50, 51, 52, 60, 61);
    const d = decide(studentCase({ attendance: wholeDays(days, { reason: 'other', guardianReported: true }) }));
    expect(typologyOf(d)).toEqual([['oklar', 'svag']]);
    const [h] = d.typology.hypotheses;
    // 10/66 = 15.2 %; five of the days in each of the last two 20-day windows: a stable trend.
    expect(h?.evidence.map((e) => e.id)).toEqual(['absence-rate']);
    expect(h?.evidence[0]?.value).toEqual({ part: 10 * 6 * 50, whole: 66 * 6 * 50 });
    expect(h?.explanation.sv).toBe('Frånvaron är betydande men underlaget pekar inte ut någon typ: frånvaro 15 % i terminen.');
    expect(h?.explanation.en).toBe('The absence is notable but the evidence points to no type: 15 % absence this term.');
    // `oklar` is no type: every typology fact stays `ingen`.
    expect([d.facts.typologySkolk, d.facts.typologySkolvagran, d.facts.typologyForaldrastodd, d.facts.typologySkolinitierad]).toEqual([
      'ingen',
      'ingen',
      'ingen',
      'ingen',
    ]);
  });

  it('domain §5.3 oklar: fem frånvarotillfällen räcker, även under 10 %', () => {
    const d = decide(studentCase({ attendance: wholeDays(termDays(2, 12, 22, 32, 42), { reason: 'other', guardianReported: true }) }));
    expect(typologyOf(d)).toEqual([['oklar', 'svag']]);
    expect(d.typology.hypotheses[0]?.evidence.map((e) => [e.id, e.value])).toEqual([['absence-occasions', 5]]);
  });

  it('domain §7.2 oklar: en stigande trend räcker, även under 10 % och i ett enda tillfälle', () => {
    // Six days in a row inside the last 20 school days (30 %), none in the 20 before (0 %): rising.
    const d = decide(studentCase({ attendance: wholeDays(termDays(56, 57, 58, 59, 60, 61), { reason: 'other', guardianReported: true }) }));
    expect(d.facts.trend).toBe('rising');
    expect(typologyOf(d)).toEqual([['oklar', 'svag']]);
    expect(d.typology.hypotheses[0]?.evidence.map((e) => [e.id, e.value])).toEqual([['rising-trend', { part: 6 * 300, whole: 20 * 300 }]]);
  });

  it('domain §5.3 oklar: lite frånvaro är inte betydande → ingen typologi', () => {
    const d = decide(studentCase({ attendance: wholeDays(termDays(2, 40), { reason: 'other', guardianReported: true }) }));
    expect(d.typology.hypotheses).toEqual([]);
  });
});
