import { datedValueInForce } from '../model/datedParameter.js';
import { indexCalendar, type CalendarIndex } from '../calendar/calendarIndex.js';
import { ageInYears } from '../calendar/age.js';
import { dayNumber, isoDate, isoDateCached } from '../calendar/dayNumber.js';
import type { MeasuredFacts, Rate, Trend, UnclassifiedFacts } from '../model/facts.js';
import type { Warning } from '../model/decision.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCase } from '../model/studentCase.js';
import { COMPULSORY_SCHOOL_FORMS } from '../model/vocabulary.js';
import type { PolicyParameters } from '../model/policyParameters.js';
import { latestMeasure } from '../model/measures.js';
import { buildLedger, buildPackedLedger, type LedgerDay } from './ledger.js';
import type { PackedLessons } from '../model/packedLessons.js';
import { schoolStructureOn, structureMismatch } from '../model/schoolStructure.js';
import { periodCoverage, type Coverage } from './coverage.js';
import { absenceHistory, currentStreakInTerm, shortIllnessMinutes, walkAbsence, type AbsenceHistory, type AbsenceState } from './absenceWalk.js';
import { signalsOn, type SignalsOnDate } from './activeSignals.js';
import { occasionsInDays } from './occasions.js';
import { computePatterns, type AbsencePatterns } from './patterns.js';
import { compareRates, rateBelow } from './rate.js';
import { weeklySeries } from './weeklySeries.js';
import type { WeeklySeries } from '../model/decision.js';

interface Sums {
  scheduled: number;
  valid: number;
  invalid: number;
}

function sumDays(days: readonly LedgerDay[], from: number, to: number): Sums {
  const s: Sums = { scheduled: 0, valid: 0, invalid: 0 };
  for (const d of days) {
    if (d.day < from || d.day > to) continue;
    s.scheduled += d.scheduled;
    s.valid += d.valid;
    s.invalid += d.invalid;
  }
  return s;
}

function rate(part: number, whole: number): Rate {
  return { part, whole };
}

function trendOf(current: Rate, previous: Rate, margin: number): Trend {
  if (current.whole === 0 || previous.whole === 0) return 'unknown';
  const c = compareRates(current, previous, margin);
  return c > 0 ? 'rising' : c < 0 ? 'falling' : 'stable';
}

/** One school day whose invalid absence asks for the same-day notice (SL 7 kap. 17 §). */
export interface NoticeDay {
  readonly date: string;
  /**
   * Every unreported invalid lesson of the day was its last reported lesson:
   * särskilda skäl (domain.md §1.2) let the notice wait until the next school day.
   */
  readonly lastLessonOnly: boolean;
}

/** The absence facts on every school day up to asOf, oldest first (what a step's `arisesOn` is read from). */
export type { AbsenceHistory } from './absenceWalk.js';

/** Facts plus the data-quality warnings found while computing them. */
export interface FactsResult {
  /** Every fact; the typology's are `ingen` until `addTypology` classifies `patterns` (see `classifyAbsence`). */
  readonly facts: UnclassifiedFacts;
  readonly warnings: readonly Warning[];
  /** Term-to-date attendance patterns for the absence typology. */
  readonly patterns: AbsencePatterns;
  /** The term's minutes week by week, for plots (see `weeklySeries`). */
  readonly series: WeeklySeries | null;
  /** Dates deadlines can be counted from; never shown to rules (facts carry no dates). */
  readonly anchors: {
    /** First day of the current whole-day absence streak, or null when there is none. */
    readonly currentAbsenceStart: string | null;
    /** First day with invalid absence in the calendar month of asOf, and in the month before (CSN's first skolk day). */
    readonly monthFirstInvalidDay: string | null;
    readonly previousMonthFirstInvalidDay: string | null;
  };
  /** Signals in force on asOf (the ones the signal facts read) and those that have ended. */
  readonly signals: SignalsOnDate;
  /** The current absence episode: absence is counted from `start` (after an `obehovligt` decision), or null for the whole record. */
  readonly episode: { readonly start: string; readonly obehovligtOn: string } | null;
  /** Days still to be notified to the guardians, oldest first: in the lookback, after the latest notice. */
  readonly noticeDays: readonly NoticeDay[];
  /** The walk's state on each school day up to asOf (read facts with `factOnDay`); computed on first call and kept. */
  readonly history: () => AbsenceHistory;
}

