/**
 * General invariants of `diffPolicies`, on populations drawn from the
 * trappa/testing arbitraries:
 * - a policy against itself (or an equal copy) changes nothing;
 * - diff(a, b) and diff(b, a) mirror each other: added ↔ removed, the same
 *   students affected, every transition reversed;
 * - the decisions a diff shows are `evaluate`'s (facts shared or not);
 * - the counts add up and the sample is a function of the population, not of
 *   its order.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  builtinPolicy,
  diffPolicies,
  evaluate,
  loadPolicy,
  parseStudentCase,
  resolveBuiltinPolicy,
  type Policy,
  type PolicyDiff,
  type StudentCase,
} from '../../src/index.js';
import { diffCase, diffContext } from '../../src/diff/diffPolicies.js';
import { arbitraryAsOf, arbitraryCase } from '../../src/testing/arbitraries/index.js';

function policyFile(path: string, edit: (json: Record<string, unknown>) => Record<string, unknown> = (j) => j): Policy {
  const json = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
  return loadPolicy(edit(json), resolveBuiltinPolicy);
}

const stricter = policyFile('../../fixtures/policies/stockholm-15-percent.json');
const widerWindow = policyFile('../../rules/stockholm.json', (j) => ({ ...j, version: '2026.3', parameters: { rollingWindowSchoolDays: 30, followUpPersistsPercent: 15 } }));

const POLICIES: ReadonlyArray<readonly [string, Policy]> = [
  ['skollagen', builtinPolicy('skollagen')],
  ['stockholm', builtinPolicy('stockholm')],
  ['goteborg', builtinPolicy('goteborg')],
  ['stockholm 15 %', stricter],
  ['stockholm, 30-day window', widerWindow],
];

const PAIRS: ReadonlyArray<readonly [string, Policy, Policy]> = [
  ['stockholm → 15 %', builtinPolicy('stockholm'), stricter],
  ['skollagen → stockholm', builtinPolicy('skollagen'), builtinPolicy('stockholm')],
  ['goteborg → stockholm', builtinPolicy('goteborg'), builtinPolicy('stockholm')],
  ['stockholm → 30-day window', builtinPolicy('stockholm'), widerWindow],
];

function parsed(input: unknown): StudentCase {
  const result = parseStudentCase(input);
  if (!result.ok) throw new Error('the kit drew a case the schema rejects');
  return result.case;
}

/** A small population evaluated on one drawn date; ids made unique (the kit may draw the same id twice). */
const population = arbitraryAsOf({ schoolDaysOnly: true }).chain((asOf) =>
  fc.array(arbitraryCase({ asOf }), { minLength: 1, maxLength: 6 }).map((inputs) => ({
    asOf,
    cases: inputs.map((input, i) => parsed({ ...input, student: { ...input.student, id: `elev-${i + 1}` } })),
  })),
);

function reversed(key: string): string {
  const [field, transition] = key.split(' ');
  if (transition === undefined) return key;
  const mirror: Record<string, string> = { earlier: 'later', later: 'earlier', set: 'cleared', cleared: 'set' };
  if (transition in mirror) return `${field} ${mirror[transition]}`;
  const [a, b] = transition.split('→');
  return `${field} ${b}→${a}`;
}

function isEmpty(diff: PolicyDiff): boolean {
  return diff.students.affected === 0 && diff.students.reexplainedOnly === 0 && Object.keys(diff.steps).length === 0 && diff.sample.length === 0;
}

