import { describe, expect, it } from 'vitest';
import { decide, signalsOf, studentCase, typologyOf } from '../helpers/cases.js';
import { MINUTES, singleLessons, term, termDays, wholeDays } from './scenarios.js';

// Source: domain.md §4.1 (SEED-3 avsnitt 3) "Skolk: ogiltig ströfrånvaro. Eleven är borta från
// lektioner men kan vara i skolan. Berättar oftast inte för vårdnadshavarna om frånvaron." and §6.2
// (conceals; without permission; whole or part of day; often conduct problems, not a criterion).

const SIX_DAYS = termDays(3, 12, 21, 30, 45, 60);

describe('typology: skolk (domain §4.1, §6.2)', () => {
  it('domain §4.1/§6.2 skolk: ogiltig ströfrånvaro, vårdnadshavare ovetande → skolk stark', () => {
    // The last lesson of the day skipped on six days; nobody reported it; staff recorded that the guardians do not know.
    const d = decide(studentCase({ attendance: singleLessons(SIX_DAYS, 5), signals: signalsOf(['guardians-unaware']) }));
    expect(typologyOf(d)).toEqual([['skolk', 'stark']]);
    const [h] = d.typology.hypotheses;
    // 2 (ströfrånvaro) + 2 (ovetande) + 1 (not reported) + 1 (last lesson of the day) = 6 ≥ 4.
    expect(h?.evidence.map((e) => [e.id, e.direction, e.weight])).toEqual([
      ['scattered-invalid-lessons', 'supports', 2],
      ['guardians-unaware', 'supports', 2],
      ['guardian-reported-invalid', 'supports', 1],
      ['first-last-lesson', 'supports', 1],
    ]);
    expect(h?.evidence[0]?.value).toBe(6);
    expect(h?.evidence[2]?.value).toEqual({ part: 0, whole: 300 });
    expect(h?.evidence[3]?.value).toEqual({ part: 6, whole: 6 });
    expect(h?.explanation.sv).toContain('ogiltig ströfrånvaro (6 lektioner på närvarodagar)');
    expect(h?.explanation.en).toContain('guardians unaware of the absence');
    expect(d.facts.typologySkolk).toBe('stark');
  });

  it('domain §4.1 skolk: ströfrånvaro mitt på dagen, ingen signal → skolk måttlig', () => {
    // Third lesson on four days: 2 (ströfrånvaro) + 1 (not reported) = 3. Mid-day lessons are not first or last.
    const d = decide(studentCase({ attendance: singleLessons(termDays(5, 15, 25, 35), 2) }));
    expect(typologyOf(d)).toEqual([['skolk', 'mattlig']]);
    expect(d.typology.hypotheses[0]?.evidence.map((e) => e.id)).toEqual(['scattered-invalid-lessons', 'guardian-reported-invalid']);
  });

  it('domain §4.1 skolk: en enstaka ogiltig lektion är ingen typ', () => {
    const d = decide(studentCase({ attendance: singleLessons(termDays(10), 2) }));
    expect(d.typology.hypotheses).toEqual([]);
    expect(d.facts.typologySkolk).toBe('ingen');
  });

  it('domain §4.1 skolk: en enstaka ogiltig lektion som vårdnadshavarna inte känner till → skolk måttlig', () => {
    const d = decide(studentCase({ attendance: singleLessons(termDays(10), 2), signals: signalsOf(['guardians-unaware']) }));
    expect(typologyOf(d)).toEqual([['skolk', 'mattlig']]);
  });

  it('domain §6.2 skolk: hela dagar utan tillstånd, vårdnadshavare ovetande → skolk stark', () => {
    // 2 (ovetande) + 2 (repeated whole days without permission: the invalid pattern) + 1 (not reported) = 5.
    const d = decide(studentCase({ attendance: wholeDays(termDays(20, 40, 50), { invalid: true }), signals: signalsOf(['guardians-unaware']) }));
    expect(typologyOf(d)).toEqual([['skolk', 'stark']]);
    expect(d.typology.hypotheses[0]?.evidence.find((e) => e.id === 'invalid-whole-days')).toMatchObject({ value: 3, weight: 2 });
  });

  it('domain §6.2 skolk: normbrytande beteende är en följeslagare, inget kriterium (+1) — stark kräver två kriterier', () => {
    // 2 (ströfrånvaro) + 1 (not reported) + 1 (normbrytande) = 4, but only one named criterion: måttlig.
    const d = decide(studentCase({ attendance: singleLessons(termDays(5, 15, 25, 35), 2), signals: signalsOf(['normbrytande']) }));
    expect(typologyOf(d)).toEqual([['skolk', 'mattlig']]);
    expect(d.typology.hypotheses[0]?.evidence.at(-1)).toMatchObject({ id: 'normbrytande', direction: 'supports', weight: 1 });
  });

  it('domain §6.2 skolk: ströfrånvaro, hela dagar och första/sista lektionen utan signal → fortfarande bara måttlig', () => {
    // One named criterion (the invalid pattern counts once) however many associated features come with it.
    const scattered = new Set(termDays(5, 15, 25, 35));
    const whole = new Set(termDays(20, 40));
    const d = decide(
      studentCase({ attendance: term((date, i) => (whole.has(date) || (scattered.has(date) && i === 0) ? { invalid: MINUTES } : undefined)) }),
    );
    expect(typologyOf(d)).toEqual([['skolk', 'mattlig']]);
    expect(d.typology.hypotheses[0]?.evidence.map((e) => [e.id, e.weight])).toEqual([
      ['scattered-invalid-lessons', 2],
      ['invalid-whole-days', 1],
      ['guardian-reported-invalid', 1],
      ['first-last-lesson', 1],
    ]);
  });

  it('domain §6.2 skolk: en enstaka ogiltig heldag utan signal → skolk svag', () => {
    expect(typologyOf(decide(studentCase({ attendance: wholeDays(termDays(20), { invalid: true }) })))).toEqual([['skolk', 'svag']]);
  });

  it('domain §6.2 skolk: vårdnadshavaren håller barnet hemma talar emot skolk (föräldrarnas initiativ)', () => {
    const d = decide(studentCase({ attendance: singleLessons(termDays(5, 15, 25, 35), 2), signals: signalsOf(['guardian-keeps-home']) }));
    // skolk 3 − 2 = 1; föräldrastödd 2.
    expect(typologyOf(d)).toEqual([
      ['foraldrastodd', 'mattlig'],
      ['skolk', 'svag'],
    ]);
    const skolk = d.typology.hypotheses.find((h) => h.type === 'skolk');
    expect(skolk?.evidence.at(-1)).toMatchObject({ id: 'guardian-keeps-home', direction: 'contradicts', weight: 2 });
    expect(skolk?.explanation.sv).toContain('Talar emot: vårdnadshavare håller barnet hemma');
  });

  it('domain §6.2 skolk: frånvaro som vårdnadshavarna själva anmält talar emot (de vet om den)', () => {
    const d = decide(studentCase({ attendance: singleLessons(termDays(5, 15, 25, 35), 2, { guardianReported: true }) }));
    // 2 (ströfrånvaro) − 1 (guardians reported all of it) = 1.
    expect(typologyOf(d)).toEqual([['skolk', 'svag']]);
    expect(d.typology.hypotheses[0]?.evidence.at(-1)).toMatchObject({
      id: 'guardian-reported-invalid',
      direction: 'contradicts',
      value: { part: 200, whole: 200 },
    });
  });

  it('domain §6.2 skolk: utan ogiltig frånvaro aldrig skolk, inte ens med vårdnadshavare ovetande', () => {
    const d = decide(studentCase({ attendance: wholeDays(termDays(20, 40), { reason: 'sick' }), signals: signalsOf(['guardians-unaware', 'normbrytande']) }));
    expect(d.typology.hypotheses.some((h) => h.type === 'skolk')).toBe(false);
  });
});
