import type { AbsenceType, TypologyLevel } from './typology.js';
import type { SignalType } from './vocabulary.js';

export type { Rate } from './rate.js';
import type { Rate } from './rate.js';

/** Direction of absence in the rolling window against the window before it. */
export type Trend = 'rising' | 'falling' | 'stable' | 'unknown';

type SignalFactName<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<SignalFactName<T>>}`
  : S;

/** `harm-suspected` → `signalHarmSuspected`. */
export type SignalFact = `signal${Capitalize<SignalFactName<SignalType>>}`;

/** `skolvagran` → `typologySkolvagran`: the strength of one typology hypothesis as a fact. */
export type TypologyFact = `typology${Capitalize<AbsenceType>}`;

/**
 * The flat facts rules see. Everything is precomputed: no dates, no paths, no
 * nested lookups. Numbers are integers (minutes, days, counts). The typology
 * facts (`typologySkolk` …) hold `ingen`/`svag`/`mattlig`/`stark`; rules of
 * kind `lagkrav` may not read them (the typology is advisory, domain.md §6.2).
 */
export interface Facts extends Readonly<Record<SignalFact, boolean>>, Readonly<Record<TypologyFact, TypologyLevel>> {
  readonly ageYears: number;
  readonly schoolForm: string;
  readonly grade: number;
  readonly huvudman: string;
  readonly compulsorySchoolForm: boolean;
  readonly gymnasiumSchoolForm: boolean;
  readonly schoolMunicipalityCode: string;
  readonly residenceMunicipalityCode: string | null;
  readonly residenceKnown: boolean;
  readonly huvudmanIsHemkommun: boolean;
  readonly protectedIdentity: boolean;
  readonly schoolHasSkolsocialtTeam: boolean;
  /** The student's own consent to contact with the parents (`consents['contact-with-parents'].student`); read for students of 18 or more. */
  readonly studentConsentsToParentContact: boolean;

  readonly termId: string | null;
  readonly termSchoolDaysElapsed: number;
  readonly termScheduledMinutes: number;
  readonly termAbsenceMinutes: number;
  readonly termValidAbsenceMinutes: number;
  readonly termInvalidAbsenceMinutes: number;
  readonly termAbsence: Rate;
  readonly termValidAbsence: Rate;
  readonly termInvalidAbsence: Rate;
  readonly windowAbsence: Rate;
  readonly windowValidAbsence: Rate;
  readonly windowInvalidAbsence: Rate;
  /**
   * Absence (valid + invalid) less one short illness: the guardian-reported
   * sick minutes of the `shortIllnessSchoolDays` days with the most of them
   * (a flu week), in the term and in the rolling window.
   */
  readonly termAbsenceBeyondShortIllness: Rate;
  readonly windowAbsenceBeyondShortIllness: Rate;
  readonly previousWindowAbsence: Rate;
  readonly trend: Trend;
  readonly termDaysWithAbsence: number;
  readonly termAbsenceOccasions: number;
  readonly termInvalidAbsenceOccasions: number;
  readonly longestWholeDayStreak: number;
  readonly currentWholeDayStreak: number;
  readonly termWholeDayAbsenceDays: number;
  readonly termPartialDayAbsenceDays: number;
  readonly termLessonLevelInvalidLessons: number;
  readonly reportingRate: Rate;
  /**
   * School days with lesson records of the school days in the period a fact
   * covers: the term to date (from `enrolledFrom` when later) and the rolling
   * window. Days with no lessons, before the first lesson or after the last
   * (stale input) are uncovered.
   */
  readonly termCoverage: Rate;
  readonly windowCoverage: Rate;
  /** `termCoverage` / `windowCoverage` at least the policy's `minimumCoveragePercent`: the term's (window's) rates can carry a decision. */
  readonly termCoverageSufficient: boolean;
  readonly windowCoverageSufficient: boolean;
  readonly invalidAbsenceMinutesToday: number;
  /**
   * School days in the lookback (`sameDayNoticeLookbackSchoolDays`) with
   * invalid absence the guardians did not report, dated after the latest
   * `vardnadshavare-informeras` measure (SL 7 kap. 17 §).
   */
  readonly invalidAbsenceDaysToNotify: number;
  /** Invalid absence minutes in the calendar month of asOf (up to asOf). */
  readonly monthInvalidAbsenceMinutes: number;
  /**
   * School days with invalid absence in the calendar month of asOf: the
   * "tillfällen" of CSN's skolk rule, one per day (a day with two skipped
   * lessons is one occasion; a week away is five). Unlike runs of lessons,
   * it never falls when absence is added.
   */
  readonly monthInvalidAbsenceDays: number;
  /** Invalid absence minutes in the calendar month before asOf's. */
  readonly previousMonthInvalidAbsenceMinutes: number;
  /** School days with invalid absence in the calendar month before asOf's. */
  readonly previousMonthInvalidAbsenceDays: number;
  /** `yes`, `no` or `unknown`: whether the student has studiehjälp from CSN. */
  readonly studiehjalp: string;
  /** asOf is on or before 30 June of the year the student turns 20: studiehjälp is paid until vårterminen that year (domain.md §1.6). */
  readonly studiehjalpAgeEligible: boolean;

  readonly utredningObehovlig: boolean;
  readonly utredningInledd: boolean;
  /** The latest `rektor-utredning` measure this term has outcome `done`: the investigation is finished (SL 7:23 needs one first, domain.md §1.5). */
  readonly utredningKlar: boolean;
  readonly ehtHeldThisTerm: boolean;
  readonly schoolYearWholeDayAbsenceDays: number;
  readonly orosanmalanMade: boolean;
  readonly daysSinceOrosanmalan: number | null;
  /** The age in force on asOf from which the child may consent alone to öppna insatser (SoL 3 kap. 6 a §); null when the policy has none. */
  readonly childConsentAgeOppnaInsatser: number | null;
  /** `ageYears` ≥ `childConsentAgeOppnaInsatser` (false when the policy has no such age). */
  readonly childMayConsentToOppnaInsatser: boolean;
}

/** The facts measured from the case, before the typology is added. */
export type MeasuredFacts = Omit<Facts, TypologyFact>;

/**
 * What `computeFacts` returns: the measured facts in the full facts' shape,
 * every typology fact still `ingen`, so that `addTypology` copies one object
 * of one shape and overwrites four keys. (A copy that adds keys to an object
 * of 86 costs some 12 µs in V8; a copy of the same shape 0.2 µs. Measured,
 * issue 15.)
 */
export type UnclassifiedFacts = MeasuredFacts & { readonly [K in TypologyFact]: 'ingen' };

/** The type a fact has for rule validation and operator checks. */
export type FactType = 'number' | 'boolean' | 'string' | 'rate';

/** Description of one fact: its type and labels for explanations. */
export interface FactInfo {
  readonly type: FactType;
  readonly nullable?: boolean;
  /** For a string fact with a closed set of values: the values a rule may compare it with. */
  readonly values?: readonly string[];
  /** Advisory facts (the typology) never trigger a legal duty: rules of kind `lagkrav` may not read them. */
  readonly advisory?: true;
  /** For a fact of one calendar month: which (the CSN report reads the month of the branch that fired). */
  readonly month?: 'this' | 'previous';
  /** The unit of a number fact, shown with its value ("1200 min", "17 år"); a count the label names ("Skoldagar …") has none. */
  readonly unit?: 'min' | 'years';
  /** A string fact that holds a code of a table: shown with its name ("Stockholm (0180)"). */
  readonly code?: 'municipality';
  readonly sv: string;
  readonly en: string;
}
