import type { Decision } from '../model/decision.js';
import { compactDecision } from './compactDecision.js';
import { formatDecision } from './decisionText.js';
import type { Lang } from './text.js';

/**
 * How a run writes its decisions (`--json`, `--details`, `--lang`): the
 * presentation, kept apart from what is evaluated. Plain data: the batch
 * sends it to worker threads, which render their buckets.
 */
export interface OutputFormat {
  /**
   * `json`: one full decision per line (NDJSON); `compact`: one compact
   * decision per line (`compactDecision`: no why-not evidence, the policy by
   * id, version and hash); `text`: readable text; `none`: summary only.
   */
  readonly output: 'json' | 'compact' | 'text' | 'none';
  /** For text: `with-steps` (students with steps), `all`, `none`. */
  readonly details: 'with-steps' | 'all' | 'none';
  readonly lang: Lang;
}

/** The two JSON forms of a decision: the whole decision, or its compact projection (`compactDecision`). */
export type DecisionForm = 'full' | 'compact';

/**
 * A decision as one JSON line (without the line break), in either form.
 *
 * @param decision - the decision
 * @param form - `full` (the decision as it is) or `compact` (`compactDecision`)
 * @returns its JSON
 * @example decisionJson(decision, 'compact') // '{"studentId":"s1","schoolId":"skola-1","asOf":"2026-11-23","policy":{"id":"stockholm",…},…}'
 */
export function decisionJson(decision: Decision, form: DecisionForm): string {
  return JSON.stringify(form === 'full' ? decision : compactDecision(decision));
}

/**
 * One decision as a run writes it, without the final line break: its JSON
 * (`json`, `compact`), its text followed by a blank line (`text`, for the students
 * `details` selects), or undefined when it is not written.
 *
 * @param decision - the decision
 * @param format - the run's output format
 * @param json - the decision's JSON in the form `format` asks for, when the caller already has it
 * @returns the text to write, or undefined
 * @example decisionOutput(decision, { output: 'json', details: 'none', lang: 'sv' }) // '{"studentId":"s1",…}'
 * @example decisionOutput(decision, { output: 'compact', details: 'none', lang: 'sv' }) // '{"studentId":"s1",…}' without notRecommended
 */
export function decisionOutput(decision: Decision, format: OutputFormat, json?: string): string | undefined {
  if (format.output === 'json') return json ?? decisionJson(decision, 'full');
  if (format.output === 'compact') return json ?? decisionJson(decision, 'compact');
  if (format.output === 'none') return undefined;
  if (format.details === 'all' || (format.details === 'with-steps' && decision.steps.length > 0)) return `${formatDecision(decision, format.lang)}\n`;
  return undefined;
}

/**
 * The JSON form an output format writes decisions in, if any.
 *
 * @param format - the run's output format
 * @returns `full` for `json`, `compact` for `compact`, else undefined
 * @example jsonFormOf({ output: 'compact', details: 'none', lang: 'sv' }) // 'compact'
 */
export function jsonFormOf(format: OutputFormat): DecisionForm | undefined {
  if (format.output === 'json') return 'full';
  if (format.output === 'compact') return 'compact';
  return undefined;
}