describe('diffPolicies: a policy against itself', () => {
  it.each(POLICIES)('is empty for %s, as the same object and as an equal copy', (_name, policy) => {
    const copy = loadPolicy(rebuild(policy), resolveBuiltinPolicy);
    expect(copy).not.toBe(policy);
    expect(copy.hash).toBe(policy.hash);
    fc.assert(
      fc.property(population, ({ asOf, cases }) => {
        const same = diffPolicies(cases, policy, policy, { asOf, sample: 5 });
        expect(isEmpty(same)).toBe(true);
        expect(same.students.unchanged).toBe(cases.length);
        expect(isEmpty(diffPolicies(cases, policy, copy, { asOf, sample: 5 }))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

/** The policy file behind a loaded policy, reloaded: a distinct object with the same content. */
function rebuild(policy: Policy): unknown {
  if (policy === stricter) return JSON.parse(readFileSync(new URL('../../fixtures/policies/stockholm-15-percent.json', import.meta.url), 'utf8'));
  if (policy === widerWindow) return { ...JSON.parse(readFileSync(new URL('../../rules/stockholm.json', import.meta.url), 'utf8')), version: '2026.3', parameters: { rollingWindowSchoolDays: 30, followUpPersistsPercent: 15 } };
  return JSON.parse(readFileSync(new URL(`../../rules/${policy.id}.json`, import.meta.url), 'utf8'));
}

describe.each(PAIRS)('diffPolicies mirrors itself (%s)', (_name, a, b) => {
  it('diff(a, b) added = diff(b, a) removed, per step, and the same students are affected', () => {
    fc.assert(
      fc.property(population, ({ asOf, cases }) => {
        const forward = diffPolicies(cases, a, b, { asOf, sample: cases.length });
        const backward = diffPolicies(cases, b, a, { asOf, sample: cases.length });
        expect(backward.students).toEqual(forward.students);
        expect(Object.keys(backward.steps)).toEqual(Object.keys(forward.steps));
        for (const [key, counts] of Object.entries(forward.steps)) {
          const back = backward.steps[key as 'eht'];
          expect(back?.removed).toBe(counts.added);
          expect(back?.added).toBe(counts.removed);
          expect(back?.changed).toBe(counts.changed);
          expect(back?.reexplained).toBe(counts.reexplained);
          const mirrored = Object.fromEntries(Object.entries(counts.transitions).map(([t, n]) => [reversed(t), n]));
          expect(back?.transitions).toEqual(mirrored);
        }
        expect(backward.sample.map((s) => s.studentId)).toEqual(forward.sample.map((s) => s.studentId));
      }),
      { numRuns: 30 },
    );
  });

  it('shows the decisions evaluate gives under each policy (facts shared only when the parameters are equal)', () => {
    fc.assert(
      fc.property(population, ({ asOf, cases }) => {
        const context = diffContext(a, b, { asOf }, { shortcut: false });
        expect(context.parametersChanged.length === 0).toBe(JSON.stringify(a.parameters) === JSON.stringify(b.parameters));
        for (const c of cases) {
          const result = diffCase(context, c);
          expect(result.decisions?.from).toStrictEqual(evaluate(c, a, { asOf }));
          expect(result.decisions?.to).toStrictEqual(evaluate(c, b, { asOf }));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('skipping students whose fired rules are the same changes nothing in the diff', () => {
    fc.assert(
      fc.property(population, ({ asOf, cases }) => {
        const fast = diffContext(a, b, { asOf, sample: cases.length });
        const full = diffContext(a, b, { asOf, sample: cases.length }, { shortcut: false });
        expect(fast.shortcut === null).toBe(fast.parametersChanged.length > 0);
        for (const c of cases) {
          const quick = diffCase(fast, c);
          const built = diffCase(full, c);
          expect(quick.changes).toEqual(built.changes);
          if (quick.decisions === null) expect(built.changes).toEqual([]);
          else expect(quick.decisions).toStrictEqual(built.decisions);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('counts add up, samples only affected students, and picks the same sample in any input order', () => {
    const shuffled = population.chain(({ asOf, cases }) =>
      fc.tuple(fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length }), fc.integer({ min: 0, max: 4 })).map(([order, k]) => ({ asOf, cases, order, k })),
    );
    fc.assert(
      fc.property(shuffled, ({ asOf, cases, order, k }) => {
        const diff = diffPolicies(cases, a, b, { asOf, sample: k });
        const s = diff.students;
        expect(s.affected + s.reexplainedOnly + s.unchanged).toBe(s.evaluated);
        expect(s.evaluated).toBe(cases.length);
        expect(diff.sample.length).toBe(Math.min(k, s.affected));
        for (const sample of diff.sample) expect(sample.changes.some((c) => c.change !== 'reexplained')).toBe(true);
        for (const counts of Object.values(diff.steps)) expect(counts.added + counts.removed + counts.changed).toBeLessThanOrEqual(s.affected);
        const again = diffPolicies(order, a, b, { asOf, sample: k });
        expect(again.sample.map((x) => x.studentId)).toEqual(diff.sample.map((x) => x.studentId));
        expect(again.steps).toEqual(diff.steps);
      }),
      { numRuns: 30 },
    );
  });
});
