/**
 * Issue 11 point 9: the signals staff observe, and where domain.md says they count.
 * - concealment and "at school, not in class" are skolk (§4.1 "usually does not tell the guardians",
 *   "may be at school"; §6.2 Heyne et al.: typically tries to conceal; at school but not in class);
 * - a suspected stay abroad starts a skolpliktsutredning in Göteborg and, beside it, an orosanmälan (§4.3);
 * - guardians who cannot be reached count for föräldrastödd ("little or no effort", §6.2);
 * - a student's or guardians' own request for help is recorded (§7.1), read by no rule yet.
 */
import { describe, expect, it } from 'vitest';
import { decide, lessons, schoolDays, step, stepIds, studentCase, typologyOf } from '../helpers/cases.js';

const AS_OF = '2026-11-23';
const TERM = schoolDays('2026-08-17', AS_OF);
/** One invalid lesson (the first of four) on every school day from 2 November: scattered invalid absence. */
const scattered = lessons(TERM, { perDay: 4, absent: (date, i) => (date >= '2026-11-02' && i === 0 ? { invalid: 60 } : undefined) });

function evidenceIds(d: ReturnType<typeof decide>, type: string): string[] {
  return (d.typology.hypotheses.find((h) => h.type === type)?.evidence ?? []).map((e) => e.id);
}

describe('signals staff observe (issue 11 point 9)', () => {
  it('§4.1, §6.2: concealment and "seen at school, not in class" are evidence for skolk, and make it stronger', () => {
    const plain = decide(studentCase({ attendance: scattered }), 'goteborg');
    const observed = decide(
      studentCase({ attendance: scattered, signals: [{ type: 'concealment', date: '2026-11-10' }, { type: 'seen-at-school-not-in-class', date: '2026-11-12' }] }),
      'goteborg',
    );
    expect(evidenceIds(observed, 'skolk')).toEqual(expect.arrayContaining(['concealment', 'seen-at-school-not-in-class']));
    const rank = ['ingen', 'svag', 'mattlig', 'stark'];
    const skolk = (d: ReturnType<typeof decide>) => rank.indexOf(typologyOf(d).find(([type]) => type === 'skolk')?.[1] ?? 'ingen');
    expect(skolk(observed)).toBeGreaterThan(skolk(plain));
  });

  it('§6.2: guardians who cannot be reached count for föräldrastödd', () => {
    const d = decide(
      studentCase({
        attendance: lessons(TERM, { perDay: 4, absent: (date) => (date >= '2026-11-02' ? { valid: 60, reason: 'sick', guardianReported: true } : undefined) }),
        signals: [{ type: 'guardian-keeps-home', date: '2026-11-05' }, { type: 'guardian-unreachable', date: '2026-11-09' }],
      }),
      'goteborg',
    );
    expect(evidenceIds(d, 'foraldrastodd')).toContain('guardian-unreachable');
  });

  it('§4.3, §2.1: a suspected stay abroad → a skolpliktsutredning in Göteborg within a week, and an orosanmälan', () => {
    const d = decide(
      studentCase({
        student: { school: { municipalityCode: '1480' }, residence: { municipalityCode: '1480' } },
        attendance: lessons(TERM, { perDay: 4, absent: (date) => (date >= '2026-11-16' ? { invalid: 60 } : undefined) }),
        signals: [{ type: 'abroad-suspected', date: '2026-11-18' }],
      }),
      'goteborg',
    );
    expect(step(d, 'skolpliktsutredning')).toMatchObject({ dueDate: '2026-11-23' });
    expect(step(d, 'orosanmalan')).toMatchObject({ kind: 'lagkrav', arisesOn: '2026-11-18', arisesFrom: { kind: 'signal', signal: 'abroad-suspected' } });
  });

  it('§7.1: a request for help from the student or the guardians is accepted and recorded, and recommends nothing by itself', () => {
    const d = decide(
      studentCase({ attendance: lessons(TERM, { perDay: 4 }), signals: [{ type: 'own-request-for-help', date: '2026-11-20' }, { type: 'guardian-requests-help', date: '2026-11-20' }] }),
      'skollagen',
    );
    expect(d.facts.signalOwnRequestForHelp).toBe(true);
    expect(d.facts.signalGuardianRequestsHelp).toBe(true);
    expect(stepIds(d)).toEqual([]);
  });
});
