import { describe, expect, it } from 'vitest';
import { formatDiff, formatStepChange } from '../../src/report/diffText.js';
import type { PolicyDiff } from '../../src/index.js';

describe('formatStepChange', () => {
  it('marks added, removed, changed (with the transition) and re-explained steps', () => {
    expect(formatStepChange({ change: 'added', step: 'kartlaggning' }, 'en')).toBe('+ kartlaggning');
    expect(formatStepChange({ change: 'removed', step: 'samtycke>sip' }, 'en')).toBe('- samtycke>sip');
    expect(
      formatStepChange({
        change: 'changed',
        step: 'information-hemkommun',
        fields: [
          { field: 'urgency', from: 'snarast', to: 'inom-frist' },
          { field: 'dueDate', from: null, to: '2026-11-30' },
          { field: 'routing', from: { target: 'huvudman' }, to: { target: 'manual', for: 'hemkommun', reason: 'protected-identity' } },
        ],
        rules: null,
      }, 'en'),
    ).toBe('~ information-hemkommun (urgency as soon as possible→within the deadline, dueDate –→2026-11-30, routing)');
    expect(formatStepChange({ change: 'reexplained', step: 'eht', rules: { from: [], to: [{ ruleId: 'sthlm-allvarlig-franvaro-eht', ruleVersion: 1 }] } }, 'en')).toBe(
      '= eht (other rules)',
    );
    expect(formatStepChange({ change: 'reexplained', step: 'eht', rules: { from: [], to: [] } }, 'sv')).toBe('= eht (andra regler)');
    expect(formatStepChange({ change: 'changed', step: 'eht', fields: [{ field: 'urgency', from: 'snarast', to: 'skyndsamt' }], rules: null }, 'sv')).toBe(
      '~ eht (brådska snarast→skyndsamt)', // the Swedish words of the urgencies are their ids
    );
  });
});

describe('formatDiff', () => {
  const diff: PolicyDiff = {
    asOf: '2026-11-23',
    from: { id: 'skollagen', version: '2026.1', hash: 'a'.repeat(64) },
    to: { id: 'stockholm', version: '2026.1', hash: 'b'.repeat(64) },
    parametersChanged: ['rollingWindowSchoolDays'],
    factsShared: false,
    rules: { added: ['sthlm-allvarlig-franvaro-eht@1'], removed: [], newVersion: [], changedWithoutNewVersion: [], basisChanged: [], conditionsChanged: [] },
    students: { evaluated: 8, affected: 2, reexplainedOnly: 1, unchanged: 5 },
    steps: { 'information-hemkommun': { added: 0, removed: 0, changed: 2, reexplained: 0, transitions: { 'dueDate set': 2, 'urgency snarast→inom-frist': 2 } } },
    sampleSize: 0,
    sample: [],
  };

  it('shows both policies, changed parameters, the counts and the transitions under their step', () => {
    const text = formatDiff(diff, 'en');
    expect(text).toContain('from: skollagen 2026.1 (aaaaaaaaaaaa)');
    expect(text).toContain('parameters changed: rollingWindowSchoolDays (facts computed under each policy)');
    expect(text).toContain('students: 8 evaluated; 2 affected (25.0 %), 1 re-explained only, 5 unchanged');
    expect(text).toMatch(/\n {2}information-hemkommun +0 +0 +2 +0\n {6}dueDate set: 2\n {6}urgency as soon as possible→within the deadline: 2/);
    expect(text).not.toContain('sample:');
  });

  it('in Swedish, with a decimal comma', () => {
    const text = formatDiff(diff, 'sv');
    expect(text).toContain('policyjämförelse per 2026-11-23');
    expect(text).toContain('  från: skollagen 2026.1 (aaaaaaaaaaaa)');
    expect(text).toContain('  till: stockholm 2026.1 (bbbbbbbbbbbb)');
    expect(text).toContain('elever: 8 utvärderade; 2 påverkade (25,0 %), 1 bara med nya skäl, 5 oförändrade');
    expect(text).toContain('  gällande regler: tillagda sthlm-allvarlig-franvaro-eht@1');
    expect(text).toMatch(/\n {6}senast-datum satt: 2\n {6}brådska snarast→inom frist: 2/);
  });

  it('says so when nothing changes', () => {
    const none = { ...diff, steps: {}, students: { evaluated: 0, affected: 0, reexplainedOnly: 0, unchanged: 0 } };
    expect(formatDiff(none, 'en')).toContain('steps: no change');
    expect(formatDiff(none, 'sv')).toContain('åtgärder: ingen ändring');
  });
});
