import type { Policy } from '../policy/policy.js';
import type { CoverageCounts } from '../testing/coverageCounts.js';
import { coverageBelow, coverageJson, coverageReport, type CoverageJson, type PolicyCoverage } from '../testing/ruleCoverage.js';
import { formatBelowThreshold, formatPolicyCoverage } from '../report/coverageText.js';
import type { Lang } from '../report/decisionText.js';
import { UsageError } from './usageError.js';
import { both } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';

/**
 * `--coverage` and `--threshold <pct>` as options: whether to count, and the threshold.
 *
 * @param coverage - the `--coverage` flag
 * @param threshold - the `--threshold` text, if given
 * @returns `{ coverage, threshold }`; a threshold implies coverage
 * @throws {UsageError} when the threshold is not a number from 0 to 100
 * @example coverageOptions(false, '80') //=> { coverage: true, threshold: 80 }
 */
export function coverageOptions(coverage: boolean | undefined, threshold: string | undefined): { coverage: boolean; threshold: number | undefined } {
  if (threshold === undefined) return { coverage: coverage === true, threshold: undefined };
  const n = Number(threshold);
  if (threshold.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(both(USAGE_TEXT.threshold, { value: `"${threshold}"` }));
  return { coverage: true, threshold: n };
}

/** A run's coverage, ready to print: the report's JSON fields, the text, and the policies under the threshold. */
export interface CoverageOutcome {
  readonly json: CoverageJson;
  /** The coverage text, one block per policy. */
  readonly text: string;
  /** One line per policy under the threshold (for stderr). */
  readonly belowText: readonly string[];
  readonly below: readonly PolicyCoverage[];
}

/**
 * Report counted coverage: JSON, text (sv or en) and the threshold's verdict.
 *
 * @param counts - the run's counts
 * @param policies - the policies to report, in order
 * @param options - the threshold (leaf coverage in per cent); `gated`: the policies it applies to (default all);
 *   the language; `summaryOnly`: policies shown by their summary lines only (unless gated); `labels`: a prefix
 *   for a policy's first line, by hash (`diff` says which side is which)
 * @returns the outcome; `below` is empty when the threshold is met or not given
 * @example coverageOutcome(counts, [policy], { threshold: 80, lang: 'en' }).below.length //=> 0 when leaf coverage is 80 % or more
 */
export function coverageOutcome(
  counts: CoverageCounts,
  policies: readonly Policy[],
  options: { readonly threshold: number | undefined; readonly lang: Lang; readonly gated?: readonly Policy[]; readonly summaryOnly?: readonly Policy[]; readonly labels?: ReadonlyMap<string, string> },
): CoverageOutcome {
  const report = coverageReport(counts, policies);
  const gated = new Set((options.gated ?? policies).map((p) => p.hash));
  const summaryOnly = new Set((options.summaryOnly ?? []).map((p) => p.hash));
  const below = options.threshold === undefined ? [] : coverageBelow(report, options.threshold).filter((p) => gated.has(p.hash));
  const json = coverageJson(report, options.threshold);
  return {
    json: options.threshold === undefined ? json : { ...json, belowThreshold: below.map((p) => p.policyId) },
    text: report.policies
      .flatMap((p) => {
        const lines = formatPolicyCoverage(p, options.lang, summaryOnly.has(p.hash) && !gated.has(p.hash) ? 'summary' : 'full');
        const label = options.labels?.get(p.hash);
        return label === undefined ? lines : [`${label}${lines[0] ?? ''}`, ...lines.slice(1)];
      })
      .join('\n'),
    belowText: options.threshold === undefined ? [] : formatBelowThreshold(below, options.threshold, options.lang),
    below,
  };
}
