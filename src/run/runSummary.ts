import type { CoverageCounts } from '../testing/coverageCounts.js';
import type { Decision } from '../model/decision.js';
import type { Policy } from '../policy/policy.js';

/**
 * Counts for one run; `read = evaluated + rejected` for cases and
 * `read = accepted + duplicate + excluded + rejected` for records
 * (`duplicate`: identical copies of a record of the same student, date and
 * start, counted once; `excluded`: lessons deliberately left out, e.g.
 * cancelled lessons in an SS 12000 export).
 */
export interface RunSummary {
  cases: { read: number; evaluated: number; rejected: number };
  records: { read: number; accepted: number; duplicate: number; rejected: number; excluded?: number };
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

/**
 * How a batch run went (the `run` block of `--summary-json`): threads,
 * buckets, time per pass, peak memory and the newest lesson's date.
 */
export interface RunFigures {
  readonly workers: number;
  readonly buckets: number;
  readonly seconds: { readonly reading: number; readonly evaluating: number; readonly total: number };
  /**
   * Each bucket's wall seconds in the thread that evaluated it, in bucket order. A thread's first
   * buckets also pay for V8 compiling the evaluation; the later ones show the steady state
   * (`npm run bench` splits the evaluating pass so: docs/performance.md).
   */
  readonly bucketSeconds: readonly number[];
  /** Peak resident memory of the whole process (all threads), MiB. */
  readonly peakRssMb: number;
  /** The same, at the end of the reading pass. */
  readonly peakRssMbReading: number;
  /** With coverage counted: the coverage counts of every bucket, merged. */
  readonly coverage?: CoverageCounts;
  /** Date of the newest accepted lesson (null when none): how current tonight's input is. */
  readonly newestLesson: string | null;
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
    records: { read: 0, accepted: 0, duplicate: 0, rejected: 0 },
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
  for (const key of ['read', 'accepted', 'duplicate', 'rejected'] as const) into.records[key] += from.records[key];
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
export function summaryJson(policy: Policy, asOf: string, summary: RunSummary, run?: RunFigures): object {
  return {
    policy: { id: policy.id, version: policy.version, hash: policy.hash },
    asOf,
    ...sortedSummary(summary),
    ...(run === undefined ? {} : { run }),
  };
}
