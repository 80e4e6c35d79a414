/**
 * Versions in force. Expected values come from domain.md, not from the code:
 * - §2.5, §1.9: öppna insatser on the child's own consent from 12 since
 *   2023-07-01 (15 before), SoL 3 kap. 6 a § (prop. 2022/23:64);
 * - §1.9, key takeaway 10: SoL (2001:453) until 2025-06-30, SoL (2025:400)
 *   from 2025-07-01.
 * And the general invariant: the rule version a decision uses is the one
 * whose effective range contains asOf.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicy, evaluate, loadPolicy, parseStudentCase, type Decision, type StudentCase } from '../../src/index.js';
import { consentRequest, decide, step, studentCase, type CaseOverrides } from '../helpers/cases.js';
import { policyJson, ruleJson } from '../helpers/policyFiles.js';

/** 13 years old on every date tested in 2023 (born 2010-03-01). */
function sipCase(signalDate: string, overrides: CaseOverrides = {}) {
  return studentCase({
    student: { birthDate: '2010-03-01', grade: 7 },
    signals: [
      { type: 'needs-health-and-social-care', date: signalDate },
      { type: 'harm-suspected', date: signalDate },
    ],
    consents: { sip: { guardians: 'refused', student: 'given' } },
    ...overrides,
  });
}

describe('the child-consent age for öppna insatser (dated parameter)', () => {
  it.each([
    ['2023-06-30', 15, false],
    ['2023-07-01', 12, true],
  ] as const)('on %s the age in force is %i; a 13-year-old may consent alone: %s', (asOf, age, may) => {
    const d = decide(sipCase('2023-06-01'), 'skollagen', asOf);
    expect(d.facts.childConsentAgeOppnaInsatser).toBe(age);
    expect(d.facts.childMayConsentToOppnaInsatser).toBe(may);
  });

  it('shows the child’s own route on the blocked SIP step, with the age in force and its basis', () => {
    const before = step(decide(sipCase('2023-06-01'), 'skollagen', '2023-06-30'), 'sip');
    const after = step(decide(sipCase('2023-06-01'), 'skollagen', '2023-07-01'), 'sip');
    expect(before.status).toBe('blocked');
    expect(after.status).toBe('blocked'); // the route is socialtjänstens decision; the SIP itself still needs consent
    expect(before.consent.required && before.consent.childConsentPath).toMatchObject({ available: false, ageYears: 13, minimumAge: 15, inForceFrom: null });
    expect(after.consent.required && after.consent.childConsentPath).toMatchObject({ available: true, ageYears: 13, minimumAge: 12, inForceFrom: '2023-07-01' });
    const citation = (s: typeof after) => (s.consent.required ? s.consent.childConsentPath?.basis.citation : undefined);
    expect(citation(before)).toMatch(/^SoL \(2001:453\) 3 kap\. 6 a §/);
    expect(citation(after)).toMatch(/^SoL \(2001:453\) 3 kap\. 6 a §/);
    expect(citation(step(decide(sipCase('2025-06-01'), 'skollagen', '2025-07-01'), 'sip'))).toMatch(/^SoL \(2025:400\)/);
  });

  it('adds no route when the guardians have not refused, the child does not consent, or the child is 18', () => {
    const noRefusal = sipCase('2023-06-01', { consents: { sip: { guardians: 'not-asked', student: 'given' } } });
    const childSaysNo = sipCase('2023-06-01', { consents: { sip: { guardians: 'refused', student: 'refused' } } });
    for (const input of [noRefusal, childSaysNo]) {
      const s = step(decide(input, 'skollagen', '2023-07-01'), 'sip');
      expect(s.consent.required && 'childConsentPath' in s.consent).toBe(false);
    }
    const adult = decide(sipCase('2023-06-01', { student: { birthDate: '2005-01-01', schoolForm: 'gymnasieskola', grade: 3 } }), 'skollagen', '2023-07-01');
    const s = step(adult, 'sip');
    expect(s.consent.required && 'childConsentPath' in s.consent).toBe(false);
  });

  it('the samtycke request for the step carries the same route', () => {
    const d = decide(sipCase('2023-06-01'), 'skollagen', '2023-07-01');
    const request = consentRequest(d, 'sip');
    expect(request?.consent.required && request.consent.childConsentPath?.available).toBe(true);
  });

  it('property: the age is 15 before 2023-07-01 and 12 from then, for any date', () => {
    const base = parseStudentCase(sipCase('2000-01-01'));
    if (!base.ok) throw new Error('fixture');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const asOf = date.toISOString().slice(0, 10);
        const d = evaluate(base.case, builtinPolicy('skollagen'), { asOf });
        expect(d.facts.childConsentAgeOppnaInsatser).toBe(asOf < '2023-07-01' ? 15 : 12);
      }),
      { numRuns: 60 },
    );
  });
});

describe('SoL citations by date', () => {
  // Issue 11 point 1 added a second orosanmälan rule per law version ("pröva orosanmälan" for caregiving, a parent's
  // own problems, neglect, crime or drugs), split on the same date: both of the law in force, none of the other.
  it.each([
    ['2025-06-30', 'SoL (2001:453)', 'sol-2001-14-1-orosanmalan@1', 'sol-2001-14-1-prova-orosanmalan@2'],
    ['2025-07-01', 'SoL (2025:400)', 'sol-2025-orosanmalan@1', 'sol-2025-prova-orosanmalan@2'],
  ] as const)('on %s orosanmälan cites %s, and the decision lists %s (and %s) in force', (asOf, law, label, prova) => {
    const d = decide(sipCase('2025-06-01'), 'skollagen', asOf);
    const reasons = step(d, 'orosanmalan').reasons;
    expect(reasons.map((r) => r.basis.citation.slice(0, law.length))).toEqual([law]);
    expect(step(d, 'sip').reasons.every((r) => r.basis.citation.startsWith(law))).toBe(true);
    expect(d.policy.rulesInForce).toContain(label);
    expect(d.policy.rulesInForce.filter((l) => l.includes('orosanmalan'))).toEqual([label, prova]);
  });
});