/** Options of `computeFacts` beyond the policy's parameters. */
export interface ComputeOptions {
  /**
   * Look back at least to this date for days to notify (an earlier night's
   * open notice: its days stay until a notice is recorded, see `evaluate`'s `previous`).
   */
  readonly noticeFrom?: string | undefined;
  /**
   * The student's lessons as packed words (the batch's path, see `evaluate`'s
   * `packed`): the ledger is folded from them and `input.attendance` is not read.
   */
  readonly packed?: PackedLessons | undefined;
}

function latestThisTerm(
  measures: StudentCase['measures'],
  step: StudentCase['measures'][number]['step'],
  asOf: string,
  termStartIso: string | undefined,
): StudentCase['measures'][number] | undefined {
  return termStartIso === undefined ? undefined : latestMeasure(measures, step, asOf, termStartIso);
}

/**
 * Compute the flat facts for one student on `asOf`: term-to-date and rolling
 * window rates as exact integer pairs, occasions, whole-day streaks,
 * lesson-level versus whole-day absence, trend, reporting rate, age, and the
 * context facts rules need. Pure: the calendar and parameters are arguments.
 *
 * @param input - a validated student case
 * @param asOf - ISO evaluation date
 * @param calendar - the school calendar
 * @param params - the policy's fact parameters
 * @returns facts and warnings
 * @example computeFacts(parseStudentCase(json).case, '2026-11-23', defaultCalendarFor('2026-11-23'), DEFAULT_PARAMETERS).facts.termAbsence
 */
