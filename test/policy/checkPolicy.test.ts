/**
 * `checkPolicy`: one small hand-written policy per finding code, each
 * asserting the code, the severity, the located path and the rule id; and the
 * bundled policies check without errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPolicy, FINDING_CODES, type CheckPolicyOptions, type Finding, type FindingCode } from '../../src/index.js';
import { GRADE_LEAF, policyJson, ruleJson } from '../helpers/policyFiles.js';

const BASIS = { citation: 'SoL (2001:453) 3 kap. 6 a §', source: 'Socialtjänstlagen (2001:453)', url: 'https://lagen.nu/2001:453#K3P6a' };
const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });

function only(findings: readonly Finding[], code: FindingCode): Finding {
  const matching = findings.filter((f) => f.code === code);
  expect(matching, JSON.stringify(findings, null, 1)).toHaveLength(1);
  return matching[0] as Finding;
}

/** The cases: code → [policy JSON, expected path, expected rule id, a word the message must contain, options]. */
const CASES: ReadonlyArray<[FindingCode, unknown, string, string | undefined, string, CheckPolicyOptions?]> = [
  ['schema', policyJson([ruleJson({ all: [GRADE_LEAF] }, { step: 'ring-polisen' })]), 'rules[0].step', 'r-one', 'Invalid option'],
  ['unknown-fact', policyJson([ruleJson({ all: [GRADE_LEAF, leaf('franvaroProcent', 'greaterThan', 20)] })]), 'rules[0].conditions.all[1].fact', 'r-one', 'franvaroProcent'],
  ['unknown-operator', policyJson([ruleJson({ all: [leaf('grade', 'between', 3)] })]), 'rules[0].conditions.all[0].operator', 'r-one', 'Invalid option'],
  ['operator-fact-type', policyJson([ruleJson({ all: [leaf('termAbsence', 'greaterThan', 20)] })]), 'rules[0].conditions.all[0].operator', 'r-one', 'rate fact'],
  ['value-type', policyJson([ruleJson({ all: [leaf('grade', 'greaterThan', '3')] })]), 'rules[0].conditions.all[0].value', 'r-one', 'is not a number'],
  ['rate-threshold', policyJson([ruleJson({ all: [leaf('termAbsence', 'rateAbove', 0.2)] }), ruleJson({ all: [leaf('termAbsence', 'rateAbove', 120)] }, { id: 'r-two' })]), 'rules[1].conditions.all[0].value', 'r-two', 'percentage'],
  ['missing-basis', policyJson([ruleJson({ all: [GRADE_LEAF] }, { basis: undefined })]), 'rules[0].basis', 'r-one', 'needs a basis'],
  ['never-in-force', policyJson([ruleJson({ all: [GRADE_LEAF] }, { effectiveFrom: '2026-07-02', effectiveTo: '2026-07-01' })]), 'rules[0].effectiveTo', 'r-one', 'effectiveTo'],
  ['lagkrav-advisory', policyJson([ruleJson({ all: [leaf('typologySkolk', 'equal', 'stark')] }, { kind: 'lagkrav' })]), 'rules[0].conditions', 'r-one', 'advisory'],
  ['unknown-base', policyJson([ruleJson({ all: [GRADE_LEAF] })], { extends: 'uppsala' }), 'extends', undefined, 'uppsala'],
  ['extends-cycle', policyJson([ruleJson({ all: [GRADE_LEAF] })], { id: 'skollagen', extends: 'stockholm' }), 'extends', undefined, 'cycle'],
  ['duplicate-rule', policyJson([ruleJson({ all: [GRADE_LEAF] }), ruleJson({ all: [GRADE_LEAF] }, { effectiveFrom: '2027-01-01' })]), 'rules[1].id', 'r-one', 'duplicate'],
  [
    'overlapping-versions',
    policyJson([ruleJson({ all: [GRADE_LEAF] }, { effectiveTo: '2026-12-31' }), ruleJson({ all: [GRADE_LEAF] }, { version: 2, effectiveFrom: '2026-12-31' })]),
    'rules[1].effectiveFrom',
    'r-one',
    'both in force on 2026-12-31',
  ],
  ['unknown-condition', policyJson([ruleJson({ all: [GRADE_LEAF, { condition: 'saknas' }] })]), 'rules[0].conditions', 'r-one', 'saknas'],
  ['condition-cycle', policyJson([ruleJson({ condition: 'a' })], { conditions: { a: { all: [{ condition: 'a' }] } } }), 'conditions.a', undefined, 'a → a'],
  [
    'duplicate-condition',
    policyJson([ruleJson({ condition: 'upprepad-eller-langre-franvaro' })], { extends: 'skollagen', conditions: { 'upprepad-eller-langre-franvaro': { all: [GRADE_LEAF] } } }),
    'conditions.upprepad-eller-langre-franvaro',
    undefined,
    'skollagen',
  ],
  [
    'dated-parameter-overlap',
    policyJson([ruleJson({ all: [GRADE_LEAF] })], {
      parameters: { childConsentAgeOppnaInsatser: [{ value: 15, effectiveTo: '2023-07-01', basis: BASIS }, { value: 12, effectiveFrom: '2023-07-01', basis: BASIS }] },
    }),
    'parameters.childConsentAgeOppnaInsatser[1].effectiveFrom',
    undefined,
    'same day',
  ],
  [
    'dated-parameter-gap',
    policyJson([ruleJson({ all: [GRADE_LEAF] })], {
      parameters: { childConsentAgeOppnaInsatser: [{ value: 15, effectiveTo: '2023-06-29', basis: BASIS }, { value: 12, effectiveFrom: '2023-07-01', basis: BASIS }] },
    }),
    'parameters.childConsentAgeOppnaInsatser[1].effectiveFrom',
    undefined,
    'no value is in force from 2023-06-30',
  ],
  [
    'dated-parameter-range',
    policyJson([ruleJson({ all: [GRADE_LEAF] })], {
      parameters: {
        childConsentAgeOppnaInsatser: [
          { value: 15, effectiveTo: '2023-06-30', basis: BASIS },
          { value: 13, effectiveFrom: '2023-07-01', effectiveTo: '2023-06-01', basis: BASIS },
          { value: 12, effectiveFrom: '2023-06-02', basis: BASIS },
        ],
      },
    }),
    'parameters.childConsentAgeOppnaInsatser[1].effectiveTo',
    undefined,
    'effectiveTo',
  ],
  [
    'unsatisfiable',
    policyJson([ruleJson({ all: [leaf('termAbsenceMinutes', 'greaterThan', 20), leaf('termAbsenceMinutes', 'lessThan', 10)] })]),
    'rules[0].conditions.all[1]',
    'r-one',
    'can never be true',
  ],
  [
    'version-gap',
    policyJson([ruleJson({ all: [GRADE_LEAF] }, { effectiveTo: '2026-06-30' }), ruleJson({ all: [GRADE_LEAF] }, { version: 2, effectiveFrom: '2026-08-01' })]),
    'rules[1].effectiveFrom',
    'r-one',
    'not in force from 2026-07-01 to 2026-07-31',
  ],
  [
    'rule-shadowed',
    policyJson([ruleJson({ all: [leaf('grade', 'greaterThan', 5)] }, { id: 'snav' }), ruleJson({ all: [leaf('grade', 'greaterThan', 3)] }, { id: 'bred' })]),
    'rules[0].conditions',
    'snav',
    '"bred"',
  ],
  ['unused-condition', policyJson([ruleJson({ all: [GRADE_LEAF] })], { conditions: { oanvand: { all: [GRADE_LEAF] } } }), 'conditions.oanvand', undefined, 'oanvand'],
  [
    'unlisted-source',
    policyJson([ruleJson({ all: [GRADE_LEAF] }, { basis: { citation: 'Min skolas rutin', source: 'Rektorsbeslut 2026-06-01', url: 'https://example.com/rutin' } })]),
    'rules[0].basis.url',
    'r-one',
    'https://example.com/rutin is not on a host',
  ],
  // The budgets (issue 12, D8, D12; test/policy/policyBudget.test.ts has the hostile files).
  ['forbidden-key', JSON.parse(JSON.stringify(policyJson([ruleJson({ all: [GRADE_LEAF] })])).replace('"fact":', '"__proto__":{},"fact":')) as unknown, 'rules[0].conditions.all[0].__proto__', 'r-one', '"__proto__" is not allowed'],
  // c0 is 63 levels deep (62 references and an all): within the budget of 64; the rule adds three.
  ['too-deep', policyJson([ruleJson({ not: { not: { condition: 'c0' } } })], { conditions: Object.fromEntries(Array.from({ length: 63 }, (_, i) => [`c${i}`, i === 62 ? { all: [GRADE_LEAF] } : { condition: `c${i + 1}` }])) }), 'rules[0].conditions', 'r-one', '66 levels deep'],
  ['list-too-long', policyJson([ruleJson({ all: [leaf('grade', 'in', Array.from({ length: 1_001 }, (_, i) => i))] })]), 'rules[0].conditions.all[0].value', 'r-one', '1001 values'],
  ['policy-too-large', policyJson(Array.from({ length: 1_001 }, (_, i) => ruleJson({ all: [GRADE_LEAF] }, { id: `r-${i}` }))), 'rules', undefined, '1001 rules'],
  ['analysis-incomplete', policyJson([ruleJson({ all: [GRADE_LEAF, leaf('grade', 'lessThan', 2)] })]), '(root)', undefined, 'budget of 3 steps', { analysisSteps: 3 }],
];

