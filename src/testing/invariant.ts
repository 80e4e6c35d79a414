import fc, { type Arbitrary } from 'fast-check';
import type { Policy } from '../policy/policy.js';

/** What a failed check reports: what went wrong and the decision's step keys (see `stepKeys`). */
export interface Failure {
  /** One sentence naming the step and what was wrong with it. */
  readonly message: string;
  /** Step keys of the decision that broke the invariant. */
  readonly steps: readonly string[];
  /** Step keys of the decision it was compared with (the reference, the same case shuffled …), if any. */
  readonly compared?: readonly string[];
}

/**
 * One invariant, as data: an id, what it promises, where the promise comes
 * from, the cases it is tried on, and a check that returns a `Failure` or
 * `undefined`. `propertyOf` turns it into a fast-check property;
 * `findViolation` runs it and returns the shrunk counterexample as data.
 */
export interface InvariantCheck<T = unknown> {
  /** Kebab-case id, e.g. `orosanmalan-not-gated`. */
  readonly id: string;
  /** The policy the check was built for: id and version. */
  readonly policy: { readonly id: string; readonly version: string };
  /** What the invariant promises, in one sentence. */
  readonly description: string;
  /** The law, guidance or project default it rests on (the public sources are in docs/sources.md). */
  readonly basis: string;
  /** The values it is tried on. */
  readonly arbitrary: Arbitrary<T>;
  /**
   * `undefined` when the value keeps the promise. (Method syntax on purpose: checks of
   * different value types fit one `InvariantCheck<unknown>` list, e.g. `extra` of `checkInvariants`.)
   */
  check(value: T): Failure | undefined;
}

/** How to run an invariant: fast-check's `numRuns`, `seed` and `path` (to replay a reported failure). */
export interface RunOptions {
  /** Generated cases per invariant (default 100). */
  readonly numRuns?: number;
  /** Seed of the random generator (default: fast-check draws one; the report names it). */
  readonly seed?: number;
  /** Replay path from a report; use together with its `seed`. */
  readonly path?: string;
}

/** A broken invariant with its shrunk counterexample: plain data. */
export interface Violation extends Failure {
  readonly invariant: string;
  readonly description: string;
  readonly basis: string;
  readonly policy: { readonly id: string; readonly version: string };
  /** Seed and path that replay the failure: `{ seed, path }` in the run options. */
  readonly seed: number;
  readonly path: string;
  /** Cases tried before the first failure, and shrinking steps taken after it. */
  readonly numRuns: number;
  readonly numShrinks: number;
  /** The smallest failing value fast-check found (a generated case, never real data). */
  readonly counterexample: unknown;
}

/**
 * Thrown by a property made with `propertyOf` when the check fails; carries the failure as data.
 *
 * @example
 * try { fc.assert(invariants.lagkravKept(policy)); } catch (e) { (e as Error).cause instanceof InvariantFailure } // true when broken
 */
export class InvariantFailure extends Error {
  override readonly name = 'InvariantFailure';
  constructor(
    readonly invariant: string,
    readonly failure: Failure,
  ) {
    super(`${invariant}: ${failure.message} (steps: [${failure.steps.join(', ')}])`);
  }
}

/**
 * A fast-check property of an invariant, for `fc.assert` (or `test.prop`).
 *
 * @param invariant - an invariant check
 * @returns a property that throws `InvariantFailure` on a counterexample
 * @example fc.assert(propertyOf(orosanmalanNotGatedCheck(builtinPolicy('stockholm'))), { numRuns: 200 })
 */
export function propertyOf<T>(invariant: InvariantCheck<T>): fc.IPropertyWithHooks<[T]> {
  return fc.property(invariant.arbitrary, (value) => {
    const failure = invariant.check(value);
    if (failure !== undefined) throw new InvariantFailure(invariant.id, failure);
  });
}

/**
 * Run an invariant and return its shrunk counterexample as data, or
 * `undefined` when every case kept the promise. Errors that are not
 * violations (a generator bug, a crash in `evaluate`) are thrown.
 *
 * @param invariant - an invariant check
 * @param options - `numRuns` (default 100), `seed`, `path`
 * @returns the violation, or undefined
 * @example findViolation(lagkravKeptCheck(myPolicy), { numRuns: 200 })?.counterexample
 */
export function findViolation<T>(invariant: InvariantCheck<T>, options: RunOptions = {}): Violation | undefined {
  const details = fc.check(propertyOf(invariant), {
    numRuns: options.numRuns ?? 100,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  if (!details.failed) return undefined;
  const error = details.errorInstance;
  if (!(error instanceof InvariantFailure) || details.counterexample === null) {
    throw new Error(`invariant ${invariant.id} (policy ${invariant.policy.id}) crashed (seed ${details.seed}, path ${details.counterexamplePath ?? ''}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return {
    invariant: invariant.id,
    description: invariant.description,
    basis: invariant.basis,
    policy: invariant.policy,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
    counterexample: details.counterexample[0],
    ...error.failure,
  };
}

/**
 * A violation as readable text: invariant, policy, what went wrong, how to
 * replay it, the decision's steps and the shrunk counterexample as JSON.
 *
 * @param violation - from `findViolation` / `findViolations`
 * @returns several lines of text
 * @example formatViolation(v) // 'Invariant "orosanmalan-not-gated" broken by policy stockholm 2026.1: …'
 */
export function formatViolation(violation: Violation): string {
  return [
    `Invariant "${violation.invariant}" broken by policy ${violation.policy.id} ${violation.policy.version}: ${violation.message}`,
    `  promise: ${violation.description}`,
    `  basis: ${violation.basis}`,
    `  replay: { seed: ${violation.seed}, path: "${violation.path}" } (after ${violation.numRuns} runs, shrunk in ${violation.numShrinks} steps)`,
    `  steps: [${violation.steps.join(', ')}]`,
    ...(violation.compared === undefined ? [] : [`  compared with: [${violation.compared.join(', ')}]`]),
    `  counterexample: ${JSON.stringify(violation.counterexample)}`,
  ].join('\n');
}

/**
 * The policy's identity as a check names it.
 *
 * @param policy - a loaded policy
 * @returns `{ id, version }`
 * @example policyRef(builtinPolicy('stockholm')) // { id: 'stockholm', version: '2026.1' }
 */
export function policyRef(policy: Policy): { readonly id: string; readonly version: string } {
  return { id: policy.id, version: policy.version };
}