export function computeFacts(
  input: StudentCase,
  asOf: string,
  calendar: SchoolCalendar,
  params: PolicyParameters,
  options: ComputeOptions = {},
): FactsResult {
  const { student } = input;
  const asOfDay = dayNumber(asOf);
  const index = indexCalendar(calendar);
  const ledger = options.packed === undefined ? buildLedger(input.attendance, asOf) : buildPackedLedger(options.packed, asOfDay);
  const warnings: Warning[] = [];

  // An `obehovligt` decision covers the absence up to its own date: the episode starts the day after.
  const latestInvestigation = latestMeasure(input.measures, 'rektor-utredning', asOf);
  const obehovligt = latestInvestigation?.outcome === 'obehovligt';
  const episodeStart = obehovligt ? dayNumber(latestInvestigation.date) + 1 : -Infinity;
  const range = { from: episodeStart, to: asOfDay, windowSchoolDays: params.rollingWindowSchoolDays, shortIllnessSchoolDays: params.shortIllnessSchoolDays };
  const state = walkAbsence(ledger.days, index, range);

  const term = index.termAt(asOfDay);
  const termStart = Math.max(term?.start ?? asOfDay + 1, episodeStart);
  const termDays = ledger.days.filter((d) => d.day >= termStart);
  const termLessonStart = ledger.days.length - termDays.length;

  const windowStart = index.firstOfSchoolDaysEndingAt(asOfDay, params.rollingWindowSchoolDays) ?? asOfDay + 1;
  const previousStart = index.firstOfSchoolDaysEndingAt(windowStart - 1, params.rollingWindowSchoolDays);
  const previousSums =
    previousStart === undefined ? { scheduled: 0, valid: 0, invalid: 0 } : sumDays(ledger.days, Math.max(previousStart, episodeStart), windowStart - 1);

  const ageYears = ageInYears(student.birthDate, asOf);
  const signals = signalsOn(input.signals, input.measures, asOf, params.signalValidityDays, ageYears < 18);
  const active = new Set(signals.active.map((s) => s.type));

  const orosanmalan = latestMeasure(input.measures, 'orosanmalan', asOf)?.date;

  const termStartIso = term === undefined ? undefined : isoDateCached(term.start);
  const latestThisTermInvestigation = latestThisTerm(input.measures, 'rektor-utredning', asOf, termStartIso);
  const episodeHasAbsence = obehovligt && ledger.days.some((d) => d.day >= episodeStart && d.valid + d.invalid > 0);

  const noticeDays = daysToNotify(ledger.days, index, asOf, params.sameDayNoticeLookbackSchoolDays, input.measures, options.noticeFrom);

  // Protected identity: the address given is not used at all, not even as one bit (is the
  // home municipality the school's?): every fact is as if no residence were given.
  const residence = student.protectedIdentity ? undefined : student.residence;
  const reportingRate = rate(state.termReportedLessons, state.termAllLessons);
  const windowAbsence = rateFact('windowAbsence', state);
  const previousWindowAbsence = rate(previousSums.valid + previousSums.invalid, previousSums.scheduled);

  if (term === undefined) warnings.push({ kind: 'no-school-term', asOf });
  else if (state.termScheduled === 0) warnings.push({ kind: 'no-attendance-this-term' });
  // Coverage: the term from the later of its start, the episode and the enrolment; the window from its first day.
  const enrolled = student.enrolledFrom === undefined ? -Infinity : dayNumber(student.enrolledFrom);
  const coverageOf = (from: number) => periodCoverage(ledger.days, index, Math.max(from, episodeStart, enrolled), asOfDay);
  const termCoverage = coverageOf(term?.start ?? asOfDay + 1);
  const windowCoverage = coverageOf(windowStart);
  const sufficient = (c: Coverage) => c.days.whole > 0 && !rateBelow(c.days, params.minimumCoveragePercent);
  for (const [period, c] of [['term', termCoverage], ['window', windowCoverage]] as const) {
    if (c.days.whole === 0 || c.from === null || c.to === null || sufficient(c)) continue;
    warnings.push({
      kind: 'low-coverage',
      period,
      from: c.from,
      to: c.to,
      coverage: c.days,
      minimumPercent: params.minimumCoveragePercent,
      beforeFirstLesson: c.beforeFirstLesson,
      afterLastLesson: c.afterLastLesson,
    });
  }
  if (rateBelow(reportingRate, params.minimumReportingPercent)) {
    warnings.push({ kind: 'low-reporting-rate', reportingRate, minimumPercent: params.minimumReportingPercent });
  }
  const mismatch = structureMismatch(student.schoolForm, student.grade, asOf);
  if (mismatch !== null) {
    warnings.push({ kind: 'school-structure-mismatch', field: mismatch === 'form' ? 'schoolForm' : 'grade', structure: schoolStructureOn(asOf).id });
  }
  if (ledger.recordsAfterAsOf > 0) warnings.push({ kind: 'records-after-as-of', count: ledger.recordsAfterAsOf });

  // Dated parameter: the value whose range contains asOf (SoL 3 kap. 6 a §: 15, then 12 from 2023-07-01).
  const consentAge = datedValueInForce(params.childConsentAgeOppnaInsatser, asOf)?.value;
  const facts: UnclassifiedFacts = {
    ageYears,
    schoolForm: student.schoolForm,
    grade: student.grade,
    huvudman: student.school.huvudman,
    compulsorySchoolForm: COMPULSORY_SCHOOL_FORMS.has(student.schoolForm),
    gymnasiumSchoolForm: student.schoolForm === 'gymnasieskola' || student.schoolForm === 'anpassad-gymnasieskola',
    schoolMunicipalityCode: student.school.municipalityCode,
    residenceMunicipalityCode: residence?.municipalityCode ?? null,
    residenceKnown: residence !== undefined,
    huvudmanIsHemkommun:
      student.school.huvudman === 'kommunal' && residence !== undefined && residence.municipalityCode === student.school.municipalityCode,
    protectedIdentity: student.protectedIdentity,
    schoolHasSkolsocialtTeam: student.school.teams.includes('skolsocialt-team'),
    // Only the purpose that says so: consent to information sharing (school – social services) is not consent to tell the parents.
    studentConsentsToParentContact: input.consents['contact-with-parents']?.student === 'given',
    termId: term?.id ?? null,
    // The walk's facts, each by its getter (NUMBER_FACTS, RATE_FACTS), written out so the facts are one object of one shape.
    termSchoolDaysElapsed: numberFact('termSchoolDaysElapsed', state),
    termScheduledMinutes: numberFact('termScheduledMinutes', state),
    termAbsenceMinutes: numberFact('termAbsenceMinutes', state),
    termValidAbsenceMinutes: numberFact('termValidAbsenceMinutes', state),
    termInvalidAbsenceMinutes: numberFact('termInvalidAbsenceMinutes', state),
    termDaysWithAbsence: numberFact('termDaysWithAbsence', state),
    longestWholeDayStreak: numberFact('longestWholeDayStreak', state),
    currentWholeDayStreak: numberFact('currentWholeDayStreak', state),
    termWholeDayAbsenceDays: numberFact('termWholeDayAbsenceDays', state),
    termPartialDayAbsenceDays: numberFact('termPartialDayAbsenceDays', state),
    termLessonLevelInvalidLessons: numberFact('termLessonLevelInvalidLessons', state),
    invalidAbsenceMinutesToday: numberFact('invalidAbsenceMinutesToday', state),
    schoolYearWholeDayAbsenceDays: numberFact('schoolYearWholeDayAbsenceDays', state),
    monthInvalidAbsenceMinutes: numberFact('monthInvalidAbsenceMinutes', state),
    monthInvalidAbsenceDays: numberFact('monthInvalidAbsenceDays', state),
    previousMonthInvalidAbsenceMinutes: numberFact('previousMonthInvalidAbsenceMinutes', state),
    previousMonthInvalidAbsenceDays: numberFact('previousMonthInvalidAbsenceDays', state),
    termAbsence: rateFact('termAbsence', state),
    termValidAbsence: rateFact('termValidAbsence', state),
    termInvalidAbsence: rateFact('termInvalidAbsence', state),
    windowAbsence,
    windowValidAbsence: rateFact('windowValidAbsence', state),
    windowInvalidAbsence: rateFact('windowInvalidAbsence', state),
    termAbsenceBeyondShortIllness: rateFact('termAbsenceBeyondShortIllness', state),
    windowAbsenceBeyondShortIllness: rateFact('windowAbsenceBeyondShortIllness', state),
    previousWindowAbsence,
    trend: trendOf(windowAbsence, previousWindowAbsence, params.trendMarginPercent),
    termAbsenceOccasions: occasionsInDays(ledger.days, termLessonStart, 'any'),
    termInvalidAbsenceOccasions: occasionsInDays(ledger.days, termLessonStart, 'invalid'),
    reportingRate,
    termCoverage: termCoverage.days,
    windowCoverage: windowCoverage.days,
    termCoverageSufficient: sufficient(termCoverage),
    windowCoverageSufficient: sufficient(windowCoverage),
    invalidAbsenceDaysToNotify: noticeDays.length,
    utredningObehovlig: obehovligt && !episodeHasAbsence,
    utredningInledd: latestThisTermInvestigation !== undefined && latestThisTermInvestigation.outcome !== 'obehovligt',
    utredningKlar: latestThisTermInvestigation?.outcome === 'done',
    ehtHeldThisTerm: latestThisTerm(input.measures, 'eht', asOf, termStartIso) !== undefined,
    orosanmalanMade: orosanmalan !== undefined,
    daysSinceOrosanmalan: orosanmalan === undefined ? null : asOfDay - dayNumber(orosanmalan),
    studiehjalp: student.studiehjalp,
    studiehjalpAgeEligible: asOf <= `${String(Number(student.birthDate.slice(0, 4)) + 20).padStart(4, '0')}-06-30`,
    childConsentAgeOppnaInsatser: consentAge ?? null,
    childMayConsentToOppnaInsatser: consentAge !== undefined && ageYears >= consentAge,
    // One key per signal type, in SignalTypeSchema's order (test/metrics/factsShape.test.ts).
    signalHarmSuspected: active.has('harm-suspected'),
    signalViolenceDisclosed: active.has('violence-disclosed'),
    signalAnxietyDistress: active.has('anxiety-distress'),
    signalNeurodevelopmentalCondition: active.has('neurodevelopmental-condition'),
    signalGuardiansUnaware: active.has('guardians-unaware'),
    signalGuardiansTrying: active.has('guardians-trying'),
    signalGuardianKeepsHome: active.has('guardian-keeps-home'),
    signalCaregivingAtHome: active.has('caregiving-at-home'),
    signalGuardianOwnProblems: active.has('guardian-own-problems'),
    signalNormbrytande: active.has('normbrytande'),
    signalSchoolSentHome: active.has('school-sent-home'),
    signalWhereaboutsUnknown: active.has('whereabouts-unknown'),
    signalNeedsHealthAndSocialCare: active.has('needs-health-and-social-care'),
    signalComplexProblems: active.has('complex-problems'),
    signalNeglectSigns: active.has('neglect-signs'),
    signalCrimeOrDrugs: active.has('crime-or-drugs'),
    signalConcealment: active.has('concealment'),
    signalSeenAtSchoolNotInClass: active.has('seen-at-school-not-in-class'),
    signalAbroadSuspected: active.has('abroad-suspected'),
    signalGuardianUnreachable: active.has('guardian-unreachable'),
    signalOwnRequestForHelp: active.has('own-request-for-help'),
    signalGuardianRequestsHelp: active.has('guardian-requests-help'),
    signalBullying: active.has('bullying'),
    // Set by `addTypology` on its copy: here only so that the copy has the final shape.
    typologySkolk: 'ingen',
    typologySkolvagran: 'ingen',
    typologyForaldrastodd: 'ingen',
    typologySkolinitierad: 'ingen',
  };
  let history: AbsenceHistory | undefined;
  return {
    facts,
    warnings,
    patterns: computePatterns(termDays),
    series: weeklySeries(ledger.days, index, asOf),
    anchors: {
      currentAbsenceStart: state.currentStreakStart === null || currentStreakInTerm(state) === 0 ? null : isoDate(state.currentStreakStart),
      monthFirstInvalidDay: state.monthFirstInvalidDay === null ? null : isoDate(state.monthFirstInvalidDay),
      previousMonthFirstInvalidDay: state.previousMonthFirstInvalidDay === null ? null : isoDate(state.previousMonthFirstInvalidDay),
    },
    signals,
    episode: obehovligt && latestInvestigation !== undefined ? { start: isoDate(episodeStart), obehovligtOn: latestInvestigation.date } : null,
    noticeDays,
    history: () => {
      history ??= absenceHistory(ledger.days, index, range);
      return history;
    },
  };
}

