/**
 * The hot path of reading decisions back (`--previous`, `trappa report`,
 * `trappa explain --previous`): whether a `JSON.parse`d line is a decision as
 * `CompactDecisionSchema` (or, `full`, `DecisionSchema`) accepts it, answered
 * without zod. A night's file is 20 000–150 000 lines of 7 KB; zod took about
 * 24 µs a line, most of a second of every night at 20 000 students. A line
 * this accepts is accepted by the schema (a property test holds the two to
 * the same verdict on real and broken decisions); any other line goes to the
 * schema, which gives the located error.
 *
 * Values only as `JSON.parse` makes them: plain objects, arrays, strings,
 * finite numbers, booleans and null.
 */
import { isValidIsoDate } from './isoDate.js';
import { MAX_SERIES_WEEKS } from './decision.js';
import { OPAQUE_ID_PATTERN } from './studentCase.js';
import { RoleSchema, SignalTypeSchema, StepIdSchema, StepKindSchema, UrgencySchema } from './vocabulary.js';

type Json = Record<string, unknown>;

const STEP_IDS: ReadonlySet<unknown> = new Set(StepIdSchema.options);
const STEP_KINDS: ReadonlySet<unknown> = new Set(StepKindSchema.options);
const ROLES: ReadonlySet<unknown> = new Set(RoleSchema.options);
const URGENCIES: ReadonlySet<unknown> = new Set(UrgencySchema.options);
const SIGNAL_TYPES: ReadonlySet<unknown> = new Set(SignalTypeSchema.options);
const DATE_SOURCES: ReadonlySet<unknown> = new Set(['absence-days', 'fact', 'signal', 'measure', 'evaluation-date']);
const STATUSES: ReadonlySet<unknown> = new Set(['recommended', 'blocked', 'overdue']);
const ROUTING_TARGETS: ReadonlySet<unknown> = new Set(['vardnadshavare', 'huvudman', 'csn', 'hemkommun', 'socialtjanst', 'manual']);
const STUDIEHJALP: ReadonlySet<unknown> = new Set(['yes', 'unknown']);
const STRENGTHS: ReadonlySet<unknown> = new Set(['stark', 'mattlig', 'svag']);
const NOT_RECOMMENDED_REASONS: ReadonlySet<unknown> = new Set(['conditions-not-met', 'already-taken']);

/** zod's `isObject`: what `z.object`, `z.looseObject` and (for parsed JSON) `z.record` take. */
function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `IsoDateSchema`: a `YYYY-MM-DD` text of a date that exists. */
function isDate(v: unknown): boolean {
  return typeof v === 'string' && isValidIsoDate(v);
}

function isId(v: unknown): boolean {
  return typeof v === 'string' && OPAQUE_ID_PATTERN.test(v);
}

/** `z.number()`: a finite number (every JSON number is). */
function isNumber(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v);
}

const isString = (v: unknown): boolean => typeof v === 'string';
const isSignalType = (v: unknown): boolean => SIGNAL_TYPES.has(v);

/** `Minutes` of `WeeklySeriesSchema`: at most `MAX_SERIES_WEEKS` safe non-negative integers. */
function isMinutes(v: unknown): v is unknown[] {
  if (!Array.isArray(v) || v.length > MAX_SERIES_WEEKS) return false;
  for (const m of v) if (!Number.isSafeInteger(m) || (m as number) < 0) return false;
  return true;
}

function isSeries(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (!isObject(v) || !isDate(v['firstWeek'])) return false;
  const { scheduled, valid, invalid } = v;
  return isMinutes(scheduled) && isMinutes(valid) && isMinutes(invalid) && valid.length === scheduled.length && invalid.length === scheduled.length;
}

function isPolicy(v: unknown, full: boolean): boolean {
  if (!isObject(v) || typeof v['id'] !== 'string' || typeof v['version'] !== 'string') return false;
  const hash = v['hash'];
  if (typeof hash !== 'string' || hash.length < 1) return false;
  if (!full) return true;
  return typeof v['calendarHash'] === 'string' && everyIs(v['rulesInForce'], isString);
}

const isHypothesis = (h: unknown): boolean => isObject(h) && typeof h['type'] === 'string' && STRENGTHS.has(h['strength']);

function isTypology(v: unknown): boolean {
  return isObject(v) && everyIs(v['hypotheses'], isHypothesis);
}

