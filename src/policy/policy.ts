import type { DatedValue } from '../model/datedParameter.js';
import type { ConditionNode, PolicyFile, Rule } from '../model/policyFile.js';
import type { SignalType } from '../model/vocabulary.js';

/** Parameters with every default applied. */
export interface PolicyParameters {
  readonly rollingWindowSchoolDays: number;
  readonly trendMarginPercent: number;
  readonly minimumReportingPercent: number;
  /** Share of a period's school days with lesson records before its rates count. */
  readonly minimumCoveragePercent: number;
  readonly followUpIntervalSchoolDays: number;
  readonly followUpPersistsPercent: number;
  /**
   * Dated: the age from which a child may consent alone to öppna insatser
   * (SoL 3 kap. 6 a §). Empty when the policy does not set it (then the
   * `childConsentAgeOppnaInsatser` fact is null); `rules/skollagen.json` sets it.
   */
  readonly childConsentAgeOppnaInsatser: readonly DatedValue[];
  /** School days before asOf in which invalid absence still asks for the same-day notice (SL 7:17). */
  readonly sameDayNoticeLookbackSchoolDays: number;
  /** School days of guardian-reported illness the `…BeyondShortIllness` rates leave out (one flu week). */
  readonly shortIllnessSchoolDays: number;
  /** Default validity (calendar days) of signals by kind, dated; a kind left out never expires. */
  readonly signalValidityDays: Readonly<Partial<Record<SignalType, readonly DatedValue[]>>>;
}

/** Documented defaults for the fact parameters (see README "Definitions"). */
export const DEFAULT_PARAMETERS: PolicyParameters = {
  rollingWindowSchoolDays: 20,
  trendMarginPercent: 5,
  minimumReportingPercent: 90,
  minimumCoveragePercent: 80,
  followUpIntervalSchoolDays: 20,
  followUpPersistsPercent: 10,
  childConsentAgeOppnaInsatser: [],
  sameDayNoticeLookbackSchoolDays: 20,
  shortIllnessSchoolDays: 5,
  signalValidityDays: {},
};

/** A rule together with the policy file it came from. */
export interface PolicyRule extends Rule {
  readonly policyId: string;
}

/**
 * A loaded, validated policy with its base policies resolved. Plain data:
 * pass it to `evaluate` as often as you like.
 */
export interface Policy {
  readonly id: string;
  readonly version: string;
  readonly title: PolicyFile['title'];
  /** SHA-256 of the canonical JSON of this file and every file it extends. */
  readonly hash: string;
  /** This policy's id and the ids it extends, most specific first. */
  readonly chain: readonly string[];
  readonly parameters: PolicyParameters;
  readonly conditions: Readonly<Record<string, ConditionNode>>;
  readonly rules: readonly PolicyRule[];
}
