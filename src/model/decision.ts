import type { Facts, Rate } from './facts.js';
import type { Basis } from './policyFile.js';
import type { Typology } from './typology.js';
import type { ConsentParty, ConsentPurpose, ConsentStatus, Role, SignalType, StepId, StepKind, Urgency } from './vocabulary.js';

/**
 * A long `in`/`notIn` list of the policy, named instead of copied into every
 * decision (over `POLICY_BUDGET.maxInlineListValues` values). `list` is where
 * it is in the policy files: `conditions.<name>….value` in a named condition,
 * `rules[<id>@<version>].conditions….value` in a rule (ids and names are
 * unique across a policy and the policies it extends).
 */
export interface ListReference {
  readonly list: string;
  readonly length: number;
}

/** One leaf condition that decided a rule: the fact, the comparison and the value seen. */
export interface EvidenceItem {
  readonly fact: string;
  readonly operator: string;
  /** The leaf's constant; a `ListReference` for a long list. */
  readonly value: unknown;
  readonly actual: unknown;
  readonly result: boolean;
  /**
   * Named policy conditions the leaf sits in, outermost first (e.g.
   * `upprepad-eller-langre-franvaro`). A named condition reached twice in one
   * rule is explained once, the first time: its leaves carry that path.
   */
  readonly via: readonly string[];
}

/** Why a step is recommended: one fired rule. */
export interface Reason {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly policyId: string;
  readonly kind: StepKind;
  readonly basis: Basis;
  readonly evidence: readonly EvidenceItem[];
}

/** Where a step is sent. Address-based targets become `manual` for protected identity. */
export type Routing =
  | { readonly target: 'vardnadshavare' }
  | { readonly target: 'huvudman' }
  | { readonly target: 'csn' }
  | { readonly target: 'hemkommun'; readonly municipalityCode: string }
  | { readonly target: 'socialtjanst'; readonly municipalityCode: string; readonly district: string | null }
  | {
      readonly target: 'manual';
      readonly for: 'hemkommun' | 'socialtjanst';
      readonly reason: 'protected-identity' | 'residence-unknown';
    };

/**
 * The child's own route when the guardians refuse (domain.md §7.4
 * CHILD_CONSENT_PATH): socialnämnden may decide öppna insatser on the consent
 * of a child who has reached the age in force on asOf (SoL 3 kap. 6 a §: 15,
 * 12 from 2023-07-01). It does not lift the step's own consent requirement.
 */
export interface ChildConsentPath {
  /** True when the child has reached `minimumAge` on asOf. */
  readonly available: boolean;
  readonly ageYears: number;
  /** The age in force on asOf (a dated parameter of the policy). */
  readonly minimumAge: number;
  /** Start of the period the age is in force (null: since before any date Trappa knows). */
  readonly inForceFrom: string | null;
  readonly basis: Basis;
}

/** Consent state of a step. */
export type ConsentState =
  | { readonly required: false }
  | {
      readonly required: true;
      readonly purpose: ConsentPurpose;
      readonly parties: ReadonlyArray<{ readonly party: ConsentParty; readonly status: ConsentStatus }>;
      readonly satisfied: boolean;
      /** Present when the step is blocked because the guardians refuse while the student (under 18) consents. */
      readonly childConsentPath?: ChildConsentPath;
    };

/** Follow-up escalation: a step taken earlier whose situation persists past the interval. */
export interface Escalation {
  readonly step: StepId;
  readonly measureDate: string;
  readonly schoolDaysSince: number;
}

/** One school day with invalid absence that the guardians are still to be told about (SL 7 kap. 17 §). */
export interface NoticeOccasion {
  readonly date: string;
  /** That day; the next school day when the absence was in the day's last lesson (särskilda skäl). */
  readonly dueDate: string;
}

/**
 * What a step's `arisesOn` comes from:
 * - `absence-days`: the school days with invalid absence not yet notified (the earliest is `arisesOn`);
 * - `fact`: the day the rule's condition on this fact last became true and has held since
 *   (a threshold crossed, a streak reaching its length, the 40th school day);
 * - `signal`: the date of the signal of the current concern (the earliest after the latest measure of the step);
 * - `measure`: a recorded measure the duty follows from (the orosanmälan, the investigation's start);
 * - `evaluation-date`: nothing in the conditions is dated (context only), so the duty arises on asOf.
 */