type Getter = (s: Readonly<AbsenceState>) => number;

/**
 * The facts read from the walk's state: the same getters give the facts on
 * asOf and on every day of the history, so a duty's date can never disagree
 * with the facts that fired it. A rate is a part and a whole.
 */
const NUMBER_FACTS = {
  termSchoolDaysElapsed: (s) => s.termSchoolDaysElapsed,
  termScheduledMinutes: (s) => s.termScheduled,
  termAbsenceMinutes: (s) => s.termValid + s.termInvalid,
  termValidAbsenceMinutes: (s) => s.termValid,
  termInvalidAbsenceMinutes: (s) => s.termInvalid,
  termDaysWithAbsence: (s) => s.termDaysWithAbsence,
  longestWholeDayStreak: (s) => s.longestStreak,
  currentWholeDayStreak: (s) => currentStreakInTerm(s),
  termWholeDayAbsenceDays: (s) => s.termWholeDays,
  termPartialDayAbsenceDays: (s) => s.termPartialDays,
  termLessonLevelInvalidLessons: (s) => s.termLessonLevelInvalid,
  invalidAbsenceMinutesToday: (s) => s.invalidToday,
  schoolYearWholeDayAbsenceDays: (s) => s.schoolYearWholeDays,
  monthInvalidAbsenceMinutes: (s) => s.monthInvalid,
  monthInvalidAbsenceDays: (s) => s.monthInvalidDays,
  previousMonthInvalidAbsenceMinutes: (s) => s.previousMonthInvalid,
  previousMonthInvalidAbsenceDays: (s) => s.previousMonthInvalidDays,
} as const satisfies Partial<Record<keyof MeasuredFacts, Getter>>;