describe('checkPolicy: one finding per code', () => {
  it('covers every code', () => {
    expect(new Set(CASES.map(([code]) => code))).toEqual(new Set(Object.keys(FINDING_CODES)));
  });

  it.each(CASES)('%s', (code, json, path, ruleId, word, options) => {
    const f = only(checkPolicy(json, options), code);
    expect(f.severity).toBe(FINDING_CODES[code]);
    expect(f.path).toBe(path);
    expect(f.ruleId).toBe(ruleId);
    expect(f.message.toLowerCase()).toContain(word.toLowerCase());
    // Issue 16: every finding says it in Swedish too (`trappa check`, the default language), and the English is the message.
    expect(f.text.en).toBe(f.message);
    expect(f.text.sv.trim()).not.toBe('');
    expect(f.text.sv).not.toBe(f.text.en);
    const words = f.text.sv.replace(/"[^"]*"/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/[\w.]*\[[^\]]*\][\w.[\]]*/g, ' '); // ids, links and JSON paths are the same in both
    expect(words.match(/\b(the|is|are|not|must|never|can|cannot|unknown|expected|received|invalid|rule|rules|value|values|only|and|of|with|input|option|key)\b/gi) ?? [], f.text.sv).toEqual([]);
  });

  it('lists errors before warnings', () => {
    const findings = checkPolicy(
      policyJson([ruleJson({ all: [GRADE_LEAF] }, { effectiveTo: '2026-06-30' }), ruleJson({ all: [GRADE_LEAF, { not: GRADE_LEAF }] }, { version: 2, effectiveFrom: '2026-08-01' })]),
    );
    expect(findings.map((f) => f.code)).toEqual(['unsatisfiable', 'version-gap']);
  });
});