export type DateSource =
  | { readonly kind: 'absence-days'; readonly days: readonly NoticeOccasion[] }
  | { readonly kind: 'fact'; readonly ruleId: string; readonly fact: string }
  | { readonly kind: 'signal'; readonly ruleId: string; readonly signal: SignalType }
  | { readonly kind: 'measure'; readonly ruleId: string; readonly step: StepId }
  | { readonly kind: 'evaluation-date'; readonly ruleId: string };

/**
 * What a `csn-rapport` step needs (domain.md §1.6; csn.se): the report counts
 * from a first skolk day, is normally sent no earlier than 30 days after it
 * (in exceptional cases 15, when it is clear the absence is at least four
 * hours on several occasions), only for a student with studiehjälp, and the
 * school may refrain for särskilda skäl.
 */
export interface CsnReport {
  /** The first day with invalid absence in the month that reached CSN's limit (the school may choose another skolk day). */
  readonly firstSkolkDay: string;
  /** firstSkolkDay + 30 days: the earliest date a report is normally sent. */
  readonly earliestReportDate: string;
  /** firstSkolkDay + 15 days: the earliest date in exceptional cases. */
  readonly earliestExceptionalReportDate: string;
  /** `unknown`: check that the student has studiehjälp before reporting. */
  readonly studiehjalp: 'yes' | 'unknown';
  /** Signals in force that may be särskilda skäl not to report (illness, bullying, personal reasons). Empty: none recorded. */
  readonly specialReasons: readonly SignalType[];
}

/** A recommended step, explained. */
export interface Step {
  readonly id: StepId;
  readonly label: { readonly sv: string; readonly en: string };
  readonly kind: StepKind;
  readonly responsible: Role;
  readonly urgency: Urgency;
  /** The date the duty arose (≤ asOf): see `arisesFrom`. A recorded measure closes the step only when dated on or after it. */
  readonly arisesOn: string;
  readonly arisesFrom: DateSource;
  /**
   * A measure of the step dated on or after this date closes the duty: the day
   * the episode behind it began (≤ `arisesOn`). They differ when the rule waits
   * before it fires (a rate over 20 % "after at least 40 school days", a streak
   * of 10 days): a measure taken during that absence, before the rule fired, covers it.
   */
  readonly closableFrom: string;
  /** Counted from `arisesOn` (or the deadline's anchor); null when the law gives no fixed date ("skyndsamt", "snarast"). */
  readonly dueDate: string | null;
  /** A second deadline from the same date, for the result (Stockholm: the investigation's result to the hemkommun within one month). */
  readonly resultDueDate?: string;
  /**
   * `blocked`: waiting for consent (see the `samtycke` step); `overdue`: asOf
   * is past `dueDate`; else `recommended`.
   */
  readonly status: 'recommended' | 'blocked' | 'overdue';
  /**
   * Present when the duty is held open from an earlier night (`evaluate`'s
   * `previous`): its trigger held on `verifiedOn` with tonight's data, no
   * measure has closed it since, and a day passing does not end a duty.
   */
  readonly heldOpen?: { readonly verifiedOn: string };
  readonly routing: Routing | null;
  readonly consent: ConsentState;
  /** For `csn-rapport`: the first skolk day, the earliest report dates and the särskilda-skäl check. */
  readonly csnReport?: CsnReport;
  /** For `samtycke`: the step whose consent is asked for. */
  readonly forStep?: StepId;
  readonly reasons: readonly Reason[];
  readonly escalations: readonly Escalation[];
}

/** A step that was considered and not recommended, with why. */
export type NotRecommended =
  | {
      readonly step: StepId;
      readonly reason: 'conditions-not-met';
      readonly rules: ReadonlyArray<{ readonly ruleId: string; readonly failed: readonly EvidenceItem[] }>;
    }
  | {
      readonly step: StepId;
      readonly reason: 'already-taken';
      readonly measureDate: string;
      readonly ruleIds: readonly string[];
    };