function isCsnReport(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isObject(v) || !isDate(v['firstSkolkDay']) || !isDate(v['earliestReportDate']) || !isDate(v['earliestExceptionalReportDate'])) return false;
  return STUDIEHJALP.has(v['studiehjalp']) && everyIs(v['specialReasons'], isSignalType);
}

function isReason(r: unknown): boolean {
  if (!isObject(r) || typeof r['ruleId'] !== 'string' || !isNumber(r['ruleVersion']) || typeof r['policyId'] !== 'string') return false;
  // `basis: z.unknown()` takes any value, but the key must be there (zod 4: "expected nonoptional").
  return STEP_KINDS.has(r['kind']) && r['basis'] !== undefined && Array.isArray(r['evidence']);
}

const isEscalation = (e: unknown): boolean => isObject(e) && STEP_IDS.has(e['step']) && isDate(e['measureDate']) && isNumber(e['schoolDaysSince']);

/** `StepRecordSchema`. */
function isStep(s: unknown): boolean {
  if (!isObject(s) || !STEP_IDS.has(s['id'])) return false;
  const label = s['label'];
  if (!isObject(label) || typeof label['sv'] !== 'string' || typeof label['en'] !== 'string') return false;
  if (!STEP_KINDS.has(s['kind']) || !ROLES.has(s['responsible']) || !URGENCIES.has(s['urgency'])) return false;
  if (!isDate(s['arisesOn']) || !isDate(s['closableFrom'])) return false;
  const from = s['arisesFrom'];
  if (!isObject(from) || !DATE_SOURCES.has(from['kind'])) return false;
  const due = s['dueDate'];
  if (due !== null && !isDate(due)) return false;
  if (s['resultDueDate'] !== undefined && !isDate(s['resultDueDate'])) return false;
  if (!STATUSES.has(s['status'])) return false;
  const held = s['heldOpen'];
  if (held !== undefined && (!isObject(held) || !isDate(held['verifiedOn']))) return false;
  const routing = s['routing'];
  if (routing !== null && (!isObject(routing) || !ROUTING_TARGETS.has(routing['target']))) return false;
  const consent = s['consent'];
  if (!isObject(consent) || typeof consent['required'] !== 'boolean') return false;
  if (!isCsnReport(s['csnReport'])) return false;
  if (s['forStep'] !== undefined && !STEP_IDS.has(s['forStep'])) return false;
  return everyIs(s['reasons'], isReason) && everyIs(s['escalations'], isEscalation);
}

function everyIs(v: unknown, item: (x: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!item(x)) return false;
  return true;
}

const isWarning = (w: unknown): boolean => isObject(w) && typeof w['kind'] === 'string';
const isExpiredSignal = (e: unknown): boolean => isObject(e) && typeof e['type'] === 'string' && isDate(e['date']) && isDate(e['until']);
const isNotRecommended = (n: unknown): boolean => isObject(n) && STEP_IDS.has(n['step']) && NOT_RECOMMENDED_REASONS.has(n['reason']);

function isEpisode(v: unknown): boolean {
  return v === null || (isObject(v) && isDate(v['start']) && isDate(v['obehovligtOn']));
}

/**
 * Whether a parsed line is a decision the schema accepts: `CompactDecisionSchema`,
 * or with `full` `DecisionSchema` (the policy block whole, and `notRecommended`).
 * True only when the schema accepts it; false sends the line to the schema
 * for its located error (or, rarely, its acceptance: the caller asks it).
 *
 * @param value - one line as `JSON.parse` read it
 * @param full - check as `DecisionSchema` instead of `CompactDecisionSchema`
 * @returns true when the schema accepts the value
 * @example isDecisionLine(JSON.parse(compactLine), false) // true
 * @example isDecisionLine({ ...JSON.parse(compactLine), steps: [{ x: 1 }] }, false) // false (the schema names steps.0.id)
 */
export function isDecisionLine(value: unknown, full: boolean): boolean {
  if (!isObject(value) || !isId(value['studentId'])) return false;
  if (value['schoolId'] !== undefined && !isId(value['schoolId'])) return false;
  if (!isDate(value['asOf']) || !isPolicy(value['policy'], full) || !isObject(value['facts'])) return false;
  if (!isSeries(value['series']) || !isTypology(value['typology'])) return false;
  if (!everyIs(value['steps'], isStep)) return false;
  if (full && !everyIs(value['notRecommended'], isNotRecommended)) return false;
  return everyIs(value['warnings'], isWarning) && isEpisode(value['episode']) && everyIs(value['expiredSignals'], isExpiredSignal);
}
