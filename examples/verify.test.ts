import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadPolicy, parseStudentCase, resolveBuiltinPolicy } from 'trappa';
import { verifyPolicy } from 'trappa/verify';

it('our policy: the compiled rules and json-rules-engine agree on our cases', async () => {
  const policy = loadPolicy(JSON.parse(readFileSync('fixtures/policies/stockholm-15-percent.json', 'utf8')), resolveBuiltinPolicy);
  const cases = (JSON.parse(readFileSync('fixtures/cases/just-over-20-percent.json', 'utf8')) as unknown[]).flatMap((json) => {
    const parsed = parseStudentCase(json);
    return parsed.ok ? [parsed.case] : [];
  });

  const report = await verifyPolicy(cases, policy, { asOf: '2026-11-23' });

  expect(report.students).toBe(1);
  expect(report.rules).toBe(29); // the rules in force on asOf, the law's included
  expect(report.mismatches).toEqual([]); // each would name the student, rule@version, place and leaf
});