/** Data-quality and processing notes; never alarms. */
export type Warning =
  | { readonly kind: 'low-reporting-rate'; readonly reportingRate: Rate; readonly minimumPercent: number }
  | { readonly kind: 'no-attendance-this-term' }
  | { readonly kind: 'records-after-as-of'; readonly count: number }
  | { readonly kind: 'rejected-records'; readonly count: number }
  /**
   * Records of one student with the same date and start that differ (e.g. one
   * absent, one present): none of them is used. `count` records were rejected
   * (also counted in `rejected-records`), at `lessons` dates and starts. Fix
   * the export; identical copies are no conflict (counted as `duplicate`).
   */
  | { readonly kind: 'conflicting-lessons'; readonly count: number; readonly lessons: number }
  | { readonly kind: 'no-school-term'; readonly asOf: string }
  /**
   * Lesson records cover too few of the period's school days for its rates to
   * carry a decision: rules that need the period's coverage do not fire. Check
   * the export (missing days, a late start, stale input) or set `enrolledFrom`.
   */
  | {
      readonly kind: 'low-coverage';
      readonly period: 'term' | 'window';
      readonly from: string;
      readonly to: string;
      readonly coverage: Rate;
      readonly minimumPercent: number;
      /** Uncovered school days before the first lesson in the period, and after the last (stale input). */
      readonly beforeFirstLesson: number;
      readonly afterLastLesson: number;
    }
  /**
   * The student's school form or grade does not exist for education on asOf
   * (`SCHOOL_STRUCTURES`: förskoleklass ends and grundskolan gets grade 10
   * after 2028-06-30). Rules that read `grade` may then miss the student:
   * check the input.
   */
  | { readonly kind: 'school-structure-mismatch'; readonly field: 'schoolForm' | 'grade'; readonly structure: 'nine-year' | 'ten-year' };

/** A signal that has ended (its `until`, or the policy's validity for its kind) and triggers nothing. */
export interface ExpiredSignal {
  readonly type: SignalType;
  readonly date: string;
  readonly until: string;
  readonly endedBy: 'signal' | 'policy';
}

/**
 * The term's reported minutes per ISO week, for a plot of absence over the
 * term (`trappa report`): week `i` starts on the Monday `firstWeek` + 7·i and
 * runs to Sunday; the columns hold the same number of weeks (at most 25),
 * from the week of the term's first day to the week of asOf. Columns rather
 * than one object per week keep a decision line small. A week with no
 * lessons (a break) has zeros.
 */
export interface WeeklySeries {
  /** The Monday of the first week. */
  readonly firstWeek: string;
  /** Reported scheduled minutes per week. */
  readonly scheduled: readonly number[];
  /** Valid absence minutes per week. */
  readonly valid: readonly number[];
  /** Invalid absence minutes per week. */
  readonly invalid: readonly number[];
}

/**
 * At most this many weeks in a `WeeklySeries`: a spring term from January to
 * June is about 23 ISO weeks, so a whole term fits; a longer one keeps its last weeks.
 *
 * @example MAX_SERIES_WEEKS // 25
 */
export const MAX_SERIES_WEEKS = 25;

/** The outcome for one student: plain, readonly, JSON-serialisable data. */
export interface Decision {
  readonly studentId: string;
  /** The student's school (`student.school.id`): an opaque id, what a report groups by. */
  readonly schoolId: string;
  readonly asOf: string;
  /**
   * What a reviewer needs to reproduce the decision: the policy (its hash
   * covers every file of the chain), the rule versions in force on asOf
   * (`id@version`, in policy order) and the hash of the school calendar used.
   */
  readonly policy: {
    readonly id: string;
    readonly version: string;
    readonly hash: string;
    readonly rulesInForce: readonly string[];
    readonly calendarHash: string;
  };
  readonly facts: Facts;
  /** The term's absence week by week (null when no term has started by asOf): for plots, never read by a rule. */
  readonly series: WeeklySeries | null;
  /** Advisory absence typology (domain.md §4.1, §6.2), computed under every policy; never a legal trigger. */
  readonly typology: Typology;
  readonly steps: readonly Step[];
  readonly notRecommended: readonly NotRecommended[];
  readonly warnings: readonly Warning[];
  /**
   * The absence episode the facts count: after a `rektor-utredning` measure
   * with outcome `obehovligt`, absence is counted from the day after it
   * (`start`), so only new absence can make the investigation due again. Null: the whole record counts.
   */
  readonly episode: { readonly start: string; readonly obehovligtOn: string } | null;
  /** Signals that have ended and were left out of the facts. */
  readonly expiredSignals: readonly ExpiredSignal[];
}
