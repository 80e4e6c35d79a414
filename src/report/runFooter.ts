import type { Policy } from '../policy/policy.js';
import type { RunSummary } from '../run/runSummary.js';
import { formatSummary } from './summaryText.js';

/**
 * The text a run ends with: the policy (id, version, the first 12 characters
 * of its hash) and date, the summary, the batch's own figures when given, and
 * the coverage text when counted.
 *
 * @param policy - the policy used
 * @param asOf - the evaluation date
 * @param summary - the run's counts
 * @param extra - `stats` (workers, time, memory) and `coverage` text, each a block of lines
 * @returns the text, ending with a line break
 * @example runFooter(policy, '2026-11-23', summary) // 'policy stockholm 2026.1 (3f2a…), as of 2026-11-23\nstudents: 3 read = …\n'
 */
export function runFooter(policy: Pick<Policy, 'id' | 'version' | 'hash'>, asOf: string, summary: RunSummary, extra: { readonly stats?: string; readonly coverage?: string } = {}): string {
  const header = `policy ${policy.id} ${policy.version} (${policy.hash.slice(0, 12)}), as of ${asOf}`;
  return `${header}\n${formatSummary(summary)}\n${extra.stats === undefined ? '' : `${extra.stats}\n`}${extra.coverage === undefined ? '' : `\n${extra.coverage}\n`}`;
}
