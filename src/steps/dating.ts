import type { DateSource } from '../model/decision.js';
import type { Facts } from '../model/facts.js';
import { isoDateCached } from '../calendar/dayNumber.js';
import { factReader, isHistoryFact, type AbsenceHistory } from '../metrics/computeFacts.js';
import { latestMeasure } from '../model/measures.js';
import type { ConditionNode, LeafCondition } from '../model/policyFile.js';
import type { Measure, Signal } from '../model/studentCase.js';
import { SignalTypeSchema, type SignalType, type StepId } from '../model/vocabulary.js';
import { signalFact } from '../model/factCatalog.js';
import { weakMemo } from '../model/weakMemo.js';
import { OPERATORS } from '../policy/operators.js';

/** What a rule's trigger date is read from. */
export interface DatingContext {
  readonly asOf: string;
  readonly facts: Facts;
  /** The absence facts on each school day up to asOf (lazy: only read when an absence fact must be dated). */
  readonly history: () => AbsenceHistory;
  /** Signals in force on asOf. */
  readonly signals: readonly Signal[];
  readonly measures: readonly Measure[];
  readonly conditions: Readonly<Record<string, ConditionNode>>;
  /** Dates of absence leaves already read, by fact, operator and value: rules share their named conditions. */
  readonly leafCache?: Map<LeafCondition, { readonly date: string; readonly from: string | null } | null>;
  /** Dates of named conditions already read, by name and the step's latest measure. */
  readonly conditionCache?: Map<string, unknown>;
}

/**
 * A trigger date and what it comes from; `date: null` when nothing in the
 * condition is dated. `from` is when the episode behind it began: the same
 * date, except that a gate (`termSchoolDaysElapsed`: "after at least 40 school
 * days") dates the trigger without starting the episode, and a long enough
 * streak began on its first day, before the day it reached the length.
 */
interface Dated {
  readonly date: string | null;
  readonly from: string | null;
  readonly source:
    | { readonly kind: 'fact'; readonly fact: string }
    | { readonly kind: 'signal'; readonly signal: SignalType }
    | { readonly kind: 'measure'; readonly step: StepId }
    | null;
}

const SIGNAL_BY_FACT: ReadonlyMap<string, SignalType> = new Map(SignalTypeSchema.options.map((s) => [signalFact(s), s]));

/** Facts whose truth follows from a recorded measure: dated by that measure. */
const MEASURE_FACTS: Readonly<Record<string, StepId>> = {
  orosanmalanMade: 'orosanmalan',
  daysSinceOrosanmalan: 'orosanmalan',
  utredningInledd: 'rektor-utredning',
  utredningKlar: 'rektor-utredning',
  ehtHeldThisTerm: 'eht',
};

function leafHolds(leaf: LeafCondition, actual: unknown): boolean {
  const op = OPERATORS[leaf.operator];
  return op !== undefined && op(actual, leaf.value);
}

/**
 * The first school day of the unbroken run of days, ending on asOf, on which
 * the leaf held, read from the fact history; null when the fact has no
 * history (a context fact such as age or school form).
 */
function historySince(leaf: LeafCondition, ctx: DatingContext): { readonly date: string; readonly from: string | null } | null {
  const days = ctx.history();
  const read = factReader(leaf.fact);
  if (days.length === 0 || read === undefined) return null;
  // The fact's reader is looked up once, not once a day.
  let since = -1;
  const scratch = { part: 0, whole: 0 };
  for (let i = days.length - 1; i >= 0; i -= 1) {
    if (!leafHolds(leaf, read(days.at(i), scratch))) break;
    since = i;
  }
  if (since < 0) return { date: ctx.asOf, from: ctx.asOf };
  const state = days.at(since);
  const date = isoDateCached(state.day);
  if (GATE_FACTS.has(leaf.fact)) return { date, from: null };
  // A streak long enough became so on its Nth day; the absence began on its first.
  const streakStart = state.currentStreakStart;
  return { date, from: STREAK_FACTS.has(leaf.fact) && streakStart !== null ? isoDateCached(streakStart) : date };
}

