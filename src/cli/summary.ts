import type { Decision } from '../model/decision.js';

/**
 * Counts for one run; `read = evaluated + rejected` for cases and
 * `read = accepted + excluded + rejected` for records (`excluded`: lessons
 * deliberately left out, e.g. cancelled lessons in an SS 12000 export).
 */
export interface RunSummary {
  cases: { read: number; evaluated: number; rejected: number };
  records: { read: number; accepted: number; rejected: number; excluded?: number };
  steps: Record<string, number>;
  blocked: Record<string, number>;
  /** Students per typology hypothesis, as `type strength` (e.g. `skolvagran stark`). */
  typology: Record<string, number>;
  warnings: Record<string, number>;
}

/**
 * An empty summary.
 *
 * @returns zeroed counts
 * @example emptySummary().cases.read // 0
 */
export function emptySummary(): RunSummary {
  return {
    cases: { read: 0, evaluated: 0, rejected: 0 },
    records: { read: 0, accepted: 0, rejected: 0 },
    steps: {},
    blocked: {},
    typology: {},
    warnings: {},
  };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Add one decision's steps and warnings to the summary.
 *
 * @param summary - mutated in place
 * @param decision - the decision
 * @example addDecision(summary, decision)
 */
export function addDecision(summary: RunSummary, decision: Decision): void {
  for (const step of decision.steps) bump(step.status === 'blocked' ? summary.blocked : summary.steps, step.id);
  for (const w of decision.warnings) bump(summary.warnings, w.kind);
  for (const h of decision.typology.hypotheses) bump(summary.typology, `${h.type} ${h.strength}`);
}

/**
 * The summary as an aligned text table.
 *
 * @param s - the summary
 * @returns multi-line text
 * @example formatSummary(summary)
 */
export function formatSummary(s: RunSummary): string {
  const lines = [
    `students: ${s.cases.read} read = ${s.cases.evaluated} evaluated + ${s.cases.rejected} rejected`,
    `lesson records: ${s.records.read} read = ${s.records.accepted} accepted + ${
      (s.records.excluded ?? 0) > 0 ? `${s.records.excluded} excluded (cancelled or not taking part) + ` : ''
    }${s.records.rejected} rejected`,
    'steps (students):',
  ];
  const ids = [...new Set([...Object.keys(s.steps), ...Object.keys(s.blocked)])].sort();
  const width = Math.max(0, ...ids.map((id) => id.length));
  for (const id of ids) {
    const blocked = s.blocked[id] ?? 0;
    lines.push(`  ${id.padEnd(width)}  ${String(s.steps[id] ?? 0).padStart(6)}${blocked > 0 ? `  (+${blocked} blocked, waiting for consent)` : ''}`);
  }
  const types = Object.keys(s.typology).sort();
  if (types.length > 0) {
    lines.push('typology, advisory (students):');
    const w = Math.max(...types.map((t) => t.length));
    for (const t of types) lines.push(`  ${t.padEnd(w)}  ${String(s.typology[t]).padStart(6)}`);
  }
  if (Object.keys(s.warnings).length > 0) {
    lines.push('data-quality warnings (students):');
    for (const [kind, n] of Object.entries(s.warnings).sort()) lines.push(`  ${kind}  ${n}`);
  }
  return lines.join('\n');
}