describe('checkPolicy: conditions that can never be true', () => {
  const unsat = (conditions: unknown, named: Record<string, unknown> = {}) =>
    checkPolicy(policyJson([ruleJson(conditions)], Object.keys(named).length === 0 ? {} : { conditions: named })).filter((f) => f.code === 'unsatisfiable');

  it('finds an empty numeric interval, naming both leaves', () => {
    const [f] = unsat({ all: [leaf('grade', 'greaterThan', 20), leaf('grade', 'lessThan', 10)] });
    expect(f?.message).toContain('greaterThan 20 (rules[0].conditions.all[0]) and lessThan 10 (rules[0].conditions.all[1])');
  });

  it('finds equal 3 with notIn [3]', () => {
    expect(unsat({ all: [leaf('grade', 'equal', 3), leaf('grade', 'notIn', [3, 4])] })).toHaveLength(1);
  });

  it('finds a leaf together with its not', () => {
    expect(unsat({ all: [leaf('signalHarmSuspected', 'equal', true), { not: leaf('signalHarmSuspected', 'equal', true) }] })).toHaveLength(1);
  });

  it('resolves named conditions first, and names the leaf inside the condition', () => {
    const [f] = unsat({ all: [{ condition: 'hog' }, leaf('termAbsence', 'rateAtLeast', 20)] }, { hog: { not: leaf('termAbsence', 'rateAbove', 10) } });
    expect(f?.path).toBe('rules[0].conditions.all[1]');
    expect(f?.message).toContain('not rateAbove 10 (conditions.hog.not)');
  });

  it('finds every alternative of an any contradictory', () => {
    const [f] = unsat({
      all: [leaf('grade', 'equal', 7), { any: [leaf('grade', 'lessThan', 4), leaf('grade', 'in', [8, 9])] }],
    });
    expect(f?.message).toContain('every alternative');
  });

  it('knows the closed values of the typology facts', () => {
    expect(unsat({ all: [leaf('typologySkolk', 'notIn', ['ingen', 'svag', 'mattlig', 'stark'])] })).toHaveLength(1);
  });

  it('does not claim what needs more than one fact or integer reasoning', () => {
    expect(unsat({ all: [leaf('grade', 'greaterThan', 3), leaf('grade', 'lessThan', 4)] })).toEqual([]); // 3.5 is a number
    expect(unsat({ all: [leaf('compulsorySchoolForm', 'equal', true), leaf('schoolForm', 'equal', 'gymnasieskola')] })).toEqual([]);
    expect(unsat({ all: [leaf('daysSinceOrosanmalan', 'notIn', [1]), { not: leaf('daysSinceOrosanmalan', 'greaterThan', 0) }, { not: leaf('daysSinceOrosanmalan', 'lessThan', 5) }] })).toEqual([]); // null
    expect(unsat({ all: [{ not: leaf('termAbsence', 'rateAbove', 0) }, leaf('termAbsence', 'rateAtLeast', 0)] })).toEqual([]); // exactly 0 %
  });
});

