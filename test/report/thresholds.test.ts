/**
 * Issue 16: a plot's threshold lines are read from the policy its decision names, not from the
 * why-not evidence a compact decisions file leaves out. The same night written compact and full
 * draws the same lines; the lines are the policy's own numbers (../shared/domain.md §2: Stockholm's
 * "över 20 procent" on city schools; §7: SL 15:15 for gymnasium students).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicy, BUILTIN_POLICY_IDS, evaluate, loadPolicy, resolveBuiltinPolicy, type Decision } from '../../src/index.js';
import { FACT_CATALOG } from '../../src/model/factCatalog.js';
import { builtinPolicySource } from '../../src/policy/builtinPolicies.js';
import type { DecisionRecord } from '../../src/report/compactDecision.js';
import { decisionJson } from '../../src/report/decisionOutput.js';
import { resolveReportPolicy } from '../../src/report/reportPolicy.js';
import { renderSchoolReport, renderSchoolReports } from '../../src/report/schoolReport.js';
import { rateThresholds } from '../../src/report/thresholds.js';
import { arbitraryCase } from '../../src/testing/arbitraries/index.js';
import { decide, lessons, schoolDays, studentCase } from '../helpers/cases.js';
import { parsed, twoNights } from '../helpers/twoNights.js';

const AS_OF = '2026-11-23';
const TERM = schoolDays('2026-08-17', AS_OF);

/** A decision as a decisions file holds it, read back: compact (the default) or full. */
const written = (d: Decision, form: 'compact' | 'full'): DecisionRecord => JSON.parse(decisionJson(d, form)) as DecisionRecord;

/** The threshold lines of every plot of a report: their height and their text, in order. */
const thresholdLines = (html: string): string[] => [...html.matchAll(/<line class="threshold"[^>]*y1="([\d.]+)"[^>]*><title>([^<]*)<\/title>/g)].map((m) => `${m[1]} ${m[2]}`);

/** The same decision written compact and full: the same thresholds, the same report byte for byte. */
function expectSameLines(d: Decision): void {
  const compact = written(d, 'compact');
  const full = written(d, 'full');
  expect('notRecommended' in compact).toBe(false);
  const policy = resolveReportPolicy(compact.policy);
  expect(policy?.hash, 'a bundled policy is found by its id and hash').toBe(d.policy.hash);
  expect(rateThresholds(compact, policy)).toEqual(rateThresholds(full, resolveReportPolicy(full.policy)));
  const [fromCompact] = renderSchoolReports([compact], { students: 'all' });
  const [fromFull] = renderSchoolReports([full], { students: 'all' });
  expect(fromCompact?.html).toBe(fromFull?.html);
}

describe('thresholds from the policy: a compact decisions file draws what a full one draws', () => {
  it('one night, any case and bundled policy (property)', () => {
    fc.assert(
      fc.property(arbitraryCase(), fc.constantFrom(...BUILTIN_POLICY_IDS), (input, policyId) => {
        expectSameLines(evaluate(parsed(input), builtinPolicy(policyId), { asOf: AS_OF }));
      }),
      { numRuns: 40 },
    );
  });

  it('the next night, with duties held open from the first (property)', () => {
    fc.assert(
      fc.property(twoNights, ({ night1, night2, policy, first, second }) => {
        const one = evaluate(first, policy, { asOf: night1 });
        expectSameLines(one);
        expectSameLines(evaluate(second, policy, { asOf: night2, previous: { asOf: night1, steps: one.steps } }));
      }),
      { numRuns: 25 },
    );
  });

  it('a student whose evidence names no rate (no absence, no steps) still gets every line of the policy', () => {
    const d = written(decide(studentCase({ attendance: lessons(TERM, { perDay: 5 }) }), 'stockholm', AS_OF), 'compact');
    expect(d.steps).toEqual([]);
    expect(rateThresholds(d)).toEqual([{ percent: 20, operator: 'rateAbove', facts: ['termAbsence'] }]); // without the policy: the old fallback only
    expect(rateThresholds(d, resolveReportPolicy(d.policy)).map((t) => t.percent)).toEqual([5, 10, 20]);
  });
});

