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

/** Consent state of a step. */
export type ConsentState =
  | { readonly required: false }
  | {
      readonly required: true;
      readonly purpose: ConsentPurpose;
      readonly parties: ReadonlyArray<{ readonly party: ConsentParty; readonly status: ConsentStatus }>;
      readonly satisfied: boolean;
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
  readonly policy: { readonly id: string; readonly version: string; readonly hash: string };
  readonly facts: Facts;
  /** Advisory absence typology (domain.md §4.1, §6.2), computed under every policy; never a legal trigger. */
  readonly typology: Typology;
  readonly steps: readonly Step[];
  readonly notRecommended: readonly NotRecommended[];
  readonly warnings: readonly Warning[];
}
