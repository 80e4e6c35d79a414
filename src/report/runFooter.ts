import type { Policy } from '../policy/policy.js';
import type { RunFigures, RunSummary } from '../run/runSummary.js';
import { formatSummary, SUMMARY_TEXT } from './summaryText.js';
import { say, type Templates } from '../model/template.js';
import type { Lang } from './text.js';

/** The batch's own figures, sv and en. */
export const BATCH_STATS_TEXT = {
  stats: {
    sv: '{workers} {workers|tråd|trådar}, {buckets} {buckets|del|delar}, {seconds} s, högst {memory} MiB minne',
    en: '{workers} {workers|worker|workers}, {buckets} {buckets|bucket|buckets}, {seconds} s, peak memory {memory} MiB',
  },
} as const satisfies Templates;

/**
 * The batch's figures as one line: threads, buckets, wall time and peak memory.
 *
 * @param figures - from the batch report
 * @param lang - output language (default sv)
 * @returns one line
 * @example formatBatchStats({ workers: 2, buckets: 8, seconds: { total: 12.34 }, peakRssMb: 310 }, 'sv') // '2 trådar, 8 delar, 12,3 s, högst 310 MiB minne'
 * @example formatBatchStats({ workers: 1, buckets: 1, seconds: { total: 0.5 }, peakRssMb: 90 }, 'en') // '1 worker, 1 bucket, 0.5 s, peak memory 90 MiB'
 */
export function formatBatchStats(figures: Pick<RunFigures, 'workers' | 'buckets' | 'peakRssMb'> & { readonly seconds: Pick<RunFigures['seconds'], 'total'> }, lang: Lang = 'sv'): string {
  return say(BATCH_STATS_TEXT.stats, lang, {
    workers: figures.workers,
    buckets: figures.buckets,
    seconds: lang === 'sv' ? figures.seconds.total.toFixed(1).replace('.', ',') : figures.seconds.total.toFixed(1),
    memory: figures.peakRssMb,
  });
}

/**
 * The text a run ends with: the policy (id, version, the first 12 characters
 * of its hash) and date, the summary, the batch's own figures when given, and
 * the coverage text when counted.
 *
 * @param policy - the policy used
 * @param asOf - the evaluation date
 * @param summary - the run's counts
 * @param extra - `stats` (`formatBatchStats`) and `coverage` text, each a block of lines; `lang`, the output language (default sv)
 * @returns the text, ending with a line break
 * @example runFooter(policy, '2026-11-23', summary) // 'policy stockholm 2026.1 (3f2a…), per 2026-11-23\nelever: 3 lästa = …\n'
 * @example runFooter(policy, '2026-11-23', summary, { lang: 'en' }) // 'policy stockholm 2026.1 (3f2a…), as of 2026-11-23\nstudents: 3 read = …\n'
 */
export function runFooter(
  policy: Pick<Policy, 'id' | 'version' | 'hash'>,
  asOf: string,
  summary: RunSummary,
  extra: { readonly stats?: string; readonly coverage?: string; readonly lang?: Lang } = {},
): string {
  const lang = extra.lang ?? 'sv';
  const header = say(SUMMARY_TEXT.header, lang, { id: policy.id, version: policy.version, hash: policy.hash.slice(0, 12), asOf });
  return `${header}\n${formatSummary(summary, lang)}\n${extra.stats === undefined ? '' : `${extra.stats}\n`}${extra.coverage === undefined ? '' : `\n${extra.coverage}\n`}`;
}
