/**
 * `trappa verify` with a compiled evaluator broken on purpose: one leaf
 * (`gymnasiumSchoolForm equal true`) answers the opposite, and what depends on
 * it is recomputed from it, as a real compiler bug would propagate. The
 * command must print one line per student, rule and place of that leaf, and
 * exit 1. Run in-process: the break is a module mock of the compiled engine.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { parseStudentCase } from '../../src/adapters/parseStudentCase.js';
import { defaultCalendarFor } from '../../src/calendar/defaultCalendar.js';
import { verifyCommand } from '../../src/cli/verifyCommand.js';
import { measureCase, rulesInForce } from '../../src/evaluate.js';
import type { Facts } from '../../src/model/facts.js';
import type { ConditionNode } from '../../src/model/policyFile.js';
import { builtinPolicy } from '../../src/policy/builtinPolicies.js';
import type { CompiledPolicy, CompiledRule, CompiledRun } from '../../src/policy/compile.js';
import { evaluateConditions } from '../../src/policy/evaluateConditions.js';
import { placesOf } from '../helpers/policyPlaces.js';

const BROKEN = { fact: 'gymnasiumSchoolForm', operator: 'equal', value: true } as const;

vi.mock('../../src/policy/compile.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/policy/compile.js')>();
  const runCompiled = (compiled: CompiledPolicy, facts: Facts, rules: readonly CompiledRule[] = compiled.rules): CompiledRun => {
    const run = actual.runCompiled(compiled, facts, rules);
    compiled.leaves.forEach((l, i) => {
      if (l.fact === 'gymnasiumSchoolForm' && l.operator === 'equal' && l.value === true) run.leaves[i] = run.leaves[i] === 1 ? 0 : 1;
    });
    return actual.decideNodes(compiled, run.leaves, run.actuals, rules);
  };
  return { ...actual, runCompiled };
});

const AS_OF = '2026-11-23';
const FILE = 'fixtures/cases/exactly-20-percent.json'; // one grundskola student: gymnasiumSchoolForm is false

describe('trappa verify with a broken compiled leaf', () => {
  let stdout: MockInstance;
  let out: string[];
  beforeEach(() => {
    out = [];
    stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  });
  afterEach(() => stdout.mockRestore());

  it('prints student, rule, place, leaf and both outcomes for every place of the leaf, and exits 1', async () => {
    const code = await verifyCommand([FILE, '--policy', 'skollagen', '--as-of', AS_OF, '--lang', 'en']);
    expect(code).toBe(1);
    const policy = builtinPolicy('skollagen');
    const expected = rulesInForce(policy, AS_OF).flatMap((r) =>
      [...new Set(placesOf(policy, `rules[${r.id}@${r.version}].conditions`, r.conditions, BROKEN))].map((path) => `case-exactly-20-percent  rule ${r.id}@${r.version}  ${path}`),
    );
    expect(expected.length).toBeGreaterThan(3);
    const lines = out.join('').split('\n');
    const mismatchLines = lines.filter((l) => l.startsWith('case-exactly-20-percent  '));
    // Every place and nothing else: up to the first colon, a line is `student  rule id@version  path`.
    expect(mismatchLines.map((l) => l.slice(0, l.indexOf(':')))).toEqual(expected);
    // Whether the broken engine fires each rule, by the interpreter: the leaf is this policy's only
    // test of gymnasiumSchoolForm, so flipping it is deciding on facts where the student is in gymnasium.
    const [input] = JSON.parse(readFileSync(FILE, 'utf8')) as unknown[];
    const parsed = parseStudentCase(input);
    if (!parsed.ok) throw new Error('fixture rejected');
    const facts = measureCase(parsed.case, AS_OF, defaultCalendarFor(AS_OF), policy.parameters).facts;
    expect(facts.gymnasiumSchoolForm).toBe(false);
    const asIfGymnasium = { ...facts, gymnasiumSchoolForm: true };
    let firedByBrokenOnly = 0;
    for (const l of mismatchLines) {
      const [, id, version] = /^\S+  rule ([a-z0-9-]+)@(\d+) /.exec(l) ?? [];
      const rule = policy.rules.find((r) => r.id === id && r.version === Number(version));
      const brokenFires = evaluateConditions(rule?.conditions as ConditionNode, asIfGymnasium, policy.conditions).result;
      expect(evaluateConditions(rule?.conditions as ConditionNode, facts, policy.conditions).result).toBe(false);
      if (brokenFires) firedByBrokenOnly += 1;
      expect(l.slice(l.indexOf(':'))).toBe(`: gymnasiumSchoolForm equal true, fact false: compiled met, json-rules-engine not met; rule fired: compiled ${brokenFires ? 'yes' : 'no'}, json-rules-engine no`);
    }
    expect(firedByBrokenOnly).toBeGreaterThan(0);
    expect(lines).toContain(`${mismatchLines.length} mismatches (1 student, ${firedByBrokenOnly} rule ${firedByBrokenOnly === 1 ? 'outcome differs' : 'outcomes differ'})`);
  });

  it('--json: the same mismatches as data', async () => {
    const code = await verifyCommand([FILE, '--policy', 'skollagen', '--as-of', AS_OF, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out.join('')) as { mismatches: Array<{ leaf: unknown; compiled: boolean; reference: boolean; studentId: string }> };
    expect(report.mismatches.length).toBeGreaterThan(3);
    for (const m of report.mismatches) expect(m).toMatchObject({ studentId: 'case-exactly-20-percent', leaf: BROKEN, compiled: true, reference: false });
  });
});