/**
 * Facts that say how much evidence a rate needs, not when the absence began: they date a trigger but
 * do not start an episode. "After 40 school days" and "on ten days with absence" both count up to a
 * threshold within an absence that began earlier; the rate beside them says when it began.
 */
const GATE_FACTS: ReadonlySet<string> = new Set(['termSchoolDaysElapsed', 'termDaysWithAbsence']);

const STREAK_FACTS: ReadonlySet<string> = new Set(['longestWholeDayStreak', 'currentWholeDayStreak']);

/** How a leaf is dated, worked out once per leaf object (policies are immutable and shared). */
type LeafKind =
  | { readonly kind: 'signal'; readonly signal: SignalType }
  | { readonly kind: 'measure'; readonly step: StepId }
  | { readonly kind: 'history' }
  | { readonly kind: 'context' };

const leafKindOf = weakMemo((leaf: LeafCondition): LeafKind => {
  const signal = SIGNAL_BY_FACT.get(leaf.fact);
  const step = Object.hasOwn(MEASURE_FACTS, leaf.fact) ? MEASURE_FACTS[leaf.fact] : undefined;
  return signal !== undefined
    ? { kind: 'signal', signal }
    : step !== undefined
      ? { kind: 'measure', step }
      : isHistoryFact(leaf.fact)
        ? { kind: 'history' }
        : { kind: 'context' };
});

function leafDate(leaf: LeafCondition, ctx: DatingContext, after: string | undefined): Dated {
  const kind = leafKindOf(leaf);
  if (kind.kind === 'context') return UNDATED;
  if (kind.kind === 'signal') {
    if (ctx.facts[leaf.fact as keyof Facts] !== true) return UNDATED;
    // The current concern: the earliest signal of the kind after the step's latest measure, else the earliest in force.
    let earliest: string | undefined;
    let earliestAfter: string | undefined;
    for (const s of ctx.signals) {
      if (s.type !== kind.signal) continue;
      if (earliest === undefined || s.date < earliest) earliest = s.date;
      if (after !== undefined && s.date > after && (earliestAfter === undefined || s.date < earliestAfter)) earliestAfter = s.date;
    }
    const date = earliestAfter ?? earliest;
    return date === undefined ? UNDATED : dated(date, date, { kind: 'signal', signal: kind.signal });
  }
  if (kind.kind === 'measure') {
    const m = latestMeasure(ctx.measures, kind.step, ctx.asOf);
    return m === undefined ? UNDATED : dated(m.date, m.date, { kind: 'measure', step: kind.step });
  }
  // Policy leaves are shared objects (named conditions): one key per leaf.
  let since = ctx.leafCache?.get(leaf);
  if (since === undefined) {
    since = historySince(leaf, ctx);
    ctx.leafCache?.set(leaf, since);
  }
  return since === null ? UNDATED : dated(since.date, since.from, { kind: 'fact', fact: leaf.fact });
}

/** One shape for every dated value (monomorphic for the engine). */
function dated(date: string | null, from: string | null, source: Dated['source']): Dated {
  return { date, from, source };
}

const UNDATED: Dated = { date: null, from: null, source: null };

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}

/** Both parts of an `all` hold: it became true when the later did, its episode began when the later episode did. */
function both(a: Dated, b: Dated): Dated {
  const from = latest(a.from, b.from);
  const decisive = a.date === null ? b : b.date === null ? a : b.date > a.date ? b : a;
  return from === decisive.from ? decisive : dated(decisive.date, from, decisive.source);
}

/**
 * The trigger date of a condition that holds on asOf, or `false` when it does
 * not hold: `all` became true when its last part did (the latest date);
 * `any` when its first true part did (the earliest; an undated true part
 * makes the whole undated), its episode when the first of its true parts'
 * episodes began; a `not` is undated.
 */
