import fc from 'fast-check';
import type { StudentCaseInput } from '../../model/studentCase.js';
import type { Policy } from '../../policy/policy.js';
import { decideCase, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { datedCases, type InvariantOptions } from './options.js';

/** A case, and the same case with its lessons, signals and measures in another order. */
export interface ShuffledCase {
  readonly asOf: string;
  readonly input: StudentCaseInput;
  readonly shuffled: StudentCaseInput;
}

function permutation<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

/**
 * Determinism: the same case gives the same decision, byte for byte, when
 * evaluated twice and when its lessons, signals and measures come in another
 * order (architecture.md: "Same input, same output, byte for byte"; a batch
 * reads records in whatever order the school system exports them).
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`
 * @returns the invariant check
 * @example findViolation(determinismCheck(builtinPolicy('goteborg'))) // undefined
 */
export function determinismCheck(policy: Policy, options: InvariantOptions = {}): InvariantCheck<ShuffledCase> {
  const arbitrary = datedCases(options).chain(({ asOf, input }) =>
    fc
      .record({ attendance: permutation(input.attendance ?? []), signals: permutation(input.signals ?? []), measures: permutation(input.measures ?? []) })
      .map((order) => ({ asOf, input, shuffled: { ...input, ...order } })),
  );
  return {
    id: 'determinism',
    policy: policyRef(policy),
    description: 'The same case gives the same decision, also evaluated twice and with lessons, signals and measures in another order.',
    basis: 'evaluate is pure: same input, same output; the context is an argument, never a global (docs/library.md)',
    arbitrary,
    check: ({ asOf, input, shuffled }) => {
      const first = decideCase(input, policy, asOf, options.calendar);
      const text = JSON.stringify(first);
      const again = JSON.stringify(decideCase(input, policy, asOf, options.calendar));
      if (again !== text) return { message: 'evaluating the same case twice gave different decisions', steps: stepKeys(first) };
      const other = decideCase(shuffled, policy, asOf, options.calendar);
      if (JSON.stringify(other) !== text) {
        return { message: 'the same case in another input order gave a different decision', steps: stepKeys(first), compared: stepKeys(other) };
      }
      return undefined;
    },
  };
}