describe('checkPolicy: extends', () => {
  it('checks a file that extends a bundled policy together with its base', () => {
    const json = policyJson([ruleJson({ all: [{ condition: 'upprepad-eller-langre-franvaro' }, leaf('grade', 'greaterThan', 3)] })], { extends: 'stockholm' });
    expect(checkPolicy(json).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses a base rule id (rules are only added, never silently overridden)', () => {
    const f = only(checkPolicy(policyJson([ruleJson({ all: [GRADE_LEAF] }, { id: 'sl-7-19a-franvaroutredning', version: 2 })], { extends: 'skollagen' })), 'duplicate-rule');
    expect(f.ruleId).toBe('sl-7-19a-franvaroutredning');
  });

  it('warns when an extending rule is shadowed by a base rule for the same step', () => {
    const json = policyJson(
      [ruleJson({ all: [{ condition: 'misstanke-att-barn-far-illa' }, leaf('grade', 'greaterThan', 6)] }, { id: 'lokal-oro', step: 'orosanmalan', kind: 'riktlinje', effectiveFrom: '2026-01-01' })],
      { extends: 'skollagen' },
    );
    const f = only(checkPolicy(json), 'rule-shadowed');
    expect(f.message).toContain('sol-2025-orosanmalan');
  });

  it('does not call a stronger rule shadowed (its kind changes the step)', () => {
    const json = policyJson([ruleJson({ all: [leaf('grade', 'greaterThan', 5)] }, { id: 'snav', kind: 'lagkrav' }), ruleJson({ all: [leaf('grade', 'greaterThan', 3)] }, { id: 'bred' })]);
    expect(checkPolicy(json).filter((f) => f.code === 'rule-shadowed')).toEqual([]);
  });
});

describe('a basis written before url', () => {
  it('names the replacement of "reference" by "url"', () => {
    const old = { citation: 'SL 7 kap. 19 a §', source: 'Skollagen (2010:800)', reference: '§1.4' };
    const findings = checkPolicy(policyJson([ruleJson({ all: [GRADE_LEAF] }, { basis: old })]));
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['missing-basis', 'rules[0].basis.url'],
      ['missing-basis', 'rules[0].basis'],
    ]);
    expect(findings[1]?.message).toContain('"reference" is gone');
  });

  it('warns of an unlisted host in a dated parameter too, at its path', () => {
    const basis = { citation: 'Kommunens riktlinje', source: 'Solna stad', url: 'https://www.solna.se/' };
    const json = policyJson([ruleJson({ all: [GRADE_LEAF] })], { parameters: { childConsentAgeOppnaInsatser: [{ value: 12, basis }] } });
    expect(checkPolicy(json).map((f) => [f.code, f.path])).toEqual([['unlisted-source', 'parameters.childConsentAgeOppnaInsatser[0].basis.url']]);
  });
});

describe('the bundled policies', () => {
  it.each(['skollagen', 'stockholm', 'goteborg'])('%s checks without errors', (id) => {
    const json = JSON.parse(readFileSync(new URL(`../../rules/${id}.json`, import.meta.url), 'utf8')) as unknown;
    expect(checkPolicy(json).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('types', () => {
  it('checkPolicy returns plain findings', async () => {
    const { expectTypeOf } = await import('vitest');
    expectTypeOf(checkPolicy).returns.toEqualTypeOf<Finding[]>();
    expectTypeOf<Finding['severity']>().toEqualTypeOf<'error' | 'warning'>();
    // @ts-expect-error: a finding code outside FINDING_CODES is not a FindingCode
    const bad: FindingCode = 'not-a-code';
    expect(bad).toBe('not-a-code');
  });
});
