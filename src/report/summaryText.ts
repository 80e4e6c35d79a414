import { CHANGE_KINDS } from '../run/changes.js';
import type { RunSummary } from '../run/runSummary.js';

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
    `lesson records: ${s.records.read} read = ${s.records.accepted} accepted + ${s.records.duplicate} duplicate + ${
      (s.records.excluded ?? 0) > 0 ? `${s.records.excluded} excluded (cancelled or not taking part) + ` : ''
    }${s.records.rejected} rejected`,
    ...(s.ignoredColumns === undefined || s.ignoredColumns.length === 0 ? [] : [`ignored columns: ${s.ignoredColumns.join(', ')}`]),
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
  if (s.changes !== undefined) {
    lines.push('changes since the previous run (steps):');
    for (const kind of CHANGE_KINDS) lines.push(`  ${kind.padEnd(19)}  ${String(s.changes[kind] ?? 0).padStart(6)}`);
  }
  const m = s.missingStudents;
  if (m !== undefined && (m.students > 0 || (m.unidentifiedLines ?? 0) > 0)) {
    lines.push(`students of the previous run missing tonight: ${m.students}, ${m.stepsKeptOpen} of their steps kept open`);
    if (m.closingsWithheld === true) lines.push(`  nothing closed for absence: ${m.unidentifiedLines} student line(s) carry no id (--allow-missing-students closes anyway)`);
    else if ((m.unidentifiedLines ?? 0) > 0) lines.push(`  closed for absence although ${m.unidentifiedLines} student line(s) carry no id (--allow-missing-students)`);
  }
  if (Object.keys(s.warnings).length > 0) {
    lines.push('data-quality warnings (students):');
    for (const [kind, n] of Object.entries(s.warnings).sort()) lines.push(`  ${kind}  ${n}`);
  }
  return lines.join('\n');
}
