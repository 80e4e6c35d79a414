/**
 * Helpers for the "duties over time" acceptance tests (issue 10): run the
 * public pipeline (`parseStudentCase` on the case's JSON → `builtinPolicy` →
 * `evaluate`) with an optional earlier night, and look steps up.
 */
import {
  builtinPolicy,
  evaluate,
  parseStudentCase,
  type BuiltinPolicyId,
  type Decision,
  type Step,
  type StepId,
  type StudentCaseInput,
} from '../../src/index.js';

/** What `evaluate` keeps of an earlier night: its date and steps. */
export interface Night {
  readonly asOf: string;
  readonly steps: Decision['steps'];
}

/** Parse the case as a caller would send it; a rejected fixture is a broken test. */
export function parsed(input: StudentCaseInput) {
  const result = parseStudentCase(JSON.parse(JSON.stringify(input)) as unknown);
  if (!result.ok) throw new Error(`fixture rejected: ${JSON.stringify(result.issues)}`);
  if (result.rejectedRecords.length > 0) throw new Error(`fixture lessons rejected: ${JSON.stringify(result.rejectedRecords)}`);
  return result.case;
}

/** Evaluate a case on `asOf` under a built-in policy, optionally with the previous night's decision. */
export function night(input: StudentCaseInput, asOf: string, policy: BuiltinPolicyId = 'skollagen', previous?: Night): Decision {
  const options = previous === undefined ? { asOf } : { asOf, previous: { asOf: previous.asOf, steps: previous.steps } };
  return evaluate(parsed(input), builtinPolicy(policy), options);
}

/** The step `id` itself (not a consent request for it), or undefined. */
export function findStep(decision: Decision, id: StepId): Step | undefined {
  return decision.steps.find((s) => s.id === id && s.forStep === undefined);
}

/** The step `id`; throws, naming the steps there are, when it is missing. */
export function stepOf(decision: Decision, id: StepId): Step {
  const found = findStep(decision, id);
  if (found === undefined) throw new Error(`step "${id}" not recommended on ${decision.asOf}; steps: [${decision.steps.map((s) => s.id).join(', ')}]`);
  return found;
}

/** Key of a step in a decision: its id, or `samtycke>forStep` for a consent request. */
export function keyOf(s: Pick<Step, 'id' | 'forStep'>): string {
  return s.forStep === undefined ? s.id : `${s.id}>${s.forStep}`;
}
