import type { Decision } from '../model/decision.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import { weakMemo } from '../model/weakMemo.js';
import { contentHash } from './canonicalJson.js';
import type { Policy } from './policy.js';
import { rulesInForceLabels } from './rulesInForce.js';

/** Calendars are immutable data (the default ones are frozen and shared): hash each once. */
const calendarHash = weakMemo((calendar: SchoolCalendar) => contentHash(calendar));

/**
 * What a decision says about the policy it was made under: id, version and
 * hash, the rules in force on `asOf` and the hash of the school calendar used.
 *
 * @param policy - the policy
 * @param asOf - the evaluation date
 * @param calendar - the school calendar the facts were measured with
 * @returns the decision's `policy` field
 * @example policyStamp(builtinPolicy('stockholm'), '2026-11-23', defaultCalendarFor('2026-11-23')).version // '2026.1'
 */
export function policyStamp(policy: Policy, asOf: string, calendar: SchoolCalendar): Decision['policy'] {
  return {
    id: policy.id,
    version: policy.version,
    hash: policy.hash,
    rulesInForce: rulesInForceLabels(policy, asOf),
    calendarHash: calendarHash(calendar),
  };
}
