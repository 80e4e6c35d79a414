import { describe, expect, it } from 'vitest';
import { decide, signalsOf, studentCase, typologyOf } from '../helpers/cases.js';
import { singleLessons, termDays, wholeDays } from './scenarios.js';

// Source: domain.md §4.1 (SEED-3 avsnitt 3) "Föräldrastödd frånvaro: Frånvaro relaterad till
// vårdnadshavares behov, försummelse eller bristande förmåga att stödja skolgången. Eleven är hemma för
// att ge praktiskt eller känslomässigt stöd till vårdnadshavare (t.ex. missbruk, psykiska eller fysiska
// besvär)." and §6.2 (parents know; little or no effort or keep the child home; often reported as
// sick), §7.5 ("sick" must be overridable by evidence).

const AT_HOME = wholeDays(termDays(30, 31, 32, 40, 41, 50, 51, 52, 60, 61), { reason: 'other', guardianReported: true });

describe('typology: föräldrastödd frånvaro (domain §4.1, §6.2, §7.5)', () => {
  it('domain §4.1 föräldrastödd: hemma som stöd till en vårdnadshavare med egen problematik, hålls hemma → föräldrastödd stark', () => {
    const d = decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['caregiving-at-home', 'guardian-own-problems', 'guardian-keeps-home']) }));
    // 2 (keeps home) + 2 (caregiving) + 1 (guardian's own problems) = 5.
    expect(typologyOf(d)).toEqual([['foraldrastodd', 'stark']]);
    expect(d.typology.hypotheses[0]?.evidence.map((e) => e.id)).toEqual(['guardian-keeps-home', 'caregiving-at-home', 'guardian-own-problems']);
    expect(d.facts.typologyForaldrastodd).toBe('stark');
  });

  it('domain §4.1 föräldrastödd: omsorg om vårdnadshavare med missbruk eller ohälsa → föräldrastödd måttlig', () => {
    const d = decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['caregiving-at-home', 'guardian-own-problems']) }));
    expect(typologyOf(d)).toEqual([['foraldrastodd', 'mattlig']]);
  });

  it('domain §6.2/§7.5 föräldrastödd: "sjuk" en dag i taget, mest måndagar och fredagar → föräldrastödd måttlig, skolvägran svag', () => {
    // Four separate sick days (Mondays and Fridays), each between days present: 4 one-day episodes, 4 of 4 on Mon/Fri.
    const days = termDays(5, 14, 25, 39);
    expect(days).toEqual(['2026-08-24', '2026-09-04', '2026-09-21', '2026-10-09']); // Mon, Fri, Mon, Fri
    const d = decide(studentCase({ attendance: wholeDays(days, { reason: 'sick', guardianReported: true }) }));
    expect(typologyOf(d)).toEqual([
      ['foraldrastodd', 'mattlig'],
      ['skolvagran', 'svag'],
    ]);
    const h = d.typology.hypotheses[0];
    expect(h?.evidence.map((e) => [e.id, e.value])).toEqual([
      ['one-day-sick-episodes', 4],
      ['sick-monday-friday', { part: 4, whole: 4 }],
    ]);
  });

  it('domain §7.2/§7.5 föräldrastödd: en sammanhängande sjukperiod är ett medicinskt mönster, ingen typ', () => {
    const d = decide(studentCase({ attendance: wholeDays(termDays(20, 21, 22, 23, 24), { reason: 'sick', guardianReported: true }) }));
    // 5 of 66 days (7.6 %), one occasion: not notable either.
    expect(d.typology.hypotheses).toEqual([]);
  });

  it('domain §6.2 föräldrastödd: vårdnadshavare som försöker talar emot (rimliga ansträngningar)', () => {
    const d = decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['caregiving-at-home', 'guardian-own-problems', 'guardians-trying']) }));
    // föräldrastödd 2 + 1 − 2 = 1; skolvägran 2 (trying).
    expect(typologyOf(d)).toEqual([
      ['skolvagran', 'mattlig'],
      ['foraldrastodd', 'svag'],
    ]);
    expect(d.typology.hypotheses[1]?.explanation.en).toBe(
      "For: the child is caregiving at home, guardian's own problems (substance use, mental or physical illness). Against: guardians trying to get the child to school.",
    );
  });

  it('domain §6.2 föräldrastödd: utesluten när vårdnadshavarna inte känner till frånvaron', () => {
    const d = decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['caregiving-at-home', 'guardian-keeps-home', 'guardians-unaware']) }));
    expect(d.typology.hypotheses.some((h) => h.type === 'foraldrastodd')).toBe(false);
    expect(d.facts.typologyForaldrastodd).toBe('ingen');
  });

  it('domain §4.1/§6.2 föräldrastödd: vårdnadshavare ovetande och bara enstaka ogiltiga lektioner → aldrig föräldrastödd', () => {
    const d = decide(
      studentCase({ attendance: singleLessons(termDays(5, 15, 25, 35, 45), 1), signals: signalsOf(['guardians-unaware', 'caregiving-at-home', 'guardian-own-problems']) }),
    );
    expect(typologyOf(d)).toEqual([['skolk', 'stark']]);
  });
});
