import type { Decision } from '../model/decision.js';
import type { Facts } from '../model/facts.js';
import type { PolicyParameters } from '../policy/policy.js';
import type { FieldChange, StepChange, StepKey } from './diffDecisions.js';
import type { RuleChanges } from './ruleChanges.js';
import { sampleRank } from './sampleRank.js';

/** Which policy a side of the diff ran: the same triple a `Decision` carries. */
export interface PolicyRef {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
}

/** Students per kind of change of one step. */
export interface StepDiffCounts {
  /** Students for whom the step is recommended under `to` only. */
  readonly added: number;
  /** Students for whom the step is recommended under `from` only. */
  readonly removed: number;
  /** Students for whom the step is recommended under both, with other attributes. */
  readonly changed: number;
  /** Students for whom the step is the same, fired by other rules. */
  readonly reexplained: number;
  /**
   * Students per attribute transition among `changed`: `status recommended→blocked`,
   * `urgency skyndsamt→snarast`, `dueDate earlier` / `later` / `set` / `cleared`,
   * `kind riktlinje→lagkrav`, `responsible …`, `routing hemkommun→manual`, `consent`.
   */
  readonly transitions: Readonly<Record<string, number>>;
}

/** One student of the sample: what changed, and both explained decisions. */
export interface DiffSample {
  readonly studentId: string;
  readonly changes: readonly StepChange[];
  readonly from: Decision;
  readonly to: Decision;
}

/**
 * The effect of replacing policy `from` by policy `to` on a population,
 * evaluated on one date. Plain JSON data (this is what `trappa diff --json`
 * prints, plus an `input` block with the counts of what was read).
 *
 * - `parametersChanged`: names of `PolicyParameters` that differ (changed
 *   parameters change the facts themselves, e.g. the rolling window);
 *   `factsShared`: whether facts were computed once for both policies (true
 *   exactly when no parameter differs).
 * - `students.affected`: students with at least one step added, removed or
 *   changed; `reexplainedOnly`: the others whose steps are the same but fired
 *   by other rules; `unchanged`: the rest. The three add up to `evaluated`.
 * - `steps`: counts per step key (`kartlaggning`, `samtycke>sip`, …), only for
 *   keys with a change, in key order.
 * - `sample`: up to `sampleSize` affected students, those with the lowest
 *   `sampleRank` of their id (ties: input order), with both decisions.
 */
export interface PolicyDiff {
  readonly asOf: string;
  readonly from: PolicyRef;
  readonly to: PolicyRef;
  readonly parametersChanged: readonly (keyof PolicyParameters)[];
  readonly factsShared: boolean;
  /** The rules in force on `asOf` compared by id and version, and the named conditions whose content differs. */
  readonly rules: RuleChanges & { readonly conditionsChanged: readonly string[] };
  readonly students: { readonly evaluated: number; readonly affected: number; readonly reexplainedOnly: number; readonly unchanged: number };
  readonly steps: Readonly<Partial<Record<StepKey, StepDiffCounts>>>;
  readonly sampleSize: number;
  readonly sample: readonly DiffSample[];
}

/**
 * The per-student result `addCaseDiff` folds in. `decisions` is null only
 * when the student's steps cannot differ and the decisions were not built
 * (then `changes` is empty).
 */
export interface CaseDiff {
  readonly studentId: string;
  readonly changes: readonly StepChange[];
  readonly decisions: { readonly from: Decision; readonly to: Decision } | null;
  /** The facts each policy's rules saw (the same object when the parameters are equal): what coverage counts. */
  readonly facts: { readonly from: Facts; readonly to: Facts };
}

interface MutableCounts {
  added: number;
  removed: number;
  changed: number;
  reexplained: number;
  transitions: Record<string, number>;
}

/**
 * A diff being accumulated, one student at a time (so a population can be
 * streamed). Create with `emptyDiffTally`, fold with `addCaseDiff`, read with
 * `finishDiff`. Owned by one loop; never shared.
 */
export interface DiffTally {
  readonly head: Pick<PolicyDiff, 'asOf' | 'from' | 'to' | 'parametersChanged' | 'factsShared' | 'rules' | 'sampleSize'>;
  evaluated: number;
  affected: number;
  reexplainedOnly: number;
  readonly steps: Map<StepKey, MutableCounts>;
  /** Sample candidates sorted by (rank, position), at most `sampleSize`. */
  readonly sample: Array<DiffSample & { readonly rank: number; readonly position: number }>;
}

