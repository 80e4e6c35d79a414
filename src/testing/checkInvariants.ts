import type { Policy } from '../policy/policy.js';
import { findViolation, formatViolation, type InvariantCheck, type RunOptions, type Violation } from './invariant.js';
import { invariantChecks, type InvariantId } from './invariants/index.js';
import type { LagkravKeptOptions } from './invariants/lagkravKept.js';

/** Options for `findViolations` and `checkInvariants`. */
export interface CheckOptions extends RunOptions, LagkravKeptOptions {
  /** Run only these ready-made invariants (default: all). */
  readonly only?: readonly InvariantId[];
  /** More checks to run after the ready-made ones, e.g. `thresholdBoundary(policy, …)`. */
  readonly extra?: ReadonlyArray<InvariantCheck<unknown>>;
}

/**
 * Thrown by `checkInvariants`: the message shows every violation; `violations` holds them as data.
 *
 * @example
 * try { checkInvariants(policy); } catch (e) { if (e instanceof InvariantError) e.violations.map((v) => v.invariant); } // e.g. ['lagkrav-kept']
 */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
  constructor(readonly violations: readonly Violation[]) {
    super(`${violations.length} invariant(s) broken:\n\n${violations.map(formatViolation).join('\n\n')}`);
  }
}

/**
 * Run every invariant against a policy and return the broken ones, each
 * with its shrunk counterexample, as data (nothing is thrown for a
 * violation). Every invariant gets the same `numRuns`, `seed` and `path`.
 *
 * @param policy - the policy under test
 * @param options - run options, `asOf`, `calendar`, `reference`, `only`, `extra`
 * @returns the violations, in invariant order; empty when the policy keeps every promise
 * @example findViolations(builtinPolicy('stockholm'), { numRuns: 50, seed: 1 }) // []
 */
export function findViolations(policy: Policy, options: CheckOptions = {}): Violation[] {
  const chosen = invariantChecks(policy, options).filter((c) => options.only === undefined || options.only.includes(c.id));
  return [...chosen, ...(options.extra ?? [])].flatMap((check) => findViolation(check, options) ?? []);
}

/**
 * Run every invariant against a policy with fast-check and throw an
 * `InvariantError` naming each broken invariant, its seed and path, the
 * decision's steps and the shrunk counterexample as JSON. One line in a test.
 *
 * @param policy - the policy under test
 * @param options - run options (`numRuns` default 100, `seed`, `path`), `asOf`, `calendar`, `reference`, `only`, `extra`
 * @throws {InvariantError} when an invariant is broken
 * @example it('keeps the invariants', () => checkInvariants(loadPolicy(json, resolveBuiltinPolicy), { asOf: '2026-11-23' }));
 */
export function checkInvariants(policy: Policy, options: CheckOptions = {}): void {
  const violations = findViolations(policy, options);
  if (violations.length > 0) throw new InvariantError(violations);
}
