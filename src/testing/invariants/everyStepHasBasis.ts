import type { DatedCase } from '../arbitraries/index.js';
import type { Policy } from '../../policy/policy.js';
import { decideCase, stepKeys } from '../decide.js';
import { policyRef, type InvariantCheck } from '../invariant.js';
import { datedCases, type InvariantOptions } from './options.js';

const filled = (text: string | undefined): boolean => text !== undefined && text.trim().length > 0;

/**
 * Every step explains itself: it has at least one reason, each reason names
 * a rule of this policy (or a policy it extends) and a basis with citation,
 * source and a link to the source's text (architecture.md "Every output explains itself";
 * domain.md §0.1 layering: every duty from law or policy, cited).
 *
 * @param policy - the policy under test
 * @param options - `asOf`, `calendar`
 * @returns the invariant check
 * @example findViolation(everyStepHasBasisCheck(builtinPolicy('stockholm'))) // undefined
 */
export function everyStepHasBasisCheck(policy: Policy, options: InvariantOptions = {}): InvariantCheck<DatedCase> {
  const rules = new Set(policy.rules.map((r) => `${r.policyId}/${r.id}`));
  return {
    id: 'every-step-has-basis',
    policy: policyRef(policy),
    description: 'Every step has a reason naming a rule of the policy and a basis (citation, source, url).',
    basis: 'Every output explains itself: every duty from a cited law or policy, with a link to its public text (docs/sources.md)',
    arbitrary: datedCases(options),
    check: ({ asOf, input }) => {
      const d = decideCase(input, policy, asOf, options.calendar);
      for (const s of d.steps) {
        const key = s.forStep === undefined ? s.id : `${s.id}>${s.forStep}`;
        if (s.reasons.length === 0) return { message: `${key} has no reason`, steps: stepKeys(d) };
        for (const r of s.reasons) {
          if (!rules.has(`${r.policyId}/${r.ruleId}`)) return { message: `${key} cites rule ${r.policyId}/${r.ruleId}, which the policy does not have`, steps: stepKeys(d) };
          if (!filled(r.basis.citation) || !filled(r.basis.source) || !filled(r.basis.url)) {
            return { message: `${key} (rule ${r.ruleId}) has an empty basis`, steps: stepKeys(d) };
          }
        }
      }
      return undefined;
    },
  };
}
