import type { Decision } from '../model/decision.js';
import type { StudentCaseInput } from '../model/studentCase.js';
import { stepKeys } from './decide.js';
import type { ExampleCaseInput } from './exampleTable.js';

/** What `toExampleCase` needs of a counterexample: the kit's `{ asOf, input }` (a `DatedCase`, or a `Violation`'s case). */
export interface CounterexampleInput {
  readonly asOf: string;
  readonly input: StudentCaseInput;
}

/** Options for `toExampleCase`. */
export interface ToExampleCaseOptions {
  /** The policy the case runs under: a bundled id or a policy file path, as the table writes it. */
  readonly policy: string;
  /** The case's name (default: `counterexample <student id> on <asOf>`). */
  readonly name?: string;
  /** What the case encodes, e.g. the invariant's basis. */
  readonly source?: string;
  /**
   * The decision to pre-fill `expect` from (its steps, as keys). Without it
   * `expect` is empty: write what the law or guideline requires.
   */
  readonly decision?: Decision;
}

/**
 * Turn a property-test counterexample into an example-table case the author
 * can keep as a regression: the same student, consents, signals and
 * measures, and its lessons written out (`attendance.lessons`, exactly the
 * shrunk records). Pre-filled from a decision, `expect` says what Trappa does
 * now; edit it to what it should do.
 *
 * @param counterexample - `{ asOf, input }` (more keys are ignored) from a kit violation (`findViolation(...).counterexample`) or `arbitraryDatedCase`
 * @param options - the policy spec, and optionally name, source and the current decision
 * @returns a case for a table's `cases` (serialise it with JSON.stringify or YAML)
 * @throws {TypeError} when the value has no `asOf` and `input`
 * @example
 * toExampleCase({ asOf: '2026-08-17', input }, { policy: 'stockholm', source: 'SoL 14:1' })
 * //=> { name: 'counterexample elev-1 on 2026-08-17', source: 'SoL 14:1', policy: 'stockholm', asOf: '2026-08-17', student: {...}, attendance: { lessons: [] }, consents: {}, signals: [...], measures: [], expect: { steps: [], notSteps: [] } }
 */
export function toExampleCase(counterexample: CounterexampleInput | unknown, options: ToExampleCaseOptions): ExampleCaseInput {
  if (!isCounterexample(counterexample)) throw new TypeError('toExampleCase needs a counterexample with asOf (YYYY-MM-DD) and input (a StudentCaseInput)');
  const { asOf, input } = JSON.parse(JSON.stringify(counterexample)) as CounterexampleInput;
  return {
    name: options.name ?? `counterexample ${input.student.id} on ${asOf}`,
    ...(options.source === undefined ? {} : { source: options.source }),
    policy: options.policy,
    asOf,
    student: input.student as unknown as Record<string, unknown>,
    attendance: { lessons: [...(input.attendance ?? [])] },
    consents: input.consents ?? {},
    signals: [...(input.signals ?? [])],
    measures: [...(input.measures ?? [])],
    expect: { steps: options.decision === undefined ? [] : stepKeys(options.decision), notSteps: [] },
  };
}

function isCounterexample(x: unknown): x is CounterexampleInput {
  if (typeof x !== 'object' || x === null) return false;
  const { asOf, input } = x as { asOf?: unknown; input?: unknown };
  return typeof asOf === 'string' && typeof input === 'object' && input !== null && 'student' in input;
}