/**
 * An empty tally.
 *
 * @param head - the dates, policies, parameter comparison and sample size of the diff
 * @returns a tally with no student in it
 * @example emptyDiffTally({ asOf, from, to, parametersChanged: [], factsShared: true, rules, sampleSize: 3 }).evaluated // 0
 */
export function emptyDiffTally(head: DiffTally['head']): DiffTally {
  return { head, evaluated: 0, affected: 0, reexplainedOnly: 0, steps: new Map(), sample: [] };
}

function transitionKey(c: FieldChange): string {
  switch (c.field) {
    case 'dueDate':
      if (c.from === null) return 'dueDate set';
      if (c.to === null) return 'dueDate cleared';
      return c.to < c.from ? 'dueDate earlier' : 'dueDate later';
    case 'routing':
      return `routing ${c.from?.target ?? 'none'}→${c.to?.target ?? 'none'}`;
    case 'consent':
      return 'consent';
    default:
      return `${c.field} ${c.from}→${c.to}`;
  }
}

function countsFor(tally: DiffTally, step: StepKey): MutableCounts {
  let counts = tally.steps.get(step);
  if (counts === undefined) {
    counts = { added: 0, removed: 0, changed: 0, reexplained: 0, transitions: {} };
    tally.steps.set(step, counts);
  }
  return counts;
}

/**
 * Fold one student's result into the tally (mutates it).
 *
 * @param tally - from `emptyDiffTally`
 * @param result - the student's two decisions and their step changes (`diffCase`)
 * @example addCaseDiff(tally, diffCase(context, studentCase))
 */
export function addCaseDiff(tally: DiffTally, result: CaseDiff): void {
  const position = tally.evaluated;
  tally.evaluated += 1;
  if (result.changes.length === 0) return;
  let affected = false;
  for (const c of result.changes) {
    const counts = countsFor(tally, c.step);
    counts[c.change] += 1;
    if (c.change === 'reexplained') continue;
    affected = true;
    if (c.change !== 'changed') continue;
    for (const f of c.fields) {
      const key = transitionKey(f);
      counts.transitions[key] = (counts.transitions[key] ?? 0) + 1;
    }
  }
  if (!affected) {
    tally.reexplainedOnly += 1;
    return;
  }
  tally.affected += 1;
  const size = tally.head.sampleSize;
  if (size === 0) return;
  const decisions = result.decisions;
  if (decisions === null) throw new Error(`student ${result.studentId}: changes without decisions`);
  const rank = sampleRank(result.studentId);
  const sample = tally.sample;
  const last = sample[sample.length - 1];
  if (sample.length === size && last !== undefined && last.rank <= rank) return;
  let i = sample.length;
  while (i > 0 && (sample[i - 1]?.rank ?? 0) > rank) i -= 1;
  sample.splice(i, 0, { studentId: result.studentId, changes: result.changes, from: decisions.from, to: decisions.to, rank, position });
  if (sample.length > size) sample.pop();
}

/**
 * The finished diff: plain data, sorted, ready for JSON.
 *
 * @param tally - the tally after every student was added
 * @returns the diff
 * @example finishDiff(tally).students.affected
 */
export function finishDiff(tally: DiffTally): PolicyDiff {
  const steps: Partial<Record<StepKey, StepDiffCounts>> = {};
  for (const key of [...tally.steps.keys()].sort()) {
    const c = tally.steps.get(key) as MutableCounts;
    const transitions: Record<string, number> = {};
    for (const t of Object.keys(c.transitions).sort()) transitions[t] = c.transitions[t] as number;
    steps[key] = { added: c.added, removed: c.removed, changed: c.changed, reexplained: c.reexplained, transitions };
  }
  return {
    ...tally.head,
    students: {
      evaluated: tally.evaluated,
      affected: tally.affected,
      reexplainedOnly: tally.reexplainedOnly,
      unchanged: tally.evaluated - tally.affected - tally.reexplainedOnly,
    },
    steps,
    sample: tally.sample.map(({ studentId, changes, from, to }) => ({ studentId, changes, from, to })),
  };
}
