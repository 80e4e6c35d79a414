import { evaluate } from '../evaluate.js';
import type { PreviousNight } from '../steps/heldOpen.js';
import type { PackedLessons } from '../model/packedLessons.js';
import { recordWarnings, type RecordTally } from '../adapters/recordWarnings.js';
import type { Decision } from '../model/decision.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCase } from '../model/studentCase.js';
import type { Policy } from '../policy/policy.js';
import { coverageSample, type CoverageCounter } from '../testing/coverageCounts.js';
import { addDecision, type RunSummary } from './runSummary.js';

/** What every case of a run is evaluated with. Plain data: the batch sends it to worker threads. */
export interface CaseRun {
  readonly policy: Policy;
  readonly calendar: SchoolCalendar | undefined;
  readonly asOf: string;
}

/** What a caller may add to `evaluateCase`. */
export interface CaseExtras {
  readonly coverage?: CoverageCounter | undefined;
  readonly previous?: PreviousNight | undefined;
  readonly packed?: PackedLessons | undefined;
  /** false when no why-not evidence is written (compact or no decisions): see `evaluate`'s `whyNot`. Default true. */
  readonly whyNot?: boolean | undefined;
}

/**
 * Evaluate one admitted case and count it: the one per-case step that
 * `trappa evaluate` (case files), the SS 12000 reader and each batch bucket
 * share. The decision carries the data-quality warnings of the student's
 * rejected and conflicting records (`recordWarnings`), the summary counts it
 * (`cases.evaluated`, steps, typology, per school) and `coverage`, when
 * given, counts its rules and leaves. How the decision is written is the
 * caller's (`decisionOutput` in `report/`).
 *
 * @param studentCase - an accepted case
 * @param tally - what became of the student's lesson records
 * @param run - policy, calendar and date
 * @param summary - the run's counts, updated
 * @param extra - `coverage`: the run's coverage counter (`--coverage`), updated; `previous`: last
 *   night's decision for this student (the batch's `--previous`); `packed`: the lessons as packed
 *   words instead of `studentCase.attendance` (the batch's, see `evaluate`); `whyNot`: false when
 *   the decision is written compact or not at all (see `evaluate`)
 * @returns the decision
 * @example const decision = evaluateCase(parsed.case, caseTally(parsed), { policy, calendar: undefined, asOf: '2026-11-23' }, summary)
 */
export function evaluateCase(studentCase: StudentCase, tally: RecordTally, run: CaseRun, summary: RunSummary, extra: CaseExtras = {}): Decision {
  const { coverage, previous, packed, whyNot } = extra;
  // Last night's open duties stay open until a measure closes them (evaluate's `previous`). Built field by field, not spread.
  const decision = evaluate(studentCase, run.policy, { asOf: run.asOf, calendar: run.calendar, warnings: recordWarnings(tally), previous, packed, whyNot });
  summary.cases.evaluated += 1;
  addDecision(summary, decision, studentCase.student.school.id);
  coverage?.add(coverageSample(decision, run.policy));
  return decision;
}
