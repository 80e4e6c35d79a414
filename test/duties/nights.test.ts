/**
 * Issue 10, point 6: an open statutory (`lagkrav`) duty never disappears
 * silently between two nights. `evaluate(case, policy, { asOf, previous })`
 * keeps an open lagkrav step of the earlier night that no measure has closed
 * (`heldOpen`) when its trigger held on the earlier date with tonight's data.
 */
import { describe, expect, it } from 'vitest';
import { lessons, schoolDays, studentCase } from '../helpers/cases.js';
import { findStep, night, stepOf } from './duties.js';

// Every school day of HT2026 the first of four lessons is missed (sick): 25 % absence, "upprepad frånvaro"
// (skollagen.json: over 20 % after ≥ 40 school days, domain.md §1.4 / §5.3). Nothing is recorded after 2026-12-18.
const scattered = studentCase({
  attendance: lessons(schoolDays('2026-08-17', '2026-12-18'), { perDay: 4, absent: (_, i) => (i === 0 ? { valid: 60, reason: 'sick' } : undefined) }),
});
const LAST_DAY_HT = '2026-12-18';
const FIRST_DAY_VT = '2027-01-08';

describe('An open lagkrav duty is held across a term change (issue 10 §6; domain.md §1.4 SL 7 kap. 19 a §, §0.1 law binds every huvudman)', () => {
  it('§1.4 skollagen: the investigation open on the last day of HT2026 is still there, as lagkrav, on the first day of VT2027 (heldOpen)', () => {
    const friday = night(scattered, LAST_DAY_HT, 'skollagen');
    expect(stepOf(friday, 'rektor-utredning').kind).toBe('lagkrav');
    const next = night(scattered, FIRST_DAY_VT, 'skollagen', friday);
    for (const id of ['rektor-utredning', 'eht', 'anmalan-huvudman'] as const) {
      expect(stepOf(next, id), id).toMatchObject({ kind: 'lagkrav', arisesOn: stepOf(friday, id).arisesOn, heldOpen: { verifiedOn: LAST_DAY_HT } });
    }
  });

  it('§1.4 + §0.1 Stockholm: the same open lagkrav investigation stays lagkrav in January, with its SL 7 kap. 19 a § reason — not silently turned into the city\'s riktlinje', () => {
    const friday = night(scattered, LAST_DAY_HT, 'stockholm');
    expect(stepOf(friday, 'rektor-utredning').kind).toBe('lagkrav');
    const next = night(scattered, FIRST_DAY_VT, 'stockholm', friday);
    for (const id of ['rektor-utredning', 'eht', 'anmalan-huvudman'] as const) {
      const s = stepOf(next, id);
      expect(s.kind, id).toBe('lagkrav');
      expect(s.reasons.some((r) => r.kind === 'lagkrav'), id).toBe(true);
    }
  });

  it('§1.4: without the previous night nothing is held (the term facts of VT2027 are empty): skollagen recommends no investigation on 2027-01-08', () => {
    expect(findStep(night(scattered, FIRST_DAY_VT, 'skollagen'), 'rektor-utredning')).toBeUndefined();
  });

  it('§1.4: a measure dated on or after the day the duty arose closes a held duty ("done")', () => {
    const friday = night(scattered, LAST_DAY_HT, 'skollagen');
    const arisesOn = stepOf(friday, 'rektor-utredning').arisesOn;
    const withMeasure = { ...scattered, measures: [{ step: 'rektor-utredning' as const, date: '2027-01-08', outcome: 'started' as const }] };
    const next = night(withMeasure, FIRST_DAY_VT, 'skollagen', friday);
    expect(findStep(next, 'rektor-utredning')).toBeUndefined();
    expect(arisesOn <= '2027-01-08').toBe(true);
  });
});

describe('Orosanmälan between two nights (issue 10 §3, §6; domain.md §2.1 genast)', () => {
  const harm = studentCase({ attendance: lessons(schoolDays('2026-11-16', '2026-11-23')), signals: [{ type: 'harm-suspected', date: '2026-11-20' }] });

  it('§2.1: recommended on Friday (the signal\'s day), overdue on Monday with the same dates, with Friday as the previous night', () => {
    const friday = night(harm, '2026-11-20');
    expect(stepOf(friday, 'orosanmalan')).toMatchObject({ arisesOn: '2026-11-20', dueDate: '2026-11-20', status: 'recommended' });
    const monday = night(harm, '2026-11-23', 'skollagen', friday);
    expect(stepOf(monday, 'orosanmalan')).toMatchObject({ arisesOn: '2026-11-20', dueDate: '2026-11-20', status: 'overdue' });
  });

  it('§2.1: a report recorded on the Saturday closes it by Monday', () => {
    const friday = night(harm, '2026-11-20');
    const reported = { ...harm, measures: [{ step: 'orosanmalan' as const, date: '2026-11-21' }] };
    expect(findStep(night(reported, '2026-11-23', 'skollagen', friday), 'orosanmalan')).toBeUndefined();
  });
});
