import type { Decision } from '../model/decision.js';
import { formatDecision } from './decisionText.js';
import type { Lang } from './text.js';

/**
 * How a run writes its decisions (`--json`, `--details`, `--lang`): the
 * presentation, kept apart from what is evaluated. Plain data: the batch
 * sends it to worker threads, which render their buckets.
 */
export interface OutputFormat {
  /** `json`: one decision per line (NDJSON); `text`: readable text; `none`: summary only. */
  readonly output: 'json' | 'text' | 'none';
  /** For text: `with-steps` (students with steps), `all`, `none`. */
  readonly details: 'with-steps' | 'all' | 'none';
  readonly lang: Lang;
}

/**
 * One decision as a run writes it, without the final line break: its JSON
 * (`json`), its text followed by a blank line (`text`, for the students
 * `details` selects), or undefined when it is not written.
 *
 * @param decision - the decision
 * @param format - the run's output format
 * @param json - the decision's JSON when the caller already has it
 * @returns the text to write, or undefined
 * @example decisionOutput(decision, { output: 'json', details: 'none', lang: 'sv' }) // '{"studentId":"s1",…}'
 */
export function decisionOutput(decision: Decision, format: OutputFormat, json?: string): string | undefined {
  if (format.output === 'json') return json ?? JSON.stringify(decision);
  if (format.output === 'none') return undefined;
  if (format.details === 'all' || (format.details === 'with-steps' && decision.steps.length > 0)) return `${formatDecision(decision, format.lang)}\n`;
  return undefined;
}
