import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { DecisionSchema, StepRecordSchema } from '../../src/model/decisionSchema.js';
import { builtinPolicy, evaluate, parseStudentCase, type Decision, type Step } from '../../src/index.js';
import { arbitraryCase } from '../../src/testing/arbitraries/index.js';

const AS_OF = '2026-11-23';

describe('DecisionSchema: a decision read back from a decisions file', () => {
  it('names every field of Decision and Step, no more and no fewer', () => {
    expectTypeOf<keyof z.infer<typeof DecisionSchema>>().toEqualTypeOf<keyof Decision>();
    expectTypeOf<keyof z.infer<typeof StepRecordSchema>>().toEqualTypeOf<keyof Step>();
  });

  it('accepts every decision evaluate gives, written as JSON and read back (property)', () => {
    const policies = [builtinPolicy('skollagen'), builtinPolicy('stockholm'), builtinPolicy('goteborg')];
    fc.assert(
      fc.property(arbitraryCase({ asOf: AS_OF }), fc.integer({ min: 0, max: 2 }), (input, p) => {
        const parsed = parseStudentCase(input);
        if (!parsed.ok) return;
        const decision = evaluate(parsed.case, policies[p] ?? builtinPolicy('skollagen'), { asOf: AS_OF });
        const result = DecisionSchema.safeParse(JSON.parse(JSON.stringify(decision)));
        expect(result.error?.issues).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a step that is no step, and a decision without its date, naming the field', () => {
    const parsed = parseStudentCase({ student: { id: 'e1', birthDate: '2013-10-08', schoolForm: 'grundskola', grade: 7, school: { id: 's1', huvudman: 'kommunal', municipalityCode: '0180' }, residence: { municipalityCode: '0180' } } });
    if (!parsed.ok) throw new Error('fixture case rejected');
    const decision = JSON.parse(JSON.stringify(evaluate(parsed.case, builtinPolicy('skollagen'), { asOf: AS_OF }))) as Record<string, unknown>;
    const noStep = DecisionSchema.safeParse({ ...decision, steps: [{ x: 1 }] });
    expect(noStep.error?.issues[0]?.path).toEqual(['steps', 0, 'id']);
    const noDate = DecisionSchema.safeParse({ ...decision, asOf: undefined });
    expect(noDate.error?.issues[0]?.path).toEqual(['asOf']);
  });
});
