import type { Facts, Rate } from './facts.js';
import type { Basis } from './policyFile.js';
import type { Typology } from './typology.js';
import type { ConsentParty, ConsentPurpose, ConsentStatus, Role, StepId, StepKind, Urgency } from './vocabulary.js';

/** One leaf condition that decided a rule: the fact, the comparison and the value seen. */
export interface EvidenceItem {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly actual: unknown;
  readonly result: boolean;
  /** Named policy conditions the leaf sits in, outermost first (e.g. `upprepad-eller-langre-franvaro`). */
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

/** A recommended step, explained. */
export interface Step {
  readonly id: StepId;
  readonly label: { readonly sv: string; readonly en: string };
  readonly kind: StepKind;
  readonly responsible: Role;
  readonly urgency: Urgency;
  readonly dueDate: string | null;
  /** `blocked`: waiting for consent (see the `samtycke` step); `overdue`: a follow-up or deadline has passed. */
  readonly status: 'recommended' | 'blocked' | 'overdue';
  readonly routing: Routing | null;
  readonly consent: ConsentState;
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
  | { readonly kind: 'no-school-term'; readonly asOf: string };

/** The outcome for one student: plain, readonly, JSON-serialisable data. */
export interface Decision {
  readonly studentId: string;
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
  /** Advisory absence typology (domain.md §4.1, §6.2), computed under every policy; never a legal trigger. */
  readonly typology: Typology;
  readonly steps: readonly Step[];
  readonly notRecommended: readonly NotRecommended[];
  readonly warnings: readonly Warning[];
}
