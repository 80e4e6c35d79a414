import { parseStudentCase } from '../adapters/parseStudentCase.js';
import { evaluate } from '../evaluate.js';
import type { Decision } from '../model/decision.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCaseInput } from '../model/studentCase.js';
import type { StepId } from '../model/vocabulary.js';
import type { Policy } from '../policy/policy.js';

/**
 * Run the public pipeline on one generated case: `parseStudentCase` (on the
 * case's JSON text, as a caller would send it) and `evaluate`. A case the
 * schema refuses is a broken generator, not a finding: it throws, naming the
 * student id and the fields (never their values).
 *
 * @param input - a case as a caller writes it
 * @param policy - the policy to evaluate under
 * @param asOf - the evaluation date
 * @param calendar - the school calendar (default: `defaultCalendarFor(asOf)`)
 * @param previous - an earlier night's decision for the case (see `EvaluateOptions.previous`)
 * @returns the decision
 * @throws {Error} when the case or one of its lessons is rejected
 * @example decideCase(input, builtinPolicy('stockholm'), '2026-11-23').steps.map((s) => s.id) // e.g. ['orosanmalan', …]
 */
export function decideCase(input: StudentCaseInput, policy: Policy, asOf: string, calendar?: SchoolCalendar, previous?: Decision): Decision {
  const parsed = parseStudentCase(JSON.parse(JSON.stringify(input)) as unknown);
  if (!parsed.ok) throw new Error(`generated case ${input.student.id} rejected: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  if (parsed.rejectedRecords.length > 0) {
    throw new Error(`generated case ${input.student.id}: lessons rejected: ${parsed.rejectedRecords.flatMap((r) => r.issues.map((i) => i.path)).join(', ')}`);
  }
  return evaluate(parsed.case, policy, {
    asOf,
    ...(calendar === undefined ? {} : { calendar }),
    ...(previous === undefined ? {} : { previous }),
  });
}

/**
 * The steps of a decision as sorted keys; a consent request is keyed by the
 * step it asks for (`samtycke>sip`).
 *
 * @param decision - a decision
 * @returns sorted, distinct keys
 * @example stepKeys(decision) // e.g. ['eht', 'rektor-utredning', 'samtycke>skolsocialt-team', 'skolsocialt-team']
 */
export function stepKeys(decision: Decision): string[] {
  return [...new Set(decision.steps.map(stepKeyOf))].sort();
}

/**
 * One step's key as `stepKeys` writes it (`samtycke>sip` for a consent request).
 *
 * @param s - a step
 * @returns the key
 * @example stepKeyOf({ id: 'samtycke', forStep: 'sip' }) // 'samtycke>sip'
 */
export function stepKeyOf(s: Pick<Decision['steps'][number], 'id' | 'forStep'>): string {
  return s.forStep === undefined ? s.id : `${s.id}>${s.forStep}`;
}

/**
 * Whether the decision recommends the step itself (any status; not a consent request for it).
 *
 * @param decision - a decision
 * @param id - a step id
 * @returns true when the step is in `decision.steps`
 * @example hasStep(decision, 'orosanmalan') // true for a child with suspected harm
 */
export function hasStep(decision: Decision, id: StepId): boolean {
  return decision.steps.some((s) => s.id === id && s.forStep === undefined);
}