describe('Decision.policy records what a reviewer needs to reproduce the decision', () => {
  it('lists id@version of every rule in force on asOf, in policy order, and the calendar hash', () => {
    const d: Decision = decide(sipCase('2025-06-01'), 'stockholm', '2026-11-23');
    const policy = builtinPolicy('stockholm');
    const expected = policy.rules.filter((r) => r.effectiveFrom <= '2026-11-23' && (r.effectiveTo === undefined || '2026-11-23' <= r.effectiveTo));
    expect(d.policy.rulesInForce).toEqual(expected.map((r) => `${r.id}@${r.version}`));
    expect(d.policy.rulesInForce).not.toContain('sol-2001-14-1-orosanmalan@1');
    expect(d.policy.calendarHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a different calendar gives a different calendar hash', () => {
    const parsed = parseStudentCase(sipCase('2026-11-01'));
    if (!parsed.ok) throw new Error('fixture');
    const calendar = { terms: [{ id: 'HT2026', start: '2026-08-20', end: '2026-12-18' }], breaks: [] };
    const a = evaluate(parsed.case, builtinPolicy('stockholm'), { asOf: '2026-11-23' });
    const b = evaluate(parsed.case, builtinPolicy('stockholm'), { asOf: '2026-11-23', calendar });
    expect(a.policy.calendarHash).not.toBe(b.policy.calendarHash);
  });
});

describe('property: the rule version used is the one whose range contains asOf', () => {
  /** Split points (sorted, distinct) cut 2015-01-01 … open end into consecutive versions 1, 2, 3 …; some leave a gap. */
  const versionsArb = fc
    .uniqueArray(fc.integer({ min: 1, max: 20 * 365 }), { minLength: 0, maxLength: 4 })
    .chain((cuts) => fc.tuple(fc.constant([...cuts].sort((a, b) => a - b)), fc.array(fc.boolean(), { minLength: cuts.length, maxLength: cuts.length })));
  const day = (n: number) => new Date(Date.UTC(2015, 0, 1 + n)).toISOString().slice(0, 10);

  it('holds for random version splits and dates', () => {
    const parsed = parseStudentCase(studentCase({ student: { birthDate: '2010-03-01' } }));
    if (!parsed.ok) throw new Error('fixture');
    const input: StudentCase = parsed.case;
    fc.assert(
      fc.property(versionsArb, fc.integer({ min: -100, max: 21 * 365 }), ([cuts, gaps], asOfDay) => {
        // version k is in force from start_k to the day before start_{k+1} (minus one more day when it leaves a gap)
        const starts = [0, ...cuts];
        const rules = starts.map((start, k) => {
          const next = starts[k + 1];
          const to = next === undefined ? {} : { effectiveTo: day(next - 1 - (gaps[k] === true && next - 1 > start ? 1 : 0)) };
          return ruleJson({ all: [{ fact: 'ageYears', operator: 'greaterThanInclusive', value: 0 }] }, { id: 'versionerad', version: k + 1, effectiveFrom: day(start), ...to });
        });
        const policy = loadPolicy(policyJson(rules));
        const asOf = day(asOfDay);
        const d = evaluate(input, policy, { asOf });
        const containing = rules.filter((r) => (r.effectiveFrom as string) <= asOf && (r.effectiveTo === undefined || asOf <= (r.effectiveTo as string)));
        expect(containing.length).toBeLessThanOrEqual(1);
        const used = d.steps.flatMap((s) => s.reasons).filter((r) => r.ruleId === 'versionerad').map((r) => r.ruleVersion);
        expect(used).toEqual(containing.map((r) => r.version));
        expect(d.policy.rulesInForce).toEqual(containing.map((r) => `versionerad@${r.version as number}`));
      }),
      { numRuns: 150 },
    );
  });
});

describe('text output and loading', () => {
  it('the text output says the route under the blocked step, with the age in force and the citation', async () => {
    const { formatDecision } = await import('../../src/report/decisionText.js');
    const text = formatDecision(decide(sipCase('2023-06-01'), 'skollagen', '2023-07-01'), 'sv');
    expect(text).toContain('socialnämnden kan besluta om öppna insatser på barnets eget samtycke (13 år, gräns 12 år från 2023-07-01; SoL (2001:453) 3 kap. 6 a § <https://lagen.nu/2001:453#K3P6a>)');
    const before = formatDecision(decide(sipCase('2023-06-01'), 'skollagen', '2023-06-30'), 'en');
    expect(before).toContain('the child (age 13) cannot yet consent alone to open support (threshold 15;');
  });

  it('loadPolicy accepts versions of one id that follow each other and refuses overlapping ones', () => {
    const v1 = ruleJson({ all: [{ fact: 'grade', operator: 'greaterThan', value: 3 }] }, { effectiveTo: '2026-12-31' });
    const v2 = ruleJson({ all: [{ fact: 'grade', operator: 'greaterThan', value: 4 }] }, { version: 2, effectiveFrom: '2027-01-01' });
    expect(loadPolicy(policyJson([v1, v2])).rules.map((r) => `${r.id}@${r.version}`)).toEqual(['r-one@1', 'r-one@2']);
    expect(() => loadPolicy(policyJson([v1, { ...v2, effectiveFrom: '2026-12-31' }]))).toThrow(
      'rules[1].effectiveFrom: version 2 of rule "r-one" and version 1 (rules[0]) are both in force on 2026-12-31',
    );
  });
});