const RATE_FACTS = {
  termAbsence: [(s) => s.termValid + s.termInvalid, (s) => s.termScheduled],
  termValidAbsence: [(s) => s.termValid, (s) => s.termScheduled],
  termInvalidAbsence: [(s) => s.termInvalid, (s) => s.termScheduled],
  windowAbsence: [(s) => s.windowValid + s.windowInvalid, (s) => s.windowScheduled],
  windowValidAbsence: [(s) => s.windowValid, (s) => s.windowScheduled],
  windowInvalidAbsence: [(s) => s.windowInvalid, (s) => s.windowScheduled],
  termAbsenceBeyondShortIllness: [(s) => s.termValid + s.termInvalid - shortIllnessMinutes(s, 'term'), (s) => s.termScheduled],
  windowAbsenceBeyondShortIllness: [(s) => s.windowValid + s.windowInvalid - shortIllnessMinutes(s, 'window'), (s) => s.windowScheduled],
} as const satisfies Partial<Record<keyof MeasuredFacts, readonly [Getter, Getter]>>;

type NumberFactName = keyof typeof NUMBER_FACTS;
type RateFactName = keyof typeof RATE_FACTS;

function numberFact(name: NumberFactName, s: Readonly<AbsenceState>): number {
  return NUMBER_FACTS[name](s);
}