describe("the policy's own numbers (domain)", () => {
  const student = (overrides: Parameters<typeof studentCase>[0] = {}) =>
    written(decide(studentCase({ ...overrides, attendance: lessons(TERM, { perDay: 5 }) }), 'stockholm', AS_OF), 'compact');

  it('Stockholm\'s "över 20 procent": a dashed line at the 20 % grid line, "över" (not "minst"), for the absence beyond a short illness', () => {
    const d = student();
    const html = renderSchoolReport('skola-1', [d], { students: 'all' });
    const lines = thresholdLines(html);
    const twenty = lines.find((l) => l.split(' ')[1] === 'över' && l.includes(' 20 % ('));
    expect(twenty, lines.join('\n')).toBeDefined();
    expect(twenty).toContain(FACT_CATALOG.termAbsenceBeyondShortIllness.sv);
    // Drawn at the height of the axis's "20 %" tick (whose text sits 4 px below its grid line).
    const plot = html.slice(html.indexOf('<svg class="plot"', html.indexOf('id="elev-')));
    const tick = /<text x="40" y="([\d.]+)" text-anchor="end" class="tick">20 %<\/text>/.exec(plot);
    expect(tick).not.toBeNull();
    expect(Number(twenty?.split(' ')[0])).toBeCloseTo(Number(tick?.[1]) - 4, 5);
    expect(plot).toContain('>&gt; 20 %</text>');
  });

  it('a fristående school in Stockholm: no city lines (the 5 % mentor rule, the 20 % beyond short illness), the law\'s 10 and 20 % stay', () => {
    const t = rateThresholds(student({ student: { school: { huvudman: 'fristaende' } } }), builtinPolicy('stockholm'));
    expect(t).toEqual([
      { percent: 10, operator: 'rateAbove', facts: ['termAbsence'] },
      { percent: 20, operator: 'rateAbove', facts: ['termAbsence'] },
    ]);
  });

  it('SL 15:15 (over 10 % invalid absence, report to the hemkommun) is drawn for a gymnasium student from another kommun, not for a grundskola student', () => {
    const elsewhere = { residence: { municipalityCode: '0182' } };
    const gymnasium = student({ student: { ...elsewhere, schoolForm: 'gymnasieskola', grade: 2, birthDate: '2009-05-01' } });
    const grundskola = student({ student: elsewhere });
    const tenOf = (d: DecisionRecord) => rateThresholds(d, builtinPolicy('stockholm')).find((t) => t.percent === 10)?.facts;
    expect(tenOf(gymnasium)).toContain('termInvalidAbsence');
    expect(tenOf(grundskola)).not.toContain('termInvalidAbsence');
  });
});

describe('a policy the report does not have', () => {
  /** Stockholm's policy under another id, the mentor rule's 5 % made 7 %. */
  const custom = (() => {
    const source = JSON.parse(JSON.stringify(builtinPolicySource('stockholm'))) as { id: string; rules: Array<{ id: string; conditions: unknown }> };
    source.id = 'min-stad';
    const mentor = source.rules.find((r) => r.id === 'sthlm-mentor-kontakt');
    mentor!.conditions = JSON.parse(JSON.stringify(mentor!.conditions).replace('"value":5}', '"value":7}'));
    return loadPolicy(source, resolveBuiltinPolicy);
  })();
  const decisions = ['e1', 'e2', 'e3'].map((id) =>
    written(evaluate(parsed(studentCase({ student: { id }, attendance: lessons(TERM, { perDay: 5, absent: (date) => (id !== 'e3' && date >= '2026-10-01' ? { invalid: 60 } : undefined) }) })), custom, { asOf: AS_OF }), 'compact'),
  );
  const note = 'Policyn min-stad';

  it('is found when given (by hash): its own thresholds, no note', () => {
    expect(resolveReportPolicy(decisions[0]!.policy, [custom])).toBe(custom);
    expect(rateThresholds(decisions[0]!, custom).map((t) => t.percent)).toEqual([7, 10, 20]);
    const html = renderSchoolReport('skola-1', decisions, { students: 'all', policies: [custom] });
    expect(html).not.toContain(note);
    expect(thresholdLines(html).some((l) => l.includes('över 7 %'))).toBe(true);
  });

  it('is said once in the report when missing; the plots draw what the evidence names', () => {
    expect(resolveReportPolicy(decisions[0]!.policy)).toBeUndefined();
    const html = renderSchoolReport('skola-1', decisions, { students: 'all' });
    expect(html.split(note)).toHaveLength(2);
    expect(html).toContain('min-stad 2026.1');
    expect(renderSchoolReport('skola-1', decisions, { students: 'all', lang: 'en' }).split('The policy min-stad')).toHaveLength(2);
  });

  it('a bundled id with another hash (another version of the file) is not the bundled policy', () => {
    const d = written(decide(studentCase({ attendance: lessons(TERM, { perDay: 5 }) }), 'stockholm', AS_OF), 'compact');
    expect(resolveReportPolicy({ ...d.policy, hash: '0'.repeat(64) })).toBeUndefined();
  });
});