function conditionDate(node: ConditionNode, ctx: DatingContext, after: string | undefined, depth = 0): Dated | false {
  if (depth > 64) return UNDATED;
  if ('all' in node) {
    let acc: Dated = UNDATED;
    for (const child of node.all) {
      const d = conditionDate(child, ctx, after, depth + 1);
      if (d === false) return false;
      acc = both(acc, d);
    }
    return acc;
  }
  if ('any' in node) {
    let best: Dated | false = false;
    // A concern signal after the step's latest measure is a new concern: it dates the duty even
    // when another kind of signal, already reported, also holds (a parent's own problems reported
    // in September, signs of neglect in November: a new report is due).
    let newConcern: Dated | false = false;
    // The episode began when the first of the true alternatives' episodes did: a part that fires
    // earlier (a tenth day with absence) must not move the episode past one that began before it
    // (a rate over 10 % since the first day), or more absence would reopen a duty a measure closed.
    let earliestFrom: string | null = null;
    for (const child of node.any) {
      const d = conditionDate(child, ctx, after, depth + 1);
      if (d === false) continue;
      if (d.date === null) return d;
      if (d.from !== null && (earliestFrom === null || d.from < earliestFrom)) earliestFrom = d.from;
      if (best === false || (best.date !== null && d.date < best.date)) best = d;
      if (after !== undefined && d.source?.kind === 'signal' && d.date > after && (newConcern === false || (newConcern.date !== null && d.date < newConcern.date))) {
        newConcern = d;
      }
    }
    if (newConcern !== false) return newConcern;
    return best === false || earliestFrom === null || (best.from !== null && best.from <= earliestFrom) ? best : dated(best.date, earliestFrom, best.source);
  }
  if ('not' in node) return conditionDate(node.not, ctx, after, depth + 1) === false ? UNDATED : false;
  if ('condition' in node) {
    // Rules share named conditions ("upprepad-eller-langre-franvaro" decides six steps), and named conditions
    // share each other (a DAG, not a tree): date each once per student and measure.
    const key = after === undefined ? node.condition : `${node.condition}|${after}`;
    const known = ctx.conditionCache?.get(key) as Dated | false | undefined;
    if (known !== undefined) return known;
    const target = Object.hasOwn(ctx.conditions, node.condition) ? ctx.conditions[node.condition] : undefined;
    const dated = target === undefined ? false : conditionDate(target, ctx, after, depth + 1);
    ctx.conditionCache?.set(key, dated);
    return dated;
  }
  if (!leafHolds(node, ctx.facts[node.fact as keyof Facts])) return false;
  return leafDate(node, ctx, after);
}

/**
 * The date a fired rule's trigger became true in the current episode, the
 * date that episode began (`from`: a measure dated on or after it belongs to
 * this duty), and what the date comes from: the latest among the parts that
 * decided it (a threshold crossed, a streak reaching its length, a gate
 * opening, a signal, a measure). Signals are read after `after` (the step's
 * latest measure) when there is one: a concern after the last report is a new
 * concern. Never after asOf; `from` never after `date`.
 *
 * @param ruleId - the rule, for the explanation
 * @param conditions - its condition tree
 * @param ctx - facts, history, signals and measures
 * @param after - the date of the step's latest measure, if any
 * @returns the trigger date (asOf when nothing is dated), the episode start and the source
 * @example triggerDate('sol-2001-14-1-orosanmalan', rule.conditions, ctx, undefined) // { date: '2026-10-01', from: '2026-10-01', source: { kind: 'signal', ... } }
 */
export function triggerDate(
  ruleId: string,
  conditions: ConditionNode,
  ctx: DatingContext,
  after: string | undefined,
): { readonly date: string; readonly from: string; readonly source: DateSource } {
  const dated = conditionDate(conditions, ctx, after);
  if (dated === false || dated.date === null || dated.source === null || dated.date > ctx.asOf) {
    return { date: ctx.asOf, from: ctx.asOf, source: { kind: 'evaluation-date', ruleId } };
  }
  const from = dated.from === null || dated.from > dated.date ? dated.date : dated.from;
  return { date: dated.date, from, source: withRule(dated.source, ruleId) };
}

/** The source with its rule, field by field (an object spread of three shapes cost 1 µs a student); keys in the order the spread gave. */
function withRule(source: NonNullable<Dated['source']>, ruleId: string): DateSource {
  switch (source.kind) {
    case 'fact':
      return { kind: 'fact', fact: source.fact, ruleId };
    case 'signal':
      return { kind: 'signal', signal: source.signal, ruleId };
    case 'measure':
      return { kind: 'measure', step: source.step, ruleId };
  }
}
