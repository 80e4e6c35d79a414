import type { DatedValue } from './datedParameter.js';
import type { SignalType } from './vocabulary.js';

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

/** Documented defaults for the fact parameters (see docs/facts.md). */
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

