import { describe, expect, it } from 'vitest';
import { advisoryFactUses } from '../../src/model/policyFile.js';
import { BUILTIN_POLICY_IDS, builtinPolicy, FACT_CATALOG, loadPolicy, PolicyError, type PolicyFileInput, type Rule } from '../../src/index.js';

// "The typology is advisory, never a diagnosis and never a legal trigger on its own: legal duties
// stay the same whatever the type" (domain §6.2 Engine implication, §7.3 vs §7.4). The rule-file
// schema enforces it: a `lagkrav` rule may not read a typology fact, directly or through conditions.

const BASIS = { citation: 'SL 7 kap. 19 a §', source: 'Skollagen (2010:800)', url: 'https://lagen.nu/2010:800#K7P19a' };

function policy(rules: PolicyFileInput['rules'], extra: Partial<PolicyFileInput> = {}): PolicyFileInput {
  return { id: 'test', version: '2026.1', title: { sv: 'Test', en: 'Test' }, rules, ...extra };
}

function rule(id: string, kind: Rule['kind'], conditions: Rule['conditions']): PolicyFileInput['rules'][number] {
  return { id, version: 1, effectiveFrom: '2026-01-01', step: 'eht', kind, basis: BASIS, conditions };
}

const SKOLVAGRAN_STARK = { fact: 'typologySkolvagran', operator: 'equal', value: 'stark' } as const;

function issuesOf(f: () => unknown): readonly string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof PolicyError) return e.issues;
    throw e;
  }
  throw new Error('expected a PolicyError');
}

describe('rule-file schema: typology facts are never a legal trigger (domain §6.2)', () => {
  it('rejects a lagkrav rule that reads a typology fact, naming the rule', () => {
    const issues = issuesOf(() => loadPolicy(policy([rule('lag-med-typ', 'lagkrav', { all: [SKOLVAGRAN_STARK] })])));
    expect(issues).toEqual([
      'rules[0].conditions: Rule "lag-med-typ" is a lagkrav rule and may not read the typology fact "typologySkolvagran": the typology is advisory and never a legal trigger (docs/sources.md, Research)',
    ]);
  });

  it('rejects it through named conditions, and names the path', () => {
    const file = policy([rule('lag-via-villkor', 'lagkrav', { any: [{ condition: 'yttre' }] })], {
      conditions: { yttre: { not: { condition: 'inre' } }, inre: { all: [{ fact: 'typologySkolk', operator: 'in', value: ['mattlig', 'stark'] }] } },
    });
    const issues = issuesOf(() => loadPolicy(file));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain('Rule "lag-via-villkor"');
    expect(issues[0]).toContain('"typologySkolk" through condition "yttre" → "inre"');
  });

  it('rejects it through a condition inherited from the base policy', () => {
    const base = loadPolicy(
      policy([], { id: 'bas', conditions: { 'trolig-skolvagran': { all: [{ fact: 'typologySkolvagran', operator: 'notIn', value: ['ingen', 'svag'] }] } } }),
    );
    const issues = issuesOf(() =>
      loadPolicy(policy([rule('arvd-lag', 'lagkrav', { all: [{ condition: 'trolig-skolvagran' }] })], { extends: 'bas' }), (id) =>
        id === 'bas' ? base : undefined,
      ),
    );
    expect(issues).toEqual([
      'rules[0].conditions: Rule "arvd-lag" is a lagkrav rule and may not read the typology fact "typologySkolvagran" through condition "trolig-skolvagran": the typology is advisory and never a legal trigger (docs/sources.md, Research)',
    ]);
  });

  it('lets riktlinje and stod rules steer support by the typology with equal, in and notIn', () => {
    const loaded = loadPolicy(
      policy([
        rule('stod-typ', 'stod', { all: [SKOLVAGRAN_STARK] }),
        rule('riktlinje-typ', 'riktlinje', {
          any: [
            { fact: 'typologyForaldrastodd', operator: 'in', value: ['mattlig', 'stark'] },
            { fact: 'typologySkolinitierad', operator: 'notIn', value: ['ingen'] },
            { fact: 'typologySkolk', operator: 'notEqual', value: 'ingen' },
          ],
        }),
      ]),
    );
    expect(loaded.rules.map((r) => r.id)).toEqual(['stod-typ', 'riktlinje-typ']);
  });

  it('rejects a value the typology fact never takes, and rate operators on it', () => {
    const issues = issuesOf(() =>
      loadPolicy(
        policy([
          rule('fel-varde', 'stod', { all: [{ fact: 'typologySkolk', operator: 'in', value: ['medel', 'stark'] }] }),
          rule('fel-operator', 'stod', { all: [{ fact: 'typologySkolk', operator: 'rateAbove', value: 20 }] }),
        ]),
      ),
    );
    expect(issues.some((i) => i.startsWith('rules[0].conditions.all[0].value') && i.includes('"medel"'))).toBe(true);
    expect(issues.some((i) => i.startsWith('rules[1].conditions.all[0].operator'))).toBe(true);
  });

  it('catalogues the four typology facts as advisory strings with the four levels', () => {
    for (const fact of ['typologySkolk', 'typologySkolvagran', 'typologyForaldrastodd', 'typologySkolinitierad'] as const) {
      expect(FACT_CATALOG[fact]).toMatchObject({ type: 'string', advisory: true, values: ['ingen', 'svag', 'mattlig', 'stark'] });
    }
    const advisory = Object.entries(FACT_CATALOG).filter(([, info]) => info.advisory === true).map(([name]) => name);
    expect(advisory.sort()).toEqual(['typologyForaldrastodd', 'typologySkolinitierad', 'typologySkolk', 'typologySkolvagran']);
  });

  it.each(BUILTIN_POLICY_IDS)('the bundled %s policy has no lagkrav rule that reads the typology', (id) => {
    const p = builtinPolicy(id);
    for (const r of p.rules.filter((x) => x.kind === 'lagkrav')) expect(advisoryFactUses(r.conditions, p.conditions)).toEqual([]);
  });
});
