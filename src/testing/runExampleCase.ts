import { parseStudentCase } from '../adapters/parseStudentCase.js';
import { evaluate } from '../evaluate.js';
import type { Decision } from '../model/decision.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { Policy } from '../policy/policy.js';
import { compareDecision, type Difference, type ExpandedCase } from './exampleTable.js';

/** The outcome of one example case: passed, failed with differences, or an input error (the case itself is wrong). */
export type ExampleResult =
  | {
      readonly name: string;
      readonly source: string | undefined;
      readonly status: 'passed' | 'failed';
      readonly differences: readonly Difference[];
      readonly decision: Decision;
    }
  | { readonly name: string; readonly source: string | undefined; readonly status: 'error'; readonly error: string };

/**
 * Run one expanded case: `parseStudentCase` (a rejected case or lesson is an
 * `error`, naming the fields), `evaluate` on its `asOf`, and `compareDecision`.
 *
 * @param c - from `expandCase`
 * @param policy - the loaded policy named by `c.policy`
 * @param calendar - the school calendar (default: `defaultCalendarFor(c.asOf)`)
 * @returns the result, with the decision for explanations and coverage
 * @example runExampleCase(expandCase(table, 0), builtinPolicy('stockholm')).status //=> 'passed'
 */
export function runExampleCase(c: ExpandedCase, policy: Policy, calendar?: SchoolCalendar): ExampleResult {
  const base = { name: c.name, source: c.source };
  const parsed = parseStudentCase(c.input);
  if (!parsed.ok) return { ...base, status: 'error', error: `the case is not a valid StudentCase: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
  if (parsed.rejectedRecords.length > 0) {
    const issues = parsed.rejectedRecords.flatMap((r) => r.issues.map((i) => `${i.path}: ${i.message}`));
    return { ...base, status: 'error', error: `lessons rejected: ${[...new Set(issues)].join('; ')}` };
  }
  let decision: Decision;
  try {
    decision = evaluate(parsed.case, policy, { asOf: c.asOf, ...(calendar === undefined ? {} : { calendar }) });
  } catch (error) {
    return { ...base, status: 'error', error: error instanceof Error ? error.message : String(error) };
  }
  const differences = compareDecision(decision, c.expect);
  return { ...base, status: differences.length === 0 ? 'passed' : 'failed', differences, decision };
}