function rateFact(name: RateFactName, s: Readonly<AbsenceState>): Rate {
  const [part, whole] = RATE_FACTS[name];
  return rate(part(s), whole(s));
}

/**
 * Whether the history dates a fact (an absence fact of the walk), as `factOnDay` reads it.
 *
 * @param fact - a fact name
 * @returns true for the absence facts
 * @example isHistoryFact('termAbsence') // true
 */
export function isHistoryFact(fact: string): boolean {
  return Object.hasOwn(NUMBER_FACTS, fact) || Object.hasOwn(RATE_FACTS, fact);
}

/** Reads one absence fact from a walk's state; a rate is written into `scratch` when one is given (see `factOnDay`). */
export type FactReader = (state: Readonly<AbsenceState>, scratch?: { part: number; whole: number }) => number | Rate;

function readerOf(fact: string): FactReader | undefined {
  if (Object.hasOwn(NUMBER_FACTS, fact)) return NUMBER_FACTS[fact as NumberFactName];
  if (!Object.hasOwn(RATE_FACTS, fact)) return undefined;
  const [part, whole] = RATE_FACTS[fact as RateFactName];
  return (state, scratch) => {
    if (scratch === undefined) return rate(part(state), whole(state));
    scratch.part = part(state);
    scratch.whole = whole(state);
    return scratch;
  };
}

const READERS = new Map<string, FactReader | undefined>();

/**
 * The reader of an absence fact (what `factOnDay` reads), made once per fact:
 * a walk back over a hundred days looks the fact up once, not once a day.
 *
 * @param fact - a fact name
 * @returns the reader, or undefined for a fact the history does not date
 * @example factReader('termAbsence')?.(result.history().at(0)) // { part: …, whole: … }
 */
export function factReader(fact: string): FactReader | undefined {
  if (!READERS.has(fact)) READERS.set(fact, readerOf(fact));
  return READERS.get(fact);
}

/**
 * The value of an absence fact in a walk's state (one day of the history), or
 * undefined for a fact the history does not date (context facts such as age
 * or school form).
 *
 * @param fact - a fact name
 * @param state - a state from `FactsResult.history().at(i)`
 * @param scratch - optional: a rate is written into it and it is returned (valid until the next call with it), so a walk back over a hundred days makes no object per day
 * @returns the fact's value at the end of that day
 * @example factOnDay('termAbsence', result.history().at(0))
 */
export function factOnDay(fact: string, state: Readonly<AbsenceState>, scratch?: { part: number; whole: number }): number | Rate | undefined {
  return factReader(fact)?.(state, scratch);
}

/**
 * Days with invalid absence the guardians did not report themselves, from the
 * lookback start (the last `lookback` school days, or `noticeFrom` if earlier)
 * to asOf, dated after the latest `vardnadshavare-informeras` measure: a
 * notice on a day covers that day and every day before it.
 */
function daysToNotify(
  days: readonly LedgerDay[],
  index: CalendarIndex,
  asOf: string,
  lookback: number,
  measures: StudentCase['measures'],
  noticeFrom: string | undefined,
): NoticeDay[] {
  const asOfDay = dayNumber(asOf);
  const lookbackStart = index.firstOfSchoolDaysEndingAt(asOfDay, lookback) ?? asOfDay;
  const from = noticeFrom === undefined ? lookbackStart : Math.min(lookbackStart, dayNumber(noticeFrom));
  const notified = latestMeasure(measures, 'vardnadshavare-informeras', asOf)?.date;
  const out: NoticeDay[] = [];
  for (const d of days) {
    if (d.day < from || (notified !== undefined && d.date <= notified)) continue;
    if (d.invalid <= d.guardianReportedInvalid) continue;
    out.push({ date: d.date, lastLessonOnly: d.invalidLessons === 1 && d.lastLessonInvalid });
  }
  return out;
}
