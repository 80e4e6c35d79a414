import { describe, expect, it } from 'vitest';
import { decide, signalsOf, studentCase, typologyOf } from '../helpers/cases.js';
import { MINUTES, PER_DAY, term, termDays, wholeDays } from './scenarios.js';

// Source: domain.md §6.2, Heyne et al. (2019) fourth type "school exclusion": initiated by the school
// (sends home, asks to stay home, informal suspension); SNACK reasons 12 "school sent child home" and
// 13 "school asked that child stay home"; §7.1 absence category SKOLINITIERAD. Not in Göteborg's list (§4.1).

/** Sent home after the second lesson on two days, recorded as school-initiated (valid). */
const SENT_HOME_DAYS = new Set(termDays(33, 47));
const SENT_HOME = term((date, i) => (SENT_HOME_DAYS.has(date) && i >= 2 ? { valid: MINUTES, reason: 'school-initiated' } : undefined));

describe('typology: skolinitierad frånvaro (domain §6.2 Heyne\'s fourth type, §7.1)', () => {
  it('domain §6.2 skolinitierad: skolan skickar hem utan formellt beslut och registrerar det → skolinitierad stark', () => {
    const d = decide(studentCase({ attendance: SENT_HOME, signals: signalsOf(['school-sent-home']) }));
    expect(typologyOf(d)).toEqual([['skolinitierad', 'stark']]);
    expect(d.typology.hypotheses[0]?.evidence.map((e) => [e.id, e.value])).toEqual([
      ['school-sent-home', true],
      ['school-initiated-minutes', 2 * (PER_DAY - 2) * MINUTES],
    ]);
    expect(d.facts.typologySkolinitierad).toBe('stark');
  });

  it('domain §7.1 skolinitierad: frånvaro registrerad som skolinitierad → skolinitierad måttlig', () => {
    expect(typologyOf(decide(studentCase({ attendance: SENT_HOME })))).toEqual([['skolinitierad', 'mattlig']]);
  });

  it('domain §6.2 skolinitierad: personalens signal ensam → skolinitierad måttlig', () => {
    const d = decide(studentCase({ attendance: wholeDays(termDays(33), { reason: 'other' }), signals: signalsOf(['school-sent-home']) }));
    expect(typologyOf(d)).toEqual([['skolinitierad', 'mattlig']]);
  });

  it('domain §6.2 skolinitierad: samtidigt som skolvägran (typerna kan samexistera)', () => {
    const d = decide(studentCase({ attendance: SENT_HOME, signals: signalsOf(['school-sent-home', 'anxiety-distress']) }));
    expect(typologyOf(d)).toEqual([
      ['skolinitierad', 'stark'],
      ['skolvagran', 'mattlig'],
    ]);
  });

  it('domain §6.2 skolinitierad: ingen frånvaro, ingen typologi — även med signalen', () => {
    const d = decide(studentCase({ attendance: term(), signals: signalsOf(['school-sent-home']) }));
    expect(d.typology.hypotheses).toEqual([]);
  });
});
