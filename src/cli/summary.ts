import { CHANGE_KINDS } from '../run/changes.js';
import type { BatchReport } from '../batch/runBatch.js';
import type { Decision } from '../model/decision.js';
import type { Policy } from '../policy/policy.js';

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
  /** Per school (`student.school.id`): students evaluated, steps and typology, counted as above. */
  schools?: Record<string, SchoolSummary>;
  /**
   * With `--previous`: changes since the previous run, by kind (see `Change`):
   * `new`, `overdue` (passed its due date since then), `escalated` (more urgent
   * or consent given), `done` (closed by a recorded measure, or a consent
   * request whose consent was given) and `no-longer-indicated` (gone without a
   * measure: the trigger data changed, or the student is not in tonight's input).
   */
  changes?: Record<string, number>;
  /**
   * With `--previous`: students of the previous run who are not in tonight's
   * input (no line at all; a rejected line counts as present), and how many
   * of their steps were left open rather than closed: their open `lagkrav`
   * duties, or every step when closings were withheld because some student
   * lines carried no id (`unidentifiedLines`) and `--allow-missing-students`
   * was not given.
   */
  missingStudents?: MissingStudents;
  /**
   * Columns of the lesson CSV files that the reader ignored (not a lesson
   * column nor an alias of one), each named once, in the order first seen.
   */
  ignoredColumns?: string[];
}

/** Students missing from tonight's input, with `--previous` (see `RunSummary.missingStudents`). */
export interface MissingStudents {
  students: number;
  stepsKeptOpen: number;
  /** Student lines that could not be read and carry no id (set once for the run). */
  unidentifiedLines?: number;
  /** True when no step was closed for absence because of `unidentifiedLines` (set once for the run). */
  closingsWithheld?: boolean;
}

/** The counts of one school. */
export interface SchoolSummary {
  students: number;
  steps: Record<string, number>;
  blocked: Record<string, number>;
  typology: Record<string, number>;
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
export function addDecision(summary: RunSummary, decision: Decision, schoolId?: string): void {
  for (const step of decision.steps) bump(step.status === 'blocked' ? summary.blocked : summary.steps, step.id);
  for (const w of decision.warnings) bump(summary.warnings, w.kind);
  for (const h of decision.typology.hypotheses) bump(summary.typology, `${h.type} ${h.strength}`);
  if (schoolId === undefined) return;
  summary.schools ??= {};
  const school = (summary.schools[schoolId] ??= { students: 0, steps: {}, blocked: {}, typology: {} });
  school.students += 1;
  for (const step of decision.steps) bump(step.status === 'blocked' ? school.blocked : school.steps, step.id);
  for (const h of decision.typology.hypotheses) bump(school.typology, `${h.type} ${h.strength}`);
}

function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

/**
 * Add one partial summary (e.g. a worker's bucket) into another. Counting is
 * commutative, so the total does not depend on which worker finished first.
 *
 * @param into - mutated in place
 * @param from - the partial summary
 * @example mergeSummary(total, bucketSummary)
 */
export function mergeSummary(into: RunSummary, from: RunSummary): void {
  for (const key of ['read', 'evaluated', 'rejected'] as const) into.cases[key] += from.cases[key];
  for (const key of ['read', 'accepted', 'rejected'] as const) into.records[key] += from.records[key];
  if (from.records.excluded !== undefined) into.records.excluded = (into.records.excluded ?? 0) + from.records.excluded;
  addCounts(into.steps, from.steps);
  addCounts(into.blocked, from.blocked);
  addCounts(into.typology, from.typology);
  addCounts(into.warnings, from.warnings);
  if (from.changes !== undefined) addCounts((into.changes ??= {}), from.changes);
  if (from.missingStudents !== undefined) {
    const m = (into.missingStudents ??= { students: 0, stepsKeptOpen: 0 });
    m.students += from.missingStudents.students;
    m.stepsKeptOpen += from.missingStudents.stepsKeptOpen;
  }
  if (from.ignoredColumns !== undefined) into.ignoredColumns = [...new Set([...(into.ignoredColumns ?? []), ...from.ignoredColumns])];
  for (const [id, school] of Object.entries(from.schools ?? {})) {
    into.schools ??= {};
    const target = (into.schools[id] ??= { students: 0, steps: {}, blocked: {}, typology: {} });
    target.students += school.students;
    addCounts(target.steps, school.steps);
    addCounts(target.blocked, school.blocked);
    addCounts(target.typology, school.typology);
  }
}

/**
 * The summary with every count map sorted by key, for stable JSON output.
 *
 * @param s - the summary
 * @returns a copy with sorted keys
 * @example JSON.stringify(sortedSummary(summary))
 */
export function sortedSummary(s: RunSummary): RunSummary {
  const sort = (r: Readonly<Record<string, number>>): Record<string, number> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    cases: { ...s.cases },
    records: { ...s.records },
    steps: sort(s.steps),
    blocked: sort(s.blocked),
    typology: sort(s.typology),
    warnings: sort(s.warnings),
    ...(s.changes === undefined ? {} : { changes: sort(s.changes) }),
    ...(s.missingStudents === undefined ? {} : { missingStudents: { ...s.missingStudents } }),
    ...(s.ignoredColumns === undefined ? {} : { ignoredColumns: [...s.ignoredColumns] }),
    ...(s.schools === undefined
      ? {}
      : {
          schools: Object.fromEntries(
            Object.keys(s.schools)
              .sort()
              .map((id) => {
                const x = s.schools?.[id] ?? { students: 0, steps: {}, blocked: {}, typology: {} };
                return [id, { students: x.students, steps: sort(x.steps), blocked: sort(x.blocked), typology: sort(x.typology) }];
              }),
          ),
        }),
  };
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

/**
 * The run summary as one JSON object, for `--summary-json`: policy, date,
 * counts (students, records, rejected), steps and typology overall and per
 * school, changes when incremental, and the run's own figures.
 *
 * @param policy - the policy used
 * @param asOf - the evaluation date
 * @param summary - the counts
 * @param run - workers, buckets, seconds and peak memory, when a batch ran
 * @returns a JSON-serialisable object with sorted keys
 * @example summaryJson(policy, '2026-11-23', summary)
 */
export function summaryJson(policy: Policy, asOf: string, summary: RunSummary, run?: Omit<BatchReport, 'summary' | 'rejectedSample'>): object {
  return {
    policy: { id: policy.id, version: policy.version, hash: policy.hash },
    asOf,
    ...sortedSummary(summary),
    ...(run === undefined ? {} : { run }),
  };
}
