import { dayNumber, isoDate } from '../calendar/dayNumber.js';
import { MAX_SERIES_WEEKS, type WeeklySeries } from '../model/decision.js';
import type { DecisionRecord } from './compactDecision.js';

/**
 * A school's weekly series: the students' minutes added week by week (weeks
 * matched by their Monday), over the span of every student's series, at
 * most the last `MAX_SERIES_WEEKS` weeks.
 *
 * @param decisions - one school's decisions
 * @returns the sum, or null when no decision has a series
 * @example schoolSeries([a, b])?.scheduled // a.series.scheduled plus b.series.scheduled, week by week
 */
export function schoolSeries(decisions: readonly DecisionRecord[]): WeeklySeries | null {
  const all = decisions.map((d) => d.series).filter((s): s is WeeklySeries => s !== null && s !== undefined);
  if (all.length === 0) return null;
  const last = Math.max(...all.map((s) => dayNumber(s.firstWeek) + 7 * (s.scheduled.length - 1)));
  const first = Math.max(Math.min(...all.map((s) => dayNumber(s.firstWeek))), last - 7 * (MAX_SERIES_WEEKS - 1));
  const weeks = (last - first) / 7 + 1;
  const sum = { scheduled: new Array<number>(weeks).fill(0), valid: new Array<number>(weeks).fill(0), invalid: new Array<number>(weeks).fill(0) };
  for (const s of all) {
    const offset = (dayNumber(s.firstWeek) - first) / 7;
    for (const kind of ['scheduled', 'valid', 'invalid'] as const) {
      s[kind].forEach((m, i) => {
        const at = offset + i;
        if (at >= 0 && at < weeks) sum[kind][at] = (sum[kind][at] ?? 0) + m;
      });
    }
  }
  return { firstWeek: isoDate(first), ...sum };
}
