import { describe, expect, it } from 'vitest';
import { decide, signalsOf, studentCase, typologyOf } from '../helpers/cases.js';
import { termDays, wholeDays } from './scenarios.js';

// Source: domain.md §4.1 (SEED-3 avsnitt 3) "Skolvägran: frånvaro relaterad till att eleven känner
// stort obehag inför något som rör skolan. Försöker inte dölja frånvaron för vårdnadshavarna och det
// finns ofta koppling till ångestproblematik och neuropsykiatriska funktionsnedsättningar.
// Vårdnadshavarna försöker/har försökt få barnet till skolan." and §6.2 (emotional distress; no
// concealment; at home with the parents' knowledge; no severe antisocial behaviour; parents' efforts).

/** Ten whole days at home, reported by the guardians as "other": 10 of 66 days, 15 %. */
const AT_HOME = wholeDays(termDays(30, 31, 32, 40, 41, 50, 51, 52, 60, 61), { reason: 'other', guardianReported: true });

describe('typology: skolvägran (domain §4.1, §6.2)', () => {
  it('domain §4.1 skolvägran: starkt obehag, vårdnadshavarna försöker → skolvägran stark', () => {
    const d = decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['anxiety-distress', 'guardians-trying']) }));
    // Guardians trying counts against föräldrastödd (2 − 2 = 0 with no other evidence): only skolvägran.
    expect(typologyOf(d)).toEqual([['skolvagran', 'stark']]);
    expect(d.typology.hypotheses[0]?.evidence.map((e) => [e.source, e.id])).toEqual([
      ['signal', 'anxiety-distress'],
      ['signal', 'guardians-trying'],
    ]);
    expect(d.facts.typologySkolvagran).toBe('stark');
    expect(d.facts.typologyForaldrastodd).toBe('ingen');
  });

  it('domain §4.1 skolvägran: ångest eller obehag ensamt → skolvägran måttlig', () => {
    expect(typologyOf(decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['anxiety-distress']) })))).toEqual([['skolvagran', 'mattlig']]);
  });

  it('domain §4.1 skolvägran: obehag med NPF och endagars sjukfrånvaro är ett kriterium → måttlig, inte stark', () => {
    // 2 + 1 + 1 = 4, one named criterion. Four separate one-day sick absences (§6.2 somatic complaints reported as sick).
    const d = decide(
      studentCase({ attendance: wholeDays(termDays(6, 16, 26, 36), { reason: 'sick', guardianReported: true }), signals: signalsOf(['anxiety-distress', 'neurodevelopmental-condition']) }),
    );
    expect(typologyOf(d)[0]).toEqual(['skolvagran', 'mattlig']);
    expect(d.typology.hypotheses[0]?.evidence.map((e) => e.id)).toEqual(['anxiety-distress', 'neurodevelopmental-condition', 'one-day-sick-episodes']);
  });

  it('domain §4.1 skolvägran: NPF är en följeslagare (+1) → skolvägran svag', () => {
    expect(typologyOf(decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['neurodevelopmental-condition']) })))).toEqual([
      ['skolvagran', 'svag'],
    ]);
  });

  it('domain §6.2 skolvägran: normbrytande beteende talar emot (inget allvarligt antisocialt beteende)', () => {
    const d = decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['anxiety-distress', 'normbrytande']) }));
    expect(typologyOf(d)).toEqual([['skolvagran', 'svag']]);
    expect(d.typology.hypotheses[0]?.evidence.at(-1)).toMatchObject({ id: 'normbrytande', direction: 'contradicts', weight: 1 });
  });

  it('domain §4.1 skolvägran: "försöker inte dölja frånvaron" — vårdnadshavare ovetande tar ut obehaget → oklar', () => {
    const d = decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['anxiety-distress', 'guardians-unaware']) }));
    // skolvägran 2 − 2 = 0; föräldrastödd excluded; skolk needs invalid absence. The absence is notable (15 %).
    expect(typologyOf(d)).toEqual([['oklar', 'svag']]);
  });

  it('domain §6.2 skolvägran: vårdnadshavaren håller barnet hemma → föräldrastödd, inte skolvägran', () => {
    const d = decide(studentCase({ attendance: AT_HOME, signals: signalsOf(['anxiety-distress', 'guardian-keeps-home']) }));
    expect(typologyOf(d)).toEqual([['foraldrastodd', 'mattlig']]);
  });
});
